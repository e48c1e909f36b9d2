using Mobility.Routing;

namespace Mobility.Planning.TravelTimes;

/// <summary>A place the travel times could not put on the road network, and why.</summary>
public sealed record UnplacedPlace(GeoPoint Place, string Reason);

/// <summary>
/// Durations (seconds) and distances (metres) from each origin to each destination, row-major.
/// An unreachable pair holds <see cref="float.PositiveInfinity"/> in both; <see cref="Unplaced"/> lists the places that
/// could not be placed at all (an origin and a destination at the same place count twice).
/// </summary>
public sealed class TravelMatrix
{
    private readonly float[] _seconds;
    private readonly float[] _metres;

    public int Origins { get; }
    public int Destinations { get; }

    public IReadOnlyList<UnplacedPlace> Unplaced { get; }

    public TravelMatrix(int origins, int destinations, float[] seconds, float[] metres, IReadOnlyList<UnplacedPlace>? unplaced = null)
    {
        if (origins < 0 || destinations < 0)
            throw new ArgumentOutOfRangeException(nameof(origins), "Matrix dimensions cannot be negative.");
        if (seconds.Length != origins * destinations || metres.Length != origins * destinations)
            throw new ArgumentException($"A {origins} x {destinations} matrix needs {origins * destinations} cells.");
        Origins = origins;
        Destinations = destinations;
        _seconds = seconds;
        _metres = metres;
        Unplaced = unplaced ?? [];
    }

    public float Seconds(int origin, int destination) => _seconds[origin * Destinations + destination];
    public float Metres(int origin, int destination) => _metres[origin * Destinations + destination];
    public bool IsReachable(int origin, int destination) => !float.IsPositiveInfinity(Seconds(origin, destination));
}
