namespace Mobility.Planning.Vrp;

/// <summary>
/// Checks a solution with its own arithmetic (from the coordinates, not from any solver's matrix or bookkeeping):
/// every customer exactly once, capacity, service starting within each window (waiting when early), return to the depot
/// by its closing time, route count within the fleet. Returns the violations and the recomputed cost (tenths).
/// </summary>
public static class VrptwChecker
{
    public static (List<string> Violations, long CostTenths) Check(VrptwProblem problem, VrpSolution solution)
    {
        var problems = new List<string>();
        var visits = new int[problem.NodeCount];
        long cost = 0;
        int Leg(int a, int b) => VrptwProblem.TruncatedTenths(problem.X[a], problem.Y[a], problem.X[b], problem.Y[b]);
        if (solution.Routes.Count > problem.VehicleLimit)
            problems.Add($"{solution.Routes.Count} routes for {problem.VehicleLimit} vehicles");
        for (var r = 0; r < solution.Routes.Count; r++)
        {
            var route = solution.Routes[r];
            long time = 0, load = 0;
            var at = 0;
            foreach (var customer in route)
            {
                if (customer < 1 || customer >= problem.NodeCount) { problems.Add($"route {r + 1}: no customer {customer}"); continue; }
                visits[customer]++;
                time = Math.Max(time + Leg(at, customer), problem.Ready[customer]);
                if (time > problem.Due[customer]) problems.Add($"route {r + 1}: customer {customer} served at {time / 10.0}, after {problem.Due[customer] / 10.0}");
                time += problem.Service[customer];
                load += problem.Demand[customer];
                cost += Leg(at, customer);
                at = customer;
            }
            cost += Leg(at, 0);
            if (time + Leg(at, 0) > problem.Due[0]) problems.Add($"route {r + 1}: back at the depot at {(time + Leg(at, 0)) / 10.0}, after {problem.Due[0] / 10.0}");
            if (load > problem.Capacity) problems.Add($"route {r + 1}: load {load} over capacity {problem.Capacity}");
        }
        for (var c = 1; c < problem.NodeCount; c++)
            if (visits[c] != 1) problems.Add(visits[c] == 0 ? $"customer {c} is not served" : $"customer {c} is served {visits[c]} times");
        return (problems, cost);
    }
}
