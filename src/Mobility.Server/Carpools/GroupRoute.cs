using Mobility.Application.Roads;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Routing;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Carpools;

/// <summary>A confirmed group's drive as a GeoJSON Feature: a LineString through its calls in driving order.</summary>
/// <param name="Geometry">`{"type":"LineString","coordinates":[[longitude, latitude], …]}`.</param>
public sealed record GroupRouteView(string Type, GroupRouteLine Geometry, GroupRouteProperties Properties);

public sealed record GroupRouteLine(string Type, IReadOnlyList<double[]> Coordinates);

/// <param name="AlongRoads">False when a leg could not be routed (no road network configured, or a place off the
/// roads): that leg is then a straight segment.</param>
/// <param name="Minutes">Driving time along the roads (null when not every leg was routed).</param>
public sealed record GroupRouteProperties(long GroupId, CommuteDirection Direction, bool AlongRoads, double Kilometres, double? Minutes, int Calls);

/// <summary>
/// Builds the route of a confirmed group. Only confirmed members are called at: someone who declined or cancelled is
/// not on the way, and their home must not be drawn. The order is the matcher's: to work, the driver's home, the
/// passengers in pickup order, then the plants; home, the plants, the passengers in drop-off order, the driver's home.
/// </summary>
public static class GroupRoute
{
    public static GroupRouteView Build(CarpoolGroup group, Router? router)
    {
        var riding = group.Members.Where(m => m.Status == CarpoolStatus.Confirmed).ToList();
        var driver = riding.SingleOrDefault(m => m.Role == MemberRole.Driver);
        var passengers = riding.Where(m => m.Role == MemberRole.Passenger).OrderBy(m => m.PickupOrder).ToList();
        var homes = passengers.Select(Pickup).ToList();
        var sites = SitesInDrivingOrder(group, riding);
        var calls = new List<Point>();
        if (group.Direction == CommuteDirection.ToWork)
        {
            if (driver is not null && Pickup(driver) is { } start) calls.Add(start);
            calls.AddRange(homes.OfType<Point>());
            calls.AddRange(sites);
        }
        else
        {
            calls.AddRange(sites);
            calls.AddRange(homes.OfType<Point>());
            if (driver is not null && Pickup(driver) is { } end) calls.Add(end);
        }

        var line = RoadLine.Through(calls.Select(c => c.ToGeoPoint()).ToList(), router);
        return new GroupRouteView("Feature", new GroupRouteLine("LineString", line.Coordinates),
            new GroupRouteProperties(group.Id, group.Direction, line.AlongRoads, Math.Round(line.Metres / 1000, 2),
                line.AlongRoads ? Math.Round(line.Seconds / 60, 1) : null, calls.Count));
    }

    private static Point? Pickup(CarpoolMember member) => member.MeetingPointSite?.Location ?? member.PickupLocation;

    /// <summary>The riders' plants in the order the explanation gives (the driving order); without one, in the members' order.</summary>
    private static List<Point> SitesInDrivingOrder(CarpoolGroup group, IReadOnlyList<CarpoolMember> riding)
    {
        var plants = riding.Where(m => m.DropOffSite is not null).Select(m => m.DropOffSite!).DistinctBy(s => s.Id).ToList();
        var order = DrivingOrder(group);
        return plants.OrderBy(s => order.IndexOf(s.ExternalId) is var i and >= 0 ? i : int.MaxValue).Select(s => s.Location).ToList();
    }

    private static List<string> DrivingOrder(CarpoolGroup group) => group.Explanation?.Explanation.Sites.ToList() ?? [];
}
