using static Mobility.Routing.Tests.OsmFixture;

namespace Mobility.Routing.Tests;

/// <summary>
/// A street A–B–C with a node X in its middle (between A and B), and a longer way round A–D–E–B, so that a barrier at X
/// has a legal detour whose length is known.
/// </summary>
public class BarrierTests
{
    private const long A = 1, X = 2, B = 3, C = 4, D = 5, E = 6;

    private static OsmFixture Street(params (string, string)[] atX) => new OsmFixture()
        .Node(A, 0, 0).Node(X, 0, 1, atX).Node(B, 0, 2).Node(C, 0, 3).Node(D, 2, 0).Node(E, 2, 2)
        .Way([A, X, B, C], Tag("highway", "residential"))
        .Way([A, D, E, B], Tag("highway", "residential"));

    private static double Metres(Router router, OsmFixture fixture, long from, long to, string profile = "car") =>
        fixture.Route(router, from, to, profile).Metres;

    [Fact]
    public void A_bollard_closes_the_street_to_cars_not_to_bicycles_or_walkers()
    {
        var fixture = Street(Tag("barrier", "bollard"));
        var router = fixture.BuildRouter("car", "bicycle", "foot");
        Assert.Equal(fixture.Along(A, D, E, B, C), Metres(router, fixture, A, C), 0.5);
        Assert.Equal(fixture.Along(A, D, E, B), Metres(router, fixture, B, A), 0.5);
        Assert.Equal(fixture.Along(A, X, B, C), Metres(router, fixture, A, C, "bicycle"), 0.5);
        Assert.Equal(fixture.Along(A, X, B, C), Metres(router, fixture, A, C, "foot"), 0.5);
        // Either side of the bollard is still reached from its own end of the street.
        Assert.Equal(fixture.Along(B, C), Metres(router, fixture, B, C), 0.5);
    }

    [Theory]
    [InlineData("barrier", "gate")]
    [InlineData("barrier", "lift_gate")]
    [InlineData("barrier", "toll_booth")]
    [InlineData("barrier", "kerb", "kerb", "lowered")]
    [InlineData("barrier", "bollard", "bollard", "rising")]
    public void A_gate_or_a_rising_bollard_lets_cars_through(string key, string value, string? key2 = null, string? value2 = null)
    {
        var tags = key2 is null ? new[] { Tag(key, value) } : [Tag(key, value), Tag(key2, value2!)];
        var fixture = Street(tags);
        Assert.Equal(fixture.Along(A, X, B, C), Metres(fixture.BuildRouter("car"), fixture, A, C), 0.5);
    }

    [Fact]
    public void A_gate_tagged_private_closes_the_street_and_one_open_to_cars_does_not()
    {
        var closed = Street(Tag("barrier", "gate"), Tag("access", "private"));
        Assert.Equal(closed.Along(A, D, E, B, C), Metres(closed.BuildRouter("car"), closed, A, C), 0.5);
        var open = Street(Tag("barrier", "bollard"), Tag("access", "no"), Tag("motor_vehicle", "yes"));
        Assert.Equal(open.Along(A, X, B, C), Metres(open.BuildRouter("car"), open, A, C), 0.5);
    }
}
