using static Mobility.Routing.Tests.OsmFixture;

namespace Mobility.Routing.Tests;

/// <summary>One OSM tagging rule per test, on tiny hand-made networks.</summary>
public class RuleTests
{
    /// <summary>A square 1-2-3-4 (clockwise from the south-west corner) of residential streets, one side tagged.</summary>
    private static OsmFixture Square(params (string Key, string Value)[] sideTags) => new OsmFixture()
        .Node(1, 0, 0).Node(2, 1, 0).Node(3, 1, 1).Node(4, 0, 1)
        .Way([1, 2], sideTags.Any(t => t.Key == "highway") ? sideTags : [Tag("highway", "residential"), .. sideTags])
        .Way([2, 3, 4, 1], Tag("highway", "residential"));

    private static double Seconds(Router router, OsmFixture fixture, long from, long to, string profile = "car") =>
        fixture.Route(router, from, to, profile).Seconds;

    private static double Metres(Router router, OsmFixture fixture, long from, long to, string profile = "car") =>
        fixture.Route(router, from, to, profile).Metres;

    private static double Along(OsmFixture fixture, params long[] nodes) => fixture.Along(nodes);

    [Fact]
    public void A_oneway_street_is_driven_only_in_its_direction()
    {
        var fixture = Square(Tag("oneway", "yes"));
        var router = fixture.BuildRouter("car");
        Assert.Equal(Along(fixture, 1, 2), Metres(router, fixture, 1, 2), 0.5);
        Assert.Equal(Along(fixture, 2, 3, 4, 1), Metres(router, fixture, 2, 1), 0.5);
    }

    [Fact]
    public void Oneway_minus_one_is_driven_against_the_way_direction()
    {
        var fixture = Square(Tag("oneway", "-1"));
        var router = fixture.BuildRouter("car");
        Assert.Equal(Along(fixture, 2, 1), Metres(router, fixture, 2, 1), 0.5);
        Assert.Equal(Along(fixture, 1, 4, 3, 2), Metres(router, fixture, 1, 2), 0.5);
    }

    [Fact]
    public void Walkers_ignore_oneway_streets()
    {
        var fixture = Square(Tag("oneway", "yes"));
        var router = fixture.BuildRouter("foot");
        Assert.Equal(Along(fixture, 1, 2), Metres(router, fixture, 2, 1, "foot"), 0.5);
        Assert.Equal(Along(fixture, 1, 2) / (5 / 3.6), Seconds(router, fixture, 2, 1, "foot"), 0.01);
    }

    [Fact]
    public void A_roundabout_is_one_way_in_the_direction_of_its_nodes()
    {
        // The ring 1→2→3→4→1 is a roundabout with roads entering at 1 and 4; from 1 to 4 goes all the way round.
        var fixture = new OsmFixture()
            .Node(1, 0, 0).Node(2, 1, 0).Node(3, 1, 1).Node(4, 0, 1).Node(5, -1, 0).Node(6, -1, 1)
            .Way([1, 2, 3, 4, 1], Tag("highway", "primary"), Tag("junction", "roundabout"))
            .Way([5, 1], Tag("highway", "primary")).Way([6, 4], Tag("highway", "primary"));
        var router = fixture.BuildRouter("car");
        Assert.Equal(Along(fixture, 1, 2, 3, 4), Metres(router, fixture, 1, 4), 0.5);
        Assert.Equal(Along(fixture, 4, 1), Metres(router, fixture, 4, 1), 0.5);
    }

    [Fact]
    public void Private_access_closes_a_street_to_cars_but_not_a_tagged_foot_access()
    {
        var fixture = Square(Tag("access", "private"), Tag("foot", "yes"));
        var router = fixture.BuildRouter("car", "foot");
        // The private side is no longer part of the car network: going from 1 to 2 goes round the square.
        Assert.Equal(Along(fixture, 1, 4, 3, 2), Metres(router, fixture, 1, 2), 0.5);
        Assert.Equal(Along(fixture, 1, 2), Metres(router, fixture, 1, 2, "foot"), 0.5);
    }

