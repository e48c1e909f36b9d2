using Mobility.Routing.Algorithms.Contracted;

namespace Mobility.Routing.Algorithms.Matrices;

/// <summary>
/// Many-to-many travel times on a contraction hierarchy (Knopp et al.'s bucket method): one backward upward search
/// per target leaves (target, time) entries in buckets at the vertices it settles; one forward upward search per
/// source then reads the buckets of the vertices it settles. Both phases run in parallel, and both stall on demand
/// (a vertex reached more cheaply from above is neither expanded nor bucketed).
/// </summary>
public sealed class BucketManyToMany(ContractionHierarchy hierarchy)
{
    /// <returns>Row-major sources × targets times (ms, long.MaxValue when unreachable) and lengths (m).</returns>
    public (long[] Milliseconds, double[] Metres) Compute(IReadOnlyList<int> sources, IReadOnlyList<int> targets) =>
        Compute(sources.Select(v => (IReadOnlyList<Seed>)[new Seed(v, 0, 0)]).ToList(),
                targets.Select(v => (IReadOnlyList<Seed>)[new Seed(v, 0, 0)]).ToList());

    /// <summary>The same with each source and target given as seeds (a point in the middle of an edge has up to two).</summary>
    public (long[] Milliseconds, double[] Metres) Compute(IReadOnlyList<IReadOnlyList<Seed>> sources, IReadOnlyList<IReadOnlyList<Seed>> targets)
    {
        var n = hierarchy.VertexCount;
        var entries = new List<(int Vertex, int Target, long Milliseconds, double Metres)>[targets.Count];
        Parallel.For(0, targets.Count, () => new SearchSpace(n), (t, _, search) =>
        {
            var settled = search.Exhaust(targets[t], hierarchy.Down, hierarchy.Up);
            entries[t] = settled.Select(v => (v, t, search.Milliseconds(v), search.Metres(v))).ToList();
            return search;
        }, _ => { });

        // Buckets in CSR form by vertex.
        var first = new int[n + 1];
        foreach (var list in entries) foreach (var entry in list) first[entry.Vertex + 1]++;
        for (var v = 0; v < n; v++) first[v + 1] += first[v];
        var next = (int[])first.Clone();
        var bucketTarget = new int[first[n]];
        var bucketMilliseconds = new long[first[n]];
        var bucketMetres = new double[first[n]];
        foreach (var list in entries)
            foreach (var (vertex, target, milliseconds, metres) in list)
            {
                var i = next[vertex]++;
                (bucketTarget[i], bucketMilliseconds[i], bucketMetres[i]) = (target, milliseconds, metres);
            }

        var resultMilliseconds = new long[sources.Count * targets.Count];
        var resultMetres = new double[resultMilliseconds.Length];
        Array.Fill(resultMilliseconds, long.MaxValue);
        Array.Fill(resultMetres, double.PositiveInfinity);
        Parallel.For(0, sources.Count, () => new SearchSpace(n), (s, _, search) =>
        {
            var row = s * targets.Count;
            foreach (var vertex in search.Exhaust(sources[s], hierarchy.Up, hierarchy.Down))
            {
                var up = search.Milliseconds(vertex);
                for (var i = first[vertex]; i < first[vertex + 1]; i++)
                {
                    var total = up + bucketMilliseconds[i];
                    var cell = row + bucketTarget[i];
                    if (total < resultMilliseconds[cell])
                        (resultMilliseconds[cell], resultMetres[cell]) = (total, search.Metres(vertex) + bucketMetres[i]);
                }
            }
            return search;
        }, _ => { });
        return (resultMilliseconds, resultMetres);
    }
}
