using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Server.Http;

namespace Mobility.Server.Carpools;

/// <summary>
/// A member as another member sees them (DESIGN.md, "What each person may see"): a handle valid in this group only, first
/// name, company, role, where the car picks them up, and the plant. Never an id, a distance, a time at home to the second,
/// a window or a limit of someone else. Until the whole group confirms, the pickup place is a meeting point or the
/// member's approximate place (400–700 m from the home), and their pickup time is not given: the time between one's own
/// pickup and another's, even to the quarter hour, told how far their home is from one's own and, with the place,
/// still located some homes within 250 m (HomeLocationAttackTests). Once everyone confirmed, both are exact to the minute.
/// </summary>
public sealed record MemberView(string Handle, string? FirstName, string Company, MemberRole Role, int PickupOrder, DateTimeOffset? PickupTime,
    CarpoolStatus Status, bool IsMe, GeoJsonPoint? Pickup, string? MeetingPoint, string DropOff, GeoJsonPoint? DropOffLocation = null);

/// <summary>The viewer's own trip in the group, for the viewer only: their window at the site, their trip alone and their
/// limits. The ride and (for the driver only) the detour run past the others' homes: they are given, to the minute, once
/// the whole group has confirmed and the homes are shared; before, even to 5 minutes they located homes within 250 m
/// (HomeLocationAttackTests), and the matcher has kept them within the limits shown.</summary>
/// <param name="ReturnHome">The morning check, on a trip to work: set when the viewer rides to work and no group takes them
/// home that day (<see cref="StoredExplanation.NoReturnRide"/>, with the matcher's reason and their company's fallback).</param>
public sealed record MyTripView(DateTimeOffset WindowEarliest, DateTimeOffset WindowLatest, int? RideMinutes, double RideLimitMinutes,
    double DirectMinutes, double? DirectKilometres, int? DetourMinutes, double? DetourLimitMinutes, Note? ReturnHome = null);

/// <summary>Something the client words (French first): a stable kebab-case code and its parameters.</summary>
public sealed record Note(string Code, IReadOnlyDictionary<string, object?> Parameters);

/// <summary>
/// The guaranteed ride home offered to its employee (only to them): <see cref="Code"/> says what it is
/// (<c>ride-home-taxi</c>, <c>ride-home-shuttle</c>, <c>ride-home-none</c>, or <c>ride-home-budget-exhausted</c> when the
/// month's taxi budget is spent), the parameters the amounts; the instructions are HR's text, to be shown as text.
/// </summary>
public sealed record RideHomeOffer(long CaseId, DateOnly Date, CommuteDirection Direction, RideHomeKind Kind, string Code,
    IReadOnlyDictionary<string, object?> Parameters, string? Instructions, RideHomeCaseState State)
{
    public static RideHomeOffer From(RideHomeCase rideHome, Company company) => new(rideHome.Id, rideHome.Date, rideHome.Direction,
        rideHome.Fallback, CodeOf(rideHome), new Dictionary<string, object?>
        {
            ["kind"] = rideHome.Fallback.ToString(), ["allowanceEuros"] = rideHome.AllowanceEuros,
            ["estimatedCostEuros"] = rideHome.EstimatedCostEuros, ["kilometres"] = Math.Round(rideHome.Kilometres, 1),
        }, company.RideHomeInstructions, rideHome.State);

    private static string CodeOf(RideHomeCase rideHome) => rideHome.Fallback switch
    {
        RideHomeKind.Taxi when rideHome.BudgetExhausted => "ride-home-budget-exhausted",
        RideHomeKind.Taxi => "ride-home-taxi",
        RideHomeKind.Shuttle => "ride-home-shuttle",
        _ => "ride-home-none",
    };
}

