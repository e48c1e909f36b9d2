using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mobility.Routing;
using Mobility.Routing.Graphs;

namespace Mobility.Bench;

/// <summary>
/// Asks a running osrm-routed (tools/osrm/build.sh prepares one; CH, its car profile) the same questions as our router,
/// on the same junctions, in the same run: the table service for matrices and the route service for single routes.
/// Its times include HTTP on loopback and JSON, which ours do not: the figure a caller of either pays.
/// </summary>
internal sealed class OsrmYardstick(string baseUrl, RoadNetwork network)
{
    private readonly HttpClient _http = CreateClient(baseUrl);

    private static HttpClient CreateClient(string baseUrl)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(10) };
        // osrm-routed writes a response in two pieces; on a kept-alive connection the client's delayed ACK then holds
        // each answer 40 ms (measured: 0.5 ms in OSRM's log, 44 ms between requests). A connection per request avoids it.
        http.DefaultRequestHeaders.ConnectionClose = true;
        return http;
    }

    private string Coordinates(IEnumerable<int> vertices) =>
        string.Join(';', vertices.Select(v => string.Create(CultureInfo.InvariantCulture, $"{network.Longitude(v):F7},{network.Latitude(v):F7}")));

    /// <summary>Durations (s) and distances (m) from every source to every target, row by row; NaN where OSRM has no route.</summary>
    public (double Seconds, double[] Durations, double[] Distances) Table(IReadOnlyList<int> sources, IReadOnlyList<int> targets)
    {
        var all = sources.Concat(targets).ToList();
        var url = $"table/v1/driving/{Coordinates(all)}?annotations=duration,distance" +
                  $"&sources={string.Join(';', Enumerable.Range(0, sources.Count))}" +
                  $"&destinations={string.Join(';', Enumerable.Range(sources.Count, targets.Count))}";
        var clock = Stopwatch.StartNew();
        var body = _http.GetStringAsync(url).GetAwaiter().GetResult();
        var seconds = clock.Elapsed.TotalSeconds;
        using var json = JsonDocument.Parse(body);
        if (json.RootElement.GetProperty("code").GetString() != "Ok") throw new InvalidOperationException($"OSRM table: {body[..Math.Min(300, body.Length)]}");
        double[] Cells(string name) => json.RootElement.GetProperty(name).EnumerateArray()
            .SelectMany(row => row.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.Number ? c.GetDouble() : double.NaN)).ToArray();
        return (seconds, Cells("durations"), Cells("distances"));
    }

    /// <summary>OSRM's route as its segments: each piece between two consecutive OSM nodes of its path, with its length
    /// (m) and duration (s).</summary>
    public List<(GeoPoint From, GeoPoint To, double Metres, double Seconds)> Segments(int source, int target)
    {
        var url = $"route/v1/driving/{Coordinates([source, target])}?overview=full&geometries=geojson&annotations=distance,duration&steps=false&alternatives=false";
        using var json = JsonDocument.Parse(_http.GetStringAsync(url).GetAwaiter().GetResult());
        var route = json.RootElement.GetProperty("routes")[0];
        var points = route.GetProperty("geometry").GetProperty("coordinates").EnumerateArray()
            .Select(c => new GeoPoint(c[1].GetDouble(), c[0].GetDouble())).ToList();
        var annotation = route.GetProperty("legs")[0].GetProperty("annotation");
        var metres = annotation.GetProperty("distance").EnumerateArray().Select(d => d.GetDouble()).ToList();
        var seconds = annotation.GetProperty("duration").EnumerateArray().Select(d => d.GetDouble()).ToList();
        return Enumerable.Range(0, Math.Min(metres.Count, points.Count - 1)).Select(i => (points[i], points[i + 1], metres[i], seconds[i])).ToList();
    }

    /// <summary>Milliseconds one route request takes (no geometry, no steps), and its duration and distance.</summary>
    public (double Milliseconds, double Duration, double Distance) Route(int source, int target)
    {
        var url = $"route/v1/driving/{Coordinates([source, target])}?overview=false&steps=false&alternatives=false";
        var start = Stopwatch.GetTimestamp();
        var body = _http.GetStringAsync(url).GetAwaiter().GetResult();
        var milliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        using var json = JsonDocument.Parse(body);
        var route = json.RootElement.GetProperty("routes")[0];
        return (milliseconds, route.GetProperty("duration").GetDouble(), route.GetProperty("distance").GetDouble());
    }
}
