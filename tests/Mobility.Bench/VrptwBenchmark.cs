using System.CommandLine;
using System.Diagnostics;
using Mobility.Data.Export;

namespace Mobility.Bench;

/// <summary>`mobility-bench vrptw`: the VRPTW solver on VRPLIB instances (Gehring &amp; Homberger), gap to the best known per class.</summary>
internal static class VrptwBenchmark
{
    public static Command Create()
    {
        var folder = new Option<DirectoryInfo>("--dir") { Description = "Folder of VRPLIB .vrp instances with their .sol best-known solutions.", Required = true };
        var instances = new Option<string?>("--instances") { Description = "Comma-separated instance names (default: all in the folder)." };
        var vrptw = new Command("vrptw", "Solves VRPTW benchmark instances and prints cost, vehicles and gap to the best known, per class.");
        vrptw.Options.Add(folder);
        var timeLimit = new Option<double>("--time-limit") { Description = "Seconds of search per instance.", DefaultValueFactory = _ => 60 };
        var seed = new Option<int>("--seed") { Description = "Random seed of the first search (the others take the next seeds).", DefaultValueFactory = _ => 1 };
        var searches = new Option<int>("--searches") { Description = "Independent searches run in parallel, one per core by default.", DefaultValueFactory = _ => Environment.ProcessorCount };
        vrptw.Options.Add(instances);
        vrptw.Options.Add(timeLimit);
        vrptw.Options.Add(seed);
        vrptw.Options.Add(searches);
        vrptw.SetAction(parse => Run(parse.GetValue(folder)!, parse.GetValue(instances), parse.GetValue(timeLimit), parse.GetValue(seed), parse.GetValue(searches)));
        return vrptw;
    }

    private static int Run(DirectoryInfo folder, string? names, double timeLimit, int seed, int searches)
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
}
