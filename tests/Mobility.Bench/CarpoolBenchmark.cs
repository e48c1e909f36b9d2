using System.CommandLine;
using System.Diagnostics;
using Mobility.Data.Export;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Planning.TravelTimes;
using Mobility.TestSupport;

namespace Mobility.Bench;

/// <summary>`mobility-bench carpools`: a whole day (both directions) on generated commutes, then one re-match.</summary>
internal static class CarpoolBenchmark
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 42 };
        var employees = new Option<int>("--employees") { DefaultValueFactory = _ => 5000 };
        var sites = new Option<int>("--sites") { DefaultValueFactory = _ => 20 };
        var partners = new Option<int>("--partners") { Description = "Best pair partners kept per driver to grow groups of 3 and 4.", DefaultValueFactory = _ => 25 };
        var shifts = new Option<int>("--shifts") { Description = "Shift starts used (3: 5:00, 13:00, 21:00; 4 adds 8:00).", DefaultValueFactory = _ => 3 };
        var exactLimit = new Option<int>("--exact-limit") { Description = "Parts with more candidate groups are chosen greedily.", DefaultValueFactory = _ => new CarpoolSettings().ExactGroupLimit };
        var carpools = new Command("carpools", "Measures a day of carpool matching (both directions) and one re-match on generated commutes (straight-line times).");
        var gapWork = new Option<double>("--gap-work") { Description = "Instead of the day: per part of the morning, greedy and the heuristic against CP-SAT given this much deterministic time to prove its optimum." };
        var swapPasses = new Option<int>("--swap-passes") { Description = "Passes of swaps after greedy on parts too large for CP-SAT.", DefaultValueFactory = _ => new CarpoolSettings().SwapPasses };
        var groupsPerDriver = new Option<int>("--groups-per-driver") { Description = "Groups of 3 and 4 kept per driver, the most valuable (0: all).", DefaultValueFactory = _ => new CarpoolSettings().GroupsPerDriver };
        var growFrom = new Option<int>("--grow-from") { Description = "Groups of each size grown into larger ones per driver, the most valuable (0: all).", DefaultValueFactory = _ => new CarpoolSettings().GrowFrom };
        foreach (var option in new Option[] { partners, employees, sites, shifts, seed, exactLimit, gapWork, swapPasses, groupsPerDriver, growFrom }) carpools.Options.Add(option);
        carpools.SetAction(parse => Run(parse.GetValue(employees), parse.GetValue(sites), parse.GetValue(shifts), parse.GetValue(seed),
            new CarpoolSettings(PartnersPerDriver: parse.GetValue(partners), ExactGroupLimit: parse.GetValue(exactLimit), GroupsPerDriver: parse.GetValue(groupsPerDriver), GrowFrom: parse.GetValue(growFrom),
                SwapPasses: parse.GetValue(swapPasses)),
            parse.GetValue(gapWork)));
        return carpools;
    }

    private static int Run(int employees, int sites, int shifts, int seed, CarpoolSettings settings, double gapWork)
    {
        if (gapWork > 0) return Gap(employees, sites, shifts, seed, settings, gapWork);
        var clock = Stopwatch.StartNew();
        var (toWorkPeople, toHomePeople) = SyntheticCarpools.GenerateDay(employees, sites, seed, shiftStarts: shifts);
        var travel = new CrowFlyTravelTimes();
        var toWork = new CarpoolInstance(toWorkPeople, travel);
        var toHome = new CarpoolInstance(toHomePeople, travel, CommuteDirection.ToHome);
        Console.WriteLine($"{employees:N0} employees, {sites} sites, {shifts} shift starts, seed {seed}, {settings.PartnersPerDriver} partners per driver, " +
                          $"{Environment.ProcessorCount} cores, {settings.Workers} parts at once");
        Console.WriteLine($"travel matrices ({employees + sites:N0}^2, straight-line, both directions): {clock.Elapsed.TotalSeconds:F2} s");

        // The morning's steps alone, to see where the day's time goes.
        clock.Restart();
        var candidates = GroupEnumerator.For(toWork, settings).Enumerate();
        var enumerateSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var values = candidates.Select(g => GroupValue.Of(toWork, g)).ToArray();
        var (_, morningParts) = PartitionedSelector.Select(candidates, values, settings);
        Console.WriteLine($"morning alone: {candidates.Count:N0} candidates enumerated in {enumerateSeconds:F2} s, chosen in {clock.Elapsed.TotalSeconds:F2} s " +
                          $"({morningParts.Parts} parts)");

        clock.Restart();
        var day = CarpoolMatcher.MatchDay(toWork, toHome, settings);
        var matchSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"full day matching (candidates both ways, selection, evenings tied to mornings): {matchSeconds:F2} s");
        foreach (var (name, plan) in new[] { ("to work", day.ToWork), ("home", day.ToHome) })
        {
            var parts = plan.Selection.Partition!;
            Console.WriteLine($"  {name}: {plan.Selection.Groups.Count:N0} groups, {plan.PassengersServed:N0} passengers served, {plan.CarsRemoved:N0} cars removed, " +
                              $"{plan.VehicleKilometresSaved:N0} vehicle-km saved; {plan.Selection.Method}: {parts.Parts:N0} parts (largest {parts.LargestPartGroups:N0} groups), " +
                              $"{parts.ProvenParts:N0} proven optimal" +
                              (parts.ProvenParts > 0 ? $", heuristic = {100 * parts.HeuristicShareOfOptimum:F2}% of the optimum on them" : ""));
        }
        Console.WriteLine($"  same group both ways: {day.SameGroupBothWays:N0}; morning passengers without a ride home: {day.WithoutRideHome.Count:N0}");
        foreach (var (name, instance) in new[] { ("to work", toWork), ("home", toHome) })
        {
            clock.Restart();
            var baseline = PairwiseBaseline.Match(instance);
            Console.WriteLine($"pairwise baseline (33% detour) {name}: {baseline.Groups.Count:N0} passengers served ({clock.Elapsed.TotalSeconds:F2} s)");
        }

        // One employee moves to another shift: only the groups that change reaches are matched again.
        var moved = toWorkPeople[day.ToWork.Selection.Groups.First(g => g.Pickups.Count > 0).Pickups[0]].Id;
        CarpoolParticipant Later(CarpoolParticipant p) => p.Id == moved ? p with { Earliest = p.Earliest + 8 * 3600, Latest = p.Latest + 8 * 3600 } : p;
        clock.Restart();
        var newToWork = new CarpoolInstance(toWorkPeople.Select(Later).ToList(), travel);
        var newToHome = new CarpoolInstance(toHomePeople.Select(Later).ToList(), travel, CommuteDirection.ToHome);
        var instanceSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var rematch = CarpoolRematch.AfterChange(toWork, toHome, day, newToWork, newToHome, [moved], settings: settings);
        Console.WriteLine($"re-match after {moved} changes shift: {clock.Elapsed.TotalSeconds:F2} s, {rematch.Affected.Count} employees affected " +
                          $"(new instances with their matrices: {instanceSeconds:F2} s more, not needed when the server keeps its matrix)");
        return 0;
    }

    /// <summary>Per independent part of the morning: greedy, greedy + swaps, and CP-SAT given
    /// <paramref name="work"/> deterministic seconds to prove its optimum.</summary>
    private static int Gap(int employees, int sites, int shifts, int seed, CarpoolSettings settings, double work)
    {
        var instance = new CarpoolInstance(SyntheticCarpools.Generate(employees, sites, seed, shiftStarts: shifts), new CrowFlyTravelTimes());
        var groups = GroupEnumerator.For(instance, settings).Enumerate();
        var values = groups.Select(g => GroupValue.Of(instance, g)).ToArray();
        Console.WriteLine($"{employees:N0} employees, {sites} sites, {shifts} shift starts, seed {seed}: {groups.Count:N0} morning candidates");
        Console.WriteLine(CsvFields.Line("part", "groups", "greedy_s", "greedy_value", "heuristic_s", "heuristic_value", "cpsat_s", "cpsat_value", "bound", "proven",
            "greedy_pct", "heuristic_pct"));
        foreach (var part in PartitionedSelector.Parts(groups).Where(p => p.Count > 1))
        {
            var partGroups = part.Select(g => groups[g]).ToList();
            var partValues = part.Select(g => values[g]).ToArray();
            var clock = Stopwatch.StartNew();
            var greedy = CarpoolSelector.Greedy(partGroups, partValues);
            var greedySeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var heuristic = SwapSearch.Improve(partGroups, partValues, greedy, settings.SwapPasses);
            var heuristicSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var exact = CarpoolSelector.Solve(partGroups, partValues, heuristic,
                FormattableString.Invariant($"max_deterministic_time:{work} num_workers:{settings.Workers} random_seed:1"));
            var exactSeconds = clock.Elapsed.TotalSeconds;
            var reference = exact.Bound ?? exact.Value;
            Console.WriteLine(CsvFields.Line(part[0], part.Count, CsvFields.Fixed(greedySeconds, 2), greedy.Value, CsvFields.Fixed(heuristicSeconds, 2), heuristic.Value,
                CsvFields.Fixed(exactSeconds, 2), exact.Value, CsvFields.Fixed(reference, 0), exact.ProvenOptimal ? "yes" : "no",
                CsvFields.Fixed(100 * greedy.Value / reference, 2), CsvFields.Fixed(100 * heuristic.Value / reference, 2)));
        }
        return 0;
    }
}
