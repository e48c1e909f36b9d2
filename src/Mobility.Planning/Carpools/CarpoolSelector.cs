using Google.OrTools.Sat;

namespace Mobility.Planning.Carpools;

/// <summary>The chosen groups, and whether the choice is proven best (CP-SAT optimal) or a heuristic's.</summary>
/// <param name="Bound">An upper bound on the best value (CP-SAT's proof), or null when the method gives none.</param>
/// <param name="Partition">How the choice was split into independent parts, when it was.</param>
public sealed record Selection(IReadOnlyList<MatchedGroup> Groups, long Value, bool ProvenOptimal, string Method, double? Bound = null,
    PartitionReport? Partition = null);

/// <summary>
/// Chooses disjoint groups (each employee in at most one) of greatest total value: exactly with CP-SAT (set packing)
/// within a time limit, or greedily by value.
/// </summary>
public static class CarpoolSelector
{
    public static Selection Exact(CarpoolInstance instance, IReadOnlyList<MatchedGroup> groups, double timeLimitSeconds = 10, int workers = 2) =>
        Exact(groups, groups.Select(g => GroupValue.Of(instance, g)).ToArray(), timeLimitSeconds, workers);

    public static Selection Greedy(CarpoolInstance instance, IReadOnlyList<MatchedGroup> groups) =>
        Greedy(groups, groups.Select(g => GroupValue.Of(instance, g)).ToArray());

    /// <param name="values">What choosing each group is worth (by index in <paramref name="groups"/>).</param>
    public static Selection Exact(IReadOnlyList<MatchedGroup> groups, long[] values, double timeLimitSeconds = 10, int workers = 2) =>
        Solve(groups, values, Greedy(groups, values), FormattableString.Invariant(
            $"max_time_in_seconds:{timeLimitSeconds} num_workers:{workers} random_seed:1"));

    /// <summary>CP-SAT on the set packing, started from <paramref name="hint"/>, with the given solver parameters; the hint
    /// back when CP-SAT finds nothing.</summary>
    public static Selection Solve(IReadOnlyList<MatchedGroup> groups, long[] values, Selection hint, string parameters)
    {
        var model = new CpModel();
        var chosen = groups.Select((_, i) => model.NewBoolVar($"g{i}")).ToArray();
        var byMember = new Dictionary<int, List<BoolVar>>();
        for (var g = 0; g < groups.Count; g++)
            foreach (var member in groups[g].Members)
            {
                if (!byMember.TryGetValue(member, out var list)) byMember[member] = list = [];
                list.Add(chosen[g]);
            }
        foreach (var list in byMember.Values.Where(l => l.Count > 1)) model.AddAtMostOne(list);
        model.Maximize(LinearExpr.WeightedSum(chosen, values));
        // Starting from a good solution (greedy's) lets CP-SAT spend its time on improving and proving.
        var hinted = hint.Groups.ToHashSet();
        for (var g = 0; g < groups.Count; g++) model.AddHint(chosen[g], hinted.Contains(groups[g]) ? 1 : 0);

        var solver = new CpSolver { StringParameters = parameters };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible)) return hint with { Method = hint.Method + " (CP-SAT found nothing)" };
        var picked = Enumerable.Range(0, groups.Count).Where(g => solver.BooleanValue(chosen[g])).ToList();
        return new Selection(picked.Select(g => groups[g]).ToList(), picked.Sum(g => values[g]), status == CpSolverStatus.Optimal, "CP-SAT",
            Math.Floor(solver.BestObjectiveBound));
    }

    /// <summary>Most valuable group first, skipping any that shares a member with one already taken.</summary>
    public static Selection Greedy(IReadOnlyList<MatchedGroup> groups, long[] values)
    {
        var taken = new HashSet<int>();
        var selected = new List<MatchedGroup>();
        long total = 0;
        // Index order breaks ties, so the result depends on the candidates' order only, never on sorting stability.
        foreach (var g in Enumerable.Range(0, groups.Count).OrderByDescending(g => values[g]).ThenBy(g => g))
        {
            if (groups[g].Members.Any(taken.Contains)) continue;
            selected.Add(groups[g]);
            total += values[g];
            taken.UnionWith(groups[g].Members);
        }
        return new Selection(selected, total, false, "greedy");
    }
}
