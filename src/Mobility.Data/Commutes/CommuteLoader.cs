using Mobility.Routing;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;
using Mobility.Planning.Shifts;
using Mobility.Planning.TravelTimes;

namespace Mobility.Data.Commutes;

/// <summary>
/// Reads a network's commutes for a date: employees who consented to matching and are not erased, their rosters and
/// exceptions turned into shifts in the network's time zone (<see cref="ShiftCalendar"/>: night shifts, clock changes),
/// then into the morning and evening <see cref="CarpoolParticipant"/>s.
/// </summary>
public static class CommuteLoader
{
    public static async Task<DayCommutes> LoadAsync(MobilityDbContext database, long networkId, DateOnly date,
        CommuteOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= CommuteOptions.Default;
        var network = await database.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == networkId, cancellation)
            ?? throw new ArgumentException($"No network {networkId} in the database.");
        var calendar = new ShiftCalendar(TimeZoneInfo.FindSystemTimeZoneById(network.TimeZone));
        var skipped = new List<SkippedData>();
        var patterns = await database.ShiftPatterns.AsNoTracking().Include(p => p.Slots).Where(p => p.NetworkId == networkId).ToListAsync(cancellation);
        var rosters = new Dictionary<long, ShiftRoster>();
        foreach (var pattern in patterns)
        {
            if (RosterRules.Check(pattern.RotationWeeks, pattern.Slots) is [var first, ..])
                skipped.Add(new SkippedData(SkippedData.Roster, pattern.Id, pattern.ExternalId, pattern.OwnerCompanyId, first.Message));
            else rosters[pattern.Id] = Roster(pattern);
        }
        // Exceptions of the date only: a leave or an extra shift replaces that day's rostered shift.
        var employees = await database.Employees.AsNoTracking()
            .Include(e => e.Company).Include(e => e.MainSite)
            .Include(e => e.ShiftAssignments.Where(a => a.ValidFrom <= date && (a.ValidTo == null || a.ValidTo >= date)))
            .Include(e => e.ShiftExceptions.Where(x => x.Date == date))
            .Where(e => e.Company!.NetworkId == networkId && e.ConsentToMatching && e.ErasedAt == null && e.Home != null)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellation);

        var toWork = new List<CarpoolParticipant>();
        var toHome = new List<CarpoolParticipant>();
        var shifts = new Dictionary<string, ShiftInstance>();
        var notWorking = 0;
        foreach (var employee in employees)
        {
            void Skip(string reason) =>
                skipped.Add(new SkippedData(SkippedData.Employee, employee.Id, employee.ExternalId, employee.CompanyId, reason));
            if (employee.ShiftAssignments.FirstOrDefault(a => !rosters.ContainsKey(a.ShiftPatternId)) is { } onInvalid)
            {
                Skip($"roster {patterns.Single(p => p.Id == onInvalid.ShiftPatternId).ExternalId} is invalid");
                continue;
            }
            ShiftInstance? shift;
            try
            {
                var assignments = employee.ShiftAssignments.Select(a => new ShiftAssignmentRule(
                    rosters[a.ShiftPatternId], a.RotationAnchor, a.RotationOffsetWeeks, a.ValidFrom, a.ValidTo));
                var exceptions = employee.ShiftExceptions.Select(Rule);
                shift = calendar.ShiftsStartingOn(date, assignments, exceptions).FirstOrDefault();
            }
            catch (Exception error) when (error is ArgumentException or InvalidOperationException or OverflowException)
            {
                // One person's odd data (an exception of zero length, a rotation anchor far in the past) must not stop the others.
                Skip(error.Message);
                continue;
            }
            if (shift is null)
            {
                notWorking++;
                continue;
            }
            var id = employee.Id.ToString(CultureInfo.InvariantCulture);
            var there = CommuteWindow.ToWork(shift, TimeSpan.FromMinutes(employee.FlexibilityMinutes), options.Margin);
            var back = CommuteWindow.ToHome(shift, TimeSpan.FromMinutes(options.HomeFlexibilityMinutes), options.Margin);
            var site = employee.MainSite!;
            var role = employee.Role;
            var morning = new CarpoolParticipant(id, employee.Company!.ExternalId, employee.Home!.ToGeoPoint(),
                site.ExternalId, site.Location.ToGeoPoint(), role, role == CarpoolRole.Passenger ? 0 : employee.SeatsOffered,
                employee.MaxDetourMinutes, Math.Max(1, employee.MaxDetourRatio), there.Earliest.ToUnixTimeSeconds(), there.Latest.ToUnixTimeSeconds(),
                options.MaxRideFactor);
            toWork.Add(morning);
            toHome.Add(morning with { Earliest = back.Earliest.ToUnixTimeSeconds(), Latest = back.Latest.ToUnixTimeSeconds() });
            shifts[id] = shift;
        }
        return new DayCommutes(date, toWork, toHome, shifts, notWorking, skipped);
    }

    internal static ShiftExceptionRule Rule(ShiftException x) => x.Kind == ShiftExceptionKind.Leave || x.Start is null || x.End is null
        ? ShiftExceptionRule.Leave(x.Date) : ShiftExceptionRule.ExtraShift(x.Date, x.Start.Value, x.End.Value);

    internal static ShiftRoster Roster(ShiftPattern pattern) => new ShiftRoster(pattern.ExternalId, pattern.RotationWeeks,
        pattern.Slots.Select(s => new RosterSlot(s.WeekIndex, Days(s.Days), s.Start, s.End)).ToList()).Validated();

    private static IReadOnlySet<DayOfWeek> Days(WorkDays days)
    {
        var set = new HashSet<DayOfWeek>();
        foreach (var day in Enum.GetValues<DayOfWeek>())
            if (days.HasFlag(day switch
            {
                DayOfWeek.Monday => WorkDays.Monday, DayOfWeek.Tuesday => WorkDays.Tuesday, DayOfWeek.Wednesday => WorkDays.Wednesday,
                DayOfWeek.Thursday => WorkDays.Thursday, DayOfWeek.Friday => WorkDays.Friday, DayOfWeek.Saturday => WorkDays.Saturday,
                _ => WorkDays.Sunday,
            })) set.Add(day);
        return set;
    }
}
