namespace Mobility.Routing.Algorithms.Contracted;

/// <summary>
/// Point-to-point queries on a contraction hierarchy: two upward Dijkstra searches that meet at the highest vertex
/// of the shortest path. One instance per thread: it reuses its arrays (versioned marks, no clearing per query).
/// </summary>
public sealed class HierarchyQuery(ContractionHierarchy hierarchy)
{
    private readonly SearchSpace _forward = new(hierarchy.VertexCount);
    private readonly SearchSpace _backward = new(hierarchy.VertexCount);

    /// <summary>Fastest time (ms) and its length (m), or (long.MaxValue, ∞) when the target cannot be reached.</summary>
    public (long Milliseconds, double Metres) Query(int source, int target)
    {
        _forward.Start(source);
        _backward.Start(target);
        var best = long.MaxValue;
        var bestMetres = double.PositiveInfinity;
        while (true)
        {
            var forwardKey = _forward.PeekKey();
            var backwardKey = _backward.PeekKey();
            if (Math.Min(forwardKey, backwardKey) >= best) break;
            var (searching, other, arcs) = forwardKey <= backwardKey
                ? (_forward, _backward, hierarchy.Up)
                : (_backward, _forward, hierarchy.Down);
            var vertex = searching.Settle(arcs);
            if (other.Reached(vertex))
            {
                var total = searching.Milliseconds(vertex) + other.Milliseconds(vertex);
                if (total < best) (best, bestMetres) = (total, searching.Metres(vertex) + other.Metres(vertex));
            }
        }
        return (best, bestMetres);
    }
}