    [Fact]
    public void A_low_maxspeed_sends_cars_the_long_way_round()
    {
        var fast = Square();
        var slow = Square(Tag("maxspeed", "5"));
        Assert.Equal(Along(fast, 1, 2), Metres(fast.BuildRouter("car"), fast, 1, 2), 0.5);
        // Round the square at the residential 35 km/h beats the direct side at 5 km/h.
        var slowRouter = slow.BuildRouter("car");
        Assert.Equal(Along(slow, 1, 4, 3, 2), Metres(slowRouter, slow, 1, 2), 0.5);
        Assert.Equal(Along(slow, 1, 4, 3, 2) / (35 / 3.6), Seconds(slowRouter, slow, 1, 2), 0.01);
    }

    [Fact]
    public void Cars_do_not_use_footways_and_bicycles_only_when_allowed()
    {
        var footway = Square(Tag("highway", "footway"));
        var router = footway.BuildRouter("car", "bicycle", "foot");
        var around = Along(footway, 1, 4, 3, 2);
        Assert.Equal(around, Metres(router, footway, 1, 2, "car"), 0.5);
        Assert.Equal(around, Metres(router, footway, 1, 2, "bicycle"), 0.5);
        Assert.Equal(Along(footway, 1, 2), Metres(router, footway, 1, 2, "foot"), 0.5);

        var allowed = Square(Tag("highway", "footway"), Tag("bicycle", "yes"));
        Assert.Equal(Along(allowed, 1, 2), Metres(allowed.BuildRouter("bicycle"), allowed, 1, 2, "bicycle"), 0.5);
    }

    [Fact]
    public void A_point_never_snaps_onto_a_disconnected_island()
    {
        // The island 10-11 lies 4 steps (about 440 m) north of the square, nearer to the point than the square is.
        // Side streets at 3 and 4 make the square's component the larger one (four junctions against two).
        var fixture = Square().Node(7, 1, 2).Node(8, 0, 2).Way([3, 7], Tag("highway", "residential")).Way([4, 8], Tag("highway", "residential"))
            .Node(10, 5, 0).Node(11, 5, 1).Way([10, 11], Tag("highway", "residential"));
        var router = fixture.BuildRouter("car");
        var nearIsland = fixture.At(10);
        var snapped = router.Snap("car", nearIsland with { Latitude = nearIsland.Latitude + 0.0001 });
        Assert.True(snapped.IsSuccess, snapped.Error);
        // It lands on the square's north side (row 1), about 440 m away, not on the island 11 m away.
        Assert.Equal(fixture.At(2).Latitude, snapped.Value.Position.Latitude, 6);
        Assert.InRange(snapped.Value.OffsetMetres, 400, 500);
    }

    [Fact]
    public void A_point_far_from_every_road_is_an_explained_failure()
    {
        var fixture = Square();
        var router = fixture.BuildRouter("car");
        var result = router.Route("car", new GeoPoint(48.81, 7.79), new GeoPoint(48.90, 7.79));
        Assert.False(result.IsSuccess);
        Assert.Contains("Destination", result.Error);
        Assert.Contains("more than 1000 m", result.Error);
        Assert.False(router.Snap("car", new GeoPoint(91, 7.79)).IsSuccess);
    }

    [Fact]
    public void Shape_points_between_junctions_count_in_the_length()
    {
        // 1 → 5 → 2 bends east by one step; 5 is not a junction, so the edge 1–2 is longer than the straight line.
        var fixture = new OsmFixture().Node(1, 0, 0).Node(5, 0.5, 1).Node(2, 1, 0)
            .Way([1, 5, 2], Tag("highway", "residential"));
        var router = fixture.BuildRouter("car");
        Assert.Equal(2, router.Network.VertexCount);
        var (a, b) = (fixture.At(1), fixture.At(2));
        var metres = router.Route("car", a, b).Value.Metres;
        var straight = Geo.Metres(a.Latitude, a.Longitude, b.Latitude, b.Longitude);
        var bent = 2 * Geo.Metres(a.Latitude, a.Longitude, fixture.At(5).Latitude, fixture.At(5).Longitude);
        Assert.Equal(bent, metres, 0.5);
        Assert.True(metres > straight * 1.2);
        // The geometry follows the bend: 1, then 5, then 2 (GeoJSON order: longitude, latitude).
        var line = router.Route("car", b, a).Value.Geometry;
        Assert.Equal(new[] { fixture.At(2), fixture.At(5), fixture.At(1) }.Select(p => (Math.Round(p.Latitude, 6), Math.Round(p.Longitude, 6))),
            line.Coordinates.Select(c => (Math.Round(c.Y, 6), Math.Round(c.X, 6))));
    }
}
