namespace Mobility.Planning.Vrp.PickupDelivery;

/// <summary>
/// Times for one vehicle's sequence of stop events, exactly: windows, travel and ride-time limits are difference
/// constraints between service starts, so the latest feasible times are a fixpoint of min-updates and the earliest a
/// fixpoint of max-updates (Bellman-Ford on a chain with backward ride arcs). Leaving as late as the latest solution
/// allows and then going as early as possible gives the shortest feasible duration, hence the cheapest timetable.
/// </summary>
internal static class TripTimetable
{
    /// <summary>
    /// Fills <paramref name="times"/> (length events + 2: departure, one per event, return) and returns the trip's cost,
    /// or returns NaN when no timetable meets every constraint. <paramref name="times"/> is scratch space when infeasible.
    /// </summary>
    public static double Schedule(PickupDeliveryProblem problem, int vehicleIndex, ReadOnlySpan<int> events, int[] times, int[] latest)
    {
        var vehicle = problem.Vehicles[vehicleIndex];
        var last = events.Length + 1;
        if (!Latest(problem, vehicleIndex, events, latest)) return double.NaN;
        // Leaving no earlier than the latest possible departure gives the shortest duration.
        if (!Earliest(problem, vehicleIndex, events, times, latest[0])) return double.NaN;
        for (var i = 0; i <= last; i++)
            if (times[i] > latest[i]) return double.NaN;
        long metres = 0;
        for (var i = 0; i < last; i++) metres += problem.Metres(LocationAt(problem, vehicle, events, i), LocationAt(problem, vehicle, events, i + 1));
        return metres / 1000.0 * vehicle.CostPerKilometre + (times[last] - times[0]) / 3600.0 * vehicle.CostPerHour;
    }

    /// <summary>
    /// The greatest solution (latest departure, service starts and return); false when none exists. Adding stops only
    /// lowers it, so it bounds every trip that contains these events in this order.
    /// </summary>
    public static bool Latest(PickupDeliveryProblem problem, int vehicleIndex, ReadOnlySpan<int> events, int[] latest)
    {
        var vehicle = problem.Vehicles[vehicleIndex];
        var last = events.Length + 1;
        for (var i = 0; i <= last; i++) latest[i] = Window(problem, vehicle, events, i).Latest;
        for (var round = 0; ; round++)
        {
            if (round > last + 1) return false; // still moving: the ride limits contradict the travel times
            for (var i = last - 1; i >= 0; i--)
                latest[i] = Math.Min(latest[i], latest[i + 1] - Service(problem, events, i) - Travel(problem, vehicle, events, i));
            var changed = false;
            for (var d = 1; d < last; d++)
            {
                if (events[d - 1] % 2 == 0) continue;
                var request = problem.Requests[events[d - 1] / 2];
                if (RideLimitNeverBinds(request)) continue;
                var p = PickupPosition(events, d);
                var bound = latest[p] + request.PickupServiceSeconds + request.MaxRideSeconds;
                if (latest[d] > bound) { latest[d] = bound; changed = true; }
            }
            for (var i = 0; i <= last; i++)
                if (latest[i] < Window(problem, vehicle, events, i).Earliest) return false;
            if (!changed) return true;
        }
    }

    /// <summary>
    /// The least solution that leaves no earlier than <paramref name="departure"/>, ignoring upper bounds; false when
    /// the ride limits cannot be met. Adding stops only raises it, so it bounds every trip with these events in order.
    /// </summary>
    public static bool Earliest(PickupDeliveryProblem problem, int vehicleIndex, ReadOnlySpan<int> events, int[] times, int departure)
    {
        var vehicle = problem.Vehicles[vehicleIndex];
        var last = events.Length + 1;
        for (var i = 0; i <= last; i++) times[i] = Window(problem, vehicle, events, i).Earliest;
        times[0] = Math.Max(times[0], departure);
        for (var round = 0; ; round++)
        {
            if (round > last + 1) return false;
            for (var i = 0; i < last; i++)
                times[i + 1] = Math.Max(times[i + 1], times[i] + Service(problem, events, i) + Travel(problem, vehicle, events, i));
            var changed = false;
            for (var d = 1; d < last; d++)
            {
                if (events[d - 1] % 2 == 0) continue;
                var request = problem.Requests[events[d - 1] / 2];
                if (RideLimitNeverBinds(request)) continue;
                var p = PickupPosition(events, d);
                var bound = times[d] - request.PickupServiceSeconds - request.MaxRideSeconds;
                if (times[p] < bound) { times[p] = bound; changed = true; }
            }
            if (!changed) return true;
        }
    }

    /// <summary>The delivery window closes before the ride limit could be reached (as on benchmarks without one): then
    /// finding the pickup, a scan back along the trip, is skipped.</summary>
    public static bool RideLimitNeverBinds(TransportRequest request) =>
        (long)request.MaxRideSeconds >= (long)request.DeliveryWindow.Latest - request.PickupWindow.Earliest - request.PickupServiceSeconds;

    private static int PickupPosition(ReadOnlySpan<int> events, int deliveryPosition)
    {
        var pickup = events[deliveryPosition - 1] - 1;
        for (var p = deliveryPosition - 1; p >= 1; p--)
            if (events[p - 1] == pickup) return p;
        throw new InvalidOperationException($"Delivery of request {pickup / 2} comes before its pickup.");
    }

    private static TimeWindow Window(PickupDeliveryProblem problem, PickupDeliveryVehicle vehicle, ReadOnlySpan<int> events, int position)
    {
        if (position == 0 || position == events.Length + 1) return vehicle.Available;
        var request = problem.Requests[events[position - 1] / 2];
        return events[position - 1] % 2 == 0 ? request.PickupWindow : request.DeliveryWindow;
    }

    private static int Service(PickupDeliveryProblem problem, ReadOnlySpan<int> events, int position)
    {
        if (position == 0 || position == events.Length + 1) return 0;
        var request = problem.Requests[events[position - 1] / 2];
        return events[position - 1] % 2 == 0 ? request.PickupServiceSeconds : request.DeliveryServiceSeconds;
    }

    private static int Travel(PickupDeliveryProblem problem, PickupDeliveryVehicle vehicle, ReadOnlySpan<int> events, int position) =>
        problem.Seconds(LocationAt(problem, vehicle, events, position), LocationAt(problem, vehicle, events, position + 1));

    private static int LocationAt(PickupDeliveryProblem problem, PickupDeliveryVehicle vehicle, ReadOnlySpan<int> events, int position) =>
        position == 0 ? vehicle.Start : position == events.Length + 1 ? vehicle.End : problem.LocationOf(events[position - 1]);
}
