namespace Mobility.Planning.Carpools;

/// <summary>
/// Ties the two directions of a date together, mornings first:
/// <list type="number">
/// <item>the morning is matched on its own;</item>
/// <item>each chosen morning group's mirror (same driver, same passengers, best order home) is fixed in the evening
/// when it holds, so the same people travel home together;</item>
/// <item>the rest of the evening is matched with the cars where they are: whoever drove to work drives home (or alone),
/// a morning passenger only rides, and a morning passenger still without a ride home counts twice, so the evening
/// serves them before anyone else;</item>
/// <item>morning passengers left without a ride home are listed with the reason.</item>
/// </list>
/// Only the people not already travelling home in a mirror group are enumerated in the evening, which keeps a day's
/// matching close to the cost of its morning.
/// </summary>
internal static class RoundTripMatching
{
    public static CarpoolDayPlan Match(CarpoolInstance toWork, CarpoolInstance toHome, CarpoolSettings settings,
        IReadOnlyList<MatchedGroup> fixedToWork, IReadOnlyList<MatchedGroup> fixedToHome, IReadOnlyCollection<(string, string)> keepApart,
        IReadOnlySet<string>? focus = null, IReadOnlyList<MatchedGroup>? proposedToWork = null, IReadOnlyList<MatchedGroup>? proposedToHome = null)
    {
        if (toWork.Direction != CommuteDirection.ToWork || toHome.Direction != CommuteDirection.ToHome)
            throw new ArgumentException("MatchDay takes a ToWork instance then a ToHome instance.");
        var morningPeople = toWork.Participants;
        var eveningOf = morningPeople.Select(p => toHome.IndexOf(p.Id)).ToArray();

        // Wall clock and the process's processor time: on a shared machine the second says what the work cost.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var processor = Environment.CpuUsage.TotalTime;
        void Phase(string what)
        {
            if (settings.Timings is null) return;
            var now = Environment.CpuUsage.TotalTime;
            settings.Timings($"{what} in {clock.Elapsed.TotalSeconds:F2} s ({(now - processor).TotalSeconds:F1} s of processor time)");
            processor = now;
            clock.Restart();
        }
        var freeMorning = CarpoolMatcher.FreeOf(toWork, fixedToWork);
        var freeEvening = CarpoolMatcher.FreeOf(toHome, fixedToHome);
        var (morningCandidates, morningChoice) = CarpoolMatcher.EnumerateAndChoose(toWork, settings, freeMorning, freeMorning,
            focus is null ? null : Focus(toWork, focus), g => Apart(toWork, keepApart, g), g => GroupValue.Of(toWork, g), proposedToWork,
            count => Phase($"to work: {count:N0} candidate groups"));
        var morningSelection = CarpoolMatcher.WithFixed(toWork, morningChoice, fixedToWork);
        Phase($"to work: {morningSelection.Groups.Count:N0} groups chosen");
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
        var evaluator = new GroupEvaluator(toHome);
        foreach (var morning in morningSelection.Groups)
        {
            var driver = eveningOf[morning.Driver];
            var passengers = morning.Pickups.Select(p => eveningOf[p]).ToList();
            if (driver < 0 || passengers.Contains(-1) || passengers.Prepend(driver).Any(taken.Contains)) continue;
            if (evaluator.Best(driver, passengers) is not { } mirror) continue;
            eveningFixed.Add(mirror);
            taken.UnionWith(mirror.Members);
        }

        var mayDrive = Enumerable.Range(0, toHome.Participants.Count).Select(i => !taken.Contains(i) && !morningPassenger[i]).ToArray();
        var mayRide = Enumerable.Range(0, toHome.Participants.Count).Select(i => !taken.Contains(i) && !morningDriver[i]).ToArray();
        // A morning passenger still without a ride home counts twice.
        var (open, eveningChoice) = CarpoolMatcher.EnumerateAndChoose(toHome, settings, mayDrive, mayRide,
            focus is null ? null : Focus(toHome, EveningFocus(toWork, focus, morningSelection, fixedToWork)), g => Apart(toHome, keepApart, g),
            g => GroupValue.Of(toHome, g) + GroupValue.PassengerWeight * g.Pickups.Count(p => morningPassenger[p]), proposedToHome,
            count => Phase($"home: {eveningFixed.Count:N0} mirror groups, {count:N0} candidate groups"));
        var eveningSelection = CarpoolMatcher.WithFixed(toHome, eveningChoice with
        {
            Value = eveningChoice.Groups.Sum(g => GroupValue.Of(toHome, g)), Bound = null,
        }, eveningFixed);
        var eveningPlan = CarpoolMatcher.Plan(toHome, open, eveningSelection, settings.GramsCo2PerKilometre);
        Phase($"home: {eveningChoice.Groups.Count:N0} groups chosen");

        var homeBound = eveningSelection.Groups.SelectMany(g => g.Pickups).ToHashSet();
        var couldRide = open.SelectMany(g => g.Pickups).ToHashSet();
        var withoutRideHome = morningSelection.Groups.SelectMany(g => g.Pickups)
            .Where(p => eveningOf[p] < 0 || !homeBound.Contains(eveningOf[p]))
            .Select(p => new UnservedPassenger(morningPeople[p].Id,
                eveningOf[p] < 0 ? NoRideReason.NoTripHome
                : !double.IsFinite(toHome.DirectSeconds(eveningOf[p])) ? NoRideReason.NotOnRoadNetwork
                : couldRide.Contains(eveningOf[p]) ? NoRideReason.SeatsTakenByBetterGroups
                : NoRideReason.NoCompatibleDriver))
            .OrderBy(u => u.Id, StringComparer.Ordinal)
            .ToList();
        var eveningKeys = eveningSelection.Groups.Select(g => GroupKey.Of(g)).ToHashSet();
        var sameBothWays = morningSelection.Groups.Count(g => GroupKey.Of(g, i => eveningOf[i]) is { } key && eveningKeys.Contains(key));
        return new CarpoolDayPlan(morningPlan, eveningPlan, withoutRideHome, sameBothWays);
    }

