using Mobility.Routing;

namespace Mobility.Planning.TravelTimes;

/// <summary>
/// The one thing planning asks of the routing engine: how long and how far between places.
/// Only <see cref="RoadTravelTimes"/> knows the router; the rest of planning sees this interface (tests use straight lines).
/// </summary>
public interface ITravelTimes
{
    TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations);
}
