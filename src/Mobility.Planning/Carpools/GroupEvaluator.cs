namespace Mobility.Planning.Carpools;

/// <summary>
/// Finds the best way for a driver to take a set of passengers: every pickup order and every order of the passengers'
/// other sites (the driver's own site last) is tried, and the fastest one that respects every window, the driver's
/// detour limits (minutes and ratio), each passenger's ride limit and the seats is kept. Exact for the small groups
/// matching builds (up to four people: at most 3! × 3! orders).
/// </summary>
public sealed class GroupEvaluator(CarpoolInstance instance)
{
    /// <summary>Index orders of 0..n−1 for n up to 4: the orders tried, computed once.</summary>
    private static readonly int[][][] Orders = Enumerable.Range(0, 5).Select(n => Permutations(Enumerable.Range(0, n).ToList()).Select(o => o.ToArray()).ToArray()).ToArray();

    public MatchedGroup? Best(int driver, IReadOnlyList<int> passengers)
    {
        var people = instance.Participants;
        if (!people[driver].CanDrive || passengers.Count > people[driver].Seats || passengers.Count >= Orders.Length || passengers.Contains(driver)) return null;
        for (var i = 0; i < passengers.Count; i++) if (!people[passengers[i]].CanRide) return null;
        var driverSite = instance.SiteLocation[driver];
        Span<int> sites = stackalloc int[passengers.Count];
        var siteCount = 0;
        foreach (var passenger in passengers)
        {
            var site = instance.SiteLocation[passenger];
            if (site != driverSite && !sites[..siteCount].Contains(site)) sites[siteCount++] = site;
        }
        // Cheap scan of every order (no allocation), then the winner is built once.
        var (bestSeconds, bestPickup, bestDrop) = (double.PositiveInfinity, -1, -1);
        var pickupOrders = Orders[passengers.Count];
        var dropOrders = Orders[siteCount];
        for (var po = 0; po < pickupOrders.Length; po++)
            for (var d = 0; d < dropOrders.Length; d++)
            {
                var seconds = RouteSecondsIfFeasible(driver, passengers, pickupOrders[po], sites[..siteCount], dropOrders[d], driverSite);
                if (seconds < bestSeconds) (bestSeconds, bestPickup, bestDrop) = (seconds, po, d);
            }
        if (bestPickup < 0) return null;
        var pickups = pickupOrders[bestPickup].Select(i => passengers[i]).ToList();
        var drops = new List<int>(siteCount + 1);
        foreach (var i in dropOrders[bestDrop]) drops.Add(sites[i]);
        drops.Add(driverSite);
        return Evaluate(driver, pickups, drops);
    }

    /// <summary>The route's seconds for one order, or +∞ when it breaks a rule; the same rules as <see cref="Evaluate"/>.</summary>
    private double RouteSecondsIfFeasible(int driver, IReadOnlyList<int> passengers, int[] pickupOrder, ReadOnlySpan<int> sites, int[] dropOrder, int driverSite)
    {
        var people = instance.Participants;
        Span<double> pickedUp = stackalloc double[pickupOrder.Length];
        Span<double> arrivedAt = stackalloc double[sites.Length + 1]; // by index in sites; the last is the driver's site
        var position = driver;
        double clock = 0;
        for (var i = 0; i < pickupOrder.Length; i++)
        {
            var passenger = passengers[pickupOrder[i]];
            clock += instance.Seconds(position, passenger);
            position = passenger;
            pickedUp[pickupOrder[i]] = clock;
        }
        for (var i = 0; i < dropOrder.Length; i++)
        {
            clock += instance.Seconds(position, sites[dropOrder[i]]);
            position = sites[dropOrder[i]];
            arrivedAt[dropOrder[i]] = clock;
        }
        clock += instance.Seconds(position, driverSite);
        arrivedAt[sites.Length] = clock;
        if (!double.IsFinite(clock)) return double.PositiveInfinity;

        var direct = instance.DirectSeconds(driver);
        if (clock - direct > people[driver].MaxDetourMinutes * 60 + 1e-6 || clock > people[driver].MaxDetourRatio * direct + 1e-6) return double.PositiveInfinity;
        double earliest = instance.MatchingEarliest[driver] - clock, latest = instance.MatchingLatest[driver] - clock;
        for (var p = 0; p < passengers.Count; p++)
        {
            var passenger = passengers[p];
            var site = instance.SiteLocation[passenger];
            var arrival = site == driverSite ? arrivedAt[sites.Length] : arrivedAt[sites.IndexOf(site)];
            if (arrival - pickedUp[p] > people[passenger].MaxRideFactor * instance.DirectSeconds(passenger) + 1e-6) return double.PositiveInfinity;
            earliest = Math.Max(earliest, instance.MatchingEarliest[passenger] - arrival);
            latest = Math.Min(latest, instance.MatchingLatest[passenger] - arrival);
        }
        return earliest <= latest ? clock : double.PositiveInfinity;
    }

    /// <summary>The group for one given order, or null when it breaks a rule.</summary>
    public MatchedGroup? Evaluate(int driver, IReadOnlyList<int> pickups, IReadOnlyList<int> drops)
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
            earliest = Math.Max(earliest, instance.MatchingEarliest[member] - arrival);
            latest = Math.Min(latest, instance.MatchingLatest[member] - arrival);
        }
        return earliest <= latest ? new MatchedGroup(driver, pickups, drops, clock, metres, earliest, latest, instance.Direction) : null;
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
