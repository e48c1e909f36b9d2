using OsmSharp;
using OsmSharp.Streams;

namespace Mobility.Routing.Osm;

/// <summary>Streams the objects of an OSM file, PBF or XML by its extension, without holding them all.</summary>
public static class OsmSource
{
    public static IEnumerable<OsmGeo> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"OSM file not found: {path}", path);
        using var stream = File.OpenRead(path);
        OsmStreamSource source = path.EndsWith(".pbf", StringComparison.OrdinalIgnoreCase)
            ? new PBFOsmStreamSource(stream)
            : new XmlOsmStreamSource(stream);
        foreach (var item in source) yield return item;
    }
}
