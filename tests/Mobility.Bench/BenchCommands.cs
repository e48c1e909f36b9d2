using System.CommandLine;
using System.Diagnostics;
using Mobility.Data.Export;
using Mobility.Routing;
using Mobility.Routing.Algorithms.Contracted;
using Mobility.Routing.Algorithms.Matrices;
using Mobility.Routing.IO;
using Mobility.Routing.Osm;
using Mobility.Routing.Profiles;

namespace Mobility.Bench;

/// <summary>The sub-commands of `mobility-bench`: each measures one part of the product and prints its figures.</summary>
internal static class BenchCommands
{
    public static IReadOnlyList<Command> Create()
    {
        var osm = new Option<string>("--osm") { Description = "OSM extract to measure on.", Required = true };
        var pairs = new Option<int>("--pairs") { Description = "Random point-to-point queries.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 42 };
        var pgRouting = new Option<string?>("--pgrouting")
        {
            Description = "Connection string of a scratch PostGIS database: load the extract with osm2pgrouting there and time " +
                          "pgr_dijkstraCostMatrix on the same points (its tables are replaced).",
        };
        var routing = new Command("routing", "Measures import, hierarchy build, point-to-point queries and matrices (car).");
        routing.Options.Add(osm);
        routing.Options.Add(pairs);
        routing.Options.Add(seed);
        routing.Options.Add(pgRouting);
        routing.SetAction(parse => BenchRouting(parse.GetValue(osm)!, parse.GetValue(pairs), parse.GetValue(seed), parse.GetValue(pgRouting)));

        var vertices = new Option<int>("--vertices") { Description = "Approximate junction count of the square grid.", DefaultValueFactory = _ => 100_000 };
        var grid = new Command("grid", "Measures import, hierarchy and a 1000 x 1000 matrix on a synthetic street grid (car).");
        grid.Options.Add(vertices);
        grid.Options.Add(seed);
        grid.SetAction(parse => BenchGrid(parse.GetValue(vertices), parse.GetValue(seed)));

        var employees = new Option<int>("--employees") { DefaultValueFactory = _ => 5000 };
        var sites = new Option<int>("--sites") { DefaultValueFactory = _ => 20 };
        var partners = new Option<int>("--partners") { Description = "Best pair partners kept per driver to grow groups of 3 and 4.", DefaultValueFactory = _ => 25 };
        var shifts = new Option<int>("--shifts") { Description = "Shift starts used (3: 5:00, 13:00, 21:00; 4 adds 8:00).", DefaultValueFactory = _ => 3 };
        var exactLimit = new Option<int>("--exact-limit") { Description = "Parts with more candidate groups are chosen greedily.", DefaultValueFactory = _ => new Mobility.Planning.Carpools.CarpoolSettings().ExactGroupLimit };
        var carpools = new Command("carpools", "Measures a day of carpool matching (both directions) and one re-match on generated commutes (straight-line times).");
        var gapWork = new Option<double>("--gap-work") { Description = "Instead of the day: per part of the morning, greedy and the heuristic against CP-SAT given this much deterministic time to prove its optimum." };
        var swapPasses = new Option<int>("--swap-passes") { Description = "Passes of swaps after greedy on parts too large for CP-SAT.", DefaultValueFactory = _ => new Mobility.Planning.Carpools.CarpoolSettings().SwapPasses };
        foreach (var option in new Option[] { partners, employees, sites, shifts, seed, exactLimit, gapWork, swapPasses }) carpools.Options.Add(option);
        carpools.SetAction(parse => CarpoolBenchmark.Run(parse.GetValue(employees), parse.GetValue(sites), parse.GetValue(shifts), parse.GetValue(seed),
            new Mobility.Planning.Carpools.CarpoolSettings(PartnersPerDriver: parse.GetValue(partners), ExactGroupLimit: parse.GetValue(exactLimit),
                SwapPasses: parse.GetValue(swapPasses)),
            parse.GetValue(gapWork)));

        var folder = new Option<DirectoryInfo>("--dir") { Description = "Folder of VRPLIB .vrp instances with their .sol best-known solutions.", Required = true };
        var instances = new Option<string?>("--instances") { Description = "Comma-separated instance names (default: all in the folder)." };
        var vrptw = new Command("vrptw", "Solves VRPTW benchmark instances and prints cost, vehicles and gap to the best known, per class.");
        vrptw.Options.Add(folder);
        var timeLimit = new Option<double>("--time-limit") { Description = "Seconds of search per instance.", DefaultValueFactory = _ => 60 };
        var vrpSeed = new Option<int>("--seed") { Description = "Random seed of the first search (the others take the next seeds).", DefaultValueFactory = _ => 1 };
        var searches = new Option<int>("--searches") { Description = "Independent searches run in parallel, one per core by default.", DefaultValueFactory = _ => Environment.ProcessorCount };
        vrptw.Options.Add(instances);
        vrptw.Options.Add(timeLimit);
        vrptw.Options.Add(vrpSeed);
        vrptw.Options.Add(searches);
        vrptw.SetAction(parse => BenchVrptw(parse.GetValue(folder)!, parse.GetValue(instances), parse.GetValue(timeLimit), parse.GetValue(vrpSeed), parse.GetValue(searches)));

        return [vrptw, carpools, routing, grid, HubBenchCommand.Create()];
    }

    private static int BenchVrptw(DirectoryInfo folder, string? names, double timeLimit, int seed, int searches)
    {
        if (!folder.Exists) throw new DirectoryNotFoundException($"No folder {folder.FullName}.");
        var files = names is null
            ? folder.EnumerateFiles("*.vrp").OrderBy(f => f.Name).Select(f => f.FullName).ToList()
            : names.Split(',', StringSplitOptions.TrimEntries).Select(n => Path.Combine(folder.FullName, n + ".vrp")).ToList();
        Console.WriteLine(CsvFields.Line("instance", "method", "seconds", "vehicles", "cost", "best_known", "gap_percent", "feasible"));
        var gaps = new List<(string Class, double Gap)>();
        foreach (var file in files)
        {
            var problem = Mobility.Planning.Vrp.VrplibReader.Read(file);
            Console.Error.WriteLine(FormattableString.Invariant($"{problem.Name}: searching for {timeLimit} s with {searches} search(es)..."));
            var (_, bestKnown) = Mobility.Planning.Vrp.VrpSolution.Read(Path.ChangeExtension(file, ".sol"));
            var clock = Stopwatch.StartNew();
            var solution = Mobility.Planning.Vrp.RuinAndRecreateSolver.Solve(problem, new Mobility.Planning.Vrp.SolverLimits(TimeSpan.FromSeconds(timeLimit), Seed: seed, Searches: searches));
            var seconds = clock.Elapsed.TotalSeconds;
            var (violations, cost) = Mobility.Planning.Vrp.VrptwChecker.Check(problem, solution);
            var gap = 100 * (cost / 10.0 - bestKnown) / bestKnown;
            gaps.Add((problem.Name.Split('_')[0], gap));
            Console.WriteLine(CsvFields.Line(problem.Name, "string-removals", CsvFields.Fixed(seconds, 2), solution.Routes.Count, CsvFields.Fixed(cost / 10.0, 1),
                CsvFields.Fixed(bestKnown, 1), CsvFields.Fixed(gap, 1), violations.Count == 0 ? "yes" : "NO"));
        }
        foreach (var group in gaps.GroupBy(g => g.Class).OrderBy(g => g.Key))
            Console.WriteLine(FormattableString.Invariant($"class {group.Key}: mean gap {group.Average(g => g.Gap):F1}% over {group.Count()} instances"));
        Console.WriteLine(FormattableString.Invariant($"all: mean gap {gaps.Average(g => g.Gap):F1}% over {gaps.Count} instances"));
        return 0;
    }

    private static int BenchGrid(int vertexCount, int seed)
    {
        var side = (int)Math.Round(Math.Sqrt(vertexCount));
        var file = Path.Combine(Path.GetTempPath(), $"grid-{side}-{Environment.ProcessId}.osm.pbf");
        try
        {
            var clock = Stopwatch.StartNew();
            SyntheticGrid.Write(file, side);
            Console.WriteLine($"grid {side} x {side} = {side * side:N0} junctions: PBF written in {clock.Elapsed.TotalSeconds:F1} s ({new FileInfo(file).Length / 1e3:F0} KB)");
            clock.Restart();
            var network = OsmImporter.Import(file, [VehicleProfiles.Car]);
            Console.WriteLine($"import: {clock.Elapsed.TotalSeconds:F1} s, {network.VertexCount:N0} vertices, {network.EdgeCount:N0} edges");
            clock.Restart();
            var car = ProfileRouter.Build(network, "car");
            Console.WriteLine($"graph + component + hierarchy: {clock.Elapsed.TotalSeconds:F1} s, {car.Hierarchy.Up.Count + car.Hierarchy.Down.Count:N0} hierarchy arcs");
            var random = new Random(seed);
            var points = Enumerable.Range(0, 1000).Select(_ => random.Next(network.VertexCount)).ToArray();
            var matrix = new BucketManyToMany(car.Hierarchy);
            clock.Restart();
            var (milliseconds, _) = matrix.Compute(points, points);
            Console.WriteLine($"matrix 1000 x 1000: {clock.Elapsed.TotalSeconds:F2} s ({milliseconds.Count(ms => ms != long.MaxValue):N0} cells reachable)");
            Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
            return 0;
        }
        finally { File.Delete(file); }
    }

    private static int BenchRouting(string osmFile, int pairCount, int seed, string? pgRoutingDatabase)
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
}
