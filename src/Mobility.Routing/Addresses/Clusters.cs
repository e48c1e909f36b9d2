namespace Mobility.Routing.Addresses;

/// <summary>Points linked when closer than a distance, directly or through others (single linkage): how ways and houses
/// of one name fall into separate streets when the same name is used in two places of a commune (or of a region whose
/// communes the extract does not tell).</summary>
internal static class Clusters
{
    /// <summary>The indices of <paramref name="points"/>, cluster by cluster, each in ascending order.</summary>
    public static List<List<int>> Of(IReadOnlyList<GeoPoint> points, double linkMetres)
    {
        if (points.Count == 1) return [[0]];
        var parent = Enumerable.Range(0, points.Count).ToArray();
        int Root(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }
        // Sorted by latitude, a point only needs comparing with the next ones until they are too far north.
        var order = Enumerable.Range(0, points.Count).OrderBy(i => points[i].Latitude).ToArray();
        var linkDegrees = linkMetres / 111_195.0;
        for (var a = 0; a < order.Length; a++)
            for (var b = a + 1; b < order.Length && points[order[b]].Latitude - points[order[a]].Latitude <= linkDegrees; b++)
            {
                var (i, j) = (Root(order[a]), Root(order[b]));
                if (i != j && points[order[a]].DistanceTo(points[order[b]]) <= linkMetres) parent[Math.Max(i, j)] = Math.Min(i, j);
            }
        var clusters = new Dictionary<int, List<int>>();
        for (var i = 0; i < points.Count; i++)
        {
            var root = Root(i);
            if (!clusters.TryGetValue(root, out var members)) clusters[root] = members = [];
            members.Add(i);
        }
        return clusters.Values.ToList();
    }
}
