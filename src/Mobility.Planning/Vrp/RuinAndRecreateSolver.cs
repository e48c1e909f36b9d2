using System.Diagnostics;

namespace Mobility.Planning.Vrp;

/// <summary>
/// Stopping rule, seed and parallel searches for <see cref="RuinAndRecreateSolver"/>; the iteration cap makes a run
/// reproducible. Each of <paramref name="Searches"/> independent searches runs on its own thread with seed Seed + i.
/// </summary>
/// <param name="Cancellation">Stops a search at its next iteration (its best solution so far is kept), e.g. when a job is cancelled.</param>
public sealed record SolverLimits(TimeSpan TimeLimit, long MaxIterations = long.MaxValue, int Seed = 1, int Searches = 1, CancellationToken Cancellation = default);

/// <summary>
/// Slack induction by string removals (Christiaens &amp; Vanden Berghe, 2020): each iteration removes a few strings of
/// consecutive customers from routes near a random customer, reinserts them greedily at their cheapest feasible
/// position (skipping positions at a small blink rate), and accepts the result by simulated annealing. Insertion is
/// checked in constant time per position and only in routes that hold one of the customer's nearest neighbours.
/// Minimises total distance within the fleet limit. Deterministic for a seed and an iteration cap.
/// </summary>
public static class RuinAndRecreateSolver
{
    private const int Neighbours = 40;
    private const double AverageRemoved = 10;
    private const int MaxStringLength = 10;
    private const double BlinkRate = 0.01;

    public static VrpSolution Solve(VrptwProblem problem, SolverLimits limits) => Solve(problem, InsertionConstruction.Solve(problem), limits);

    /// <summary>Runs the independent searches in parallel and keeps the cheapest result (the lowest seed on a tie).</summary>
    public static VrpSolution Solve(VrptwProblem problem, VrpSolution start, SolverLimits limits)
    {
        if (limits.Searches < 1) throw new ArgumentOutOfRangeException(nameof(limits), "At least one search is needed.");
        _ = problem.DistanceMatrix; // built once, before the threads share it
        var results = new (VrpSolution Solution, long Cost)[limits.Searches];
        Parallel.For(0, limits.Searches, new ParallelOptions { MaxDegreeOfParallelism = limits.Searches },
            i => results[i] = Search(problem, start, limits, limits.Seed + i));
        return results.MinBy(r => r.Cost).Solution;
    }

    private static (VrpSolution Solution, long Cost) Search(VrptwProblem problem, VrpSolution start, SolverLimits limits, int seed)
    {
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var neighbours = NearestNeighbours(problem);
        var current = start.Routes.Select(r => Schedule(problem, r)).ToList();
        var currentCost = current.Sum(r => r.Cost);
        var best = current;
        var bestCost = currentCost;
        // Temperatures in tenths of a distance unit, as in the paper's setting (100 down to 1 units).
        const double startTemperature = 1000, endTemperature = 10;
        for (long iteration = 0; iteration < limits.MaxIterations; iteration++)
        {
            // Whichever limit comes first ends the run; the annealing temperature follows the nearer one.
            var progress = Math.Max(clock.Elapsed / limits.TimeLimit,
                limits.MaxIterations == long.MaxValue ? 0 : (double)iteration / limits.MaxIterations);
            if (progress >= 1) break;
            var temperature = startTemperature * Math.Pow(endTemperature / startTemperature, progress);
            var candidate = new List<RouteSchedule>(current);
            var removed = Ruin(problem, candidate, neighbours, random);
            if (!Recreate(problem, candidate, removed, neighbours, random)) continue;
            var cost = candidate.Sum(r => r.Cost);
            if (cost < currentCost - temperature * Math.Log(random.NextDouble()))
            {
                current = candidate;
                currentCost = cost;
                if (cost < bestCost) { best = candidate; bestCost = cost; }
            }
        }
        return (new VrpSolution(best.Select(r => r.Stops.ToArray()).ToList()), bestCost);
    }

    private static RouteSchedule Schedule(VrptwProblem problem, IEnumerable<int> stops)
    {
        var route = new RouteSchedule(stops);
        if (!route.Refresh(problem)) throw new ArgumentException("The starting solution is not feasible.");
        return route;
    }

