namespace Mobility.Planning.Carpools;

/// <summary>
/// Ties the two directions of a date together:
/// <list type="number">
/// <item>candidates are enumerated in both directions;</item>
/// <item>a morning group is worth its own value plus that of its mirror (same driver, same passengers) among the
/// evening candidates, so groups that also work home are preferred;</item>
/// <item>the chosen morning groups' mirrors are fixed in the evening;</item>
/// <item>the rest of the evening is matched with the cars where they are: whoever drove to work drives home (or alone),
/// a morning passenger only rides, and a morning passenger still without a ride home counts twice, so the evening
/// serves them before anyone else;</item>
/// <item>morning passengers left without a ride home are listed with the reason.</item>
/// </list>
/// </summary>
internal static class RoundTripMatching
{
    public static CarpoolDayPlan Match(CarpoolInstance toWork, CarpoolInstance toHome, CarpoolSettings settings,
        IReadOnlyList<CarpoolGroup> fixedToWork, IReadOnlyList<CarpoolGroup> fixedToHome, IReadOnlyCollection<(string, string)> keepApart)
    {
        if (toWork.Direction != CommuteDirection.ToWork || toHome.Direction != CommuteDirection.ToHome)
            throw new ArgumentException("MatchDay takes a ToWork instance then a ToHome instance.");
        var morningPeople = toWork.Participants;
        var eveningOf = morningPeople.Select(p => toHome.IndexOf(p.Id)).ToArray();

        var freeMorning = CarpoolMatcher.FreeOf(toWork, fixedToWork);
        var freeEvening = CarpoolMatcher.FreeOf(toHome, fixedToHome);
        var morningCandidates = Apart(toWork, keepApart,
            new GroupEnumerator(toWork, settings.MaxPassengers, settings.PartnersPerDriver).Enumerate(freeMorning, freeMorning));
        var eveningCandidates = Apart(toHome, keepApart,
            new GroupEnumerator(toHome, settings.MaxPassengers, settings.PartnersPerDriver).Enumerate(freeEvening, freeEvening));
        var eveningByKey = new Dictionary<GroupKey, int>();
        for (var e = 0; e < eveningCandidates.Count; e++) eveningByKey.TryAdd(GroupKey.Of(eveningCandidates[e])!.Value, e);
        int MirrorOf(CarpoolGroup morning) =>
            GroupKey.Of(morning, i => eveningOf[i]) is { } key && eveningByKey.TryGetValue(key, out var e) ? e : -1;

        var morningValues = morningCandidates.Select(g =>
        {
            var mirror = MirrorOf(g);
            return GroupValue.Of(toWork, g) + (mirror < 0 ? 0 : GroupValue.Of(toHome, eveningCandidates[mirror]));
        }).ToArray();
        var morningChoice = CarpoolMatcher.Choose(morningCandidates, morningValues, settings);
        var morningSelection = CarpoolMatcher.WithFixed(toWork, morningChoice with
        {
            Value = morningChoice.Groups.Sum(g => GroupValue.Of(toWork, g)), Bound = null,
        }, fixedToWork);
        var morningPlan = CarpoolMatcher.Plan(toWork, morningCandidates, morningSelection, settings.GramsCo2PerKilometre);

        // Where the cars are after the morning: with whoever drove (in a group or alone).
        var morningPassenger = new bool[toHome.Participants.Count];
        var morningDriver = new bool[toHome.Participants.Count];
        var grouped = morningSelection.Groups.SelectMany(g => g.Members).ToHashSet();
        var drove = morningSelection.Groups.Select(g => g.Driver).ToHashSet();
        for (var i = 0; i < morningPeople.Count; i++)
            if (eveningOf[i] >= 0 && (grouped.Contains(i) ? drove.Contains(i) : morningPeople[i].CanDrive)) morningDriver[eveningOf[i]] = true;
        foreach (var passenger in morningSelection.Groups.SelectMany(g => g.Pickups))
            if (eveningOf[passenger] >= 0) morningPassenger[eveningOf[passenger]] = true;

        var eveningFixed = fixedToHome.ToList();
        var taken = eveningFixed.SelectMany(g => g.Members).ToHashSet();
        var sameBothWays = 0;
        foreach (var morning in morningSelection.Groups)
        {
            var mirror = MirrorOf(morning);
            if (mirror < 0 || eveningCandidates[mirror].Members.Any(taken.Contains)) continue;
            eveningFixed.Add(eveningCandidates[mirror]);
            taken.UnionWith(eveningCandidates[mirror].Members);
            sameBothWays++;
        }
        sameBothWays += fixedToHome.Count(h => fixedToWork.Any(w => GroupKey.Of(w, i => eveningOf[i]) == GroupKey.Of(h)));

        var open = eveningCandidates.Where(g => !g.Members.Any(taken.Contains)
                                                && !morningPassenger[g.Driver] && !g.Pickups.Any(p => morningDriver[p])).ToList();
        var eveningValues = open.Select(g =>
            GroupValue.Of(toHome, g) + GroupValue.PassengerWeight * g.Pickups.Count(p => morningPassenger[p])).ToArray();
        var eveningChoice = CarpoolMatcher.Choose(open, eveningValues, settings);
        var eveningSelection = CarpoolMatcher.WithFixed(toHome, eveningChoice with
        {
            Value = eveningChoice.Groups.Sum(g => GroupValue.Of(toHome, g)), Bound = null,
        }, eveningFixed);
        var eveningPlan = CarpoolMatcher.Plan(toHome, open, eveningSelection, settings.GramsCo2PerKilometre);

        var homeBound = eveningSelection.Groups.SelectMany(g => g.Pickups).ToHashSet();
        var couldRide = open.SelectMany(g => g.Pickups).ToHashSet();
        var withoutRideHome = morningSelection.Groups.SelectMany(g => g.Pickups)
            .Where(p => eveningOf[p] < 0 || !homeBound.Contains(eveningOf[p]))
            .Select(p => new UnservedPassenger(morningPeople[p].Id,
                eveningOf[p] < 0 ? UnservedReason.NoTripHome
                : couldRide.Contains(eveningOf[p]) ? UnservedReason.SeatsTakenByBetterGroups
                : UnservedReason.NoCompatibleDriver))
            .OrderBy(u => u.Id, StringComparer.Ordinal)
            .ToList();
        return new CarpoolDayPlan(morningPlan, eveningPlan, withoutRideHome, sameBothWays);
    }

    /// <summary>The candidates holding no pair that must be kept apart.</summary>
    private static List<CarpoolGroup> Apart(CarpoolInstance instance, IReadOnlyCollection<(string, string)> keepApart, List<CarpoolGroup> candidates)
    {
        var pairs = new HashSet<(int, int)>();
        foreach (var (a, b) in keepApart)
            if ((instance.IndexOf(a), instance.IndexOf(b)) is var (i, j) && i >= 0 && j >= 0) pairs.Add((Math.Min(i, j), Math.Max(i, j)));
        if (pairs.Count == 0) return candidates;
        return candidates.Where(g => !g.Members.SelectMany(i => g.Members, (i, j) => (i, j)).Any(p => p.i < p.j && pairs.Contains(p))).ToList();
    }
}
