using Mobility.Planning.TravelTimes;
using Mobility.Routing;

namespace Mobility.Cli;

/// <summary>Travel times that remember every place any of their matrices could not place, for a command's report: a
/// plan asks for many matrices, and the person off the road network may be in any of them.</summary>
public sealed class UnplacedPlaces(ITravelTimes inner) : ITravelTimes
{
    private readonly List<UnplacedPlace> _seen = [];

    public IReadOnlyList<UnplacedPlace> Seen
    {
        get { lock (_seen) return _seen.DistinctBy(u => u.Place).ToList(); }
    }

    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations)
    {
        var matrix = inner.Matrix(origins, destinations);
        lock (_seen) _seen.AddRange(matrix.Unplaced);
        return matrix;
    }
}
