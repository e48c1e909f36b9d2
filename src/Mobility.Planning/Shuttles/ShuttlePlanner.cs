using Mobility.Planning.TravelTimes;
using Mobility.Planning.Vrp;
using Mobility.Planning.Vrp.PickupDelivery;

namespace Mobility.Planning.Shuttles;

/// <summary>
/// Plans shuttles for a roster: splits the riders' moves into waves around shift changes, solves each wave as a
/// pickup-and-delivery problem with ride-time limits on one travel matrix, and turns the solver's trips into
/// timetables with loads, distances, costs and emissions, with every unserved rider's reason.
/// </summary>
public static class ShuttlePlanner
{
    /// <param name="waveDone">Called after each wave with the waves done and the waves in all, for a job's progress.</param>
    public static ComputedShuttlePlan Plan(ShuttleCase shuttleCase, ITravelTimes travelTimes, SolverLimits limits, Action<int, int>? waveDone = null)
    {
        shuttleCase.Validated();
        var network = new ShuttleNetwork(shuttleCase.Stops, travelTimes);
        var settings = shuttleCase.Settings;
        var moves = shuttleCase.Riders.SelectMany(r => new[]
        {
            new ShuttleMove(r, CommuteDirection.ToWork, r.Shift.Start, network.IndexOf(r.OriginStopId), network.IndexOf(r.SiteStopId)),
            new ShuttleMove(r, CommuteDirection.ToHome, r.Shift.End, network.IndexOf(r.SiteStopId), network.IndexOf(r.OriginStopId)),
        }).OrderBy(m => m.Instant).ToList();
        var bounds = new List<(int Start, int Count)>();
        var start = 0;
        for (var i = 1; i <= moves.Count; i++)
        {
            if (i < moves.Count && moves[i].Instant - moves[start].Instant <= settings.WaveSpan) continue;
            bounds.Add((start, i - start));
            start = i;
        }
        var waves = new List<ShuttleWave>();
        foreach (var (first, count) in bounds)
        {
            // A cancelled search ends early with a partial wave: that plan is not wanted, so stop before the next.
            limits.Cancellation.ThrowIfCancellationRequested();
            waves.Add(PlanWave(network, moves.GetRange(first, count), shuttleCase.Fleet, settings, limits));
            limits.Cancellation.ThrowIfCancellationRequested();
            waveDone?.Invoke(waves.Count, bounds.Count);
        }
        return new ComputedShuttlePlan(waves);
    }

    private static ShuttleWave PlanWave(ShuttleNetwork network, List<ShuttleMove> moves, IReadOnlyList<FleetEntry> fleet, ShuttleSettings settings, SolverLimits limits)
    {
        var wave = ShuttleWaveProblem.Build(network, moves, fleet, settings);
        var solution = PickupDeliverySolver.Solve(wave.Problem, limits);
        var trips = solution.Trips.Select(t => Trip(network, wave, t)).ToList();
        var unserved = new List<UnservedRiders>();
        double unservedAlone = 0;
        foreach (var r in solution.Unserved)
        {
            var reason = Diagnose(network, wave.Problem, r);
            foreach (var (move, seats) in wave.RequestRiders[r])
            {
                unserved.Add(new UnservedRiders(move.Rider, seats, move.Direction, reason));
                if (network.IsReachable(move.From, move.To)) unservedAlone += seats * network.MetresBetween(move.From, move.To) / 1000.0;
            }
        }
        var alone = moves.Where(m => network.IsReachable(m.From, m.To)).Sum(m => m.Rider.Count * network.MetresBetween(m.From, m.To) / 1000.0);
        return new ShuttleWave(moves[0].Instant, wave.Origin,
            moves.Where(m => m.Direction == CommuteDirection.ToWork).Sum(m => m.Rider.Count),
            moves.Where(m => m.Direction == CommuteDirection.ToHome).Sum(m => m.Rider.Count),
            trips, unserved, alone, unservedAlone, settings.CarGramsCo2PerKilometre, wave.Problem, solution);
    }

