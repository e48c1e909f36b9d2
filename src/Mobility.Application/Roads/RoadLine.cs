using Mobility.Routing;

namespace Mobility.Application.Roads;

/// <summary>A drive through calls in order, as map coordinates: each leg along the roads by car when the router finds it,
/// else a straight segment (and <see cref="AlongRoads"/> false).</summary>
/// <param name="Coordinates">[longitude, latitude] pairs, without repeats; at least two for two calls or more.</param>
/// <param name="Seconds">Driving time along the roads; meaningless when not <see cref="AlongRoads"/>.</param>
public sealed record RoadLine(IReadOnlyList<double[]> Coordinates, bool AlongRoads, double Metres, double Seconds)
{
    public static RoadLine Through(IReadOnlyList<GeoPoint> calls, Router? router)
    {
        var coordinates = new List<double[]>();
        var (alongRoads, metres, seconds) = (true, 0.0, 0.0);
        for (var leg = 0; leg + 1 < calls.Count; leg++)
        {
            var (from, to) = (calls[leg], calls[leg + 1]);
            var route = router?.Route("car", from, to);
            IEnumerable<GeoPoint> line;
            if (route is { IsSuccess: true } routed)
            {
                line = routed.Value.Points;
                metres += routed.Value.Metres;
                seconds += routed.Value.Seconds;
            }
            else
            {
                alongRoads = false;
                line = [from, to];
                metres += from.DistanceTo(to);
            }
            foreach (var point in line)
                if (coordinates.Count == 0 || coordinates[^1][0] != point.Longitude || coordinates[^1][1] != point.Latitude)
                    coordinates.Add(point.ToGeoJsonPosition());
        }
        if (coordinates.Count == 1) coordinates.Add(coordinates[0]);
        return new RoadLine(coordinates, alongRoads, metres, seconds);
    }
}
