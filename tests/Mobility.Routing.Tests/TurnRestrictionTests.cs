using static Mobility.Routing.Tests.OsmFixture;

namespace Mobility.Routing.Tests;

/// <summary>
/// A crossroads C with arms S (south), N, W and E, and back streets N–NW–W and N–NE–E, so that a forbidden turn
/// has a legal detour whose length is known.
/// </summary>
public class TurnRestrictionTests
{
    private const long C = 1, S = 2, N = 3, W = 4, E = 5, NW = 6, NE = 7;
    private const long SouthArm = 10, NorthArm = 11, WestArm = 12, EastArm = 13;

    private static OsmFixture Crossroads() => new OsmFixture()
        .Node(C, 1, 1).Node(S, 0, 1).Node(N, 2, 1).Node(W, 1, 0).Node(E, 1, 2).Node(NW, 2, 0).Node(NE, 2, 2)
        .WayWithId(SouthArm, [S, C], Tag("highway", "residential"))
        .WayWithId(NorthArm, [C, N], Tag("highway", "residential"))
        .WayWithId(WestArm, [C, W], Tag("highway", "residential"))
        .WayWithId(EastArm, [C, E], Tag("highway", "residential"))
        .Way([N, NW, W], Tag("highway", "residential"))
        .Way([N, NE, E], Tag("highway", "residential"));

    private static double Metres(Router router, OsmFixture fixture, long from, long to, string profile = "car") =>
        fixture.Route(router, from, to, profile).Metres;

    private static double Along(OsmFixture fixture, params long[] nodes) => fixture.Along(nodes);

    [Fact]
    public void Without_restrictions_the_crossroads_is_crossed_directly()
    {
        var fixture = Crossroads();
        var router = fixture.BuildRouter("car");
        Assert.Equal(Along(fixture, S, C, W), Metres(router, fixture, S, W), 0.5);
        Assert.Equal(Along(fixture, S, C, E), Metres(router, fixture, S, E), 0.5);
    }

    /// <summary>
    /// The legal ways from S to W once the left turn at C is forbidden: round the block, or a U-turn at a neighbouring
    /// junction (the router allows U-turns at junctions, as OSM does unless a no_u_turn says otherwise).
    /// </summary>
    private static double ShortestLegalDetour(OsmFixture fixture) => new[]
    {
        Along(fixture, S, C, N, NW, W), Along(fixture, S, C, E, C, W), Along(fixture, S, C, N, C, W),
    }.Min();

    [Fact]
    public void A_no_left_turn_makes_cars_take_the_shortest_legal_detour_but_not_walkers()
    {
        var fixture = Crossroads().Restriction(SouthArm, C, WestArm, "no_left_turn");
        var router = fixture.BuildRouter("car", "foot");
        Assert.Equal(ShortestLegalDetour(fixture), Metres(router, fixture, S, W), 0.5);
        Assert.True(ShortestLegalDetour(fixture) > Along(fixture, S, C, W) + 100);
        // Other turns at the same crossroads stay allowed, and the restriction binds only those arriving from the south.
        Assert.Equal(Along(fixture, S, C, E), Metres(router, fixture, S, E), 0.5);
        Assert.Equal(Along(fixture, E, C, W), Metres(router, fixture, E, W), 0.5);
        Assert.Equal(Along(fixture, S, C, W), Metres(router, fixture, S, W, "foot"), 0.5);
    }

    [Fact]
    public void An_only_straight_on_forbids_both_turns()
    {
        var fixture = Crossroads().Restriction(SouthArm, C, NorthArm, "only_straight_on");
        var router = fixture.BuildRouter("car");
        Assert.Equal(Along(fixture, S, C, N), Metres(router, fixture, S, N), 0.5);
        // Straight on to N, then round the block or back through C (arriving from N, every turn is allowed).
        Assert.Equal(Math.Min(Along(fixture, S, C, N, NW, W), Along(fixture, S, C, N, C, W)), Metres(router, fixture, S, W), 0.5);
        Assert.Equal(Math.Min(Along(fixture, S, C, N, NE, E), Along(fixture, S, C, N, C, E)), Metres(router, fixture, S, E), 0.5);
    }

    [Fact]
    public void A_restriction_for_cars_only_leaves_bicycles_free()
    {
        var fixture = Crossroads().Restriction(SouthArm, C, WestArm, "no_left_turn", key: "restriction:motorcar");
        var router = fixture.BuildRouter("car", "bicycle");
        Assert.Equal(ShortestLegalDetour(fixture), Metres(router, fixture, S, W), 0.5);
        Assert.Equal(Along(fixture, S, C, W), Metres(router, fixture, S, W, "bicycle"), 0.5);
    }
}
