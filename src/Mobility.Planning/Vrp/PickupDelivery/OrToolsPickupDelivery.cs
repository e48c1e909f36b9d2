using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;

namespace Mobility.Planning.Vrp.PickupDelivery;

/// <summary>
/// The same problem through OR-Tools' routing library, for comparison: matrices registered directly (no per-arc
/// callbacks), one arc-cost matrix per kilometre rate, the hourly rate as a span cost, windows and availability on a
/// time dimension, seats on a load dimension, ride limits as cumul differences, a disjunction penalty for unserved
/// requests. OR-Tools' stop orders are re-timed by <see cref="TripTimetable"/>, so both solvers are costed alike.
/// </summary>
public static class OrToolsPickupDelivery
{
    /// <summary>Cost units per unit of the problem's cost: OR-Tools works in integers.</summary>
    private const double Scale = 10_000;

    public static PickupDeliverySolution Solve(PickupDeliveryProblem problem, TimeSpan timeLimit)
    {
        var depots = problem.Vehicles.SelectMany(v => new[] { v.Start, v.End }).Distinct().Order().ToList();
        var requests = problem.Requests;
        // Nodes: the depots, then each request's pickup and delivery (a node per visit, even at a shared place).
        var locationOf = depots.Concat(requests.SelectMany(r => new[] { r.Pickup, r.Delivery })).ToArray();
        var nodes = locationOf.Length;
        int PickupNode(int r) => depots.Count + 2 * r;
        var service = new long[nodes];
        var demand = new long[nodes];
        for (var r = 0; r < requests.Count; r++)
        {
            (service[PickupNode(r)], service[PickupNode(r) + 1]) = (requests[r].PickupServiceSeconds, requests[r].DeliveryServiceSeconds);
            (demand[PickupNode(r)], demand[PickupNode(r) + 1]) = (requests[r].Load, -requests[r].Load);
        }
        var manager = new RoutingIndexManager(nodes, problem.Vehicles.Count,
            problem.Vehicles.Select(v => depots.IndexOf(v.Start)).ToArray(), problem.Vehicles.Select(v => depots.IndexOf(v.End)).ToArray());
        var routing = new RoutingModel(manager);
        long[][] Matrix(Func<int, int, long> cell) =>
            Enumerable.Range(0, nodes).Select(a => Enumerable.Range(0, nodes).Select(b => cell(a, b)).ToArray()).ToArray();
        var time = routing.RegisterTransitMatrix(Matrix((a, b) => problem.Seconds(locationOf[a], locationOf[b]) + service[a]));
        foreach (var rate in problem.Vehicles.Select(v => v.CostPerKilometre).Distinct())
        {
            var arcCost = routing.RegisterTransitMatrix(Matrix((a, b) => (long)Math.Round(problem.Metres(locationOf[a], locationOf[b]) / 1000.0 * rate * Scale)));
            for (var v = 0; v < problem.Vehicles.Count; v++)
                if (problem.Vehicles[v].CostPerKilometre == rate) routing.SetArcCostEvaluatorOfVehicle(arcCost, v);
        }
        var horizon = Math.Max(problem.Vehicles.Max(v => (long)v.Available.Latest), requests.Select(r => (long)r.DeliveryWindow.Latest).DefaultIfEmpty(0).Max());
        routing.AddDimension(time, horizon, horizon, false, "Time");
        var timeDimension = routing.GetMutableDimension("Time");
        var load = routing.RegisterUnaryTransitVector(demand);
        routing.AddDimensionWithVehicleCapacity(load, 0, problem.Vehicles.Select(v => (long)v.Capacity).ToArray(), true, "Load");
        var solver = routing.solver();
        for (var v = 0; v < problem.Vehicles.Count; v++)
        {
            var vehicle = problem.Vehicles[v];
            timeDimension.CumulVar(routing.Start(v)).SetRange(vehicle.Available.Earliest, Math.Min(horizon, vehicle.Available.Latest));
            timeDimension.CumulVar(routing.End(v)).SetRange(vehicle.Available.Earliest, Math.Min(horizon, vehicle.Available.Latest));
            timeDimension.SetSpanCostCoefficientForVehicle((long)Math.Round(vehicle.CostPerHour / 3600 * Scale), v);
        }
        for (var r = 0; r < requests.Count; r++)
        {
            var pickup = manager.NodeToIndex(PickupNode(r));
            var delivery = manager.NodeToIndex(PickupNode(r) + 1);
            routing.AddPickupAndDelivery(pickup, delivery);
            solver.Add(solver.MakeEquality(routing.VehicleVar(pickup), routing.VehicleVar(delivery)));
            solver.Add(timeDimension.CumulVar(pickup) <= timeDimension.CumulVar(delivery));
            solver.Add(timeDimension.CumulVar(delivery) - timeDimension.CumulVar(pickup) <= requests[r].PickupServiceSeconds + (long)requests[r].MaxRideSeconds);
            timeDimension.CumulVar(pickup).SetRange(requests[r].PickupWindow.Earliest, Math.Min(horizon, requests[r].PickupWindow.Latest));
            timeDimension.CumulVar(delivery).SetRange(requests[r].DeliveryWindow.Earliest, Math.Min(horizon, requests[r].DeliveryWindow.Latest));
            var penalty = (long)Math.Round(problem.UnservedPenaltyPerLoad * requests[r].Load * Scale / 2);
            routing.AddDisjunction([pickup], penalty);
            routing.AddDisjunction([delivery], penalty);
        }
        var parameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        parameters.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.ParallelCheapestInsertion;
        parameters.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        parameters.TimeLimit = Duration.FromTimeSpan(timeLimit);
        var assignment = routing.SolveWithParameters(parameters);
        var trips = new List<VehicleTrip>();
        var served = new HashSet<int>();
        var times = new int[2 * requests.Count + 2];
        var latest = new int[2 * requests.Count + 2];
        for (var v = 0; assignment is not null && v < problem.Vehicles.Count; v++)
        {
            var events = new List<int>();
            for (var index = assignment.Value(routing.NextVar(routing.Start(v))); !routing.IsEnd(index); index = assignment.Value(routing.NextVar(index)))
            {
                var node = manager.IndexToNode(index) - depots.Count;
                events.Add(node);
                served.Add(node / 2);
            }
            if (events.Count == 0) continue;
            if (double.IsNaN(TripTimetable.Schedule(problem, v, events.ToArray(), times, latest)))
                throw new InvalidOperationException($"OR-Tools returned a trip for vehicle {v} that no timetable can run.");
            trips.Add(new VehicleTrip(v, times[0], events.Select((e, k) => new TripStop(e / 2, e % 2 == 0, times[k + 1])).ToList(), times[events.Count + 1]));
        }
        return new PickupDeliverySolution(trips, Enumerable.Range(0, requests.Count).Where(r => !served.Contains(r)).ToList());
    }
}
