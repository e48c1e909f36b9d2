using Mobility.Routing;
using OsmSharp;
using OsmSharp.Streams;

namespace Mobility.Data.Demo;

/// <summary>
/// What the demo generator needs from an OSM extract, read in two streaming passes: residential street segments
/// (where demo homes are placed), named railway stations, and named places (to give each home a commune).
/// </summary>
public sealed class ResidentialStreets
{
    private static readonly HashSet<string> ResidentialHighways = ["residential", "living_street"];
    private static readonly HashSet<string> PlaceKinds = ["city", "town", "village", "suburb", "hamlet", "quarter"];

    /// <summary>Segment i goes from (Lat1[i], Lon1[i]) to (Lat2[i], Lon2[i]) and is Metres[i] long.</summary>
    public double[] Lat1 { get; }
    public double[] Lon1 { get; }
    public double[] Lat2 { get; }
    public double[] Lon2 { get; }
    public double[] Metres { get; }
    public IReadOnlyList<DemoPlace> Stations { get; }
    public IReadOnlyList<DemoPlace> Places { get; }

    private ResidentialStreets(List<(double, double, double, double, double)> segments,
        IReadOnlyList<DemoPlace> stations, IReadOnlyList<DemoPlace> places)
    {
        Lat1 = segments.Select(s => s.Item1).ToArray();
        Lon1 = segments.Select(s => s.Item2).ToArray();
        Lat2 = segments.Select(s => s.Item3).ToArray();
        Lon2 = segments.Select(s => s.Item4).ToArray();
        Metres = segments.Select(s => s.Item5).ToArray();
        Stations = stations;
        Places = places;
    }

    public int Count => Metres.Length;

    public static ResidentialStreets Read(string osmFile, Action<string>? progress = null)
    {
        if (!File.Exists(osmFile))
            throw new FileNotFoundException($"OSM extract not found: {osmFile}. See osm-data/README.md to get one.", osmFile);

        // Pass 1: which ways are residential streets, and so which nodes' coordinates are needed.
        var ways = new List<long[]>();
        var neededNodes = new HashSet<long>();
        foreach (var item in Open(osmFile))
        {
            if (item is Way { Nodes.Length: >= 2 } way && way.Tags != null
                && way.Tags.TryGetValue("highway", out var highway) && ResidentialHighways.Contains(highway))
            {
                ways.Add(way.Nodes);
                neededNodes.UnionWith(way.Nodes);
            }
        }
        progress?.Invoke($"{ways.Count:N0} residential streets found");

        // Pass 2: the coordinates of those nodes, and the named stations and places.
        var coordinates = new Dictionary<long, (double Latitude, double Longitude)>(neededNodes.Count);
        var stations = new List<DemoPlace>();
        var places = new List<DemoPlace>();
        foreach (var item in Open(osmFile))
        {
            if (item is not Node { Id: { } id, Latitude: { } latitude, Longitude: { } longitude } node) continue;
            if (neededNodes.Contains(id)) coordinates[id] = (latitude, longitude);
            if (node.Tags == null || !node.Tags.TryGetValue("name", out var name)) continue;
            if (node.Tags.TryGetValue("railway", out var railway) && railway is "station" or "halt")
                stations.Add(new DemoPlace($"OSM-N{id}", name, latitude, longitude, null));
            if (node.Tags.TryGetValue("place", out var place) && PlaceKinds.Contains(place))
                places.Add(new DemoPlace($"OSM-N{id}", name, latitude, longitude, null));
        }

        var segments = new List<(double, double, double, double, double)>();
        foreach (var nodes in ways)
            for (var i = 0; i + 1 < nodes.Length; i++)
                if (coordinates.TryGetValue(nodes[i], out var a) && coordinates.TryGetValue(nodes[i + 1], out var b))
                {
                    var metres = Geo.Metres(a.Latitude, a.Longitude, b.Latitude, b.Longitude);
                    if (metres > 1) segments.Add((a.Latitude, a.Longitude, b.Latitude, b.Longitude, metres));
                }
        progress?.Invoke($"{segments.Count:N0} street segments, {stations.Count} stations, {places.Count} named places");
        if (segments.Count == 0)
            throw new InvalidDataException($"{osmFile} has no residential streets: demo homes cannot be placed.");
        return new ResidentialStreets(segments, stations, places);
    }

    /// <summary>
    /// The nearest named place, as the commune of a point. Extracts filtered for routing may hold no place nodes;
    /// then the caller's <paramref name="fallback"/> places (those of the scenario) are used.
    /// </summary>
    public string? NearestPlace(double latitude, double longitude, IReadOnlyList<DemoPlace> fallback)
    {
        DemoPlace? best = null;
        var bestMetres = double.MaxValue;
        foreach (var place in Places.Count > 0 ? Places : fallback)
        {
            var metres = Geo.Metres(latitude, longitude, place.Latitude, place.Longitude);
            if (metres < bestMetres) (best, bestMetres) = (place, metres);
        }
        return best?.Commune ?? best?.Name;
    }

    private static IEnumerable<OsmGeo> Open(string osmFile)
    {
        using var stream = File.OpenRead(osmFile);
        OsmStreamSource source = osmFile.EndsWith(".pbf", StringComparison.OrdinalIgnoreCase)
            ? new PBFOsmStreamSource(stream)
            : new XmlOsmStreamSource(stream);
        foreach (var item in source) yield return item;
    }
}
