using Mobility.Planning.TravelTimes;
using Mobility.Routing;

namespace Mobility.Server.Carpools;

/// <summary>
/// Keeps the last few matrices by their exact places: a day's trips home use the same homes and sites as its trips to
/// work, and a re-match after one change asks again for nearly always the same places, so the router is asked once.
/// </summary>
public sealed class RepeatedMatrixCache(ITravelTimes inner, int capacity = 8) : ITravelTimes
{
    private readonly LinkedList<(GeoPoint[] Origins, GeoPoint[] Destinations, TravelMatrix Matrix)> _recent = new();
    private readonly Lock _lock = new();

    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations)
    {
        lock (_lock)
        {
            for (var node = _recent.First; node != null; node = node.Next)
                if (node.Value.Origins.AsSpan().SequenceEqual(origins.ToArray()) && node.Value.Destinations.AsSpan().SequenceEqual(destinations.ToArray()))
                {
                    _recent.Remove(node);
                    _recent.AddFirst(node);
                    return node.Value.Matrix;
                }
        }
        var matrix = inner.Matrix(origins, destinations);
        lock (_lock)
        {
            _recent.AddFirst((origins.ToArray(), destinations.ToArray(), matrix));
            while (_recent.Count > capacity) _recent.RemoveLast();
        }
        return matrix;
    }
}
