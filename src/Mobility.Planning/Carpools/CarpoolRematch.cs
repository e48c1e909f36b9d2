namespace Mobility.Planning.Carpools;

/// <summary>A re-matched day and the employees whose proposals changed (the only ones to notify).</summary>
public sealed record RematchResult(CarpoolDayPlan Plan, IReadOnlyList<string> Affected);

/// <summary>
/// Re-matching after employees change (added, removed, new shift, declined a group), touching only who it must:
/// every previous group with none of the changed people in it, in either direction, is kept exactly as it was (fixed);
/// the changed people, the members of their groups both ways and everyone previously unmatched are matched again
/// against the seats still free.
/// </summary>
public static class CarpoolRematch
{
    /// <param name="previousToWork">The instance <paramref name="previous"/> was matched on (its indices).</param>
    /// <param name="toWork">The new trips to work, with the change applied (people added, removed or with new windows).</param>
    /// <param name="changed">Ids of the employees who changed; for a decline, the one who declined.</param>
    /// <param name="keepApart">Pairs of employees never to be put in the same group again (a declined group: the one who
    /// declined and each other member).</param>
    public static RematchResult AfterChange(CarpoolInstance previousToWork, CarpoolInstance previousToHome, CarpoolDayPlan previous,
        CarpoolInstance toWork, CarpoolInstance toHome, IReadOnlyCollection<string> changed,
        IReadOnlyCollection<(string, string)>? keepApart = null, CarpoolSettings? settings = null)
    {
        var morning = previous.ToWork.Selection.Groups.Select(g => Names(previousToWork, g)).ToList();
        var evening = previous.ToHome.Selection.Groups.Select(g => Names(previousToHome, g)).ToList();
        // Freed people spread to their groups in the other direction until nothing moves: a person must not be
        // re-matched one way while held in a group the other way that assumed where their car is.
        var affected = changed.ToHashSet();
        foreach (var group in morning.Concat(evening).Where(g => g.Members.Any(m => toWork.IndexOf(m) < 0 && toHome.IndexOf(m) < 0)))
            affected.UnionWith(group.Members);
        bool grew;
        do
        {
            grew = false;
            foreach (var group in morning.Concat(evening))
                if (group.Members.Any(affected.Contains) && !group.Members.All(affected.Contains))
                {
                    affected.UnionWith(group.Members);
                    grew = true;
                }
        } while (grew);

        var fixedToWork = Restore(toWork, morning.Where(g => !g.Members.Any(affected.Contains)), affected);
        var fixedToHome = Restore(toHome, evening.Where(g => !g.Members.Any(affected.Contains)), affected);
        // Only groups holding someone affected are new: the others free were left without a group before, among the same
        // people and seats, so enumerating all of them again would cost most of a whole day's matching for nothing.
        var plan = CarpoolMatcher.MatchDay(toWork, toHome, settings, fixedToWork, fixedToHome, keepApart, affected);

        var before = morning.Concat(evening).Select(g => g.Signature).ToHashSet();
        var notify = plan.ToWork.Selection.Groups.Select(g => Names(toWork, g))
            .Concat(plan.ToHome.Selection.Groups.Select(g => Names(toHome, g)))
            .Where(g => !before.Contains(g.Signature)).SelectMany(g => g.Members)
            .Concat(affected).Distinct().Order(StringComparer.Ordinal).ToList();
        var reached = notify.ToHashSet();
        plan = plan with { ToWork = KeepReasons(plan.ToWork, previous.ToWork, reached), ToHome = KeepReasons(plan.ToHome, previous.ToHome, reached) };
        return new RematchResult(plan, notify);
    }

    /// <summary>Those the change did not reach keep the reason they had for having no group: the re-match only looked at
    /// groups holding someone it reached, so it cannot tell "seats taken by better groups" from "no compatible driver"
    /// for the others.</summary>
    private static CarpoolPlan KeepReasons(CarpoolPlan plan, CarpoolPlan previous, HashSet<string> reached)
    {
        var before = previous.WithoutGroup.ToDictionary(u => u.Id, u => u.Reason);
        UnservedPassenger Kept(UnservedPassenger u) =>
            !reached.Contains(u.Id) && before.TryGetValue(u.Id, out var reason) ? u with { Reason = reason } : u;
        return plan with { Unserved = plan.Unserved.Select(Kept).ToList(), WithoutGroup = plan.WithoutGroup.Select(Kept).ToList() };
    }

    /// <summary>A group by employee and site ids, so that it survives people being added or removed around it.</summary>
    private sealed record NamedGroup(CommuteDirection Direction, string Driver, IReadOnlyList<string> Pickups, IReadOnlyList<string> Drops)
    {
        public IEnumerable<string> Members => Pickups.Prepend(Driver);
        public string Signature => $"{Direction}|{Driver}|{string.Join(',', Pickups)}|{string.Join(',', Drops)}";
    }

    private static NamedGroup Names(CarpoolInstance instance, MatchedGroup group) => new(group.Direction,
        instance.Participants[group.Driver].Id, group.Pickups.Select(p => instance.Participants[p].Id).ToList(),
        group.DropLocations.Select(l => instance.SiteIds[l - instance.Participants.Count]).ToList());

    /// <summary>The kept groups on the new instance, in the same order of stops; one that no longer holds (its members'
    /// data changed without being reported) is dropped and its members added to <paramref name="affected"/>.</summary>
    private static List<MatchedGroup> Restore(CarpoolInstance instance, IEnumerable<NamedGroup> groups, HashSet<string> affected)
    {
        var evaluator = new GroupEvaluator(instance);
        var kept = new List<MatchedGroup>();
        foreach (var group in groups)
        {
            var driver = instance.IndexOf(group.Driver);
            var pickups = group.Pickups.Select(instance.IndexOf).ToList();
            var drops = group.Drops.Select(instance.LocationOfSite).ToList();
            var restored = driver < 0 || pickups.Contains(-1) || drops.Contains(-1) ? null : evaluator.Evaluate(driver, pickups, drops);
            if (restored is null) affected.UnionWith(group.Members);
            else kept.Add(restored);
        }
        return kept;
    }
}
