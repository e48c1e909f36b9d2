namespace Mobility.Planning.TravelTimes;

/// <summary>
/// The one thing planning asks of the routing engine: how long and how far between places.
/// Planning never references the router itself; hosts (CLI, server) adapt it to this interface.
/// </summary>
public interface ITravelTimes
{
    TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations);
}
