using System.CommandLine;
using System.Diagnostics;
using Mobility.Routing;
using Mobility.Routing.Algorithms.Contracted;
using Mobility.Routing.Algorithms.Matrices;
using Mobility.Routing.IO;
using Mobility.Routing.Osm;
using Mobility.Routing.Profiles;
using Mobility.Planning.TravelTimes;

namespace Mobility.Bench;

/// <summary>`mobility-bench routing`: import, hierarchy build, point-to-point queries, matrices and the RouterDb file on a real extract, with pgRouting on the same points.</summary>
internal static class RoutingBenchmark
{
    public static Command Create()
    {
        var osm = new Option<string>("--osm") { Description = "OSM extract to measure on.", Required = true };
        var pairs = new Option<int>("--pairs") { Description = "Random point-to-point queries.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 42 };
        var pgRouting = new Option<string?>("--pgrouting")
        {
            Description = "Connection string of a scratch PostGIS database: load the extract with osm2pgrouting there and time " +
                          "pgr_dijkstraCostMatrix on the same points (its tables are replaced).",
        };
        var osrm = new Option<string?>("--osrm")
        {
            Description = "Base URL of an osrm-routed (CH, car profile) on the same extract, e.g. http://127.0.0.1:5000 (tools/osrm/build.sh): " +
                          "its route and table services are timed on the same points, and durations compared on 200 pairs.",
        };
        var routing = new Command("routing", "Measures import, hierarchy build, point-to-point queries and matrices (car).");
        routing.Options.Add(osrm);
        routing.Options.Add(osm);
        routing.Options.Add(pairs);
        routing.Options.Add(seed);
        routing.Options.Add(pgRouting);
        routing.SetAction(parse => Run(parse.GetValue(osm)!, parse.GetValue(pairs), parse.GetValue(seed), parse.GetValue(pgRouting), parse.GetValue(osrm)));
        return routing;
    }

    private static int Run(string osmFile, int pairCount, int seed, string? pgRoutingDatabase, string? osrmUrl)
    {
        Console.WriteLine($"extract: {osmFile} ({new FileInfo(osmFile).Length / 1e6:F1} MB), {Environment.ProcessorCount} cores");
        var clock = Stopwatch.StartNew();
        var network = OsmImporter.Import(osmFile, VehicleProfiles.All);
        var importSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"import (3 profiles): {importSeconds:F2} s, {network.VertexCount:N0} vertices, {network.EdgeCount:N0} edges");

        clock.Restart();
        var car = ProfileRouter.Build(network, "car");
        var buildSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"car graph + largest component + hierarchy: {buildSeconds:F2} s, " +
                          $"{car.Hierarchy.Up.Count + car.Hierarchy.Down.Count:N0} hierarchy arcs for {car.Graph.ArcCount:N0} road arcs");
        Console.WriteLine($"peak working set so far: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");

