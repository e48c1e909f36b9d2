namespace Mobility.Routing.Graphs;

/// <summary>A directed arc along road edge <paramref name="Edge"/>, in its direction when <paramref name="Along"/>.</summary>
public readonly record struct Arc(int Tail, int Head, int Milliseconds, float Metres, int Edge, bool Along);

/// <summary>
/// One profile's directed graph in compressed sparse row form: the arcs leaving vertex v are
/// indices FirstOut[v]..FirstOut[v + 1] of Head, Milliseconds, Metres and Edge (the road edge it runs along).
/// </summary>
public sealed class DirectedGraph
{
    public required int[] FirstOut { get; init; }
    public required int[] Head { get; init; }
    public required int[] Milliseconds { get; init; }
    public required float[] Metres { get; init; }
    public required int[] Edge { get; init; }
    /// <summary>Whether the arc runs along its road edge from EdgeFrom to EdgeTo (else against it).</summary>
    public required bool[] AlongEdge { get; init; }
    /// <summary>The network junction each vertex stands for: itself, or for a turn-restriction copy, its via vertex.</summary>
    public required int[] Junction { get; init; }

    public int VertexCount => FirstOut.Length - 1;
    public int ArcCount => Head.Length;

    /// <summary>
    /// The arcs of a profile, forward and backward along each road edge it may use, with the profile's turn restrictions
    /// built in (see <see cref="TurnRestrictionSplitter"/>): vertices from network.VertexCount on are via-vertex copies.
    /// </summary>
    public static DirectedGraph ForProfile(RoadNetwork network, int profile)
    {
        var forward = network.ForwardMilliseconds[profile];
        var backward = network.BackwardMilliseconds[profile];
        var arcs = new List<Arc>();
        for (var e = 0; e < network.EdgeCount; e++)
        {
            if (forward[e] >= 0) arcs.Add(new Arc(network.EdgeFrom[e], network.EdgeTo[e], forward[e], network.EdgeMetres[e], e, true));
            if (backward[e] >= 0) arcs.Add(new Arc(network.EdgeTo[e], network.EdgeFrom[e], backward[e], network.EdgeMetres[e], e, false));
        }
        var junctionOfCopy = TurnRestrictionSplitter.Apply(network, profile, arcs);
        return FromArcs(network.VertexCount + junctionOfCopy.Count, arcs,
            [.. Enumerable.Range(0, network.VertexCount), .. junctionOfCopy]);
    }

    public static DirectedGraph FromArcs(int vertexCount, IReadOnlyList<Arc> arcs, int[]? junction = null)
    {
        var firstOut = new int[vertexCount + 1];
        foreach (var arc in arcs) firstOut[arc.Tail + 1]++;
        for (var v = 0; v < vertexCount; v++) firstOut[v + 1] += firstOut[v];
        var next = (int[])firstOut.Clone();
        var head = new int[arcs.Count];
        var milliseconds = new int[arcs.Count];
        var metres = new float[arcs.Count];
        var edge = new int[arcs.Count];
        var along = new bool[arcs.Count];
        foreach (var arc in arcs)
        {
            var i = next[arc.Tail]++;
            (head[i], milliseconds[i], metres[i], edge[i]) = (arc.Head, arc.Milliseconds, arc.Metres, arc.Edge);
            along[i] = arc.Along;
        }
        return new DirectedGraph
        {
            FirstOut = firstOut, Head = head, Milliseconds = milliseconds, Metres = metres, Edge = edge, AlongEdge = along,
            Junction = junction ?? Enumerable.Range(0, vertexCount).ToArray(),
        };
    }

    /// <summary>The same graph with other arc weights (e.g. decimetres, for shortest distances instead of fastest times).</summary>
    public DirectedGraph WithWeights(int[] weights)
    {
        if (weights.Length != ArcCount) throw new ArgumentException($"{weights.Length} weights for {ArcCount} arcs.");
        return new DirectedGraph
        {
            FirstOut = FirstOut, Head = Head, Milliseconds = weights, Metres = Metres, Edge = Edge, AlongEdge = AlongEdge, Junction = Junction,
        };
    }

    /// <summary>The same arcs, reversed: the arcs entering v become the arcs leaving v.</summary>
    public DirectedGraph Reversed()
    {
        var arcs = new List<Arc>(ArcCount);
        for (var v = 0; v < VertexCount; v++)
            for (var i = FirstOut[v]; i < FirstOut[v + 1]; i++)
                arcs.Add(new Arc(Head[i], v, Milliseconds[i], Metres[i], Edge[i], !AlongEdge[i]));
        return FromArcs(VertexCount, arcs, Junction);
    }
}
