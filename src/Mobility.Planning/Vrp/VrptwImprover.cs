using System.Diagnostics;

namespace Mobility.Planning.Vrp;

/// <summary>
/// Improves a feasible VRPTW solution within a time limit: local search (relocate and 2-opt*, among each customer's
/// nearest neighbours, with O(1) time-window checks from forward start times and backward latest starts), then
/// iterated ruin-and-recreate (remove a cluster of nearby customers, reinsert each where it adds least distance) keeping
/// the best solution. Every applied move is re-verified on the whole route, because truncated distances do not always
/// obey the triangle inequality. Deterministic for a seed.
/// </summary>
public sealed class VrptwImprover
{
    private const int Neighbours = 30;
    private readonly VrptwProblem _problem;
    private readonly int[][] _nearest;
    private readonly Random _random;

    private List<List<int>> _routes = [];
    private int[] _routeOf = [], _positionOf = [];
    private List<long[]> _start = [], _latest = [];
    private List<int[]> _loadBefore = [];

    public VrptwImprover(VrptwProblem problem, int seed = 1)
    {
        _problem = problem;
        _random = new Random(seed);
        _nearest = Enumerable.Range(0, problem.NodeCount).Select(c => c == 0 ? [] :
            Enumerable.Range(1, problem.CustomerCount).Where(o => o != c).OrderBy(o => problem.Distance(c, o)).Take(Neighbours).ToArray()).ToArray();
    }

    /// <param name="maxRounds">Ruin-and-recreate rounds at most: with the time limit out of reach, the result depends only
    /// on the seed (what tests need).</param>
    public VrpSolution Improve(VrpSolution initial, TimeSpan limit, int maxRounds = int.MaxValue)
    {
        var clock = Stopwatch.StartNew();
        Load(initial.Routes);
        LocalSearch(clock, limit);
        var best = Snapshot();
        var bestCost = Cost();
        for (var round = 0; round < maxRounds && clock.Elapsed < limit; round++)
        {
            Load(best);
            RuinAndRecreate();
            LocalSearch(clock, limit);
            var cost = Cost();
            if (cost < bestCost) (best, bestCost) = (Snapshot(), cost);
        }
        return new VrpSolution(best.Select(r => r.ToArray()).ToList());
    }

    private void LocalSearch(Stopwatch clock, TimeSpan limit)
    {
        var improved = true;
        while (improved && clock.Elapsed < limit)
        {
            improved = false;
            foreach (var customer in Enumerable.Range(1, _problem.CustomerCount).OrderBy(_ => _random.Next()))
                improved |= TryRelocate(customer) || TryTwoOptStar(customer);
        }
    }

    /// <summary>Moves the customer next to one of its neighbours in another route, if that shortens the total.</summary>
    private bool TryRelocate(int c)
    {
        var from = _routeOf[c];
        var route = _routes[from];
        var i = _positionOf[c];
        var before = i == 0 ? 0 : route[i - 1];
        var after = i == route.Count - 1 ? 0 : route[i + 1];
        long gain = _problem.Distance(before, c) + _problem.Distance(c, after) - _problem.Distance(before, after);
        foreach (var n in _nearest[c])
        {
            var to = _routeOf[n];
            if (to == from || _loadBefore[to][^1] + _problem.Demand[c] > _problem.Capacity) continue;
            foreach (var position in new[] { _positionOf[n], _positionOf[n] + 1 }) // before or after the neighbour
            {
                if (InsertionCost(to, position, c) is not { } cost || cost >= gain) continue;
                route.RemoveAt(i);
                _routes[to].Insert(position, c);
                if (Feasible(_routes[from]) && Feasible(_routes[to])) { Refresh(from); Refresh(to); return true; }
                _routes[to].RemoveAt(position);
                route.Insert(i, c);
            }
        }
        return false;
    }

    /// <summary>Swaps the tails after the customer and after a neighbour in another route, if that shortens the total.</summary>
    private bool TryTwoOptStar(int c)
    {
        var a = _routeOf[c];
        var i = _positionOf[c];
        foreach (var n in _nearest[c])
        {
            var b = _routeOf[n];
            if (b == a) continue;
            var j = _positionOf[n];
            var (ra, rb) = (_routes[a], _routes[b]);
            var nextA = i + 1 < ra.Count ? ra[i + 1] : 0;
            var nextB = j + 1 < rb.Count ? rb[j + 1] : 0;
            long delta = _problem.Distance(c, nextB) + _problem.Distance(n, nextA) - _problem.Distance(c, nextA) - _problem.Distance(n, nextB);
            if (delta >= 0) continue;
            var loadA = _loadBefore[a][i + 1] + (_loadBefore[b][^1] - _loadBefore[b][j + 1]);
            var loadB = _loadBefore[b][j + 1] + (_loadBefore[a][^1] - _loadBefore[a][i + 1]);
            if (loadA > _problem.Capacity || loadB > _problem.Capacity) continue;
            if (!TailFits(a, i, b, j + 1) || !TailFits(b, j, a, i + 1)) continue;
            var newA = ra.Take(i + 1).Concat(rb.Skip(j + 1)).ToList();
            var newB = rb.Take(j + 1).Concat(ra.Skip(i + 1)).ToList();
            if (!Feasible(newA) || !Feasible(newB)) continue;
            (_routes[a], _routes[b]) = (newA, newB);
            Refresh(a);
            Refresh(b);
            return true;
        }
        return false;
    }

