using Mobility.Routing.Algorithms.Contracted;
using Mobility.Routing.Algorithms.Matrices;
using Mobility.Routing.Algorithms.Search;

namespace Mobility.Routing.Tests;

/// <summary>On real extracts, the contraction hierarchy and the matrices give exactly what plain Dijkstra gives.</summary>
public abstract class HierarchyCorrectnessTests(RealExtractFixture fixture)
{
    private ProfileRouter Car => fixture.Router.For("car");

    private int[] RandomComponentVertices(int count, int seed)
    {
        var inComponent = Enumerable.Range(0, Car.Graph.VertexCount).Where(v => Car.InLargestComponent[v]).ToArray();
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => inComponent[random.Next(inComponent.Length)]).ToArray();
    }

    [Fact]
    public void Hierarchy_queries_equal_Dijkstra_on_a_thousand_random_pairs()
    {
        var sources = RandomComponentVertices(1000, seed: 1);
        var targets = RandomComponentVertices(1000, seed: 2);
        var dijkstra = new Dijkstra(Car.Graph);
        var query = new HierarchyQuery(Car.Hierarchy);
        for (var i = 0; i < sources.Length; i++)
        {
            var expected = dijkstra.OneToOne(sources[i], targets[i]);
            var actual = query.Query(sources[i], targets[i]);
            Assert.True(expected.Milliseconds == actual.Milliseconds,
                $"Pair {i} ({sources[i]} → {targets[i]}): Dijkstra {expected.Milliseconds} ms, hierarchy {actual.Milliseconds} ms.");
            Assert.NotEqual(Dijkstra.Unreachable, actual.Milliseconds); // both ends lie in the largest strongly connected component
            // Lengths may differ only where two routes take exactly the same time.
            Assert.InRange(actual.Metres, expected.Metres * 0.98, expected.Metres * 1.02 + 1);
        }
    }

    [Fact]
    public void Matrix_cells_equal_one_to_one_queries()
    {
        var sources = RandomComponentVertices(40, seed: 3);
        var targets = RandomComponentVertices(60, seed: 4);
        var (milliseconds, _) = new BucketManyToMany(Car.Hierarchy).Compute(sources, targets);
        var dijkstra = new Dijkstra(Car.Graph);
        for (var s = 0; s < sources.Length; s++)
            for (var t = 0; t < targets.Length; t++)
                Assert.Equal(dijkstra.OneToOne(sources[s], targets[t]).Milliseconds, milliseconds[s * targets.Length + t]);
    }

    [Fact]
    public void Snapped_points_always_lie_in_the_largest_component()
    {
        // Points up to ~300 m from random vertices, including vertices outside the component (islands, cut-off villages).
        var network = fixture.Router.Network;
        var random = new Random(5);
        var snapped = 0;
        for (var i = 0; i < 500; i++)
        {
            var near = random.Next(network.VertexCount);
            var result = fixture.Router.Snap("car", new GeoPoint(network.Latitude(near) + (random.NextDouble() - 0.5) * 0.005,
                network.Longitude(near) + (random.NextDouble() - 0.5) * 0.005));
            if (!result.IsSuccess) continue;
            snapped++;
            var edge = result.Value.Edge;
            Assert.True(Car.InLargestComponent[network.EdgeFrom[edge]] && Car.InLargestComponent[network.EdgeTo[edge]]);
            Assert.InRange(result.Value.OffsetMetres, 0, Router.DefaultMaximumSnapMetres);
        }
        Assert.True(snapped > 100, $"Only {snapped} of 500 points near the network snapped.");
    }
}

public sealed class HeidelbergHierarchyTests(HeidelbergFixture fixture)
    : HierarchyCorrectnessTests(fixture), IClassFixture<HeidelbergFixture>;

public sealed class LiechtensteinHierarchyTests(LiechtensteinFixture fixture)
    : HierarchyCorrectnessTests(fixture), IClassFixture<LiechtensteinFixture>;
