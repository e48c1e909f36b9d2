namespace Mobility.Planning.Carpools;

/// <summary>How a selection was split and how much of it is proven.</summary>
/// <param name="Parts">Independent parts: connected components of the candidates' conflict graph (two groups conflict
/// when they share someone), each chosen on its own.</param>
/// <param name="ProvenParts">Parts CP-SAT solved to proven optimality (single-group parts count as proven).</param>
/// <param name="HeuristicOnProven">The heuristic's value (greedy, then swaps) on the proven parts, to compare
/// with <paramref name="OptimumOnProven"/>.</param>
public sealed record PartitionReport(int Parts, int ProvenParts, int LargestPartGroups, int ExactParts, long HeuristicOnProven, long OptimumOnProven)
{
    /// <summary>Heuristic value as a share of the proven optimum, on the parts where it is proven (1 when there is none).</summary>
    public double HeuristicShareOfOptimum => OptimumOnProven == 0 ? 1 : (double)HeuristicOnProven / OptimumOnProven;
}

/// <summary>
/// Chooses disjoint groups part by part: the candidates split into connected components (people of different shifts,
/// or of plants too far apart, never share a group), greedy improved by <see cref="SwapSearch"/> everywhere,
/// then CP-SAT on every part small enough, one
/// worker per part, parts in parallel, each with a deterministic work limit so that the same input gives the same
/// choice whatever the machine's load. A part keeps CP-SAT's choice when it is at least as good as greedy's.
/// </summary>
public static class PartitionedSelector
{
    public static (Selection Selection, PartitionReport Report) Select(IReadOnlyList<MatchedGroup> groups, long[] values, CarpoolSettings settings)
    {
        var parts = Parts(groups);
        var results = new (Selection Heuristic, Selection Best)[parts.Count];
        // Largest parts first, so the long solves start early.
        var order = Enumerable.Range(0, parts.Count).OrderByDescending(p => parts[p].Count).ToArray();
        Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Workers) }, p =>
        {
            var part = parts[p];
            var partGroups = part.Select(g => groups[g]).ToList();
            var partValues = part.Select(g => values[g]).ToArray();
            var greedy = CarpoolSelector.Greedy(partGroups, partValues);
            if (part.Count == 1) greedy = greedy with { ProvenOptimal = true, Bound = greedy.Value };
            else greedy = SwapSearch.Improve(partGroups, partValues, greedy, settings.SwapPasses);
            var best = greedy;
            if (part.Count > 1 && part.Count <= settings.ExactGroupLimit)
            {
                var exact = Exact(partGroups, partValues, greedy, settings);
                if (exact.Value >= greedy.Value) best = exact;
                else best = greedy with { Bound = exact.Bound };
            }
            results[p] = (greedy, best);
        });
        var chosen = results.SelectMany(r => r.Best.Groups).ToList();
        var proven = results.Where(r => r.Best.ProvenOptimal).ToList();
        var allBounded = results.All(r => r.Best.Bound is not null);
        var exactParts = parts.Count(p => p.Count > 1 && p.Count <= settings.ExactGroupLimit);
        var selection = new Selection(chosen, results.Sum(r => r.Best.Value), proven.Count == parts.Count,
            exactParts == 0 ? Heuristic(settings) : exactParts == parts.Count(p => p.Count > 1) ? "CP-SAT per part"
            : $"CP-SAT on small parts, {Heuristic(settings)} on large",
            allBounded ? results.Sum(r => r.Best.Bound!.Value) : null);
        var report = new PartitionReport(parts.Count, proven.Count, parts.Count == 0 ? 0 : parts.Max(p => p.Count), exactParts,
            proven.Sum(r => r.Heuristic.Value), proven.Sum(r => r.Best.Value));
        return (selection, report);
    }

    private static string Heuristic(CarpoolSettings settings) => settings.SwapPasses > 0 ? "greedy + swaps and kicks" : "greedy";

    /// <summary>The candidates' indices by connected component, each in index order; components ordered by first index.</summary>
    public static List<List<int>> Parts(IReadOnlyList<MatchedGroup> groups)
    {
        var people = groups.Count == 0 ? 0 : groups.Max(g => g.Members.Max()) + 1;
        var parent = Enumerable.Range(0, people).ToArray();
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        foreach (var group in groups)
            foreach (var member in group.Pickups)
            {
                var (a, b) = (Find(group.Driver), Find(member));
                if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        var byRoot = new Dictionary<int, List<int>>();
        var parts = new List<List<int>>();
        for (var g = 0; g < groups.Count; g++)
        {
            var root = Find(groups[g].Driver);
            if (!byRoot.TryGetValue(root, out var part))
            {
                byRoot[root] = part = [];
                parts.Add(part);
            }
            part.Add(g);
        }
        return parts;
    }

    private static Selection Exact(List<MatchedGroup> groups, long[] values, Selection greedy, CarpoolSettings settings) =>
        CarpoolSelector.Solve(groups, values, greedy, FormattableString.Invariant(
            $"max_deterministic_time:{settings.ExactWorkLimit} num_workers:1 random_seed:1"));
}