/// <summary>A carpool group as one of its members sees it.</summary>
/// <param name="RideHome">When the driver left on the day and no other car had a seat: the viewer's own offer.</param>
/// <param name="Standing">The standing carpool that repeats this group, when one of its people chose to (the list of
/// one's proposals only).</param>
public sealed record ProposalView(long GroupId, DateOnly Date, CommuteDirection Direction, CarpoolStatus Status, int Seats,
    IReadOnlyList<MemberView> Members, MyTripView? Mine, RideHomeOffer? RideHome = null, StandingView? Standing = null)
{
    /// <summary>What <see cref="For"/> reads: members with their company, drop-off site and meeting point, and the ride-home
    /// cases of the group.</summary>
    public static IQueryable<CarpoolGroup> WithMembers(IQueryable<CarpoolGroup> groups) => groups
        .Include(g => g.Members).ThenInclude(m => m.Employee).ThenInclude(e => e!.Company)
        .Include(g => g.Members).ThenInclude(m => m.DropOffSite)
        .Include(g => g.Members).ThenInclude(m => m.MeetingPointSite)
        .Include(g => g.RideHomeCases).ThenInclude(c => c.Company);

    /// <summary>
    /// The group for <paramref name="viewer"/>: their own pickup exactly; others' as a meeting point or their approximate
    /// place until the whole group has confirmed (then the driver needs the exact pickups). Exact only between confirmed
    /// members: whoever declined or cancelled neither sees the others' homes nor has theirs shown. Erased people are left out.
    /// </summary>
    public static ProposalView For(CarpoolGroup group, long viewer)
    {
        var confirmed = ExactPickupsShared(group, viewer);
        var members = group.Members.Where(m => m.EmployeeId == viewer || m.Employee?.ErasedAt is null).OrderBy(m => m.PickupOrder).Select(m =>
        {
            var isMe = m.EmployeeId == viewer;
            var exact = isMe || (confirmed && m.Status == CarpoolStatus.Confirmed);
            var pickup = m.MeetingPointSite is { } meetingPoint ? GeoJsonPoint.From(meetingPoint.Location)
                : exact && m.PickupLocation is { } home ? GeoJsonPoint.From(home)
                : m.Employee?.ApproximateHome is { } approximate ? GeoJsonPoint.From(approximate) : null;
            return new MemberView(HandleOf(m), m.Employee?.FirstName, m.Employee?.Company?.Name ?? "", m.Role, m.PickupOrder,
                exact ? ToMinute(m.PickupTime) : null, m.Status, isMe, pickup, m.MeetingPointSite?.Name,
                m.DropOffSite?.Name ?? "", m.DropOffSite is null ? null : GeoJsonPoint.From(m.DropOffSite.Location));
        }).ToList();
        var rideHome = group.RideHomeCases.Where(c => c.EmployeeId == viewer && c.Company is not null).MaxBy(c => c.Id);
        return new ProposalView(group.Id, group.Date, group.Direction, group.Status, group.Seats, members, MyTrip(group, viewer, confirmed),
            rideHome is null ? null : RideHomeOffer.From(rideHome, rideHome.Company!));
    }

    /// <summary>How the group's other members name a member: valid in this group only, so it links nobody across groups.</summary>
    public static string HandleOf(CarpoolMember member) => $"m{member.PickupOrder + 1}";

    private static MyTripView? MyTrip(CarpoolGroup group, long viewer, bool homesShared)
    {
        var explanation = group.Explanation?.Explanation;
        var id = viewer.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (explanation?.Members.FirstOrDefault(m => m.Id == id) is not { } me) return null;
        var driver = me.Role == MemberRole.Driver;
        var noWayHome = group.Explanation!.WithoutRideHome?.FirstOrDefault(m => m.Id == id);
        return new MyTripView(FromClock(me.WindowEarliest), FromClock(me.WindowLatest), homesShared ? (int)Math.Round(me.RideMinutes) : null,
            me.RideLimitMinutes, me.DirectMinutes, me.DirectKilometres, driver && homesShared ? (int)Math.Round(explanation.DetourMinutes) : null,
            driver ? explanation.DetourLimitMinutes : null,
            noWayHome is null ? null : new Note(StoredExplanation.NoReturnRide, new Dictionary<string, object?>
            {
                ["reason"] = noWayHome.Reason.ToString(), ["fallback"] = noWayHome.Fallback.ToString(),
            }));
    }


    private static DateTimeOffset FromClock(double unixSeconds) => DateTimeOffset.FromUnixTimeSeconds((long)Math.Round(unixSeconds));

    private static DateTimeOffset ToMinute(DateTimeOffset time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerMinute, time.Offset);

    /// <summary>Whether <paramref name="viewer"/> may see the exact pickups of the group's confirmed members.</summary>
    public static bool ExactPickupsShared(CarpoolGroup group, long viewer) =>
        group.Status == CarpoolStatus.Confirmed && group.Members.Any(m => m.EmployeeId == viewer && m.Status == CarpoolStatus.Confirmed);
}
