using Mobility.Routing;

namespace Mobility.Planning.TravelTimes;

/// <summary>
/// Road travel times from the routing engine for one profile. A place too far from any usable road does not fail the
/// whole matrix: its row and column are unreachable (+∞), and <see cref="Unsnapped"/> says which places and why, so a
/// plan can tell that person "your home could not be placed on the road network" instead of failing for everyone.
/// </summary>
public sealed class RoadTravelTimes(Router router, string profile = "car", double maximumSnapMetres = Router.DefaultMaximumSnapMetres)
    : ITravelTimes
{
    private readonly List<(GeoPoint Place, string Reason)> _unsnapped = [];

    /// <summary>Places of the last matrix that could not be snapped, with the router's reason.</summary>
    public IReadOnlyList<(GeoPoint Place, string Reason)> Unsnapped => _unsnapped;

    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations)
    {
        _unsnapped.Clear();
        var usableOrigins = Usable(origins);
        var usableDestinations = Usable(destinations);
        var seconds = new float[origins.Count * destinations.Count];
        var metres = new float[seconds.Length];
        Array.Fill(seconds, float.PositiveInfinity);
        Array.Fill(metres, float.PositiveInfinity);
        if (usableOrigins.Count > 0 && usableDestinations.Count > 0)
        {
            var result = router.Matrix(profile,
                usableOrigins.Select(i => (origins[i].Latitude, origins[i].Longitude)).ToList(),
                usableDestinations.Select(j => (destinations[j].Latitude, destinations[j].Longitude)).ToList(), maximumSnapMetres);
            if (!result.IsSuccess) throw new InvalidOperationException(result.Error);
            var matrix = result.Value;
            for (var a = 0; a < usableOrigins.Count; a++)
                for (var b = 0; b < usableDestinations.Count; b++)
                {
                    var cell = usableOrigins[a] * destinations.Count + usableDestinations[b];
                    seconds[cell] = (float)matrix.Seconds[a * matrix.Destinations + b];
                    metres[cell] = double.IsPositiveInfinity(matrix.Seconds[a * matrix.Destinations + b])
                        ? float.PositiveInfinity
                        : (float)matrix.Metres[a * matrix.Destinations + b];
                }
        }
        return new TravelMatrix(origins.Count, destinations.Count, seconds, metres);
    }

    private List<int> Usable(IReadOnlyList<GeoPoint> places)
    {
        var usable = new List<int>(places.Count);
        for (var i = 0; i < places.Count; i++)
        {
            var snapped = router.Snap(profile, places[i].Latitude, places[i].Longitude, maximumSnapMetres);
            if (snapped.IsSuccess) usable.Add(i);
            else _unsnapped.Add((places[i], snapped.Error!));
        }
        return usable;
    }
}
