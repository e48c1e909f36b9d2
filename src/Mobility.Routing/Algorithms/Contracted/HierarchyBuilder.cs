using Mobility.Routing.Graphs;

namespace Mobility.Routing.Algorithms.Contracted;

/// <summary>
/// Contracts vertices one by one, least important first (edge difference + contracted neighbours, updated lazily),
/// adding a shortcut u→x for each path u→v→x that no witness path avoiding v matches. Witness searches are bounded:
/// a shortcut that a longer search would have found unnecessary costs a little speed, never correctness.
/// A contracted vertex's arcs all lead to vertices contracted later (higher rank), so they are moved straight into
/// the hierarchy's up and down lists and removed from its neighbours: the remaining graph only ever holds
/// uncontracted vertices, and no search or count has to skip contracted ones.
/// </summary>
internal sealed class HierarchyBuilder
{
    private const int WitnessSettleLimit = 400;
    private const int SimulationSettleLimit = 60;

    private readonly int _n;
    private readonly List<Arc>[] _out, _in;
    private readonly int[] _contractedNeighbours;
    private readonly List<(int, int, float, int)>[] _up, _down;
    private readonly Action<string>? _progress;

    // Witness search state, reused (versioned marks instead of clearing).
    private readonly long[] _distance;
    private readonly int[] _stamp;
    private readonly int[] _targetStamp;
    private int _currentStamp;
    private readonly PriorityQueue<int, long> _queue = new();

    private record struct Arc(int Other, int Milliseconds, float Metres, int Middle);

    public HierarchyBuilder(DirectedGraph graph, Action<string>? progress)
    {
        _n = graph.VertexCount;
        _progress = progress;
        _out = new List<Arc>[_n];
        _in = new List<Arc>[_n];
        _up = new List<(int, int, float, int)>[_n];
        _down = new List<(int, int, float, int)>[_n];
        for (var v = 0; v < _n; v++)
        {
            var degree = graph.FirstOut[v + 1] - graph.FirstOut[v];
            _out[v] = new List<Arc>(degree);
            _in[v] = new List<Arc>(degree);
        }
        for (var v = 0; v < _n; v++)
            for (var i = graph.FirstOut[v]; i < graph.FirstOut[v + 1]; i++)
                AddArc(v, graph.Head[i], graph.Milliseconds[i], graph.Metres[i], -1);
        _contractedNeighbours = new int[_n];
        _distance = new long[_n];
        _stamp = new int[_n];
        _targetStamp = new int[_n];
    }

    public ContractionHierarchy Build()
    {
        var queue = new PriorityQueue<int, long>(_n);
        for (var v = 0; v < _n; v++) queue.Enqueue(v, Priority(v));
        var rank = new int[_n];
        var contracted = new bool[_n];
        var next = 0;
        while (queue.TryDequeue(out var vertex, out var priority))
        {
            if (contracted[vertex]) continue;
            var current = Priority(vertex);
            if (current > priority && queue.TryPeek(out _, out var lowest) && current > lowest)
            {
                queue.Enqueue(vertex, current);
                continue;
            }
            Contract(vertex);
            contracted[vertex] = true;
            rank[vertex] = next++;
            if (next % 100_000 == 0) _progress?.Invoke($"contracted {next:N0} of {_n:N0} vertices");
        }
        var hierarchy = new ContractionHierarchy { Rank = rank, Up = CsrArcs.FromLists(_up), Down = CsrArcs.FromLists(_down) };
        _progress?.Invoke($"hierarchy: {hierarchy.Up.Count + hierarchy.Down.Count:N0} arcs");
        return hierarchy;
    }

    private long Priority(int vertex)
    {
        var shortcuts = Shortcuts(vertex, SimulationSettleLimit, add: false);
        var removed = _in[vertex].Count + _out[vertex].Count;
        return 2L * (shortcuts - removed) + _contractedNeighbours[vertex];
    }

    private void Contract(int vertex)
    {
        Shortcuts(vertex, WitnessSettleLimit, add: true);
        var (outs, ins) = (_out[vertex], _in[vertex]);
        var up = new List<(int, int, float, int)>(outs.Count);
        foreach (var arc in outs)
        {
            up.Add((arc.Other, arc.Milliseconds, arc.Metres, arc.Middle));
            Remove(_in[arc.Other], vertex);
            _contractedNeighbours[arc.Other]++;
        }
        var down = new List<(int, int, float, int)>(ins.Count);
        foreach (var arc in ins)
        {
            down.Add((arc.Other, arc.Milliseconds, arc.Metres, arc.Middle));
            Remove(_out[arc.Other], vertex);
            _contractedNeighbours[arc.Other]++;
        }
        (_up[vertex], _down[vertex]) = (up, down);
        (_out[vertex], _in[vertex]) = ([], []);
    }

    private static void Remove(List<Arc> arcs, int other)
    {
        for (var i = 0; i < arcs.Count; i++)
            if (arcs[i].Other == other)
            {
                arcs[i] = arcs[^1];
                arcs.RemoveAt(arcs.Count - 1);
                return;
            }
    }

    /// <summary>Counts (and, when <paramref name="add"/>, adds) the shortcuts contracting <paramref name="vertex"/> needs.</summary>
    private int Shortcuts(int vertex, int settleLimit, bool add)
    {
        var count = 0;
        var outs = _out[vertex];
        var ins = _in[vertex];
        if (outs.Count == 0) return 0;
        // Adding shortcuts only touches lists of other vertices, never these two: safe to iterate them directly.
        for (var a = 0; a < ins.Count; a++)
        {
            var incoming = ins[a];
            var source = incoming.Other;
            long limit = 0;
            var targets = 0;
            _currentStamp++;
            for (var b = 0; b < outs.Count; b++)
                if (outs[b].Other != source)
                {
                    limit = Math.Max(limit, (long)incoming.Milliseconds + outs[b].Milliseconds);
                    _targetStamp[outs[b].Other] = _currentStamp;
                    targets++;
                }
            if (targets == 0) continue;
            WitnessSearch(source, vertex, limit, settleLimit, targets);
            for (var b = 0; b < outs.Count; b++)
            {
                var outgoing = outs[b];
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

    /// <summary>
    /// Shortest paths from source avoiding the excluded vertex, until the limit, the settle budget, or every target
    /// (marked with the current stamp in _targetStamp) is settled, whichever comes first.
    /// </summary>
    private void WitnessSearch(int source, int excluded, long limit, int settleLimit, int targets)
    {
        _queue.Clear();
        _stamp[source] = _currentStamp;
        _distance[source] = 0;
        _queue.Enqueue(source, 0);
        var settled = 0;
        while (_queue.TryDequeue(out var vertex, out var key))
        {
            if (key != _distance[vertex]) continue;
            if (key > limit || ++settled > settleLimit) break;
            if (_targetStamp[vertex] == _currentStamp && --targets == 0) break;
            var arcs = _out[vertex];
            for (var i = 0; i < arcs.Count; i++)
            {
                var head = arcs[i].Other;
                if (head == excluded) continue;
                var candidate = key + arcs[i].Milliseconds;
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
