namespace Mobility.Planning.Vrp.PickupDelivery;

/// <summary>
/// Checks a timed solution with its own arithmetic, trusting nothing the solver computed: every request served once
/// (pickup before delivery, in the same trip) or listed unserved, load within capacity after every stop, each service
/// start within its window and reachable from the previous stop, departure and return within the vehicle's
/// availability, ride time within the limit, at most one trip per vehicle. Returns the violations and the cost
/// (per-kilometre and per-hour vehicle costs plus the penalty for unserved load).
/// </summary>
public static class PickupDeliveryChecker
{
    public static (List<string> Violations, double Cost) Check(PickupDeliveryProblem problem, PickupDeliverySolution solution)
    {
        var violations = new List<string>();
        var pickedUp = new int[problem.Requests.Count];
        var delivered = new int[problem.Requests.Count];
        var pickupEnd = new int[problem.Requests.Count];
        var pickupTrip = new int[problem.Requests.Count];
        var vehicleUsed = new bool[problem.Vehicles.Count];
        double cost = 0;
        for (var t = 0; t < solution.Trips.Count; t++)
        {
            var trip = solution.Trips[t];
            var name = $"trip {t + 1}";
            if (trip.Vehicle < 0 || trip.Vehicle >= problem.Vehicles.Count) { violations.Add($"{name}: no vehicle {trip.Vehicle}"); continue; }
            if (vehicleUsed[trip.Vehicle]) violations.Add($"{name}: vehicle {trip.Vehicle} already has a trip");
            vehicleUsed[trip.Vehicle] = true;
            var vehicle = problem.Vehicles[trip.Vehicle];
            if (trip.Departure < vehicle.Available.Earliest) violations.Add($"{name}: leaves at {trip.Departure}, before the vehicle is available ({vehicle.Available.Earliest})");
            var at = vehicle.Start;
            var ready = trip.Departure;
            long metres = 0;
            var load = 0;
            foreach (var stop in trip.Stops)
            {
                if (stop.Request < 0 || stop.Request >= problem.Requests.Count) { violations.Add($"{name}: no request {stop.Request}"); continue; }
                var request = problem.Requests[stop.Request];
                var location = stop.IsPickup ? request.Pickup : request.Delivery;
                var window = stop.IsPickup ? request.PickupWindow : request.DeliveryWindow;
                var what = $"{name}: request {stop.Request} {(stop.IsPickup ? "pickup" : "delivery")}";
                metres += problem.Metres(at, location);
                if (stop.ServiceStart < ready + problem.Seconds(at, location)) violations.Add($"{what} starts at {stop.ServiceStart}, before the vehicle can be there ({ready + problem.Seconds(at, location)})");
                if (!window.Contains(stop.ServiceStart)) violations.Add($"{what} starts at {stop.ServiceStart}, outside [{window.Earliest}, {window.Latest}]");
                if (stop.IsPickup)
                {
                    pickedUp[stop.Request]++;
                    pickupTrip[stop.Request] = t;
                    pickupEnd[stop.Request] = stop.ServiceStart + request.PickupServiceSeconds;
                    load += request.Load;
                    ready = stop.ServiceStart + request.PickupServiceSeconds;
                }
                else
                {
                    delivered[stop.Request]++;
                    if (pickedUp[stop.Request] == 0 || pickupTrip[stop.Request] != t) violations.Add($"{what} without an earlier pickup in this trip");
                    else if (stop.ServiceStart - pickupEnd[stop.Request] > request.MaxRideSeconds)
                        violations.Add($"{what}: ride of {stop.ServiceStart - pickupEnd[stop.Request]} s, over the limit of {request.MaxRideSeconds} s");
                    load -= request.Load;
                    ready = stop.ServiceStart + request.DeliveryServiceSeconds;
                }
                if (load > vehicle.Capacity) violations.Add($"{what}: load {load} over capacity {vehicle.Capacity}");
                at = location;
            }
            metres += problem.Metres(at, vehicle.End);
            if (trip.Return < ready + problem.Seconds(at, vehicle.End)) violations.Add($"{name}: back at {trip.Return}, before the vehicle can be there ({ready + problem.Seconds(at, vehicle.End)})");
            if (trip.Return > vehicle.Available.Latest) violations.Add($"{name}: back at {trip.Return}, after the vehicle's availability ({vehicle.Available.Latest})");
            cost += metres / 1000.0 * vehicle.CostPerKilometre + (trip.Return - trip.Departure) / 3600.0 * vehicle.CostPerHour;
        }
        var unserved = new int[problem.Requests.Count];
        foreach (var r in solution.Unserved)
        {
            if (r < 0 || r >= problem.Requests.Count) { violations.Add($"unserved: no request {r}"); continue; }
            unserved[r]++;
            cost += problem.UnservedPenaltyPerLoad * problem.Requests[r].Load;
        }
        for (var r = 0; r < problem.Requests.Count; r++)
        {
            var served = pickedUp[r] == 1 && delivered[r] == 1;
            if (pickedUp[r] != delivered[r] || pickedUp[r] > 1) violations.Add($"request {r}: picked up {pickedUp[r]} times, delivered {delivered[r]} times");
            if (served == (unserved[r] > 0) || unserved[r] > 1) violations.Add($"request {r}: {(served ? "served and also listed unserved" : "neither served nor listed unserved once")}");
        }
        return (violations, cost);
    }
}
