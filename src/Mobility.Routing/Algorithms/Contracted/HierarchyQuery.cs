namespace Mobility.Routing.Algorithms.Contracted;

/// <summary>
/// Point-to-point queries on a contraction hierarchy: two upward Dijkstra searches that meet at the highest vertex
/// of the shortest path. One instance per thread: it reuses its arrays (versioned marks, no clearing per query).
/// </summary>
public sealed class HierarchyQuery(ContractionHierarchy hierarchy)
{
    private readonly SearchSpace _forward = new(hierarchy.VertexCount);
    private readonly SearchSpace _backward = new(hierarchy.VertexCount);

    /// <summary>Where the last QueryPath's searches met (the path's only vertex when it has no arcs), −1 if they did not.</summary>
    public int MeetingVertex { get; private set; } = -1;

    /// <summary>Fastest time (ms) and its length (m), or (long.MaxValue, ∞) when the target cannot be reached.</summary>
    public (long Milliseconds, double Metres) Query(int source, int target)
    {
        var (milliseconds, metres, _) = Search([new Seed(source, 0, 0)], [new Seed(target, 0, 0)]);
        return (milliseconds, metres);
    }

    /// <summary>
    /// The fastest path as hierarchy arcs: up arcs from the source to the meeting vertex, then down arcs to the target,
    /// each as (tail, head, index in Up or Down, isUp). Empty when unreachable or when source = target.
    /// </summary>
    public (long Milliseconds, double Metres, List<(int Tail, int Head, int Index, bool IsUp)> Arcs) QueryPath(int source, int target) =>
        QueryPath([new Seed(source, 0, 0)], [new Seed(target, 0, 0)]);

    /// <summary>The same from several seeded sources to several seeded targets (points in the middle of edges).</summary>
    public (long Milliseconds, double Metres, List<(int Tail, int Head, int Index, bool IsUp)> Arcs) QueryPath(
        IReadOnlyList<Seed> sources, IReadOnlyList<Seed> targets)
    {
        var (milliseconds, metres, meeting) = Search(sources, targets);
        var arcs = new List<(int, int, int, bool)>();
        MeetingVertex = meeting;
        if (meeting < 0) return (milliseconds, metres, arcs);
        for (var v = meeting; _forward.ParentArc(v) >= 0;)
        {
            var index = _forward.ParentArc(v);
            var tail = TailOfUpArc(index);
            arcs.Add((tail, v, index, true));
            v = tail;
        }
        arcs.Reverse();
        for (var v = meeting; _backward.ParentArc(v) >= 0;)
        {
            var index = _backward.ParentArc(v);
            var next = TailOfDownArc(index);
            arcs.Add((v, next, index, false));
            v = next;
        }
        return (milliseconds, metres, arcs);
    }

    // Up arc i leaves the vertex whose range holds i; a down arc stored at y with head u is the arc u→y.
    private int TailOfUpArc(int index) => OwnerOf(hierarchy.Up.First, index);
    private int TailOfDownArc(int index) => OwnerOf(hierarchy.Down.First, index);

    private static int OwnerOf(int[] first, int index)
    {
        var position = Array.BinarySearch(first, index);
        if (position < 0) return ~position - 1;
        while (position + 1 < first.Length && first[position + 1] == index) position++; // skip vertices without arcs
        return position;
    }

    private (long Milliseconds, double Metres, int Meeting) Search(IReadOnlyList<Seed> sources, IReadOnlyList<Seed> targets)
    {
        _forward.Start(sources);
        _backward.Start(targets);
        var best = long.MaxValue;
        var bestMetres = double.PositiveInfinity;
        var meeting = -1;
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
                if (total < best) (best, bestMetres, meeting) = (total, searching.Metres(vertex) + other.Metres(vertex), vertex);
            }
        }
        return (best, bestMetres, meeting);
    }
}
