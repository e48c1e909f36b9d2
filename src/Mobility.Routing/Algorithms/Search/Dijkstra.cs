using Mobility.Routing.Graphs;

namespace Mobility.Routing.Algorithms.Search;

/// <summary>
/// Plain Dijkstra on a profile's graph: the reference every faster algorithm must agree with, and the engine of
/// bounded one-to-all searches (isochrones). Reuses its arrays between queries, so one instance serves one thread.
/// </summary>
public sealed class Dijkstra(DirectedGraph graph)
{
    public const long Unreachable = long.MaxValue;

    private readonly long[] _milliseconds = new long[graph.VertexCount];
    private readonly double[] _metres = new double[graph.VertexCount];
    private readonly int[] _stamp = new int[graph.VertexCount];
    private readonly PriorityQueue<int, long> _queue = new();
    private int _currentStamp;

    /// <summary>Fastest travel time (ms) and its length (m) from source to target, or (Unreachable, ∞).</summary>
    public (long Milliseconds, double Metres) OneToOne(int source, int target)
    {
        Run([(source, 0L, 0.0)], long.MaxValue, target);
        return Reached(target) ? (_milliseconds[target], _metres[target]) : (Unreachable, double.PositiveInfinity);
    }

    /// <summary>Every vertex reachable within <paramref name="limitMilliseconds"/>, with its time and length.</summary>
    public IReadOnlyList<(int Vertex, long Milliseconds, double Metres)> OneToAll(int source, long limitMilliseconds) =>
        OneToAll([(source, 0L, 0.0)], limitMilliseconds);

    /// <summary>The same from several starting vertices, each with a time and length already travelled.</summary>
    public IReadOnlyList<(int Vertex, long Milliseconds, double Metres)> OneToAll(
        IEnumerable<(int Vertex, long Milliseconds, double Metres)> seeds, long limitMilliseconds)
    {
        var settled = Run(seeds, limitMilliseconds, target: -1);
        return settled.Select(v => (v, _milliseconds[v], _metres[v])).ToList();
    }

    private bool Reached(int vertex) => _stamp[vertex] == _currentStamp;

    private List<int> Run(IEnumerable<(int Vertex, long Milliseconds, double Metres)> seeds, long limit, int target)
    {
        _currentStamp++;
        _queue.Clear();
        var settled = new List<int>();
        foreach (var (vertex, milliseconds, metres) in seeds) Relax(vertex, milliseconds, metres);
        while (_queue.TryDequeue(out var vertex, out var key))
        {
            if (key != _milliseconds[vertex] || key > limit) { if (key > limit) break; continue; }
            settled.Add(vertex);
            if (vertex == target) break;
            for (var i = graph.FirstOut[vertex]; i < graph.FirstOut[vertex + 1]; i++)
                Relax(graph.Head[i], key + graph.Milliseconds[i], _metres[vertex] + graph.Metres[i]);
        }
        return settled;
    }

    private void Relax(int vertex, long milliseconds, double metres)
    {
        if (Reached(vertex) && _milliseconds[vertex] <= milliseconds) return;
        _stamp[vertex] = _currentStamp;
        _milliseconds[vertex] = milliseconds;
        _metres[vertex] = metres;
        _queue.Enqueue(vertex, milliseconds);
    }
}
