using Mobility.Routing.Algorithms.Contracted;
using Mobility.Routing.Algorithms.Search;
using Mobility.Routing.Graphs;
using Mobility.Routing.Snapping;

namespace Mobility.Routing;

/// <summary>
/// Everything one profile routes with: its graph (turn restrictions built in), its largest strongly connected
/// component, its hierarchy, its edge snapper, and the arcs along each road edge (to start and end mid-edge).
/// </summary>
public sealed class ProfileRouter
{
    public required string Profile { get; init; }
    public required RoadNetwork Network { get; init; }
    public required DirectedGraph Graph { get; init; }
    public required bool[] InLargestComponent { get; init; }
    public required ContractionHierarchy Hierarchy { get; init; }
    public required EdgeSnapper Snapper { get; init; }
    /// <summary>Arcs along edge e: ArcsOfEdge[ArcsOfEdgeFirst[e]..ArcsOfEdgeFirst[e + 1]]; ArcTail[a] is arc a's tail.</summary>
    public required int[] ArcsOfEdgeFirst { get; init; }
    public required int[] ArcsOfEdge { get; init; }
    public required int[] ArcTail { get; init; }
    /// <summary>For each junction with turn-restriction copies, the copies (reaching one is reaching the junction).</summary>
    public required IReadOnlyDictionary<int, int[]> CopiesOfJunction { get; init; }

    public static ProfileRouter Build(RoadNetwork network, string profile, Action<string>? progress = null)
    {
        var graph = DirectedGraph.ForProfile(network, network.ProfileIndex(profile));
        var component = StronglyConnectedComponents.Largest(graph);
        progress?.Invoke($"{profile}: {graph.ArcCount:N0} arcs, {component.Count(c => c):N0} vertices in the largest component");
        var hierarchy = ContractionHierarchy.Build(graph, message => progress?.Invoke($"{profile}: {message}"));
        return Assemble(network, profile, graph, component, hierarchy);
    }

    /// <summary>Completes a profile router from its stored parts (the derived indexes take milliseconds).</summary>
    public static ProfileRouter Assemble(RoadNetwork network, string profile, DirectedGraph graph, bool[] component, ContractionHierarchy hierarchy)
    {
        var tail = new int[graph.ArcCount];
        for (var v = 0; v < graph.VertexCount; v++)
            for (var a = graph.FirstOut[v]; a < graph.FirstOut[v + 1]; a++) tail[a] = v;
        var first = new int[network.EdgeCount + 1];
        foreach (var edge in graph.Edge) first[edge + 1]++;
        for (var e = 0; e < network.EdgeCount; e++) first[e + 1] += first[e];
        var next = (int[])first.Clone();
        var arcsOfEdge = new int[graph.ArcCount];
        for (var a = 0; a < graph.ArcCount; a++) arcsOfEdge[next[graph.Edge[a]]++] = a;
        return new ProfileRouter
        {
            Profile = profile, Network = network, Graph = graph, InLargestComponent = component, Hierarchy = hierarchy,
            Snapper = new EdgeSnapper(network, network.ProfileIndex(profile), component),
            ArcsOfEdgeFirst = first, ArcsOfEdge = arcsOfEdge, ArcTail = tail,
            CopiesOfJunction = Enumerable.Range(network.VertexCount, graph.VertexCount - network.VertexCount)
                .GroupBy(copy => graph.Junction[copy]).ToDictionary(g => g.Key, g => g.ToArray()),
        };
    }

    /// <summary>
    /// Leaving a point on an edge: along each direction the profile may drive the edge, the vertex ahead with the time
    /// and length still to cover. The arcs leaving the edge's own ends are used (not those of via-vertex copies), and
    /// their heads may be copies: a turn restriction at the end of the edge still holds.
    /// </summary>
    public List<(Seed Seed, int Arc)> Departures(int edge, double fraction)
    {
        var seeds = new List<(Seed, int)>();
        for (var i = ArcsOfEdgeFirst[edge]; i < ArcsOfEdgeFirst[edge + 1]; i++)
        {
            var arc = ArcsOfEdge[i];
            if (ArcTail[arc] >= Network.VertexCount) continue;
            var remaining = 1 - Behind(arc, fraction);
            seeds.Add((new Seed(Graph.Head[arc], (long)Math.Round(Graph.Milliseconds[arc] * remaining), Graph.Metres[arc] * remaining), arc));
        }
        // A point at a junction may leave by any road of the junction, not only along the edge it snapped to.
        if (AtJunction(edge, fraction) is { } junction) seeds.Add((new Seed(junction, 0, 0), -1));
        return seeds;
    }

    /// <summary>Reaching a point on an edge: every vertex (copies included) from which an arc runs along the edge to it.</summary>
    public List<(Seed Seed, int Arc)> Arrivals(int edge, double fraction)
    {
        var seeds = new List<(Seed, int)>();
        for (var i = ArcsOfEdgeFirst[edge]; i < ArcsOfEdgeFirst[edge + 1]; i++)
        {
            var arc = ArcsOfEdge[i];
            var covered = Behind(arc, fraction);
            seeds.Add((new Seed(ArcTail[arc], (long)Math.Round(Graph.Milliseconds[arc] * covered), Graph.Metres[arc] * covered), arc));
        }
        // A point at a junction may be reached by any road into it, restricted approaches (copies) included.
        if (AtJunction(edge, fraction) is { } junction)
        {
            seeds.Add((new Seed(junction, 0, 0), -1));
            foreach (var copy in CopiesOfJunction.GetValueOrDefault(junction, [])) seeds.Add((new Seed(copy, 0, 0), -1));
        }
        return seeds;
    }

    private int? AtJunction(int edge, double fraction) =>
        fraction <= 1e-9 ? Network.EdgeFrom[edge] : fraction >= 1 - 1e-9 ? Network.EdgeTo[edge] : null;

    /// <summary>Driving straight along one edge from one point of it to another, if its direction allows: (ms, m, arc).</summary>
    public (long Milliseconds, double Metres, int Arc)? Direct(int edge, double from, double to)
    {
        (long, double, int)? best = null;
        for (var i = ArcsOfEdgeFirst[edge]; i < ArcsOfEdgeFirst[edge + 1]; i++)
        {
            var arc = ArcsOfEdge[i];
            if (ArcTail[arc] >= Network.VertexCount) continue;
            var share = Behind(arc, to) - Behind(arc, from);
            if (share < 0) continue;
            var milliseconds = (long)Math.Round(Graph.Milliseconds[arc] * share);
            if (best is null || milliseconds < best.Value.Item1) best = (milliseconds, Graph.Metres[arc] * share, arc);
        }
        return best;
    }

    /// <summary>How much of an arc lies behind a point at <paramref name="fraction"/> of its edge (measured from EdgeFrom).</summary>
    private double Behind(int arc, double fraction) => Graph.AlongEdge[arc] ? fraction : 1 - fraction;
}
