namespace Mobility.Routing.Algorithms.Contracted;

/// <summary>A search's starting vertex with the time and length already travelled to reach it.</summary>
public readonly record struct Seed(int Vertex, long Milliseconds, double Metres);

/// <summary>One direction of an upward search: tentative times and lengths with versioned marks, and its queue.</summary>
internal sealed class SearchSpace(int vertexCount)
{
    private readonly long[] _milliseconds = new long[vertexCount];
    private readonly double[] _metres = new double[vertexCount];
    private readonly int[] _stamp = new int[vertexCount];
    private readonly int[] _parentArc = new int[vertexCount];
    private readonly PriorityQueue<int, long> _queue = new();
    private int _current;

    public void Start(int source) => Start([new Seed(source, 0, 0)]);

    /// <summary>Starts from several vertices at once, each with a time and length already travelled (a point mid-edge).</summary>
    public void Start(IEnumerable<Seed> seeds)
    {
        _current++;
        _queue.Clear();
        foreach (var seed in seeds) Relax(seed.Vertex, seed.Milliseconds, seed.Metres, -1);
    }

    public bool Reached(int vertex) => _stamp[vertex] == _current;
    public long Milliseconds(int vertex) => _milliseconds[vertex];
    public double Metres(int vertex) => _metres[vertex];
    /// <summary>The index (in the arcs searched) of the arc that reached the vertex, −1 at the start.</summary>
    public int ParentArc(int vertex) => _parentArc[vertex];

    /// <summary>The smallest key still queued (stale entries dropped), or long.MaxValue when done.</summary>
    public long PeekKey()
    {
        while (_queue.TryPeek(out var vertex, out var key))
        {
            if (key == _milliseconds[vertex]) return key;
            _queue.Dequeue();
        }
        return long.MaxValue;
    }

    /// <summary>Settles the queue's minimum, relaxes its arcs and returns it. Call after PeekKey says there is one.</summary>
    public int Settle(CsrArcs arcs)
    {
        var vertex = _queue.Dequeue();
        var key = _milliseconds[vertex];
        for (var i = arcs.First[vertex]; i < arcs.First[vertex + 1]; i++)
            Relax(arcs.Head[i], key + arcs.Milliseconds[i], _metres[vertex] + arcs.Metres[i], i);
        return vertex;
    }

    /// <summary>Runs the whole upward search and returns every vertex it settles (for bucket many-to-many).</summary>
    /// <param name="stallArcs">The arcs that reach a vertex from higher ranks in this search's direction (for a forward
    /// search, the hierarchy's Down arcs; for a backward one, its Up arcs). A vertex reached more cheaply through one of
    /// them than by the search's own upward path is not on any shortest path from here (stall-on-demand): its arcs are not
    /// relaxed and it is not returned. The vertex where a shortest path peaks is reached at its exact time, never stalled.</param>
    public List<int> Exhaust(IEnumerable<Seed> seeds, CsrArcs arcs, CsrArcs? stallArcs = null)
    {
        Start(seeds);
        var settled = new List<int>();
        while (PeekKey() != long.MaxValue)
        {
            if (stallArcs is not null && Stalled(_queue.Peek(), stallArcs))
            {
                _queue.Dequeue();
                continue;
            }
            settled.Add(Settle(arcs));
        }
        return settled;
    }

    private bool Stalled(int vertex, CsrArcs stallArcs)
    {
        var key = _milliseconds[vertex];
        for (var i = stallArcs.First[vertex]; i < stallArcs.First[vertex + 1]; i++)
        {
            var higher = stallArcs.Head[i];
            if (Reached(higher) && _milliseconds[higher] + stallArcs.Milliseconds[i] < key) return true;
        }
        return false;
    }

    private void Relax(int vertex, long milliseconds, double metres, int arc)
    {
        if (Reached(vertex) && _milliseconds[vertex] <= milliseconds) return;
        _stamp[vertex] = _current;
        _milliseconds[vertex] = milliseconds;
        _metres[vertex] = metres;
        _parentArc[vertex] = arc;
        _queue.Enqueue(vertex, milliseconds);
    }
}
