namespace Mobility.Planning.Carpools;

/// <summary>
/// The shareability step: every feasible pair (driver, passenger) first, then groups of three and four grown only
/// from passengers already feasible with that driver alone (a passenger who cannot ride alone with a driver cannot ride
/// with him and others either, since each added stop only lengthens the route). Cheap time and distance bounds prune
/// pairs before the exact evaluation.
/// </summary>
/// <param name="groupsPerDriver">Groups of two passengers or more kept per driver, the most valuable ones
/// (<see cref="GroupValue"/>; 0: all). A driver with 25 partners has up to 2,600 such groups, most of them worth less than
/// others of the same people: selection needs the best few, and its cost grows with all of them (docs/benchmarks.md).</param>
/// <param name="growFrom">Groups of two passengers or more grown into larger ones, per driver and size: only the most
/// valuable this many (0: all). A driver with 25 partners has up to 300 groups of two, and growing each of them into
/// groups of three is most of a large day's enumeration; the groups of three kept are nearly all grown from the best
/// groups of two (docs/benchmarks.md).</param>
/// <param name="workers">Drivers enumerated at once (0: one per core).</param>
public sealed class GroupEnumerator(CarpoolInstance instance, int maxPassengers = 3, int partnersPerDriver = 25, int groupsPerDriver = 0, int growFrom = 0,
    int workers = 0)
{
    /// <summary>The enumerator a matching run with these settings uses.</summary>
    public static GroupEnumerator For(CarpoolInstance instance, CarpoolSettings settings) =>
        new(instance, settings.MaxPassengers, settings.PartnersPerDriver, settings.GroupsPerDriver, settings.GrowFrom, settings.Workers);

    /// <summary>Partners are bits of one 64-bit mask while groups grow.</summary>
    private readonly int _partnersPerDriver = partnersPerDriver is > 0 and <= 63 ? partnersPerDriver
        : throw new ArgumentOutOfRangeException(nameof(partnersPerDriver), "Between 1 and 63 partners per driver.");

    /// <param name="mayDrive">Who may drive in these groups (null: whoever can); narrows the participants' own roles, for
    /// instance to leave out members of accepted groups or the morning's passengers, whose car is not at the site.</param>
    /// <param name="mayRide">Who may ride (null: whoever can).</param>
    /// <param name="focus">When given, only groups holding at least one of these people (a re-match: the people a change
    /// reaches); a driver outside it who can take none of them is not enumerated at all.</param>
    public List<MatchedGroup> Enumerate(IReadOnlyList<bool>? mayDrive = null, IReadOnlyList<bool>? mayRide = null,
        IReadOnlyList<bool>? focus = null)
    {
        var people = instance.Participants;
        // Riders sorted by the start of their window: a driver scans only those whose windows can meet his.
        var riders = Enumerable.Range(0, people.Count).Where(i => people[i].CanRide && (mayRide?[i] ?? true)).OrderBy(i => instance.MatchingEarliest[i]).ToArray();
        var riderStarts = riders.Select(i => instance.MatchingEarliest[i]).ToArray();
        var latestWindow = riders.Length == 0 ? 0 : riders.Max(i => instance.MatchingLatest[i] - instance.MatchingEarliest[i]);
        var focusRiders = focus is null ? null : riders.Where(i => focus[i]).ToArray();
        var focusStarts = focusRiders?.Select(i => instance.MatchingEarliest[i]).ToArray();
        var perDriver = new List<MatchedGroup>[people.Count];
        Parallel.For(0, people.Count, new ParallelOptions { MaxDegreeOfParallelism = workers > 0 ? workers : -1 }, driver =>
        {
            if (!people[driver].CanDrive || !(mayDrive?[driver] ?? true)) perDriver[driver] = [];
            else if (focus is null || focus[driver]) perDriver[driver] = GroupsOf(driver, riders, riderStarts, latestWindow);
            else if (Pairs(new GroupEvaluator(instance), driver, focusRiders!, focusStarts!, latestWindow).Count == 0) perDriver[driver] = [];
            else perDriver[driver] = GroupsOf(driver, riders, riderStarts, latestWindow).Where(g => g.Pickups.Any(p => focus[p])).ToList();
        });
        // Concatenated in driver order, so the result does not depend on thread scheduling.
        return perDriver.SelectMany(list => list).ToList();
    }

    private List<MatchedGroup> GroupsOf(int driver, int[] riders, double[] riderStarts, double longestWindow)
    {
        var people = instance.Participants;
        var evaluator = new GroupEvaluator(instance);
        var groups = new List<MatchedGroup>();
        var pairs = Pairs(evaluator, driver, riders, riderStarts, longestWindow);
        // Keep the passengers who cost the driver least: larger groups are built from them.
        var partners = pairs.OrderBy(g => g.RouteSeconds).ThenBy(g => g.Pickups[0]).Take(_partnersPerDriver).ToList();
        // Each larger group is built once, from its members but the last in partner order: a group is feasible only if
        // every smaller group of its members is (one stop fewer never lengthens anyone's trip), so nothing is missed, and
        // a group one of whose smaller groups is not feasible is never evaluated (partners by rank: a bit each).
        var previous = partners.Select((g, rank) => (Group: g, LastRank: rank, Mask: 1L << rank)).ToList();
        var feasible = previous.Select(p => p.Mask).ToHashSet();
        for (var size = 2; size <= Math.Min(maxPassengers, people[driver].Seats); size++)
        {
            var grown = new List<(MatchedGroup Group, int LastRank, long Mask)>();
            if (size == 2 || growFrom == 0 || previous.Count <= growFrom)
                foreach (var (group, lastRank, mask) in previous)
                    for (var rank = lastRank + 1; rank < partners.Count; rank++)
                        Grow(group, mask, rank);
            else
            {
                // Only the best groups grow, each with any partner it lacks: a larger group is then built from whichever
                // of its smaller groups is among the best, once.
                var tried = new HashSet<long>();
                foreach (var (group, _, mask) in previous.OrderByDescending(p => GroupValue.Of(instance, p.Group)).Take(growFrom))
                    for (var rank = 0; rank < partners.Count; rank++)
                        if ((mask & 1L << rank) == 0 && tried.Add(mask | 1L << rank)) Grow(group, mask, rank);
            }
            groups.AddRange(grown.Select(g => g.Group));
            previous = grown;
            feasible = grown.Select(g => g.Mask).ToHashSet();
            if (grown.Count == 0) break;

            void Grow(MatchedGroup group, long mask, int rank)
            {
                if (!EverySmallerFeasible(mask, rank, feasible)) return;
                var members = group.Pickups.Append(partners[rank].Pickups[0]).Order().ToList();
                if (evaluator.Best(driver, members) is { } larger) grown.Add((larger, Math.Max(rank, HighestRank(mask)), mask | 1L << rank));
            }
        }
        if (groupsPerDriver > 0 && groups.Count > groupsPerDriver)
            // The most valuable, in the order built among equals (a stable sort), so the result is deterministic.
            groups = groups.Select(g => (Group: g, Value: GroupValue.Of(instance, g))).OrderByDescending(x => x.Value)
                .Take(groupsPerDriver).Select(x => x.Group).ToList();
        return [.. partners, .. groups];
    }

    private static int HighestRank(long mask) => 63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)mask);

    /// <summary>Whether each group of <paramref name="mask"/>'s partners and <paramref name="rank"/> less one of
    /// <paramref name="mask"/>'s is feasible (<paramref name="mask"/> itself is: it was built).</summary>
    private static bool EverySmallerFeasible(long mask, int rank, HashSet<long> feasible)
    {
        if (System.Numerics.BitOperations.PopCount((ulong)mask) < 2) return true;
        for (var rest = mask; rest != 0; rest &= rest - 1)
            if (!feasible.Contains(mask & ~(rest & -rest) | 1L << rank)) return false;
        return true;
    }

    /// <summary>Every feasible (driver, one passenger) group among <paramref name="riders"/> (sorted by window start).</summary>
    private List<MatchedGroup> Pairs(GroupEvaluator evaluator, int driver, int[] riders, double[] riderStarts, double longestWindow)
    {
        var budget = instance.Participants[driver].MaxDetourRatio * instance.DirectSeconds(driver);
        // Windows that cannot meet, even allowing for the whole route between the two arrivals, are never scanned.
        var from = LowerBound(riderStarts, instance.MatchingEarliest[driver] - budget - longestWindow);
        var pairs = new List<MatchedGroup>();
        for (var k = from; k < riders.Length && riderStarts[k] <= instance.MatchingLatest[driver] + budget; k++)
        {
            var passenger = riders[k];
            if (passenger == driver) continue;
            if (instance.MatchingEarliest[driver] > instance.MatchingLatest[passenger] + budget) continue;
            // The pickup alone already costs more than the driver may spend on the whole trip.
            if (instance.Seconds(driver, passenger) > budget) continue;
            if (instance.SiteLocation[passenger] == instance.SiteLocation[driver]
                && instance.Seconds(driver, passenger) + instance.Seconds(passenger, instance.SiteLocation[driver]) > budget + 1e-6) continue;
            if (evaluator.Best(driver, [passenger]) is { } pair) pairs.Add(pair);
        }
        return pairs;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0) return ~index;
        while (index > 0 && sorted[index - 1] == value) index--;
        return index;
    }
}
