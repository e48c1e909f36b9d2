namespace Mobility.Planning.Carpools;

/// <summary>
/// The shareability step: every feasible pair (driver, passenger) first, then groups of three and four grown only
/// from passengers already feasible with that driver alone (a passenger who cannot ride alone with a driver cannot ride
/// with him and others either, since each added stop only lengthens the route). Cheap time and distance bounds prune
/// pairs before the exact evaluation.
/// </summary>
public sealed class GroupEnumerator(CarpoolInstance instance, int maxPassengers = 3, int partnersPerDriver = 25)
{
    public List<CarpoolGroup> Enumerate()
    {
        var people = instance.Participants;
        var evaluator = new GroupEvaluator(instance);
        var groups = new List<CarpoolGroup>();
        for (var driver = 0; driver < people.Count; driver++)
        {
            if (!people[driver].CanDrive) continue;
            var budget = people[driver].MaxDetourRatio * instance.DirectSeconds(driver);
            var pairs = new List<CarpoolGroup>();
            for (var passenger = 0; passenger < people.Count; passenger++)
            {
                if (passenger == driver || !people[passenger].CanRide) continue;
                // Windows that cannot meet, even allowing for the whole route between the two arrivals.
                if (people[passenger].ArriveEarliest > people[driver].ArriveLatest + budget
                    || people[driver].ArriveEarliest > people[passenger].ArriveLatest + budget) continue;
                // The pickup alone already costs more than the driver may spend on the whole trip.
                if (instance.Seconds(driver, passenger) + instance.Seconds(passenger, instance.SiteLocation[driver]) > budget + 1e-6
                    && instance.SiteLocation[passenger] == instance.SiteLocation[driver]) continue;
                if (instance.Seconds(driver, passenger) > budget) continue;
                if (evaluator.Best(driver, [passenger]) is { } pair) pairs.Add(pair);
            }
            // Keep the passengers who cost the driver least: larger groups are built from them.
            var partners = pairs.OrderBy(g => g.RouteSeconds).Take(partnersPerDriver).ToList();
            groups.AddRange(partners);
            var previous = partners;
            for (var size = 2; size <= Math.Min(maxPassengers, people[driver].Seats); size++)
            {
                var grown = new List<CarpoolGroup>();
                var seen = new HashSet<string>();
                foreach (var group in previous)
                    foreach (var pair in partners)
                    {
                        var added = pair.Pickups[0];
                        if (group.Pickups.Contains(added)) continue;
                        var members = group.Pickups.Append(added).Order().ToList();
                        if (!seen.Add(string.Join(',', members))) continue;
                        if (evaluator.Best(driver, members) is { } larger) grown.Add(larger);
                    }
                groups.AddRange(grown);
                previous = grown;
                if (grown.Count == 0) break;
            }
        }
        return groups;
    }
}
