using Mobility.Planning.TravelTimes;

namespace Mobility.Planning.Shuttles;

/// <summary>
/// The stops of a case with one travel matrix between all of them, in whole seconds and metres for the solver.
/// An unreachable pair gets a time no window can absorb, so the solver never uses it and the diagnosis can say why.
/// </summary>
internal sealed class ShuttleNetwork
{
    public const int Unreachable = 50_000_000;

    public IReadOnlyList<ShuttleStop> Stops { get; }
    public int[] Seconds { get; }
    public int[] Metres { get; }
    private readonly Dictionary<string, int> _index;

    public ShuttleNetwork(IReadOnlyList<ShuttleStop> stops, ITravelTimes travelTimes)
    {
        Stops = stops;
        _index = stops.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var places = stops.Select(s => s.Location).ToList();
        var matrix = travelTimes.Matrix(places, places);
        var n = stops.Count;
        Seconds = new int[n * n];
        Metres = new int[n * n];
        for (var a = 0; a < n; a++)
            for (var b = 0; b < n; b++)
            {
                var reachable = a == b || matrix.IsReachable(a, b);
                Seconds[a * n + b] = a == b ? 0 : reachable ? (int)Math.Round(matrix.Seconds(a, b)) : Unreachable;
                Metres[a * n + b] = a == b ? 0 : reachable ? (int)Math.Round(matrix.Metres(a, b)) : Unreachable;
            }
    }

    public int IndexOf(string stopId) => _index[stopId];
    public int SecondsBetween(int from, int to) => Seconds[from * Stops.Count + to];
    public int MetresBetween(int from, int to) => Metres[from * Stops.Count + to];
    public bool IsReachable(int from, int to) => SecondsBetween(from, to) < Unreachable;
}
