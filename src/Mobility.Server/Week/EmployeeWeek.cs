using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Commutes;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Planning.Shifts;

namespace Mobility.Server.Week;

/// <summary>An employee's days: the shifts their roster gives (rotation, leave, extra shifts) and each day's trips.</summary>
/// <param name="HasRoster">Whether a roster is assigned for any of the dates: without one, a day without a shift is not a rest
/// day but one HR has given no shift for.</param>
public sealed record WeekView(DateOnly From, int Days, DateOnly Today, string TimeZone, IReadOnlyList<WeekDayView> Dates, bool HasRoster);

/// <param name="OnLeave">A leave is recorded on the date (the rostered shift, if any, is not worked).</param>
/// <param name="Trips">Each direction the day's shift implies (or would imply, on a leave or an invalid roster), with its
/// group or the reason there is none.</param>
public sealed record WeekDayView(DateOnly Date, bool IsToday, IReadOnlyList<WeekShiftView> Shifts, bool OnLeave, IReadOnlyList<WeekTripView> Trips);

/// <summary>A shift, local to the network (a night shift ends the next day); <paramref name="Extra"/> for an extra shift.</summary>
public sealed record WeekShiftView(DateTimeOffset Start, DateTimeOffset End, WeekSiteView Site, bool Extra);

public sealed record WeekSiteView(long Id, string Name);

/// <summary>A trip of the day: the carpool group the employee is in (read it whole from <c>GET /api/me/proposals</c>) with its
/// status, or, without one, a <see cref="NoProposalReasons"/> code.</summary>
public sealed record WeekTripView(CommuteDirection Direction, long? GroupId, CarpoolStatus? Status, string? Reason);

/// <summary>Why a trip has no proposal, as codes the app words: the matcher's reasons and those the server knows alone.</summary>
public static class NoProposalReasons
{
    public const string ConsentOff = "consent-off";
    public const string NoHome = "no-home";
    public const string NotPlannedYet = "not-planned-yet";
    public const string OnLeave = "on-leave";
    public const string RosterInvalid = "roster-invalid";
    public const string Declined = "declined";

    /// <summary>The matcher's reason: its name in kebab case (<c>no-compatible-driver</c>, <c>seats-taken-by-better-groups</c>…).</summary>
    public static string Of(NoRideReason reason) => reason switch
    {
        NoRideReason.NoCompatibleDriver => "no-compatible-driver",
        NoRideReason.SeatsTakenByBetterGroups => "seats-taken-by-better-groups",
        NoRideReason.NotOnRoadNetwork => "not-on-road-network",
        NoRideReason.NoTripHome => "no-trip-home",
        NoRideReason.NoCompatiblePassenger => "no-compatible-passenger",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}

/// <summary>
/// Reads an employee's week in three queries (the employee with rosters and exceptions, their carpool memberships, the
/// matcher's reasons), expanding rosters with <see cref="RosterExpansion"/>, as matching does.
/// </summary>
public static class EmployeeWeek
{
    public const int MaxDays = 31;
    public const int DefaultDays = 7;

    private static readonly CarpoolStatus[] Live = [CarpoolStatus.Proposed, CarpoolStatus.Accepted, CarpoolStatus.Confirmed];

    /// <param name="from">Null: today in the network's time zone.</param>
    public static async Task<WeekView> ReadAsync(MobilityDbContext database, long employeeId, DateOnly? from, int days, DateTimeOffset now,
        CancellationToken cancellation)
    {
        var employee = await database.Employees.AsNoTracking().AsSplitQuery()
            .Include(e => e.Company!.Network).Include(e => e.MainSite)
            .Include(e => e.ShiftAssignments).ThenInclude(a => a.ShiftPattern!.Slots)
            .Include(e => e.ShiftExceptions)
            .SingleAsync(e => e.Id == employeeId, cancellation);
        var network = employee.Company!.Network!;
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(network.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, timeZone).DateTime);
        var first = from ?? today;
        var last = first.AddDays(days - 1);

