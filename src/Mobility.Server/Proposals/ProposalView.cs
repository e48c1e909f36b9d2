using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Server.Api;

namespace Mobility.Server.Proposals;

/// <summary>A co-member as another member sees them: first name and company, never the home. The drop-off is a plant,
/// whose place is no one's personal data, so the map can show it.</summary>
public sealed record MemberView(string? FirstName, string Company, CommuteRole Role, int PickupOrder, DateTimeOffset PickupTime,
    CarpoolStatus Status, bool IsMe, GeoJsonPoint? Pickup, string? MeetingPoint, string DropOff, GeoJsonPoint? DropOffLocation = null);

/// <summary>A carpool group as one of its members sees it.</summary>
public sealed record ProposalView(long GroupId, DateOnly Date, TripDirection Direction, CarpoolStatus Status, int Seats,
    IReadOnlyList<MemberView> Members, System.Text.Json.JsonElement? Explanation)
{
    /// <summary>Why matching proposed the group (<see cref="Planning.Carpools.GroupExplanation"/>), for the interface to word.</summary>
    internal static System.Text.Json.JsonElement? ExplanationOf(CarpoolGroup group)
    {
        if (group.Explanation is null) return null;
        try
        {
            using var stored = System.Text.Json.JsonDocument.Parse(group.Explanation);
            return stored.RootElement.TryGetProperty("explanation", out var explanation) ? explanation.Clone() : null;
        }
        catch (System.Text.Json.JsonException) { return null; }
    }

    /// <summary>What <see cref="For"/> reads: members with their company, drop-off site and meeting point.</summary>
    public static IQueryable<CarpoolGroup> WithMembers(IQueryable<CarpoolGroup> groups) => groups
        .Include(g => g.Members).ThenInclude(m => m.Employee).ThenInclude(e => e!.Company)
        .Include(g => g.Members).ThenInclude(m => m.DropOffSite)
        .Include(g => g.Members).ThenInclude(m => m.MeetingPointSite);

    /// <summary>About 500 m: 0.0045° of latitude; longitude is rounded to the same distance at the point's latitude.</summary>
    private const double RoundingMetres = 500;

    /// <summary>
    /// The group for <paramref name="viewer"/>: their own pickup exactly; others' as a meeting point or a place rounded to
    /// about 500 m until the whole group has confirmed (then the driver needs the exact pickups). Exact only between
    /// confirmed members: whoever declined or cancelled neither sees the others' homes nor has theirs shown.
    /// </summary>
    public static ProposalView For(CarpoolGroup group, long viewer)
    {
        var confirmed = ExactPickupsShared(group, viewer);
        var members = group.Members.OrderBy(m => m.PickupOrder).Select(m =>
        {
            var isMe = m.EmployeeId == viewer;
            var pickup = m.PickupLocation is null ? null
                : isMe || (confirmed && m.Status == CarpoolStatus.Confirmed) ? GeoJsonPoint.From(m.PickupLocation) : Rounded(m.PickupLocation);
            return new MemberView(m.Employee?.FirstName, m.Employee?.Company?.Name ?? "", m.Role, m.PickupOrder, m.PickupTime, m.Status, isMe,
                m.MeetingPointSite is null ? pickup : GeoJsonPoint.From(m.MeetingPointSite.Location), m.MeetingPointSite?.Name,
                m.DropOffSite?.Name ?? "", m.DropOffSite is null ? null : GeoJsonPoint.From(m.DropOffSite.Location));
        }).ToList();
        return new ProposalView(group.Id, group.Date, group.Direction, group.Status, group.Seats, members, ExplanationOf(group));
    }

    /// <summary>Whether <paramref name="viewer"/> may see the exact pickups of the group's confirmed members.</summary>
    public static bool ExactPickupsShared(CarpoolGroup group, long viewer) =>
        group.Status == CarpoolStatus.Confirmed && group.Members.Any(m => m.EmployeeId == viewer && m.Status == CarpoolStatus.Confirmed);

    internal static GeoJsonPoint Rounded(NetTopologySuite.Geometries.Point point)
    {
        var latitudeStep = RoundingMetres / 111_320.0;
        var longitudeStep = latitudeStep / Math.Max(0.1, Math.Cos(point.Y * Math.PI / 180));
        return new GeoJsonPoint("Point", [Math.Round(point.X / longitudeStep) * longitudeStep, Math.Round(point.Y / latitudeStep) * latitudeStep]);
    }
}
