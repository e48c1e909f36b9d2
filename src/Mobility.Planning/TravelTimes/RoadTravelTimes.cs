using Mobility.Routing;

namespace Mobility.Planning.TravelTimes;

/// <summary>
/// Road travel times from the routing engine for one profile. A place too far from any usable road does not fail the
/// whole matrix: its row and column are unreachable (+∞), and the matrix's <see cref="TravelMatrix.Unplaced"/> says which
/// places and why, so a plan can tell that person "your home could not be placed on the road network" instead of failing
/// for everyone. It keeps no state between calls: the server shares one between requests.
/// </summary>
public sealed class RoadTravelTimes(Router router, string profile = "car", double maximumSnapMetres = Router.DefaultMaximumSnapMetres)
    : ITravelTimes
{
    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations)
    {
        var unplaced = new List<UnplacedPlace>();
        var usableOrigins = Usable(origins, unplaced);
        var usableDestinations = Usable(destinations, unplaced);
        var seconds = new float[origins.Count * destinations.Count];
        var metres = new float[seconds.Length];
        Array.Fill(seconds, float.PositiveInfinity);
        Array.Fill(metres, float.PositiveInfinity);
        if (usableOrigins.Count > 0 && usableDestinations.Count > 0)
        {
            var result = router.Matrix(profile,
                usableOrigins.Select(i => origins[i]).ToList(), usableDestinations.Select(j => destinations[j]).ToList(), maximumSnapMetres);
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
        return new TravelMatrix(origins.Count, destinations.Count, seconds, metres, unplaced);
    }

    private List<int> Usable(IReadOnlyList<GeoPoint> places, List<UnplacedPlace> unplaced)
    {
        var usable = new List<int>(places.Count);
        for (var i = 0; i < places.Count; i++)
        {
            var snapped = router.Snap(profile, places[i], maximumSnapMetres);
            if (snapped.IsSuccess) usable.Add(i);
            else unplaced.Add(new UnplacedPlace(places[i], snapped.Error!));
        }
        return usable;
    }
}
