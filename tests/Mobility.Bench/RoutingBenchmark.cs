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
        if (osrm != null) CompareRoutes(osrm, query, Pick, pairCount);
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
    private static void CompareRoutes(OsrmYardstick osrm, HierarchyQuery query, Func<int> pick, int pairCount)
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
    }
}
