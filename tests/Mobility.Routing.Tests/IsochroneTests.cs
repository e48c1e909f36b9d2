namespace Mobility.Routing.Tests;

public class IsochroneTests(LiechtensteinFixture fixture) : IClassFixture<LiechtensteinFixture>
{
    [Fact]
    public void Every_place_inside_is_within_the_limit_and_places_outside_are_beyond_it()
    {
        var router = fixture.Router;
        const double limit = 5 * 60;
        var result = router.Isochrone("car", new GeoPoint(47.1410, 9.5209), limit); // Vaduz
        Assert.True(result.IsSuccess, result.Error);
        var inside = result.Value.ToDictionary(p => p.Vertex);
        Assert.True(inside.Count > 50, $"Only {inside.Count} places within 5 minutes of Vaduz.");
        double RouteSeconds(int vertex) =>
            router.Route("car", new GeoPoint(47.1410, 9.5209), router.Network.Position(vertex)).Value.Seconds;
        // A barrier's own point lies on the ways either side of it; a route to it snaps to one of them, maybe the far one.
        var barriers = router.Network.TurnRestrictions.Where(r => r.ToWay == Graphs.TurnRestriction.NoWay).Select(r => r.ViaVertex).ToHashSet();
        foreach (var place in inside.Values.Where(p => !barriers.Contains(p.Vertex)).Take(200))
        {
            Assert.InRange(place.Seconds, 0, limit);
            // A route to the place takes as long (to the millisecond, which rounding of partial edges may shift).
            Assert.Equal(RouteSeconds(place.Vertex), place.Seconds, 0.01);
        }
        var random = new Random(3);
        for (var i = 0; i < 300; i++)
        {
            var vertex = random.Next(router.Network.VertexCount);
            if (inside.ContainsKey(vertex) || !router.For("car").InLargestComponent[vertex]) continue;
            Assert.True(RouteSeconds(vertex) > limit - 0.01, $"Vertex {vertex} is within the limit but missing.");
        }
    }

    [Fact]
    public void A_negative_limit_is_refused()
    {
        Assert.False(fixture.Router.Isochrone("car", new GeoPoint(47.1410, 9.5209), -1).IsSuccess);
    }
}
