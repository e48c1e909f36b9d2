namespace Mobility.Planning.Carpools;

/// <summary>
/// Finds the best way for a driver to take a set of passengers: every pickup order and every order of the passengers'
/// other sites (the driver's own site last) is tried, and the fastest one that respects every window, the driver's
/// detour limits (minutes and ratio), each passenger's ride limit and the seats is kept. Exact for the small groups
/// matching builds (up to four people: at most 3! × 3! orders).
/// </summary>
public sealed class GroupEvaluator(CarpoolInstance instance)
{
    public CarpoolGroup? Best(int driver, IReadOnlyList<int> passengers)
    {
        var people = instance.Participants;
        if (!people[driver].CanDrive || passengers.Count > people[driver].Seats || passengers.Contains(driver)) return null;
        if (passengers.Any(p => !people[p].CanRide)) return null;
        var driverSite = instance.SiteLocation[driver];
        var otherSites = passengers.Select(p => instance.SiteLocation[p]).Where(s => s != driverSite).Distinct().ToList();
        CarpoolGroup? best = null;
        foreach (var pickups in Permutations(passengers))
            foreach (var drops in Permutations(otherSites))
            {
                var candidate = Evaluate(driver, pickups, [.. drops, driverSite]);
                if (candidate != null && (best == null || candidate.RouteSeconds < best.RouteSeconds)) best = candidate;
            }
        return best;
    }

    /// <summary>The group for one given order, or null when it breaks a rule.</summary>
    public CarpoolGroup? Evaluate(int driver, IReadOnlyList<int> pickups, IReadOnlyList<int> drops)
    {
        var people = instance.Participants;
        var pickupAt = new Dictionary<int, double>();
        var position = driver;
        double clock = 0, metres = 0;
        foreach (var passenger in pickups)
        {
            clock += instance.Seconds(position, passenger);
            metres += instance.Metres(position, passenger);
            position = passenger;
            pickupAt[passenger] = clock;
        }
        var arrivalAt = new Dictionary<int, double>(); // site location → offset of arrival there
        foreach (var site in drops)
        {
            clock += instance.Seconds(position, site);
            metres += instance.Metres(position, site);
            position = site;
            arrivalAt[site] = clock;
        }
        if (!double.IsFinite(clock)) return null;

        var direct = instance.DirectSeconds(driver);
        var detour = clock - direct;
        if (detour > people[driver].MaxDetourMinutes * 60 + 1e-6 || clock > people[driver].MaxDetourRatio * direct + 1e-6) return null;

        double earliest = double.NegativeInfinity, latest = double.PositiveInfinity;
        foreach (var member in pickups.Prepend(driver))
        {
            if (!arrivalAt.TryGetValue(instance.SiteLocation[member], out var arrival)) return null;
            if (member != driver && arrival - pickupAt[member] > people[member].MaxRideFactor * instance.DirectSeconds(member) + 1e-6) return null;
            earliest = Math.Max(earliest, people[member].ArriveEarliest - arrival);
            latest = Math.Min(latest, people[member].ArriveLatest - arrival);
        }
        return earliest <= latest ? new CarpoolGroup(driver, pickups, drops, clock, metres, earliest, latest) : null;
    }

    private static IEnumerable<List<int>> Permutations(IReadOnlyList<int> items)
    {
        if (items.Count <= 1)
        {
            yield return [.. items];
            yield break;
        }
        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var tail in Permutations(rest)) yield return [items[i], .. tail];
        }
    }
}