        var memberships = await database.CarpoolMembers.AsNoTracking()
            .Where(m => m.EmployeeId == employeeId && m.CarpoolGroup!.Date >= first && m.CarpoolGroup.Date <= last)
            .Select(m => new
            {
                m.CarpoolGroupId, m.CarpoolGroup!.Date, m.CarpoolGroup.Direction, GroupStatus = m.CarpoolGroup.Status, m.Status,
                Decided = m.Status == CarpoolStatus.Declined || m.CarpoolGroup.StatusHistory.Any(c => c.EmployeeId == employeeId && c.Status == CarpoolStatus.Cancelled),
            })
            .ToListAsync(cancellation);
        var groups = memberships.Where(m => Live.Contains(m.GroupStatus) && Live.Contains(m.Status))
            .GroupBy(m => (m.Date, m.Direction)).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.Status).First());
        var decided = memberships.Where(m => m.Decided).Select(m => (m.Date, m.Direction)).ToHashSet();
        var unmatched = await database.UnmatchedTrips.AsNoTracking()
            .Where(t => t.EmployeeId == employeeId && t.Date >= first && t.Date <= last)
            .ToDictionaryAsync(t => (t.Date, t.Direction), t => t.Reason, cancellation);

        var calendar = new ShiftCalendar(timeZone);
        var rosters = new RosterExpansion(employee.ShiftAssignments.Select(a => a.ShiftPattern!).DistinctBy(p => p.Id));
        var site = new WeekSiteView(employee.MainSiteId, employee.MainSite!.Name);
        var dates = new List<WeekDayView>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var exception = employee.ShiftExceptions.FirstOrDefault(x => x.Date == date);
            var onLeave = exception?.Kind == ShiftExceptionKind.Leave;
            ShiftInstance? shift = null, rostered = null;
            var invalid = rosters.OnInvalidRoster(employee.ShiftAssignments, date) is not null;
            if (!invalid)
                try
                {
                    shift = rosters.ShiftOn(calendar, date, employee.ShiftAssignments, employee.ShiftExceptions);
                    rostered = onLeave ? rosters.ShiftOn(calendar, date, employee.ShiftAssignments, null) : shift;
                }
                catch (ArgumentException)
                {
                    invalid = true; // the matcher leaves such a person out too (CommuteLoader)
                }

            WeekTripView Trip(CommuteDirection direction)
            {
                if (groups.TryGetValue((date, direction), out var group)) return new(direction, group.CarpoolGroupId, group.Status, null);
                var reason = invalid ? NoProposalReasons.RosterInvalid
                    : shift is null ? NoProposalReasons.OnLeave
                    : !employee.ConsentToMatching ? NoProposalReasons.ConsentOff
                    : employee.Home is null ? NoProposalReasons.NoHome
                    : decided.Contains((date, direction)) ? NoProposalReasons.Declined
                    : unmatched.TryGetValue((date, direction), out var matcher) ? NoProposalReasons.Of(matcher)
                    : NoProposalReasons.NotPlannedYet;
                return new(direction, null, null, reason);
            }

            var commutes = shift is not null || invalid || (onLeave && rostered is not null);
            dates.Add(new WeekDayView(date, date == today,
                shift is null ? [] : [new WeekShiftView(Local(shift.Start, timeZone), Local(shift.End, timeZone), site, exception?.Kind == ShiftExceptionKind.ExtraShift)],
                onLeave, commutes ? [Trip(CommuteDirection.ToWork), Trip(CommuteDirection.ToHome)] : []));
        }
        var hasRoster = employee.ShiftAssignments.Any(a => a.ValidFrom <= last && (a.ValidTo is null || a.ValidTo >= first));
        return new WeekView(first, days, today, network.TimeZone, dates, hasRoster);
    }

    private static DateTimeOffset Local(DateTimeOffset instant, TimeZoneInfo timeZone) => TimeZoneInfo.ConvertTime(instant, timeZone);
}
