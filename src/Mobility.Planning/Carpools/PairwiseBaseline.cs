namespace Mobility.Planning.Carpools;

/// <summary>
/// What common carpool platforms do, to compare against: one driver and one passenger, the driver's detour at most
/// 33% of the direct trip, pairs taken greedily by smallest detour. Windows and the employees' own limits still apply.
/// </summary>
public static class PairwiseBaseline
{
    public const double MaxDetourRatio = 1.33;

    public static Selection Match(CarpoolInstance instance)
    {
        var evaluator = new GroupEvaluator(instance);
        var people = instance.Participants;
        var pairs = new List<(MatchedGroup Group, double Detour)>();
        for (var driver = 0; driver < people.Count; driver++)
        {
            if (!people[driver].CanDrive) continue;
            var direct = instance.DirectSeconds(driver);
            for (var passenger = 0; passenger < people.Count; passenger++)
            {
                if (passenger == driver || !people[passenger].CanRide || instance.Seconds(driver, passenger) > MaxDetourRatio * direct) continue;
                if (evaluator.Best(driver, [passenger]) is { } pair && pair.RouteSeconds <= MaxDetourRatio * direct)
                    pairs.Add((pair, pair.RouteSeconds - direct));
            }
        }
        var taken = new HashSet<int>();
        var selected = new List<MatchedGroup>();
        foreach (var (group, _) in pairs.OrderBy(p => p.Detour).ThenBy(p => p.Group.Driver))
        {
            if (group.Members.Any(taken.Contains)) continue;
            selected.Add(group);
            taken.UnionWith(group.Members);
        }
        return new Selection(selected, selected.Sum(g => GroupValue.Of(instance, g)), false, "pairwise baseline");
    }
}
