using Mobility.Planning.Vrp.PickupDelivery;

namespace Mobility.Planning.Tests.Vrp;

/// <summary>
/// The exact optimum of a tiny pickup-and-delivery problem by enumeration: every assignment of requests to vehicles
/// (or to nobody), every order of each vehicle's stops with pickups first and the load within capacity. A stop order is timed as a system of
/// difference constraints solved by textbook Bellman-Ford (feasible when the constraint graph has no negative cycle;
/// shortest duration = minus the shortest path from the return to the departure) - a different method from the solver's.
/// </summary>
internal static class PickupDeliveryBruteForce
{
    public static double Optimum(PickupDeliveryProblem problem, bool withRideLimits = true)
    {
        var n = problem.Requests.Count;
        var best = double.PositiveInfinity;
        var memo = new Dictionary<(int Vehicle, int Subset), double>();
        var assignment = new int[n];
        var options = problem.Vehicles.Count + 1;
        var total = (int)Math.Pow(options, n);
        for (var code = 0; code < total; code++)
        {
            var rest = code;
            for (var r = 0; r < n; r++) { assignment[r] = rest % options - 1; rest /= options; }
            double cost = 0;
            for (var r = 0; r < n; r++) if (assignment[r] < 0) cost += problem.UnservedPenaltyPerLoad * problem.Requests[r].Load;
            for (var v = 0; v < problem.Vehicles.Count && cost < best; v++)
            {
                var subset = 0;
                for (var r = 0; r < n; r++) if (assignment[r] == v) subset |= 1 << r;
                if (subset == 0) continue;
                if (!memo.TryGetValue((v, subset), out var tripCost)) memo[(v, subset)] = tripCost = BestTrip(problem, v, subset, withRideLimits);
                cost += tripCost;
            }
            best = Math.Min(best, cost);
        }
        return best;
    }

    private static double BestTrip(PickupDeliveryProblem problem, int vehicle, int subset, bool withRideLimits)
    {
        var requests = Enumerable.Range(0, problem.Requests.Count).Where(r => (subset & (1 << r)) != 0).ToList();
        var best = double.PositiveInfinity;
        foreach (var order in Orders(requests, [], new HashSet<int>(), new HashSet<int>()))
            best = Math.Min(best, TripCost(problem, vehicle, order, withRideLimits));
        return best;
    }

    internal static IEnumerable<List<int>> Orders(List<int> requests, List<int> prefix, HashSet<int> picked, HashSet<int> delivered)
    {
        if (delivered.Count == requests.Count) { yield return [.. prefix]; yield break; }
        foreach (var r in requests)
        {
            if (!picked.Contains(r) || delivered.Contains(r))
            {
                if (picked.Contains(r)) continue;
                picked.Add(r); prefix.Add(2 * r);
                foreach (var order in Orders(requests, prefix, picked, delivered)) yield return order;
                picked.Remove(r); prefix.RemoveAt(prefix.Count - 1);
            }
            else
            {
                delivered.Add(r); prefix.Add(2 * r + 1);
                foreach (var order in Orders(requests, prefix, picked, delivered)) yield return order;
                delivered.Remove(r); prefix.RemoveAt(prefix.Count - 1);
            }
        }
    }

    internal static double TripCost(PickupDeliveryProblem problem, int vehicleIndex, List<int> events, bool withRideLimits)
    {
        var vehicle = problem.Vehicles[vehicleIndex];
        var load = 0;
        foreach (var e in events)
        {
            load += (e % 2 == 0 ? 1 : -1) * problem.Requests[e / 2].Load;
            if (load > vehicle.Capacity) return double.PositiveInfinity;
        }
        var count = events.Count + 2; // departure, stops, return; node `count` is the zero reference
        var zero = count;
        var edges = new List<(int From, int To, long Weight)>();
        int Location(int i) => i == 0 ? vehicle.Start : i == count - 1 ? vehicle.End : problem.LocationOf(events[i - 1]);
        TransportRequest Request(int i) => problem.Requests[events[i - 1] / 2];
        bool IsPickup(int i) => events[i - 1] % 2 == 0;
        int Service(int i) => i == 0 || i == count - 1 ? 0 : IsPickup(i) ? Request(i).PickupServiceSeconds : Request(i).DeliveryServiceSeconds;
        TimeWindow Window(int i) => i == 0 || i == count - 1 ? vehicle.Available : IsPickup(i) ? Request(i).PickupWindow : Request(i).DeliveryWindow;
        long metres = 0;
        for (var i = 0; i < count; i++)
        {
            edges.Add((zero, i, Window(i).Latest));     // t_i - z <= latest
            edges.Add((i, zero, -Window(i).Earliest));  // z - t_i <= -earliest
            if (i + 1 < count)
            {
                edges.Add((i + 1, i, -(Service(i) + problem.Seconds(Location(i), Location(i + 1)))));
                metres += problem.Metres(Location(i), Location(i + 1));
            }
            if (withRideLimits && i > 0 && i < count - 1 && !IsPickup(i))
            {
                var p = events.IndexOf(events[i - 1] - 1) + 1;
                edges.Add((p, i, Request(i).PickupServiceSeconds + Request(i).MaxRideSeconds));
            }
        }
        if (ShortestPaths(count + 1, edges, zero) is null) return double.PositiveInfinity;
        var fromReturn = ShortestPaths(count + 1, edges, count - 1)!;
        var duration = -fromReturn[0];
        return metres / 1000.0 * vehicle.CostPerKilometre + duration / 3600.0 * vehicle.CostPerHour;
    }

    /// <summary>Bellman-Ford; null when a negative cycle is reachable (the constraints contradict each other).</summary>
    private static long[]? ShortestPaths(int nodes, List<(int From, int To, long Weight)> edges, int source)
    {
        var distance = Enumerable.Repeat(long.MaxValue / 4, nodes).ToArray();
        distance[source] = 0;
        for (var round = 0; round < nodes; round++)
            foreach (var (from, to, weight) in edges)
                if (distance[from] + weight < distance[to]) distance[to] = distance[from] + weight;
        foreach (var (from, to, weight) in edges)
            if (distance[from] + weight < distance[to] && distance[from] < long.MaxValue / 8) return null;
        return distance;
    }
}
