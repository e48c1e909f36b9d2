using OsmSharp;
using OsmSharp.Streams;

namespace Mobility.Routing.Osm;

/// <summary>A node an <see cref="OsmReader.Select"/> kept: its OSM id, position and tags.</summary>
public sealed record OsmNode(long Id, GeoPoint Position, OsmTags Tags)
{
    /// <summary>How the product names a place taken from OSM (a station, a commune): stable across imports of the extract.</summary>
    public string Reference => $"OSM-N{Id}";

    public string? Name => Tags["name"];
}

/// <summary>A way an <see cref="OsmReader.Select"/> kept, with the position of each of its nodes, null where the extract
/// cut the way off.</summary>
public sealed record OsmWay(long Id, IReadOnlyList<GeoPoint?> Points, OsmTags Tags);

public sealed record OsmSelection(IReadOnlyList<OsmNode> Nodes, IReadOnlyList<OsmWay> Ways);

/// <summary>
/// The one place OSM files are opened and read (PBF or XML by the extension), streaming, without holding the whole
/// extract: the road graph import reads its objects, everything else (the demo's streets, stations, places; an address
/// index, tiles) selects tagged nodes and ways.
/// </summary>
public static class OsmReader
{
    public static IEnumerable<OsmGeo> Objects(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"OSM extract not found: {path}. See osm-data/README.md to get one.", path);
        return Stream(path);
    }

    /// <summary>
    /// The nodes whose tags <paramref name="keepNode"/> accepts and the ways whose tags <paramref name="keepWay"/> accepts,
    /// in file order: one pass, or two when ways are asked for (their nodes' positions come after them in the file).
    /// </summary>
    public static OsmSelection Select(string path, Func<OsmTags, bool>? keepNode, Func<OsmTags, bool>? keepWay = null)
    {
        var ways = new List<(long Id, long[] Nodes, OsmTags Tags)>();
        var wayNodes = new HashSet<long>();
        if (keepWay is not null)
            foreach (var item in Objects(path))
                if (item is Way { Id: { } id, Nodes.Length: >= 2 } way && way.Tags is { Count: > 0 } && keepWay(new OsmTags(way.Tags)))
                {
                    ways.Add((id, way.Nodes, new OsmTags(way.Tags).Keep()));
                    wayNodes.UnionWith(way.Nodes);
                }

        var positions = new Dictionary<long, GeoPoint>(wayNodes.Count);
        var nodes = new List<OsmNode>();
        foreach (var item in Objects(path))
        {
            if (item is not Node { Id: { } id, Latitude: { } latitude, Longitude: { } longitude } node) continue;
            var position = new GeoPoint(latitude, longitude);
            if (wayNodes.Contains(id)) positions[id] = position;
            if (keepNode is not null && node.Tags is { Count: > 0 } && keepNode(new OsmTags(node.Tags)))
                nodes.Add(new OsmNode(id, position, new OsmTags(node.Tags).Keep()));
        }
        var selected = ways.Select(w => new OsmWay(w.Id,
            w.Nodes.Select(n => positions.TryGetValue(n, out var p) ? p : (GeoPoint?)null).ToArray(), w.Tags)).ToList();
        return new OsmSelection(nodes, selected);
    }

    private static IEnumerable<OsmGeo> Stream(string path)
    {
        using var stream = File.OpenRead(path);
        OsmStreamSource source = path.EndsWith(".pbf", StringComparison.OrdinalIgnoreCase)
            ? new PBFOsmStreamSource(stream)
            : new XmlOsmStreamSource(stream);
        foreach (var item in source) yield return item;
    }
}