    private static int[][] NearestNeighbours(VrptwProblem problem)
    {
        var count = Math.Min(Neighbours, problem.CustomerCount - 1);
        var result = new int[problem.NodeCount][];
        result[0] = [];
        for (var c = 1; c < problem.NodeCount; c++)
        {
            var customer = c;
            result[c] = Enumerable.Range(1, problem.CustomerCount).Where(o => o != customer)
                .OrderBy(o => problem.Distance(customer, o) + problem.Distance(o, customer)).ThenBy(o => o).Take(count).ToArray();
        }
        return result;
    }

    /// <summary>Removes strings of consecutive customers from the routes nearest a random customer; returns them.</summary>
    private static List<int> Ruin(VrptwProblem problem, List<RouteSchedule> routes, int[][] neighbours, Random random)
    {
        var routeOf = RouteIndex(problem, routes);
        var averageRouteLength = (double)problem.CustomerCount / routes.Count;
        var maxLength = Math.Min(MaxStringLength, averageRouteLength);
        var maxStrings = 4 * AverageRemoved / (1 + maxLength) - 1;
        var strings = (int)Math.Floor(random.NextDouble() * maxStrings) + 1;
        var seed = random.Next(1, problem.NodeCount);
        var removed = new List<int>();
        var ruined = new HashSet<int>();
        foreach (var customer in neighbours[seed].Prepend(seed))
        {
            if (ruined.Count >= strings) break;
            var r = routeOf[customer];
            if (r < 0 || !ruined.Add(r)) continue;
            var route = routes[r].Clone();
            var length = Math.Max(1, (int)Math.Floor(random.NextDouble() * Math.Min(maxLength, route.Stops.Count)) + 1);
            length = Math.Min(length, route.Stops.Count);
            var at = route.Stops.IndexOf(customer);
            var first = Math.Clamp(at - random.Next(length), 0, route.Stops.Count - length);
            removed.AddRange(route.Stops.GetRange(first, length));
            route.Stops.RemoveRange(first, length);
            route.Refresh(problem);
            routes[r] = route;
        }
        routes.RemoveAll(r => r.Stops.Count == 0);
        return removed;
    }

    private static bool Recreate(VrptwProblem problem, List<RouteSchedule> routes, List<int> removed, int[][] neighbours, Random random)
    {
        switch (random.Next(4))
        {
            case 0: Shuffle(removed, random); break;
            case 1: removed.Sort((a, b) => problem.Demand[b].CompareTo(problem.Demand[a])); break;
            case 2: removed.Sort((a, b) => problem.Distance(0, b).CompareTo(problem.Distance(0, a))); break;
            default: removed.Sort((a, b) => problem.Distance(0, a).CompareTo(problem.Distance(0, b))); break;
        }
        var routeOf = RouteIndex(problem, routes);
        var candidates = new List<int>();
        foreach (var customer in removed)
        {
            candidates.Clear();
            foreach (var neighbour in neighbours[customer])
                if (routeOf[neighbour] >= 0 && !candidates.Contains(routeOf[neighbour])) candidates.Add(routeOf[neighbour]);
            var (bestRoute, bestPosition, bestAdded) = (-1, -1, long.MaxValue);
            foreach (var r in candidates)
            {
                var route = routes[r];
                if (route.Load + problem.Demand[customer] > problem.Capacity) continue;
                for (var position = 0; position <= route.Stops.Count; position++)
                {
                    if (random.NextDouble() < BlinkRate) continue;
                    var added = route.InsertionCost(problem, customer, position);
                    if (added >= 0 && added < bestAdded) (bestRoute, bestPosition, bestAdded) = (r, position, added);
                }
            }
            if (bestRoute < 0)
            {
                if (routes.Count >= problem.VehicleLimit) return false;
                var alone = new RouteSchedule([customer]);
                if (!alone.Refresh(problem)) return false;
                routes.Add(alone);
                routeOf[customer] = routes.Count - 1;
                continue;
            }
            var chosen = routes[bestRoute].Clone();
            chosen.Stops.Insert(bestPosition, customer);
            chosen.Refresh(problem);
            routes[bestRoute] = chosen;
            routeOf[customer] = bestRoute;
        }
        return true;
    }

    private static int[] RouteIndex(VrptwProblem problem, List<RouteSchedule> routes)
    {
        var routeOf = new int[problem.NodeCount];
        Array.Fill(routeOf, -1);
        for (var r = 0; r < routes.Count; r++)
            foreach (var stop in routes[r].Stops) routeOf[stop] = r;
        return routeOf;
    }

    private static void Shuffle(List<int> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
