using Mobility.Routing;

namespace Mobility.Planning.TravelTimes;

/// <summary>
/// Travel times estimated from straight-line distance: road distance ≈ crow-fly × detour factor,
/// driven at a constant speed. Not a substitute for the router: it serves planning tests that must
/// not depend on a road network, and cheap pruning bounds before real matrices are computed.
/// </summary>
public sealed class CrowFlyTravelTimes : ITravelTimes
{
    public double DetourFactor { get; }
    public double MetresPerSecond { get; }

    /// <param name="detourFactor">Road distance over straight-line distance; 1.3 is typical for rural roads.</param>
    /// <param name="kilometresPerHour">Average driving speed.</param>
    public CrowFlyTravelTimes(double detourFactor = 1.3, double kilometresPerHour = 50)
    {
        if (detourFactor < 1) throw new ArgumentOutOfRangeException(nameof(detourFactor), "A road is never shorter than the straight line.");
        if (kilometresPerHour <= 0) throw new ArgumentOutOfRangeException(nameof(kilometresPerHour), "Speed must be positive.");
        DetourFactor = detourFactor;
        MetresPerSecond = kilometresPerHour / 3.6;
    }

    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations)
    {
        var seconds = new float[origins.Count * destinations.Count];
        var metres = new float[seconds.Length];
        for (var i = 0; i < origins.Count; i++)
        for (var j = 0; j < destinations.Count; j++)
        {
            var roadMetres = origins[i].DistanceTo(destinations[j]) * DetourFactor;
            metres[i * destinations.Count + j] = (float)roadMetres;
            seconds[i * destinations.Count + j] = (float)(roadMetres / MetresPerSecond);
        }
        return new TravelMatrix(origins.Count, destinations.Count, seconds, metres);
    }
}
