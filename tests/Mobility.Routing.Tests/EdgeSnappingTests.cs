using static Mobility.Routing.Tests.OsmFixture;

namespace Mobility.Routing.Tests;

/// <summary>Points snap onto the nearest usable edge, not the nearest junction, and routes start and end there.</summary>
public class EdgeSnappingTests
{
    /// <summary>The square 1-2-3-4 with a side street from 3; the west side 1→2 is one-way northwards.</summary>
    private static OsmFixture OnewaySquare() => new OsmFixture()
        .Node(1, 0, 0).Node(2, 4, 0).Node(3, 4, 4).Node(4, 0, 4).Node(5, 4, 6)
        .Way([1, 2], Tag("highway", "residential"), Tag("oneway", "yes"))
        .Way([2, 3, 4, 1], Tag("highway", "residential"))
        .Way([3, 5], Tag("highway", "residential"));

    private static double Side(OsmFixture f) => Geo.Metres(f.At(1).Latitude, f.At(1).Longitude, f.At(2).Latitude, f.At(2).Longitude);

    private static GeoPoint OnWestSide(OsmFixture f, double fraction, double eastOffsetDegrees = 0.0001) =>
        new(f.At(1).Latitude + fraction * (f.At(2).Latitude - f.At(1).Latitude), f.At(1).Longitude + eastOffsetDegrees);

    [Fact]
    public void A_point_beside_the_middle_of_a_street_snaps_onto_the_street_not_to_a_junction()
    {
        var fixture = OnewaySquare();
        var router = fixture.BuildRouter("car");
        var beside = OnWestSide(fixture, 0.5);
        var snapped = router.Snap("car", beside).Value;
        Assert.Equal(0.5, snapped.Fraction, 2);
        Assert.Equal(fixture.At(1).Longitude, snapped.Position.Longitude, 6);
        Assert.InRange(snapped.OffsetMetres, 6, 9); // 0.0001° of longitude at 48.8° N is 7.3 m
        var route = router.Route("car", beside, fixture.At(2)).Value;
        Assert.Equal(Side(fixture) / 2, route.Metres, 1);
    }

    [Fact]
    public void Along_a_one_way_street_a_route_may_go_forward_directly_but_must_go_round_to_go_back()
    {
        var fixture = OnewaySquare();
        var router = fixture.BuildRouter("car");
        var (behind, ahead) = (OnWestSide(fixture, 0.25), OnWestSide(fixture, 0.75));
        var forward = router.Route("car", behind, ahead).Value;
        Assert.Equal(Side(fixture) / 2, forward.Metres, 1);
        var back = router.Route("car", ahead, behind).Value;
        var around = Geo.Metres(fixture.At(2).Latitude, fixture.At(2).Longitude, fixture.At(3).Latitude, fixture.At(3).Longitude) * 2 + Side(fixture) * 2;
        // To the north end (a quarter), round the square (three sides), then up the west side again (a quarter).
        Assert.Equal(Side(fixture) * 0.25 + around - Side(fixture) + Side(fixture) * 0.25, back.Metres, 1);
    }

    [Fact]
    public void Matrix_cells_equal_routes_for_points_on_the_same_and_on_other_edges()
    {
        var fixture = OnewaySquare();
        var router = fixture.BuildRouter("car");
        var points = new[] { OnWestSide(fixture, 0.25), OnWestSide(fixture, 0.75), fixture.At(5), new GeoPoint(fixture.At(4).Latitude + 0.0004, fixture.At(4).Longitude) };
        var matrix = router.Matrix("car", points, points).Value;
        for (var i = 0; i < points.Length; i++)
            for (var j = 0; j < points.Length; j++)
            {
                var route = router.Route("car", points[i], points[j]).Value;
                Assert.Equal(route.Seconds, matrix.Seconds[i * points.Length + j], 2);
                Assert.Equal(route.Metres, matrix.Metres[i * points.Length + j], 1);
            }
    }

    [Fact]
    public void The_geometry_starts_and_ends_at_the_snapped_points()
    {
        var fixture = OnewaySquare();
        var router = fixture.BuildRouter("car");
        var (from, to) = (OnWestSide(fixture, 0.25), fixture.At(5));
        var line = router.Route("car", from, to).Value.Geometry;
        var start = router.Snap("car", from).Value;
        Assert.Equal((start.Position.Latitude, start.Position.Longitude), (line.Coordinates[0].Y, line.Coordinates[0].X));
        Assert.Equal(to, new GeoPoint(line.Coordinates[^1].Y, line.Coordinates[^1].X));
    }
}
