using Mobility.Routing.Graphs;

namespace Mobility.Routing.Algorithms.Contracted;

/// <summary>
/// Contracts vertices one by one, least important first (edge difference + contracted neighbours, updated lazily),
/// adding a shortcut u→x for each path u→v→x that no witness path avoiding v matches. Witness searches are bounded:
/// a shortcut that a longer search would have found unnecessary costs a little speed, never correctness.
/// </summary>
internal sealed class HierarchyBuilder
{
    private const int WitnessSettleLimit = 400;
    private const int SimulationSettleLimit = 60;

    private readonly int _n;
    private readonly List<Arc>[] _out, _in;
    private readonly bool[] _contracted;
    private readonly int[] _contractedNeighbours;
    private readonly Action<string>? _progress;

    // Witness search state, reused (versioned marks instead of clearing).
    private readonly long[] _distance;
    private readonly int[] _stamp;
    private int _currentStamp;
    private readonly PriorityQueue<int, long> _queue = new();

    private record struct Arc(int Other, int Milliseconds, float Metres, int Middle);

    public HierarchyBuilder(DirectedGraph graph, Action<string>? progress)
    {
        _n = graph.VertexCount;
        _progress = progress;
        _out = new List<Arc>[_n];
        _in = new List<Arc>[_n];
        for (var v = 0; v < _n; v++) { _out[v] = []; _in[v] = []; }
        for (var v = 0; v < _n; v++)
            for (var i = graph.FirstOut[v]; i < graph.FirstOut[v + 1]; i++)
                AddArc(v, graph.Head[i], graph.Milliseconds[i], graph.Metres[i], -1);
        _contracted = new bool[_n];
        _contractedNeighbours = new int[_n];
        _distance = new long[_n];
        _stamp = new int[_n];
    }

    public ContractionHierarchy Build()
    {
        var queue = new PriorityQueue<int, long>(_n);
        for (var v = 0; v < _n; v++) queue.Enqueue(v, Priority(v));
        var rank = new int[_n];
        var next = 0;
        while (queue.TryDequeue(out var vertex, out var priority))
        {
            if (_contracted[vertex]) continue;
            var current = Priority(vertex);
            if (current > priority && queue.TryPeek(out _, out var lowest) && current > lowest)
            {
                queue.Enqueue(vertex, current);
                continue;
            }
            Contract(vertex);
            rank[vertex] = next++;
            if (next % 20_000 == 0) _progress?.Invoke($"contracted {next:N0} of {_n:N0} vertices");
        }

        var up = new List<(int, int, float, int)>[_n];
        var down = new List<(int, int, float, int)>[_n];
        for (var v = 0; v < _n; v++)
        {
            up[v] = _out[v].Where(a => rank[a.Other] > rank[v]).Select(a => (a.Other, a.Milliseconds, a.Metres, a.Middle)).ToList();
            down[v] = _in[v].Where(a => rank[a.Other] > rank[v]).Select(a => (a.Other, a.Milliseconds, a.Metres, a.Middle)).ToList();
        }
        var hierarchy = new ContractionHierarchy { Rank = rank, Up = CsrArcs.FromLists(up), Down = CsrArcs.FromLists(down) };
        _progress?.Invoke($"hierarchy: {hierarchy.Up.Count + hierarchy.Down.Count:N0} arcs");
        return hierarchy;
    }

    private long Priority(int vertex)
    {
        var shortcuts = Shortcuts(vertex, SimulationSettleLimit, add: false);
        var removed = _in[vertex].Count(a => !_contracted[a.Other]) + _out[vertex].Count(a => !_contracted[a.Other]);
        return 2L * (shortcuts - removed) + _contractedNeighbours[vertex];
    }

    private void Contract(int vertex)
    {
        Shortcuts(vertex, WitnessSettleLimit, add: true);
        _contracted[vertex] = true;
        foreach (var arc in _in[vertex]) _contractedNeighbours[arc.Other]++;
        foreach (var arc in _out[vertex]) _contractedNeighbours[arc.Other]++;
    }

    /// <summary>Counts (and, when <paramref name="add"/>, adds) the shortcuts contracting <paramref name="vertex"/> needs.</summary>
    private int Shortcuts(int vertex, int settleLimit, bool add)
    {
        var count = 0;
        var outs = _out[vertex].Where(a => !_contracted[a.Other]).ToList();
        if (outs.Count == 0) return 0;
        foreach (var incoming in _in[vertex].ToList())
        {
            var source = incoming.Other;
            if (_contracted[source]) continue;
            long limit = 0;
            foreach (var outgoing in outs)
                if (outgoing.Other != source) limit = Math.Max(limit, (long)incoming.Milliseconds + outgoing.Milliseconds);
            if (limit == 0) continue;
            WitnessSearch(source, vertex, limit, settleLimit);
            foreach (var outgoing in outs)
            {
                var target = outgoing.Other;
                if (target == source) continue;
                var viaVertex = (long)incoming.Milliseconds + outgoing.Milliseconds;
                if (_stamp[target] == _currentStamp && _distance[target] <= viaVertex) continue;
                count++;
                if (add) AddArc(source, target, (int)viaVertex, incoming.Metres + outgoing.Metres, vertex);
            }
        }
        return count;
    }

    private void WitnessSearch(int source, int excluded, long limit, int settleLimit)
    {
        _currentStamp++;
        _queue.Clear();
        _stamp[source] = _currentStamp;
        _distance[source] = 0;
        _queue.Enqueue(source, 0);
        var settled = 0;
        while (_queue.TryDequeue(out var vertex, out var key))
        {
            if (key != _distance[vertex]) continue;
            if (key > limit || ++settled > settleLimit) break;
            foreach (var arc in _out[vertex])
            {
                var head = arc.Other;
                if (head == excluded || _contracted[head]) continue;
                var candidate = key + arc.Milliseconds;
                if (_stamp[head] == _currentStamp && _distance[head] <= candidate) continue;
                _stamp[head] = _currentStamp;
                _distance[head] = candidate;
                _queue.Enqueue(head, candidate);
            }
        }
    }

    /// <summary>Adds tail→head, keeping only the fastest of parallel arcs.</summary>
    private void AddArc(int tail, int head, int milliseconds, float metres, int middle)
    {
        if (tail == head) return;
        var outs = _out[tail];
        for (var i = 0; i < outs.Count; i++)
        {
            if (outs[i].Other != head) continue;
            if (outs[i].Milliseconds <= milliseconds) return;
            outs[i] = new Arc(head, milliseconds, metres, middle);
            var ins = _in[head];
            for (var j = 0; j < ins.Count; j++)
                if (ins[j].Other == tail) { ins[j] = new Arc(tail, milliseconds, metres, middle); break; }
            return;
        }
        outs.Add(new Arc(head, milliseconds, metres, middle));
        _in[head].Add(new Arc(tail, milliseconds, metres, middle));
    }
}
