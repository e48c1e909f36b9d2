namespace Mobility.Routing.Graphs;

/// <summary>
/// Builds turn restrictions into a node-based graph, so that every algorithm on it (Dijkstra, contraction
/// hierarchies, matrices) honours them without knowing they exist: for each (via vertex, from way) pair that
/// restrictions name, the arcs arriving along the from way are redirected to a copy of the via vertex, and the copy
/// only has the exits the restrictions allow.
/// </summary>
internal static class TurnRestrictionSplitter
{
    /// <returns>For each copy appended after the network's vertices, the junction it stands for.</returns>
    public static List<int> Apply(RoadNetwork network, int profile, List<Arc> arcs)
    {
        var junctionOfCopy = new List<int>();
        var next = network.VertexCount;
        var restrictions = network.TurnRestrictions.Where(r => (r.ProfileMask & (1 << profile)) != 0)
            .GroupBy(r => (r.ViaVertex, r.FromWay)).ToList();
        if (restrictions.Count == 0) return junctionOfCopy;

        // First every copy and every redirection, then the copies' exits, taken from the redirected arcs: a route
        // leaving one copy towards another restricted junction must arrive at that junction's copy too.
        var copies = new Dictionary<(int Via, long FromWay), int>();
        foreach (var group in restrictions)
        {
            copies[group.Key] = next++;
            junctionOfCopy.Add(group.Key.ViaVertex);
        }
        var original = arcs.Count;
        for (var i = 0; i < original; i++)
            if (copies.TryGetValue((arcs[i].Head, network.EdgeWay[arcs[i].Edge]), out var copy))
                arcs[i] = arcs[i] with { Head = copy };
        var exitsOf = arcs.Take(original).ToLookup(arc => arc.Tail);
        foreach (var group in restrictions)
            foreach (var exit in exitsOf[group.Key.ViaVertex])
                if (Allowed(network.EdgeWay[exit.Edge], group))
                    arcs.Add(exit with { Tail = copies[group.Key] });
        return junctionOfCopy;
    }

    private static bool Allowed(long exitWay, IEnumerable<TurnRestriction> restrictions)
    {
        foreach (var restriction in restrictions)
        {
            if (restriction.IsMandatory && exitWay != restriction.ToWay) return false;
            if (!restriction.IsMandatory && exitWay == restriction.ToWay) return false;
        }
        return true;
    }
}