    /// <summary>Who is in the focus, by index in <paramref name="instance"/>.</summary>
    private static bool[] Focus(CarpoolInstance instance, IReadOnlySet<string> ids) =>
        instance.Participants.Select(p => ids.Contains(p.Id)).ToArray();

    /// <summary>The focus of the evening: the morning's, and everyone in a new morning group (where their car is changed).</summary>
    private static HashSet<string> EveningFocus(CarpoolInstance toWork, IReadOnlySet<string> focus, Selection morning,
        IReadOnlyList<MatchedGroup> fixedToWork)
    {
        var kept = fixedToWork.ToHashSet(ReferenceEqualityComparer.Instance);
        var ids = focus.ToHashSet();
        foreach (var group in morning.Groups.Where(g => !kept.Contains(g)))
            foreach (var member in group.Members) ids.Add(toWork.Participants[member].Id);
        return ids;
    }

    /// <summary>The candidates holding no pair that must be kept apart.</summary>
    private static List<MatchedGroup> Apart(CarpoolInstance instance, IReadOnlyCollection<(string, string)> keepApart, List<MatchedGroup> candidates)
    {
        var pairs = new HashSet<(int, int)>();
        foreach (var (a, b) in keepApart)
            if ((instance.IndexOf(a), instance.IndexOf(b)) is var (i, j) && i >= 0 && j >= 0) pairs.Add((Math.Min(i, j), Math.Max(i, j)));
        if (pairs.Count == 0) return candidates;
        return candidates.Where(g => !g.Members.SelectMany(i => g.Members, (i, j) => (i, j)).Any(p => p.i < p.j && pairs.Contains(p))).ToList();
    }
}