    /// <summary>Merges consecutive events at one place into one call, from the depot and back.</summary>
    private static ComputedShuttleTrip Trip(ShuttleNetwork network, ShuttleWaveProblem wave, VehicleTrip trip)
    {
        var (entry, name) = wave.Vehicles[trip.Vehicle];
        var vehicle = wave.Problem.Vehicles[trip.Vehicle];
        DateTimeOffset At(int seconds) => wave.Origin + TimeSpan.FromSeconds(seconds);
        var calls = new List<ComputedShuttleCall> { new(network.Stops[vehicle.Start], At(trip.Departure), At(trip.Departure), 0, 0, 0) };
        var load = 0;
        long metres = 0;
        var at = vehicle.Start;
        foreach (var stop in trip.Stops)
        {
            var request = wave.Problem.Requests[stop.Request];
            var location = stop.IsPickup ? request.Pickup : request.Delivery;
            var service = stop.IsPickup ? request.PickupServiceSeconds : request.DeliveryServiceSeconds;
            load += stop.IsPickup ? request.Load : -request.Load;
            var (boarding, alighting) = stop.IsPickup ? (request.Load, 0) : (0, request.Load);
            if (location == at && calls.Count > 1)
            {
                var last = calls[^1];
                calls[^1] = last with { Departure = At(stop.ServiceStart + service), Boarding = last.Boarding + boarding, Alighting = last.Alighting + alighting, LoadOnDeparture = load };
            }
            else calls.Add(new ComputedShuttleCall(network.Stops[location], At(stop.ServiceStart), At(stop.ServiceStart + service), boarding, alighting, load));
            metres += network.MetresBetween(at, location);
            at = location;
        }
        metres += network.MetresBetween(at, vehicle.End);
        calls.Add(new ComputedShuttleCall(network.Stops[vehicle.End], At(trip.Return), At(trip.Return), 0, 0, 0));
        var kilometres = metres / 1000.0;
        var hours = (trip.Return - trip.Departure) / 3600.0;
        return new ComputedShuttleTrip(name, entry.Type, MostRidersGo(wave, trip), calls, kilometres, hours,
            kilometres * entry.Type.CostPerKilometre + hours * entry.Type.CostPerHour, kilometres * entry.Type.GramsCo2PerKilometre / 1000);
    }

    /// <summary>The way most of the trip's riders go (to work on a tie).</summary>
    private static CommuteDirection MostRidersGo(ShuttleWaveProblem wave, VehicleTrip trip)
    {
        var riders = trip.Stops.Where(s => s.IsPickup).SelectMany(s => wave.RequestRiders[s.Request]).ToList();
        var toWork = riders.Where(r => r.Move.Direction == CommuteDirection.ToWork).Sum(r => r.Seats);
        return toWork >= riders.Sum(r => r.Seats) - toWork ? CommuteDirection.ToWork : CommuteDirection.ToHome;
    }

    /// <summary>The first reason that holds: no road, a direct ride over the limit, no vehicle able to serve it alone in time, else a full fleet.</summary>
    private static NoSeatReason Diagnose(ShuttleNetwork network, PickupDeliveryProblem problem, int request)
    {
        var r = problem.Requests[request];
        if (!network.IsReachable(r.Pickup, r.Delivery)) return NoSeatReason.Unreachable;
        if (problem.Seconds(r.Pickup, r.Delivery) > r.MaxRideSeconds) return NoSeatReason.RideTooLong;
        var alone = new[] { 2 * request, 2 * request + 1 };
        var scratch = new int[4];
        var latest = new int[4];
        for (var v = 0; v < problem.Vehicles.Count; v++)
            if (problem.Vehicles[v].Capacity >= r.Load && !double.IsNaN(TripTimetable.Schedule(problem, v, alone, scratch, latest)))
                return NoSeatReason.NoCapacity;
        return NoSeatReason.NoVehicleInTime;
    }
}