        var file = Path.Combine(Path.GetTempPath(), $"bench-{Environment.ProcessId}.routerdb");
        try
        {
            RouterDbFile.Write(new Router(network, [car]), ["car"], file);
            var loads = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                clock.Restart();
                RouterDbFile.Read(file);
                loads.Add(clock.Elapsed.TotalSeconds);
            }
            Console.WriteLine($"RouterDb file (all profiles' network, car hierarchy): {new FileInfo(file).Length / 1e6:F1} MB, " +
                              $"load best of 3 {loads.Min():F3} s = {100 * loads.Min() / (importSeconds + buildSeconds):F1}% of import + build");
        }
        finally { File.Delete(file); }

        PgRoutingYardstick? yardstick = null;
        long[]? pgrIds = null;
        if (pgRoutingDatabase != null)
        {
            yardstick = new PgRoutingYardstick(pgRoutingDatabase);
            yardstick.Load(osmFile, Console.WriteLine);
            pgrIds = yardstick.VertexIds(network);
        }
        // With pgRouting, points are junctions both graphs have, so both answer the same question.
        var component = Enumerable.Range(0, network.VertexCount)
            .Where(v => car.InLargestComponent[v] && (pgrIds == null || pgrIds[v] >= 0)).ToArray();
        var random = new Random(seed);
        int Pick() => component[random.Next(component.Length)];

        var query = new HierarchyQuery(car.Hierarchy);
        for (var i = 0; i < 1000; i++) query.Query(Pick(), Pick()); // warm-up: JIT and caches
        var timings = new double[pairCount];
        for (var i = 0; i < pairCount; i++)
        {
            var (source, target) = (Pick(), Pick());
            var start = Stopwatch.GetTimestamp();
            query.Query(source, target);
            timings[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(timings);
        Console.WriteLine($"point-to-point ({pairCount:N0} random pairs): p50 {timings[pairCount / 2]:F3} ms, " +
                          $"p99 {timings[(int)(pairCount * 0.99)]:F3} ms");
        // Snapping, what a matrix from coordinates (addresses, homes) pays per point before any search.
        var router = new Router(network, [car]);
        var places = Enumerable.Range(0, 20_000).Select(_ =>
        {
            var at = network.Position(Pick());
            return new GeoPoint(at.Latitude + (random.NextDouble() - 0.5) * 0.004, at.Longitude + (random.NextDouble() - 0.5) * 0.006);
        }).ToArray();
        foreach (var place in places.Take(1000)) router.Snap("car", place); // warm-up
        clock.Restart();
        var placed = places.Count(place => router.Snap("car", place).IsSuccess);
        Console.WriteLine($"snapping ({places.Length:N0} points up to about 200 m from a junction): " +
                          $"{1000 * clock.Elapsed.TotalMilliseconds / places.Length:F1} µs a point, {placed:N0} placed");
        var osrm = osrmUrl is null ? null : new OsrmYardstick(osrmUrl, network);
        if (osrm != null) CompareRoutes(osrm, query, Pick, pairCount, router, osmFile);
        var roads = osrm is null ? null : new RoadTravelTimes(new Router(network, [car]), "car");

        var matrix = new BucketManyToMany(car.Hierarchy);
        matrix.Compute([Pick()], [Pick()]);
        foreach (var size in new[] { 100, 1000 })
        {
            var sources = Enumerable.Range(0, size).Select(_ => Pick()).ToArray();
            var targets = Enumerable.Range(0, size).Select(_ => Pick()).ToArray();
            var runs = new List<double>();
            for (var run = 0; run < 3; run++)
            {
                clock.Restart();
                matrix.Compute(sources, targets);
                runs.Add(clock.Elapsed.TotalSeconds);
            }
            Console.WriteLine($"matrix {size} x {size}: best of 3 {runs.Min():F3} s (runs: {string.Join(", ", runs.Select(r => r.ToString("F3")))})");
            if (osrm != null && roads != null)
            {
                // What a caller of either pays from coordinates: ours snaps them as `mobility routing matrix` does, OSRM
                // snaps, computes and writes JSON over loopback HTTP.
                var sourcePoints = sources.Select(v => new GeoPoint(network.Latitude(v), network.Longitude(v))).ToList();
                var targetPoints = targets.Select(v => new GeoPoint(network.Latitude(v), network.Longitude(v))).ToList();
                var fromPoints = Enumerable.Range(0, 3).Select(_ =>
                {
                    clock.Restart();
                    roads.Matrix(sourcePoints, targetPoints);
                    return clock.Elapsed.TotalSeconds;
                }).Min();
                var table = Enumerable.Range(0, 3).Select(_ => osrm.Table(sources, targets)).MinBy(t => t.Seconds);
                var unrouted = table.Durations.Count(double.IsNaN);
                Console.WriteLine($"  same {size} x {size} from coordinates: ours {fromPoints:F3} s, OSRM table service {table.Seconds:F3} s " +
                                  $"(best of 3; {unrouted} cells without a route), ours {table.Seconds / fromPoints:F1}x faster");
            }
            if (yardstick != null)
            {
                // pgr_dijkstraCostMatrix takes one set of points (all pairs among them): ours is timed on the same square.
                var points = sources.Distinct().ToArray();
                clock.Restart();
                matrix.Compute(points, points);
                var oursSquare = clock.Elapsed.TotalSeconds;
                var (theirs, cells) = yardstick.TimeCostMatrix(points.Select(v => pgrIds![v]));
                Console.WriteLine($"  same {points.Length} points, all pairs: ours {oursSquare:F3} s, pgr_dijkstraCostMatrix {theirs:F2} s " +
                                  $"({cells:N0} cells), ours {theirs / oursSquare:F0}x faster");
            }
        }
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        return 0;
    }

    /// <summary>OSRM's route service on random pairs (its time, ours beside it), then the durations and lengths of 200 pairs
    /// compared, the pairs beyond 2% listed with both answers so that each difference can be explained.</summary>
    private static void CompareRoutes(OsrmYardstick osrm, HierarchyQuery query, Func<int> pick, int pairCount, Router router, string osmFile)
    {
        for (var i = 0; i < 100; i++) osrm.Route(pick(), pick()); // warm-up: connections and OSRM's caches
        var timings = Enumerable.Range(0, pairCount).Select(_ => osrm.Route(pick(), pick()).Milliseconds).Order().ToArray();
        Console.WriteLine($"  OSRM route service, same kind of pairs ({pairCount:N0}): p50 {timings[pairCount / 2]:F3} ms, " +
                          $"p99 {timings[(int)(pairCount * 0.99)]:F3} ms (loopback HTTP and JSON included)");
        var compared = new List<(int From, int To, double Ours, double Theirs, double OurMetres, double TheirMetres)>();
        while (compared.Count < 200)
        {
            var (from, to) = (pick(), pick());
            if (from == to) continue;
            var ours = query.Query(from, to);
            var theirs = osrm.Route(from, to);
            compared.Add((from, to, ours.Milliseconds / 1000.0, theirs.Duration, ours.Metres, theirs.Distance));
        }
        double Ratio(double a, double b) => b > 0 ? a / b : 1;
        var ratios = compared.Select(c => Ratio(c.Ours, c.Theirs)).Order().ToArray();
        var beyond = compared.Where(c => Math.Abs(Ratio(c.Ours, c.Theirs) - 1) > 0.02).ToList();
        var lengthsBeyond = compared.Count(c => Math.Abs(Ratio(c.OurMetres, c.TheirMetres) - 1) > 0.02);
        Console.WriteLine($"  durations on 200 pairs, ours / OSRM: median {ratios[100]:F3}, 10th–90th percentile {ratios[20]:F3}–{ratios[180]:F3}; " +
                          $"{beyond.Count} pairs beyond 2% (lengths: {lengthsBeyond} beyond 2%)");
        foreach (var c in beyond.OrderByDescending(c => Math.Abs(Ratio(c.Ours, c.Theirs) - 1)).Take(12))
            Console.WriteLine($"    vertices {c.From} -> {c.To}: ours {c.Ours:F0} s {c.OurMetres:F0} m, OSRM {c.Theirs:F0} s {c.TheirMetres:F0} m");
        ExplainByWay(osrm, router, osmFile, beyond.Select(c => (c.From, c.To, c.OurMetres, c.TheirMetres)).ToList());
    }

    /// <summary>
    /// Where the pairs beyond 2% differ, way by way. On a pair whose two lengths agree within 2% (the same path at other
    /// speeds), each piece of OSRM's path is placed on our network (snapped to our nearest segment, in its direction of
    /// travel) and timed at our speed there; the ways where OSRM's speed and ours differ most, in seconds over those pairs,
    /// are printed with the tags that set a speed. On a pair that took another path, the ways of our path that OSRM's
    /// avoids are printed with their tags (access, barriers and restrictions are then the suspects).
    /// </summary>
    private static void ExplainByWay(OsrmYardstick osrm, Router router, string osmFile, List<(int From, int To, double OurMetres, double TheirMetres)> beyond)
    {
        var network = router.Network;
        var car = network.ProfileIndex("car");
        var byWay = new Dictionary<long, (double Metres, double Theirs, double Ours)>();
        var avoided = new List<(int From, int To, int TurnsBack, List<(long Way, double Metres)> Ways)>();
        GeoPoint Along(GeoPoint a, GeoPoint b, double t) => new(a.Latitude + t * (b.Latitude - a.Latitude), a.Longitude + t * (b.Longitude - a.Longitude));
        SnappedPoint? On(GeoPoint point) => router.Snap("car", point, 20) is { IsSuccess: true, Value: var on } ? on : null;
        foreach (var (from, to, ourMetres, theirMetres) in beyond)
        {
            var theirs = osrm.Segments(from, to);
            if (Math.Abs(ourMetres / theirMetres - 1) > 0.02)
            {
                var theirWays = theirs.Select(s => On(Along(s.From, s.To, 0.5))).Where(o => o is not null).Select(o => network.EdgeWay[o!.Value.Edge]).ToHashSet();
                var ours = router.Route("car", network.Position(from), network.Position(to)).Value.Points.ToList();
                var oursOnly = ours.Zip(ours.Skip(1))
                    .Select(p => (On: On(Along(p.First, p.Second, 0.5)), Metres: Geo.Metres(p.First.Latitude, p.First.Longitude, p.Second.Latitude, p.Second.Longitude)))
                    .Where(p => p.On is not null && !theirWays.Contains(network.EdgeWay[p.On!.Value.Edge]))
                    .GroupBy(p => network.EdgeWay[p.On!.Value.Edge]).Select(g => (Way: g.Key, Metres: g.Sum(p => p.Metres)))
                    .OrderByDescending(w => w.Metres).Take(4).ToList();
                // Where ours turns back on itself (the next point is the one before): a U-turn at a junction, which OSRM
                // makes only at a dead end.
                var turnsBack = Enumerable.Range(1, Math.Max(0, ours.Count - 2)).Count(i =>
                    Geo.Metres(ours[i - 1].Latitude, ours[i - 1].Longitude, ours[i + 1].Latitude, ours[i + 1].Longitude) < 1);
                avoided.Add((from, to, turnsBack, oursOnly));
                continue;
            }
            foreach (var (a, b, metres, seconds) in theirs)
            {
                if (metres <= 0 || On(Along(a, b, 0.5)) is not { } middle) continue;
                var edge = middle.Edge;
                var (forwardMs, backwardMs) = (network.ForwardMilliseconds[car][edge], network.BackwardMilliseconds[car][edge]);
                // The direction of travel along our edge: where a point a quarter along the piece and one three quarters along fall on it.
                var forward = (On(Along(a, b, 0.25)), On(Along(a, b, 0.75))) is ({ } first, { } last) && first.Edge == edge && last.Edge == edge
                    ? last.Fraction >= first.Fraction : forwardMs > 0;
                var milliseconds = forward ? forwardMs : backwardMs;
                if (milliseconds <= 0) milliseconds = Math.Max(forwardMs, backwardMs);
                if (milliseconds <= 0) continue;
                var way = network.EdgeWay[edge];
                var sum = byWay.GetValueOrDefault(way);
                byWay[way] = (sum.Metres + metres, sum.Theirs + seconds, sum.Ours + metres / (network.EdgeMetres[edge] / (milliseconds / 1000.0)));
            }
        }
        var worst = byWay.Where(w => Math.Abs(w.Value.Ours - w.Value.Theirs) > 0.02 * w.Value.Theirs)
            .OrderByDescending(w => Math.Abs(w.Value.Ours - w.Value.Theirs)).ToList();
        Console.WriteLine($"  of those beyond 2%: {beyond.Count - avoided.Count} on the same path (lengths within 2%), {avoided.Count} on another path; " +
                          $"on the same paths, {worst.Count} ways where OSRM's speed differs from ours by more than 2%, " +
                          $"{worst.Sum(w => w.Value.Ours - w.Value.Theirs):F0} s in all (ours minus OSRM's)");
        var shown = worst.Take(10).ToList();
        var ids = shown.Select(w => w.Key).Concat(avoided.SelectMany(a => a.Ways.Select(w => w.Way))).ToHashSet();
        var tags = new Dictionary<long, string>();
        string[] keys = ["highway", "maxspeed", "maxspeed:forward", "maxspeed:backward", "zone:maxspeed", "surface", "service", "lanes",
            "oneway", "access", "vehicle", "motor_vehicle", "motorcar", "psv", "bus", "junction"];
        foreach (var item in OsmReader.Objects(osmFile))
            if (item is OsmSharp.Way { Id: { } id, Tags: { } wayTags } && ids.Contains(id))
                tags[id] = string.Join(" ", keys.Where(wayTags.ContainsKey).Select(k => $"{k}={wayTags[k]}"));
        foreach (var (way, (metres, theirs, ours)) in shown)
            Console.WriteLine($"    way {way}: {metres:F0} m, ours {3.6 * metres / ours:F0} km/h, OSRM {3.6 * metres / theirs:F0} km/h " +
                              $"({ours - theirs:+0;-0} s): {tags.GetValueOrDefault(way, "?")}");
        foreach (var (from, to, turnsBack, ways) in avoided)
        {
            Console.WriteLine($"    vertices {from} -> {to}: ours turns back {turnsBack} time(s); ways of our path that OSRM's avoids:");
            foreach (var (way, metres) in ways) Console.WriteLine($"      way {way}: {metres:F0} m: {tags.GetValueOrDefault(way, "?")}");
        }
    }
}
