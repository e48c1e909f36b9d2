using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Mobility.Data.Export;
using Mobility.Planning.Vrp;
using Mobility.Planning.Vrp.PickupDelivery;

namespace Mobility.Bench;

/// <summary>
/// `mobility-bench pdptw`: the pickup-and-delivery solver on Li &amp; Lim instances against their best-known solutions,
/// by the field's ranking (fewest vehicles, then distance) and optionally beside the OR-Tools model on the same time.
/// </summary>
internal static class PdptwBenchmark
{
    public static Command Create()
    {
        var folder = new Option<DirectoryInfo>("--dir") { Description = "Folder of Li & Lim .txt instances with best-known.csv.", Required = true };
        var instances = new Option<string?>("--instances") { Description = "Comma-separated instance names (default: all in the folder)." };
        var timeLimit = new Option<double>("--time-limit") { Description = "Seconds of search per instance.", DefaultValueFactory = _ => 60 };
        var seed = new Option<int>("--seed") { Description = "Random seed of the first search (the others take the next seeds).", DefaultValueFactory = _ => 1 };
        var searches = new Option<int>("--searches") { Description = "Independent searches run in parallel, one per core by default.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var objective = new Option<string>("--objective") { Description = "vehicles (fewest vehicles, then distance: the field's ranking) or distance.", DefaultValueFactory = _ => "vehicles" };
        objective.AcceptOnlyFromAmong("vehicles", "distance");
        var iterations = new Option<long?>("--iterations") { Description = "Stop each search after this many iterations instead of at the time limit: the same plans on any machine, so the seconds column measures speed." };
        var orTools = new Option<bool>("--or-tools") { Description = "Also solve each instance with the OR-Tools model, same time limit." };
        var command = new Command("pdptw", "Solves Li & Lim PDPTW instances; prints vehicles, distance and the gap to the best known, per class.");
        foreach (var option in new Option[] { folder, instances, timeLimit, seed, searches, objective, iterations, orTools }) command.Options.Add(option);
        command.SetAction(parse => Run(parse.GetValue(folder)!, parse.GetValue(instances), parse.GetValue(timeLimit), parse.GetValue(seed),
            parse.GetValue(searches), parse.GetValue(objective) == "vehicles" ? PickupDeliveryObjective.FewestVehiclesThenCost : PickupDeliveryObjective.Cost,
            parse.GetValue(iterations), parse.GetValue(orTools)));
        return command;
    }

    private sealed record Outcome(string Instance, string Method, int Vehicles, double Distance, int Unserved, bool Feasible, int BestVehicles, double BestDistance)
    {
        /// <summary>The distance gap where the vehicle count equals the best known's (the field compares distances only there).</summary>
        public double? Gap => Unserved == 0 && Vehicles == BestVehicles ? 100 * (Distance - BestDistance) / BestDistance : null;

        /// <summary>"lr1_2": the class and the size (2 for about 200 tasks, 4 for about 400).</summary>
        public string Class => string.Join('_', Instance.Split('_').Take(2));
    }

    private static int Run(DirectoryInfo folder, string? names, double timeLimit, int seed, int searches, PickupDeliveryObjective objective, long? iterations, bool orTools)
    {
        if (!folder.Exists) throw new DirectoryNotFoundException($"No folder {folder.FullName}.");
        var bestKnown = File.ReadLines(Path.Combine(folder.FullName, "best-known.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(f => f[0], f => (Vehicles: int.Parse(f[1], CultureInfo.InvariantCulture), Distance: double.Parse(f[2], CultureInfo.InvariantCulture)));
        var files = names is null
            ? folder.EnumerateFiles("*.txt").OrderBy(f => f.Name).Select(f => f.FullName).ToList()
            : names.Split(',', StringSplitOptions.TrimEntries).Select(n => Path.Combine(folder.FullName, n + ".txt")).ToList();
        Console.WriteLine(CsvFields.Line("instance", "method", "seconds", "vehicles", "distance", "unserved", "best_vehicles", "best_distance", "gap_percent", "feasible"));
        var outcomes = new List<Outcome>();
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var problem = LiLimReader.Read(file);
            var best = bestKnown[name];
            var methods = new List<(string Name, Func<PickupDeliverySolution> Solve)>
            {
                (objective == PickupDeliveryObjective.Cost ? "ruin-recreate (distance)" : "ruin-recreate (vehicles, distance)",
                    () => PickupDeliverySolver.Solve(problem, iterations is { } cap
                        ? new SolverLimits(TimeSpan.MaxValue, MaxIterations: cap, Seed: seed, Searches: searches)
                        : new SolverLimits(TimeSpan.FromSeconds(timeLimit), Seed: seed, Searches: searches), objective)),
            };
            if (orTools) methods.Add(("or-tools", () => OrToolsPickupDelivery.Solve(problem, TimeSpan.FromSeconds(timeLimit))));
            foreach (var (method, solve) in methods)
            {
                Console.Error.WriteLine(FormattableString.Invariant($"{name}: {method}, {(iterations is { } cap && method != "or-tools" ? $"{cap} iterations" : $"{timeLimit} s")}..."));
                var clock = Stopwatch.StartNew();
                var solution = solve();
                var seconds = clock.Elapsed.TotalSeconds;
                var (violations, distance) = PickupDeliveryChecker.Check(problem, solution);
                var outcome = new Outcome(name, method, solution.Trips.Count, distance, solution.Unserved.Count, violations.Count == 0, best.Vehicles, best.Distance);
                outcomes.Add(outcome);
                Console.WriteLine(CsvFields.Line(name, method, CsvFields.Fixed(seconds, 1), outcome.Vehicles, CsvFields.Fixed(distance, 2), outcome.Unserved,
                    best.Vehicles, CsvFields.Fixed(best.Distance, 2), outcome.Gap is { } gap ? CsvFields.Fixed(gap, 2) : "", outcome.Feasible ? "yes" : "NO"));
            }
        }
        foreach (var group in outcomes.GroupBy(o => (o.Method, o.Class)).OrderBy(g => g.Key.Method).ThenBy(g => g.Key.Class))
        {
            var atBest = group.Count(o => o.Unserved == 0 && o.Vehicles <= o.BestVehicles);
            var gaps = group.Where(o => o.Gap is not null).Select(o => o.Gap!.Value).ToList();
            Console.WriteLine(FormattableString.Invariant(
                $"{group.Key.Method}, class {group.Key.Class}: best-known vehicle count on {atBest} of {group.Count()}, ") +
                (gaps.Count > 0 ? FormattableString.Invariant($"mean distance gap {gaps.Average():F2}% over those at equal vehicles") : "no instance at equal vehicles") +
                $", {group.Count(o => !o.Feasible)} infeasible");
        }
        return 0;
    }
}
