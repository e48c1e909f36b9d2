using Mobility.Routing.Graphs;

namespace Mobility.Routing.Algorithms.Contracted;

/// <summary>
/// A contraction hierarchy of one profile's graph, as flat arrays. Every shortest path is an upward path from the
/// source followed by a downward path to the target, so queries search only upwards from both ends.
/// Up arcs leave v towards higher ranks (the forward search from a source follows them); Down arcs enter v from
/// higher ranks and are stored at v pointing back to their tail (the backward search from a target follows them).
/// A shortcut's Middle is the vertex it bypasses (−1 for an original road arc), for unpacking geometry.
/// </summary>
public sealed class ContractionHierarchy
{
    public required int[] Rank { get; init; }
    public required CsrArcs Up { get; init; }
    public required CsrArcs Down { get; init; }

    public int VertexCount => Rank.Length;

    public static ContractionHierarchy Build(DirectedGraph graph, Action<string>? progress = null) =>
        new HierarchyBuilder(graph, progress).Build();
}

/// <summary>Arcs in compressed sparse row form with travel time, length and the bypassed vertex of shortcuts.</summary>
public sealed class CsrArcs
{
    public required int[] First { get; init; }
    public required int[] Head { get; init; }
    public required int[] Milliseconds { get; init; }
    public required float[] Metres { get; init; }
    public required int[] Middle { get; init; }

    public int Count => Head.Length;

    internal static CsrArcs FromLists(List<(int Head, int Milliseconds, float Metres, int Middle)>[] lists)
    {
        var first = new int[lists.Length + 1];
        for (var v = 0; v < lists.Length; v++) first[v + 1] = first[v] + lists[v].Count;
        var count = first[^1];
        var arcs = new CsrArcs
        {
            First = first, Head = new int[count], Milliseconds = new int[count], Metres = new float[count], Middle = new int[count],
        };
        for (var v = 0; v < lists.Length; v++)
        {
            var i = first[v];
            foreach (var (head, milliseconds, metres, middle) in lists[v])
            {
                (arcs.Head[i], arcs.Milliseconds[i], arcs.Metres[i], arcs.Middle[i]) = (head, milliseconds, metres, middle);
                i++;
            }
        }
        return arcs;
    }
}
