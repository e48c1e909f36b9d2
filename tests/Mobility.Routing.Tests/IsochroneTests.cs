using Mobility.Routing.Algorithms.Contracted;

namespace Mobility.Routing.Tests;

public class IsochroneTests(LiechtensteinFixture fixture) : IClassFixture<LiechtensteinFixture>
{
    [Fact]
    public void Every_place_inside_is_within_the_limit_and_places_outside_are_beyond_it()
    {
        var router = fixture.Router;
        const double limit = 5 * 60;
        var result = router.Isochrone("car", 47.1410, 9.5209, limit); // Vaduz
        Assert.True(result.IsSuccess, result.Error);
        var origin = router.Snap("car", 47.1410, 9.5209).Value.Vertex;
        var query = new HierarchyQuery(router.For("car").Hierarchy);
        var inside = result.Value.ToDictionary(p => p.Vertex);
        Assert.True(inside.Count > 50, $"Only {inside.Count} places within 5 minutes of Vaduz.");
        foreach (var place in inside.Values)
        {
            Assert.InRange(place.Seconds, 0, limit);
            Assert.Equal(query.Query(origin, place.Vertex).Milliseconds / 1000.0, place.Seconds, 3);
        }
        var random = new Random(3);
        for (var i = 0; i < 300; i++)
        {
            var vertex = random.Next(router.Network.VertexCount);
            if (inside.ContainsKey(vertex) || !router.For("car").InLargestComponent[vertex]) continue;
            Assert.True(query.Query(origin, vertex).Milliseconds > limit * 1000, $"Vertex {vertex} is within the limit but missing.");
        }
    }

    [Fact]
    public void A_negative_limit_is_refused()
    {
        Assert.False(fixture.Router.Isochrone("car", 47.1410, 9.5209, -1).IsSuccess);
    }
}
