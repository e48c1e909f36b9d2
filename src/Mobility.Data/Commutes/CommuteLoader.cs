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
        var rosters = new RosterExpansion(patterns);
        foreach (var (pattern, issue) in rosters.Invalid)
            skipped.Add(new SkippedData(SkippedData.Roster, pattern.Id, pattern.ExternalId, pattern.OwnerCompanyId, issue.Message));
        // Exceptions of the date only: a leave or an extra shift replaces that day's rostered shift.
        var employees = await database.Employees.AsNoTracking()
            .Include(e => e.Company).Include(e => e.MainSite).Include(e => e.PreferredMeetingPoint)
            .Include(e => e.ShiftAssignments.Where(a => a.ValidFrom <= date && (a.ValidTo == null || a.ValidTo >= date)))
            .Include(e => e.ShiftExceptions.Where(x => x.Date == date))
            .Where(e => e.Company!.NetworkId == networkId && e.ConsentToMatching && e.ErasedAt == null && e.Home != null)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellation);

        var toWork = new List<CarpoolParticipant>();
        var toHome = new List<CarpoolParticipant>();
        var shifts = new Dictionary<string, ShiftInstance>();
        var meetingPoints = new Dictionary<string, long>();
        var notWorking = 0;
        foreach (var employee in employees)
        {
            void Skip(string reason) =>
                skipped.Add(new SkippedData(SkippedData.Employee, employee.Id, employee.ExternalId, employee.CompanyId, reason));
            if (rosters.OnInvalidRoster(employee.ShiftAssignments, date) is { } onInvalid)
            {
                Skip($"roster {patterns.Single(p => p.Id == onInvalid.ShiftPatternId).ExternalId} is invalid");
                continue;
            }
            ShiftInstance? shift;
            try
            {
                shift = rosters.ShiftOn(calendar, date, employee.ShiftAssignments, employee.ShiftExceptions);
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
            // A passenger's pickup is their meeting point when they chose one; whoever may drive sets off from home (the
            // matcher has one place per person, and a car starts where it is parked).
            var meetingPoint = role == CarpoolRole.Passenger ? employee.PreferredMeetingPoint : null;
            if (meetingPoint is not null) meetingPoints[id] = meetingPoint.Id;
            var morning = new CarpoolParticipant(id, employee.Company!.ExternalId, (meetingPoint?.Location ?? employee.Home!).ToGeoPoint(),
                site.ExternalId, site.Location.ToGeoPoint(), role, role == CarpoolRole.Passenger ? 0 : employee.SeatsOffered,
                employee.MaxDetourMinutes, Math.Max(1, employee.MaxDetourRatio), there.Earliest.ToUnixTimeSeconds(), there.Latest.ToUnixTimeSeconds(),
                options.MaxRideFactor);
            toWork.Add(morning);
            toHome.Add(morning with { Earliest = back.Earliest.ToUnixTimeSeconds(), Latest = back.Latest.ToUnixTimeSeconds() });
            shifts[id] = shift;
        }
        return new DayCommutes(date, toWork, toHome, shifts, notWorking, skipped, meetingPoints);
    }
}
