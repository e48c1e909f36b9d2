namespace Mobility.Planning.Carpools;

/// <summary>
/// The shareability step: every feasible pair (driver, passenger) first, then groups of three and four grown only
/// from passengers already feasible with that driver alone (a passenger who cannot ride alone with a driver cannot ride
/// with him and others either, since each added stop only lengthens the route). Cheap time and distance bounds prune
/// pairs before the exact evaluation.
/// </summary>
public sealed class GroupEnumerator(CarpoolInstance instance, int maxPassengers = 3, int partnersPerDriver = 25)
{
    /// <param name="mayDrive">Who may drive in these groups (null: whoever can); narrows the participants' own roles, for
    /// instance to leave out members of accepted groups or the morning's passengers, whose car is not at the site.</param>
    /// <param name="mayRide">Who may ride (null: whoever can).</param>
    public List<MatchedGroup> Enumerate(IReadOnlyList<bool>? mayDrive = null, IReadOnlyList<bool>? mayRide = null)
    {
        var people = instance.Participants;
        // Riders sorted by the start of their window: a driver scans only those whose windows can meet his.
        var riders = Enumerable.Range(0, people.Count).Where(i => people[i].CanRide && (mayRide?[i] ?? true)).OrderBy(i => instance.MatchingEarliest[i]).ToArray();
        var riderStarts = riders.Select(i => instance.MatchingEarliest[i]).ToArray();
        var latestWindow = riders.Length == 0 ? 0 : riders.Max(i => instance.MatchingLatest[i] - instance.MatchingEarliest[i]);
        var perDriver = new List<MatchedGroup>[people.Count];
        Parallel.For(0, people.Count, driver =>
        {
            perDriver[driver] = people[driver].CanDrive && (mayDrive?[driver] ?? true) ? GroupsOf(driver, riders, riderStarts, latestWindow) : [];
        });
        // Concatenated in driver order, so the result does not depend on thread scheduling.
        return perDriver.SelectMany(list => list).ToList();
    }

    private List<MatchedGroup> GroupsOf(int driver, int[] riders, double[] riderStarts, double longestWindow)
    {
        var people = instance.Participants;
        var evaluator = new GroupEvaluator(instance);
        var groups = new List<MatchedGroup>();
        var budget = people[driver].MaxDetourRatio * instance.DirectSeconds(driver);
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
        // Keep the passengers who cost the driver least: larger groups are built from them.
        var partners = pairs.OrderBy(g => g.RouteSeconds).ThenBy(g => g.Pickups[0]).Take(partnersPerDriver).ToList();
        groups.AddRange(partners);
        // Each larger group is built once, from its members but the last in partner order: a group is feasible only if
        // every smaller group of its members is (one stop fewer never lengthens anyone's trip), so nothing is missed.
        var previous = partners.Select((g, rank) => (Group: g, LastRank: rank)).ToList();
        for (var size = 2; size <= Math.Min(maxPassengers, people[driver].Seats); size++)
        {
            var grown = new List<(MatchedGroup Group, int LastRank)>();
            foreach (var (group, lastRank) in previous)
                for (var rank = lastRank + 1; rank < partners.Count; rank++)
                {
                    var members = group.Pickups.Append(partners[rank].Pickups[0]).Order().ToList();
                    if (evaluator.Best(driver, members) is { } larger) grown.Add((larger, rank));
                }
            groups.AddRange(grown.Select(g => g.Group));
            previous = grown;
            if (grown.Count == 0) break;
        }
        return groups;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0) return ~index;
        while (index > 0 && sorted[index - 1] == value) index--;
        return index;
    }
}
