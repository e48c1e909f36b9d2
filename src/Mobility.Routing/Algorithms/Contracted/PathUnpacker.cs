using Mobility.Routing.Graphs;

namespace Mobility.Routing.Algorithms.Contracted;

/// <summary>
/// Turns a path of hierarchy arcs back into road arcs. A shortcut tail→head bypassing m stands for tail→m (stored as a
/// down arc at m) followed by m→head (an up arc at m), whose times add up to the shortcut's; an original arc is the
/// fastest road arc between its ends.
/// </summary>
public sealed class PathUnpacker(ContractionHierarchy hierarchy, DirectedGraph graph)
{
    public List<int> RoadArcs(IEnumerable<(int Tail, int Head, int Index, bool IsUp)> path)
    {
        var result = new List<int>();
        foreach (var (tail, head, index, isUp) in path)
        {
            var arcs = isUp ? hierarchy.Up : hierarchy.Down;
            Unpack(tail, head, arcs.Milliseconds[index], arcs.Middle[index], result);
        }
        return result;
    }

    private void Unpack(int tail, int head, int milliseconds, int middle, List<int> result)
    {
        if (middle < 0)
        {
            result.Add(FastestRoadArc(tail, head, milliseconds));
            return;
        }
        var (down, up) = (hierarchy.Down, hierarchy.Up);
        for (var i = down.First[middle]; i < down.First[middle + 1]; i++)
        {
            if (down.Head[i] != tail) continue;
            for (var j = up.First[middle]; j < up.First[middle + 1]; j++)
                if (up.Head[j] == head && down.Milliseconds[i] + up.Milliseconds[j] == milliseconds)
                {
                    Unpack(tail, middle, down.Milliseconds[i], down.Middle[i], result);
                    Unpack(middle, head, up.Milliseconds[j], up.Middle[j], result);
                    return;
                }
        }
        throw new InvalidOperationException($"Shortcut {tail}→{head} via {middle} cannot be unpacked: the hierarchy is inconsistent.");
    }

    private int FastestRoadArc(int tail, int head, int milliseconds)
    {
        for (var i = graph.FirstOut[tail]; i < graph.FirstOut[tail + 1]; i++)
            if (graph.Head[i] == head && graph.Milliseconds[i] == milliseconds) return i;
        throw new InvalidOperationException($"No road arc {tail}→{head} of {milliseconds} ms: the hierarchy does not match its graph.");
    }
}
