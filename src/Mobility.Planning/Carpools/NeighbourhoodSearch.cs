namespace Mobility.Planning.Carpools;

/// <summary>
/// Improves a choice of disjoint groups by re-solving small neighbourhoods exactly (fix and optimise): around one person,
/// the people reachable through shared candidate groups (a driver and their partners, mostly), widened so that every
/// chosen group is wholly inside or wholly outside; CP-SAT then picks the best groups among those wholly inside while
/// everything outside stays fixed, and the neighbourhood's new choice is kept when it is worth more. Greedy by value
/// takes a four-person group that blocks two better three-person groups; this undoes such choices locally. Sequential
/// and with a deterministic work limit per neighbourhood, so reproducible.
/// </summary>
public static class NeighbourhoodSearch
{
    public static Selection Improve(IReadOnlyList<CarpoolGroup> groups, long[] values, Selection start, int neighbourhoodPeople, int passes)
    {
        if (neighbourhoodPeople <= 0 || passes <= 0) return start;
        var index = new Dictionary<CarpoolGroup, int>(ReferenceEqualityComparer.Instance);
        for (var g = 0; g < groups.Count; g++) index[groups[g]] = g;
        var groupsOf = new Dictionary<int, List<int>>();
        for (var g = 0; g < groups.Count; g++)
            foreach (var member in groups[g].Members)
            {
                if (!groupsOf.TryGetValue(member, out var list)) groupsOf[member] = list = [];
                list.Add(g);
            }
        var chosenOf = new Dictionary<int, int>(); // person → chosen group index
        foreach (var group in start.Groups)
            foreach (var member in group.Members) chosenOf[member] = index[group];
        var people = groupsOf.Keys.Order().ToList();
        var improved = false;
        for (var pass = 0; pass < passes; pass++)
        {
            var covered = new HashSet<int>();
            var passImproved = false;
            // Seeds are the people left out: the neighbourhoods that can serve someone more.
            foreach (var seed in people.Where(p => !chosenOf.ContainsKey(p)).ToList())
            {
                if (covered.Contains(seed) || chosenOf.ContainsKey(seed)) continue;
                var neighbourhood = Around(seed, groups, groupsOf, chosenOf, neighbourhoodPeople);
                covered.UnionWith(neighbourhood);
                var inside = neighbourhood.SelectMany(p => groupsOf[p]).Distinct().Where(g => groups[g].Members.All(neighbourhood.Contains)).Order().ToList();
                var current = neighbourhood.Where(chosenOf.ContainsKey).Select(p => chosenOf[p]).Distinct().ToList();
                var currentValue = current.Sum(g => values[g]);
                var hint = new Selection(current.Select(g => groups[g]).ToList(), currentValue, false, "current");
                var better = CarpoolSelector.Solve(inside.Select(g => groups[g]).ToList(), inside.Select(g => values[g]).ToArray(), hint,
                    "max_deterministic_time:0.05 num_workers:1 random_seed:1");
                if (better.Value <= currentValue) continue;
                foreach (var person in neighbourhood) chosenOf.Remove(person);
                foreach (var group in better.Groups)
                    foreach (var member in group.Members) chosenOf[member] = index[group];
                passImproved = improved = true;
            }
            if (!passImproved) break;
        }
        if (!improved) return start;
        var chosen = chosenOf.Values.Distinct().Order().ToList();
        return new Selection(chosen.Select(g => groups[g]).ToList(), chosen.Sum(g => values[g]), false, start.Method + " + neighbourhoods");
    }

    /// <summary>Around a person: the drivers of groups they could join and those drivers' co-members in chosen groups
    /// (about <paramref name="size"/> people), closed under the chosen groups (a chosen group is never cut in two).</summary>
    private static HashSet<int> Around(int seed, IReadOnlyList<CarpoolGroup> groups, Dictionary<int, List<int>> groupsOf,
        Dictionary<int, int> chosenOf, int size)
    {
        var found = new HashSet<int>();
        void Add(int person)
        {
            if (!found.Add(person)) return;
            if (chosenOf.TryGetValue(person, out var chosen))
                foreach (var member in groups[chosen].Members) Add(member);
        }
        Add(seed);
        foreach (var g in groupsOf[seed])
        {
            if (found.Count >= size) break;
            Add(groups[g].Driver);
            foreach (var member in groups[g].Pickups) if (found.Count < size / 2) Add(member);
        }
        return found;
    }
}
