namespace Mobility.Planning.Vrp;

/// <summary>
/// A first feasible solution: customers taken by closing time, each inserted where it adds least distance among the
/// positions that keep every route feasible, a new route opened when none does. Fast (about n² route-position
/// checks) and always feasible when each customer can be served alone; the starting point for improvement.
/// </summary>
public static class InsertionConstruction
{
    public static VrpSolution Solve(VrptwProblem problem)
    {
        var routes = new List<List<int>>();
        var loads = new List<int>();
        foreach (var customer in Enumerable.Range(1, problem.CustomerCount).OrderBy(c => problem.Due[c]).ThenBy(c => c))
        {
            var (bestRoute, bestPosition, bestAdded) = (-1, -1, long.MaxValue);
            for (var r = 0; r < routes.Count; r++)
            {
                if (loads[r] + problem.Demand[customer] > problem.Capacity) continue;
                var route = routes[r];
                for (var position = 0; position <= route.Count; position++)
                {
                    var before = position == 0 ? 0 : route[position - 1];
                    var after = position == route.Count ? 0 : route[position];
                    long added = problem.Distance(before, customer) + problem.Distance(customer, after) - problem.Distance(before, after);
                    if (added < bestAdded && Feasible(problem, route, position, customer)) (bestRoute, bestPosition, bestAdded) = (r, position, added);
                }
            }
            if (bestRoute < 0)
            {
                if (!Feasible(problem, [], 0, customer))
                    throw new InvalidOperationException($"Customer {customer} cannot be served even alone: its window or the depot's is too tight.");
                routes.Add([customer]);
                loads.Add(problem.Demand[customer]);
            }
            else
            {
                routes[bestRoute].Insert(bestPosition, customer);
                loads[bestRoute] += problem.Demand[customer];
            }
        }
        return new VrpSolution(routes.Select(r => r.ToArray()).ToList());
    }

    /// <summary>Whether the route stays within every window with <paramref name="customer"/> inserted at <paramref name="position"/>.</summary>
    private static bool Feasible(VrptwProblem problem, List<int> route, int position, int customer)
    {
        long time = 0;
        var at = 0;
        for (var i = 0; i <= route.Count; i++)
        {
            if (i == position && !Visit(customer)) return false;
            if (i < route.Count && !Visit(route[i])) return false;
        }
        return time + problem.Distance(at, 0) <= problem.Due[0];

        bool Visit(int next)
        {
            time = Math.Max(time + problem.Distance(at, next), problem.Ready[next]);
            if (time > problem.Due[next]) return false;
            time += problem.Service[next];
            at = next;
            return true;
        }
    }
}
