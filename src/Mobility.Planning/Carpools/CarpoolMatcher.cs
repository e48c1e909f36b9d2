namespace Mobility.Planning.Carpools;

/// <summary>Settings of a matching run.</summary>
/// <param name="ExactGroupLimit">Independent parts with more candidate groups than this are chosen greedily, the others
/// by CP-SAT (see <see cref="PartitionedSelector"/>).</param>
/// <param name="ExactWorkLimit">CP-SAT's deterministic work limit per part (about a second of one core each), so that
/// results do not depend on the machine's load.</param>
/// <param name="Workers">Drivers enumerated, and parts solved, at once (default: one per core).</param>
/// <param name="SwapPasses">Passes of <see cref="SwapSearch"/> after greedy (0: greedy alone).</param>
/// <param name="GroupsPerDriver">Groups of two passengers or more kept per driver, the most valuable (0: all); see
/// <see cref="GroupEnumerator"/>.</param>
/// <param name="GrowFrom">Groups of each size grown into larger ones per driver, the most valuable (0: all); see
/// <see cref="GroupEnumerator"/>.</param>
/// <param name="KeepProposedSeconds">What keeping a group already proposed is worth, in vehicle-seconds saved (see
/// <see cref="GroupValue"/>): far less than a passenger, so it only settles between plans that serve as many. 20 minutes:
/// on generated days with ten declines, 60 / 300 / 1,200 / 5,000 s moved 129 / 71 / 44 / 63 of 642 groups (136 without),
/// serving as many (KeepProposedTests).</param>
public sealed record CarpoolSettings(
    int MaxPassengers = 3,
    int PartnersPerDriver = 25,
    int ExactGroupLimit = 20_000,
    double ExactWorkLimit = 1,
    int Workers = 0,
    int SwapPasses = 3,
    double GramsCo2PerKilometre = EmissionFactors.CarGramsPerKilometre,
    int GroupsPerDriver = 100,
    int GrowFrom = 0,
    double KeepProposedSeconds = 1200)
{
    public int Workers { get; init; } = Workers > 0 ? Workers : Environment.ProcessorCount;

    /// <summary>Where a run writes how long each of its phases took (null: nowhere); for benchmarks and the CLI.</summary>
    public Action<string>? Timings { get; init; }
}

/// <summary>
/// Carpool matching, the entry point the server calls. Pure: participants and an
/// <see cref="TravelTimes.ITravelTimes"/> go in (inside <see cref="CarpoolInstance"/>), a plan comes out.
/// <list type="bullet">
/// <item><see cref="MatchDay"/>: both directions of a date, the same groups home as to work where possible, and every
/// morning passenger without a ride home listed with the reason. This is what a date's proposals come from.</item>
/// <item><see cref="Match(CarpoolInstance, CarpoolSettings?)"/>: one direction alone.</item>
/// <item>Both take accepted groups as fixed: kept exactly, their members and seats out of the rest. A re-match after
/// one change passes every group the change does not touch as fixed (see <see cref="CarpoolRematch"/>).</item>
/// </list>
/// Groups are checked by <see cref="CarpoolChecker"/> in the tests; fixed groups are checked on entry.
/// </summary>
public static class CarpoolMatcher
{
    public static CarpoolPlan Match(CarpoolInstance instance, CarpoolSettings? settings = null) => Match(instance, [], settings);

    /// <param name="fixedGroups">Accepted groups of this instance, kept as they are.</param>
    /// <exception cref="ArgumentException">A fixed group breaks a rule on this instance (its members' data changed).</exception>
    public static CarpoolPlan Match(CarpoolInstance instance, IReadOnlyList<MatchedGroup> fixedGroups, CarpoolSettings? settings = null)
    {
        settings ??= new CarpoolSettings();
        var free = FreeOf(instance, fixedGroups);
        var (candidates, selection) = EnumerateAndChoose(instance, settings, free, free, null, g => g, g => GroupValue.Of(instance, g), null);
        return Plan(instance, candidates, WithFixed(instance, selection, fixedGroups), settings.GramsCo2PerKilometre);
    }

    /// <summary>How many times the people a choice left free are enumerated and chosen among again.</summary>
    internal const int LeftoverRounds = 2;

