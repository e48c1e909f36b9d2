using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Planning.Shifts;

namespace Mobility.Data.Commutes;

/// <summary>One employee's shifts over a range of dates, read as <see cref="CommuteLoader"/> reads a network's for a date:
/// rosters and exceptions in the network's time zone, a roster that fails <see cref="RosterRules"/> left out.</summary>
public static class EmployeeShifts
{
    /// <summary>The shifts starting from <paramref name="first"/> to <paramref name="last"/> (local dates), in order; none for
    /// an unknown employee.</summary>
    public static async Task<IReadOnlyList<ShiftInstance>> BetweenAsync(MobilityDbContext database, long employeeId, DateOnly first,
        DateOnly last, CancellationToken cancellation = default)
    {
        var employee = await database.Employees.AsNoTracking()
            .Include(e => e.Company!.Network)
            .Include(e => e.ShiftAssignments.Where(a => a.ValidFrom <= last && (a.ValidTo == null || a.ValidTo >= first)))
            .ThenInclude(a => a.ShiftPattern!.Slots)
            .Include(e => e.ShiftExceptions.Where(x => x.Date >= first && x.Date <= last))
            .AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == employeeId, cancellation);
        if (employee is null) return [];
        var calendar = new ShiftCalendar(TimeZoneInfo.FindSystemTimeZoneById(employee.Company!.Network!.TimeZone));
        // The matcher's own reading of rosters (one shift a day, invalid rosters left out): the feed shows what is matched.
        var rosters = new RosterExpansion(employee.ShiftAssignments.Select(a => a.ShiftPattern!).DistinctBy(p => p.Id));
        var shifts = new List<ShiftInstance>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            try
            {
                if (rosters.ShiftOn(calendar, date, employee.ShiftAssignments, employee.ShiftExceptions) is { } shift) shifts.Add(shift);
            }
            // One odd day (an exception of zero length) must not hide the others, as in the network's re-match.
            catch (Exception error) when (error is ArgumentException or InvalidOperationException or OverflowException) { }
        }
        return shifts;
    }
}
