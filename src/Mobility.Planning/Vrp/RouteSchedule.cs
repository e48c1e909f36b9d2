namespace Mobility.Planning.Vrp;

/// <summary>
/// One route with its cached timing: the earliest service start at each stop (forward) and the latest start that
/// still lets every later stop and the depot meet their windows (backward). With both, inserting a customer
/// between two neighbours is checked in constant time (Solomon's push-forward test).
/// </summary>
internal sealed class RouteSchedule
{
    public readonly List<int> Stops;
    public int[] Earliest = [];
    public int[] Latest = [];
    public int Load;
    public long Cost;

    public RouteSchedule(IEnumerable<int> stops) => Stops = [.. stops];

    public RouteSchedule Clone() => new(Stops) { Earliest = Earliest, Latest = Latest, Load = Load, Cost = Cost };

    /// <summary>Recomputes load, distance and both time arrays; false when the route breaks a window.</summary>
    public bool Refresh(VrptwProblem problem)
    {
        var n = problem.NodeCount;
        var distance = problem.DistanceMatrix;
        var count = Stops.Count;
        // Fresh arrays: clones share the old ones.
        Earliest = new int[count];
        Latest = new int[count];
        long cost = 0;
        var load = 0;
        var time = 0;
        var at = 0;
        var feasible = true;
        for (var i = 0; i < count; i++)
        {
            var next = Stops[i];
            time = Math.Max(time + distance[at * n + next], problem.Ready[next]);
            if (time > problem.Due[next]) feasible = false;
            Earliest[i] = time;
            time += problem.Service[next];
            cost += distance[at * n + next];
            load += problem.Demand[next];
            at = next;
        }
        cost += distance[at * n];
        if (time + distance[at * n] > problem.Due[0]) feasible = false;
        var latest = problem.Due[0];
        at = 0;
        for (var i = count - 1; i >= 0; i--)
        {
            var stop = Stops[i];
            latest = Math.Min(problem.Due[stop], latest - distance[stop * n + at] - problem.Service[stop]);
            Latest[i] = latest;
            at = stop;
        }
        Load = load;
        Cost = cost;
        return feasible && load <= problem.Capacity;
    }

    /// <summary>Added distance of <paramref name="customer"/> before position <paramref name="position"/>, or -1 when infeasible.</summary>
    public long InsertionCost(VrptwProblem problem, int customer, int position)
    {
        var n = problem.NodeCount;
        var distance = problem.DistanceMatrix;
        var before = position == 0 ? 0 : Stops[position - 1];
        var after = position == Stops.Count ? 0 : Stops[position];
        var departure = position == 0 ? 0 : Earliest[position - 1] + problem.Service[before];
        var start = Math.Max(departure + distance[before * n + customer], problem.Ready[customer]);
        if (start > problem.Due[customer]) return -1;
        var arrival = start + problem.Service[customer] + distance[customer * n + after];
        var latestNext = position == Stops.Count ? problem.Due[0] : Latest[position];
        if (arrival > latestNext) return -1;
        return (long)distance[before * n + customer] + distance[customer * n + after] - distance[before * n + after];
    }
}
