using Mobility.Routing.Graphs;

namespace Mobility.Routing.Tests;

/// <summary>The snapping grid finds the nearest usable segment, whatever the size of its cells: checked against every
/// segment of the extract.</summary>
public sealed class SnappingGridTests(HeidelbergFixture heidelberg) : IClassFixture<HeidelbergFixture>
{
    [Fact]
    public void Each_point_snaps_to_the_nearest_segment_of_the_car_network_as_a_scan_of_every_segment_finds_it()
    {
        var router = heidelberg.Router;
        var (network, car) = (router.Network, router.For("car"));
        var profile = network.ProfileIndex("car");
        var segments = new List<(GeoPoint A, GeoPoint B)>();
        for (var e = 0; e < network.EdgeCount; e++)
        {
            if (network.ForwardMilliseconds[profile][e] < 0 && network.BackwardMilliseconds[profile][e] < 0) continue;
            if (!car.InLargestComponent[network.EdgeFrom[e]] || !car.InLargestComponent[network.EdgeTo[e]]) continue;
            var points = network.EdgePoints(e);
            for (var s = 0; s + 1 < points.Count; s++) segments.Add((points[s], points[s + 1]));
        }
        var random = new Random(3);
        var snapped = 0;
        for (var i = 0; i < 300; i++)
        {
            // Around a junction, up to about 1 km away: in streets, between them and in the fields.
            var at = network.Position(random.Next(network.VertexCount));
            var point = new GeoPoint(at.Latitude + (random.NextDouble() - 0.5) * 0.02, at.Longitude + (random.NextDouble() - 0.5) * 0.03);
            var nearest = segments.Min(s => Distance(point, s.A, s.B));
            var snap = router.Snap("car", point);
            if (nearest > Router.DefaultMaximumSnapMetres)
            {
                Assert.False(snap.IsSuccess, $"{point} is {nearest:F0} m from any road");
                continue;
            }
            Assert.True(snap.IsSuccess, $"{point}: {snap.Error}");
            Assert.Equal(nearest, snap.Value.OffsetMetres, 6);
            snapped++;
        }
        Assert.True(snapped > 250, $"{snapped} of 300 points snapped");
    }

    /// <summary>Distance from the point to segment a–b on a local flat projection, as the snapper measures it.</summary>
    private static double Distance(GeoPoint point, GeoPoint a, GeoPoint b)
    {
        var perLongitude = 111_195 * Math.Cos(point.Latitude * Math.PI / 180);
        var (ax, ay) = ((a.Longitude - point.Longitude) * perLongitude, (a.Latitude - point.Latitude) * 111_195);
        var (bx, by) = ((b.Longitude - point.Longitude) * perLongitude, (b.Latitude - point.Latitude) * 111_195);
        var (dx, dy) = (bx - ax, by - ay);
        var length2 = dx * dx + dy * dy;
        var t = length2 == 0 ? 0 : Math.Clamp(-(ax * dx + ay * dy) / length2, 0, 1);
        var (px, py) = (ax + t * dx, ay + t * dy);
        return Math.Sqrt(px * px + py * py);
    }
}
