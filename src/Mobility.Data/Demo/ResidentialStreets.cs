using Mobility.Routing;
using Mobility.Routing.Osm;

namespace Mobility.Data.Demo;

/// <summary>
/// What the demo generator needs from an OSM extract, selected in two streaming passes (<see cref="OsmReader"/>): residential street segments
/// (where demo homes are placed), named railway stations, and named places (to give each home a commune).
/// </summary>
public sealed class ResidentialStreets
{
    private static readonly HashSet<string> ResidentialHighways = ["residential", "living_street"];
    private static readonly HashSet<string> PlaceKinds = ["city", "town", "village", "suburb", "hamlet", "quarter"];

    /// <summary>Segment i goes from Start[i] to End[i] and is Metres[i] long.</summary>
    public GeoPoint[] Start { get; }
    public GeoPoint[] End { get; }
    public double[] Metres { get; }
    public IReadOnlyList<DemoPlace> Stations { get; }
    public IReadOnlyList<DemoPlace> Places { get; }

    private ResidentialStreets(List<(GeoPoint Start, GeoPoint End, double Metres)> segments,
        IReadOnlyList<DemoPlace> stations, IReadOnlyList<DemoPlace> places)
    {
        Start = segments.Select(s => s.Start).ToArray();
        End = segments.Select(s => s.End).ToArray();
        Metres = segments.Select(s => s.Metres).ToArray();
        Stations = stations;
        Places = places;
    }

    public int Count => Metres.Length;

    /// <summary>Where the extract has residential streets.</summary>
    public GeoArea Area => GeoArea.Around(Start.Concat(End));

    public static ResidentialStreets Read(string osmFile, Action<string>? progress = null)
    {
        var extract = OsmReader.Select(osmFile,
            keepNode: tags => RailwayStations.Keeps(tags) || IsNamedPlace(tags),
            keepWay: tags => tags["highway"] is { } highway && ResidentialHighways.Contains(highway));
        progress?.Invoke($"{extract.Ways.Count:N0} residential streets found");

        var stations = extract.Nodes.Where(n => RailwayStations.Keeps(n.Tags)).Select(RailwayStations.From)
            .Select(s => new DemoPlace(s.Reference, s.Name, s.Position.Latitude, s.Position.Longitude, null)).ToList();
        var places = extract.Nodes.Where(n => IsNamedPlace(n.Tags))
            .Select(n => new DemoPlace(n.Reference, n.Name!, n.Position.Latitude, n.Position.Longitude, null)).ToList();
        var segments = new List<(GeoPoint, GeoPoint, double)>();
        foreach (var way in extract.Ways)
            for (var i = 0; i + 1 < way.Points.Count; i++)
                if (way.Points[i] is { } a && way.Points[i + 1] is { } b)
                {
                    var metres = a.DistanceTo(b);
                    if (metres > 1) segments.Add((a, b, metres));
                }
        progress?.Invoke($"{segments.Count:N0} street segments, {stations.Count} stations, {places.Count} named places");
        if (segments.Count == 0)
            throw new InvalidDataException($"{osmFile} has no residential streets: demo homes cannot be placed.");
        return new ResidentialStreets(segments, stations, places);
    }

    private static bool IsNamedPlace(OsmTags tags) => tags.Has("name") && tags["place"] is { } place && PlaceKinds.Contains(place);

    /// <summary>
    /// The nearest named place, as the commune of a point. Extracts filtered for routing may hold no place nodes;
    /// then the caller's <paramref name="fallback"/> places (those of the scenario) are used.
    /// </summary>
    public string? NearestPlace(GeoPoint point, IReadOnlyList<DemoPlace> fallback)
    {
        DemoPlace? best = null;
        var bestMetres = double.MaxValue;
        foreach (var place in Places.Count > 0 ? Places : fallback)
        {
            var metres = point.DistanceTo(place.Position);
            if (metres < bestMetres) (best, bestMetres) = (place, metres);
        }
        return best?.Commune ?? best?.Name;
    }
}