    /// <summary>
    /// The candidate groups of who may drive and ride, and the best disjoint choice among them; then the same among the
    /// people that choice left free, until a round adds nothing (at most <see cref="LeftoverRounds"/> more). A driver's
    /// candidates are made with their nearest partners only (<see cref="CarpoolSettings.PartnersPerDriver"/>), who may
    /// all go to better groups while people farther away, left free, would fit them: without this, a decision's
    /// re-match (which starts from the groups as they are) found those groups for people it did not concern.
    /// </summary>
    /// <param name="allowed">Filters each round's candidates (the pairs kept apart).</param>
    /// <param name="value">What a group is worth here.</param>
    /// <param name="proposed">Open proposals: a candidate with the same people is worth <see cref="CarpoolSettings.KeepProposedSeconds"/>
    /// more, so that a re-match of everyone moves people only for a real gain (each group moved is a withdrawal and a new
    /// proposal to answer), not for the seconds a slightly different search finds elsewhere.</param>
    /// <param name="enumerated">Told the first round's number of candidates (for timings).</param>
    /// <returns>Every round's candidates, and the choice valued by <paramref name="value"/> (without the bonus).</returns>
    internal static (List<MatchedGroup> Candidates, Selection Choice) EnumerateAndChoose(CarpoolInstance instance, CarpoolSettings settings,
        bool[] mayDrive, bool[] mayRide, bool[]? focus, Func<List<MatchedGroup>, List<MatchedGroup>> allowed, Func<MatchedGroup, long> value,
        IReadOnlyList<MatchedGroup>? proposed, Action<int>? enumerated = null)
    {
        var enumerator = GroupEnumerator.For(instance, settings);
        var keep = proposed is { Count: > 0 } && settings.KeepProposedSeconds > 0 ? proposed.Select(g => GroupKey.Of(g)).ToHashSet() : null;
        var bonus = (long)Math.Round(settings.KeepProposedSeconds);
        Selection ChooseAmong(List<MatchedGroup> candidates)
        {
            var values = candidates.Select(g => value(g) + (keep is not null && keep.Contains(GroupKey.Of(g)) ? bonus : 0)).ToArray();
            var chosen = Choose(candidates, values, settings);
            return keep is null ? chosen : chosen with { Value = chosen.Groups.Sum(value), Bound = null };
        }
        var all = allowed(enumerator.Enumerate(mayDrive, mayRide, focus));
        enumerated?.Invoke(all.Count);
        var choice = ChooseAmong(all);
        for (var round = 0; round < LeftoverRounds; round++)
        {
            var taken = choice.Groups.SelectMany(g => g.Members).ToHashSet();
            var more = allowed(enumerator.Enumerate(mayDrive.Select((may, i) => may && !taken.Contains(i)).ToArray(),
                mayRide.Select((may, i) => may && !taken.Contains(i)).ToArray(), focus));
            var extra = ChooseAmong(more);
            if (extra.Groups.Count == 0) break;
            all.AddRange(more);
            // The first round's proof and report are of its candidates only.
            choice = choice with { Groups = [.. choice.Groups, .. extra.Groups], Value = choice.Value + extra.Value, ProvenOptimal = false, Bound = null };
        }
        return (all, choice);
    }

    /// <summary>Both directions of a date: see <see cref="RoundTripMatching"/> for how they are tied.</summary>
    /// <param name="toWork">The date's trips to work (<see cref="CommuteDirection.ToWork"/>).</param>
    /// <param name="toHome">The trips home after those shifts (<see cref="CommuteDirection.ToHome"/>).</param>
    /// <param name="fixedToWork">Accepted groups of <paramref name="toWork"/>, kept as they are.</param>
    /// <param name="fixedToHome">Accepted groups of <paramref name="toHome"/>, kept as they are.</param>
    /// <param name="keepApart">Pairs of employee ids never put in the same new group (someone declined the other).</param>
    /// <param name="focus">When given, only new groups holding at least one of these employee ids are considered (a
    /// re-match: the people a change reaches; the others free were left without a group by the previous run).</param>
    /// <param name="proposedToWork">Groups of <paramref name="toWork"/> already proposed and open (not fixed): a candidate
    /// with the same people is worth <see cref="CarpoolSettings.KeepProposedSeconds"/> more.</param>
    /// <param name="proposedToHome">The same for <paramref name="toHome"/>.</param>
    public static CarpoolDayPlan MatchDay(CarpoolInstance toWork, CarpoolInstance toHome, CarpoolSettings? settings = null,
        IReadOnlyList<MatchedGroup>? fixedToWork = null, IReadOnlyList<MatchedGroup>? fixedToHome = null,
        IReadOnlyCollection<(string, string)>? keepApart = null, IReadOnlySet<string>? focus = null,
        IReadOnlyList<MatchedGroup>? proposedToWork = null, IReadOnlyList<MatchedGroup>? proposedToHome = null) =>
        RoundTripMatching.Match(toWork, toHome, settings ?? new CarpoolSettings(), fixedToWork ?? [], fixedToHome ?? [], keepApart ?? [], focus,
            proposedToWork, proposedToHome);