    /// <summary>Whether route <paramref name="tailRoute"/> from position <paramref name="tailStart"/> can follow position <paramref name="headEnd"/> of route <paramref name="headRoute"/>.</summary>
    private bool TailFits(int headRoute, int headEnd, int tailRoute, int tailStart)
    {
        var last = _routes[headRoute][headEnd];
        var leave = _start[headRoute][headEnd + 1] + _problem.Service[last];
        var next = tailStart < _routes[tailRoute].Count ? _routes[tailRoute][tailStart] : 0;
        var arrive = Math.Max(leave + _problem.Distance(last, next), next == 0 ? 0 : _problem.Ready[next]);
        return arrive <= _latest[tailRoute][tailStart + 1];
    }

    /// <summary>Added distance of inserting c at position p of route r, or null when a window forbids it (O(1)).</summary>
    private long? InsertionCost(int r, int p, int c)
    {
        var route = _routes[r];
        var before = p == 0 ? 0 : route[p - 1];
        var after = p == route.Count ? 0 : route[p];
        var startC = Math.Max(_start[r][p] + _problem.Service[before] + _problem.Distance(before, c), _problem.Ready[c]);
        if (startC > _problem.Due[c]) return null;
        var startAfter = Math.Max(startC + _problem.Service[c] + _problem.Distance(c, after), after == 0 ? 0 : _problem.Ready[after]);
        if (startAfter > _latest[r][p + 1]) return null;
        return _problem.Distance(before, c) + _problem.Distance(c, after) - _problem.Distance(before, after);
    }

    private void RuinAndRecreate()
    {
        var centre = 1 + _random.Next(_problem.CustomerCount);
        var size = 10 + _random.Next(30);
        var removed = _nearest[centre].Take(size - 1).Prepend(centre).ToList();
        foreach (var c in removed) _routes[_routeOf[c]].Remove(c);
        _routes.RemoveAll(r => r.Count == 0);
        RefreshAll();
        foreach (var c in removed.OrderBy(_ => _random.Next()))
        {
            var (bestRoute, bestPosition, bestCost) = (-1, -1, long.MaxValue);
            for (var r = 0; r < _routes.Count; r++)
            {
                if (_loadBefore[r][^1] + _problem.Demand[c] > _problem.Capacity) continue;
                for (var p = 0; p <= _routes[r].Count; p++)
                    if (InsertionCost(r, p, c) is { } cost && cost < bestCost)
                    {
                        _routes[r].Insert(p, c);
                        var ok = Feasible(_routes[r]);
                        _routes[r].RemoveAt(p);
                        if (ok) (bestRoute, bestPosition, bestCost) = (r, p, cost);
                    }
            }
            if (bestRoute < 0) { _routes.Add([c]); RefreshAll(); }
            else { _routes[bestRoute].Insert(bestPosition, c); Refresh(bestRoute); }
        }
    }

    private bool Feasible(List<int> route)
    {
        long time = 0, load = 0;
        var at = 0;
        foreach (var c in route)
        {
            time = Math.Max(time + _problem.Distance(at, c), _problem.Ready[c]);
            if (time > _problem.Due[c]) return false;
            time += _problem.Service[c];
            load += _problem.Demand[c];
            at = c;
        }
        return load <= _problem.Capacity && time + _problem.Distance(at, 0) <= _problem.Due[0];
    }

    private void Load(IEnumerable<IEnumerable<int>> routes)
    {
        _routes = routes.Select(r => r.ToList()).Where(r => r.Count > 0).ToList();
        _routeOf = new int[_problem.NodeCount];
        _positionOf = new int[_problem.NodeCount];
        RefreshAll();
    }

    private void RefreshAll()
    {
        _start = [.. _routes.Select(_ => Array.Empty<long>())];
        _latest = [.. _routes.Select(_ => Array.Empty<long>())];
        _loadBefore = [.. _routes.Select(_ => Array.Empty<int>())];
        for (var r = 0; r < _routes.Count; r++) Refresh(r);
    }

    /// <summary>Recomputes a route's positions, start times (index p+1 for position p), latest starts and load prefixes.</summary>
    private void Refresh(int r)
    {
        var route = _routes[r];
        var n = route.Count;
        var start = new long[n + 2];
        var latest = new long[n + 2];
        var load = new int[n + 1];
        var at = 0;
        for (var p = 0; p < n; p++)
        {
            var c = route[p];
            _routeOf[c] = r;
            _positionOf[c] = p;
            start[p + 1] = Math.Max(start[p] + _problem.Service[at] + _problem.Distance(at, c), _problem.Ready[c]);
            load[p + 1] = load[p] + _problem.Demand[c];
            at = c;
        }
        start[n + 1] = start[n] + _problem.Service[at] + _problem.Distance(at, 0);
        latest[n + 1] = _problem.Due[0];
        for (var p = n - 1; p >= 0; p--)
        {
            var c = route[p];
            var next = p + 1 < n ? route[p + 1] : 0;
            latest[p + 1] = Math.Min(_problem.Due[c], latest[p + 2] - _problem.Distance(c, next) - _problem.Service[c]);
        }
        (_start[r], _latest[r], _loadBefore[r]) = (start, latest, load);
    }

    private List<List<int>> Snapshot() => _routes.Where(r => r.Count > 0).Select(r => r.ToList()).ToList();

    private long Cost()
    {
        long total = 0;
        foreach (var route in _routes)
        {
            var at = 0;
            foreach (var c in route) { total += _problem.Distance(at, c); at = c; }
            total += _problem.Distance(at, 0);
        }
        return total;
    }
}