    /// <summary>The best disjoint choice among candidates worth <paramref name="values"/>.</summary>
    internal static Selection Choose(IReadOnlyList<MatchedGroup> candidates, long[] values, CarpoolSettings settings)
    {
        var (selection, report) = PartitionedSelector.Select(candidates, values, settings);
        return selection with { Partition = report };
    }

    /// <summary>Who is not in a fixed group (after checking the fixed groups are still valid).</summary>
    internal static bool[] FreeOf(CarpoolInstance instance, IReadOnlyList<MatchedGroup> fixedGroups)
    {
        if (instance.Participants.Count == 0 && fixedGroups.Count == 0) return [];
        var problems = CarpoolChecker.Violations(instance, fixedGroups);
        if (problems.Count > 0) throw new ArgumentException("An accepted group no longer holds: " + string.Join("; ", problems));
        var free = Enumerable.Repeat(true, instance.Participants.Count).ToArray();
        foreach (var member in fixedGroups.SelectMany(g => g.Members)) free[member] = false;
        return free;
    }

    internal static Selection WithFixed(CarpoolInstance instance, Selection chosen, IReadOnlyList<MatchedGroup> fixedGroups) =>
        fixedGroups.Count == 0 ? chosen : chosen with
        {
            Groups = fixedGroups.Concat(chosen.Groups).ToList(),
            Value = chosen.Value + fixedGroups.Sum(g => GroupValue.Of(instance, g)),
            Bound = chosen.Bound + fixedGroups.Sum(g => GroupValue.Of(instance, g)),
        };

    public static CarpoolPlan Plan(CarpoolInstance instance, IReadOnlyList<MatchedGroup> candidates, Selection selection, double gramsPerKilometre)
    {
        var people = instance.Participants;
        var grouped = selection.Groups.SelectMany(g => g.Members).ToHashSet();
        // A passenger is only ever a pickup, so this is the same test for them as for those who may drive.
        var inSomeCandidate = candidates.SelectMany(g => g.Members).ToHashSet();
        var withoutGroup = Enumerable.Range(0, people.Count)
            .Where(i => !grouped.Contains(i) && (people[i].CanRide || people[i].CanDrive))
            .Select(i => new UnservedPassenger(people[i].Id,
                !double.IsFinite(instance.DirectSeconds(i)) ? NoRideReason.NotOnRoadNetwork
                : inSomeCandidate.Contains(i) ? NoRideReason.SeatsTakenByBetterGroups
                : people[i].CanRide ? NoRideReason.NoCompatibleDriver : NoRideReason.NoCompatiblePassenger))
            .ToList();
        var unserved = withoutGroup.Where(u => people[instance.IndexOf(u.Id)].Role == CarpoolRole.Passenger).ToList();
        // Someone whose home or site the router could not place has no known trip: left out of the sums.
        var drivers = Enumerable.Range(0, people.Count).Where(i => people[i].CanDrive && double.IsFinite(instance.DirectMetres(i))).ToList();
        var alone = drivers.Sum(instance.DirectMetres) / 1000;
        var planned = (selection.Groups.Sum(g => g.RouteMetres) + drivers.Where(i => !grouped.Contains(i)).Sum(instance.DirectMetres)) / 1000;
        var carsRemoved = selection.Groups.Sum(g => g.Pickups.Count(p => people[p].CanDrive));
        return new CarpoolPlan(selection, unserved, selection.Groups.Sum(g => g.Pickups.Count), carsRemoved, alone, planned, gramsPerKilometre, withoutGroup);
    }
}
