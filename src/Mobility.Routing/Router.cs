using Mobility.Routing.Algorithms.Contracted;
using Mobility.Routing.Algorithms.Matrices;
using Mobility.Routing.Graphs;

namespace Mobility.Routing;

/// <summary>A point snapped to the network: the vertex it starts from and how far the point lies from it.</summary>
public readonly record struct SnappedPoint(int Vertex, double Latitude, double Longitude, double OffsetMetres);

/// <summary>The fastest route's travel time and length.</summary>
public readonly record struct RouteSummary(double Seconds, double Metres);

/// <summary>Durations (s) and lengths (m), row-major origins × destinations; +∞ where unreachable.</summary>
public sealed record MatrixResult(int Origins, int Destinations, double[] Seconds, double[] Metres);

/// <summary>
/// The routing engine's entry point: snaps points, answers routes and matrices per profile. Ordinary failures (a
/// point too far from any road the profile may use) come back as a failed <see cref="Result{T}"/> with the reason.
/// Thread-safe: each call takes its own search state.
/// </summary>
public sealed class Router
{
    public const double DefaultMaximumSnapMetres = 1_000;

    private readonly Dictionary<string, ProfileRouter> _profiles;

    public RoadNetwork Network { get; }

    public Router(RoadNetwork network, IEnumerable<ProfileRouter> profiles)
    {
        Network = network;
        _profiles = profiles.ToDictionary(p => p.Profile, StringComparer.OrdinalIgnoreCase);
    }

    public static Router Build(RoadNetwork network, IEnumerable<string>? profiles = null, Action<string>? progress = null) =>
        new(network, (profiles ?? network.ProfileNames).Select(p => ProfileRouter.Build(network, p, progress)).ToList());

    public ProfileRouter For(string profile) => _profiles.TryGetValue(profile, out var router)
        ? router
        : throw new ArgumentException($"No '{profile}' profile in this router; it has {string.Join(", ", _profiles.Keys)}.");

    public Result<SnappedPoint> Snap(string profile, double latitude, double longitude, double maximumMetres = DefaultMaximumSnapMetres)
    {
        if (latitude is < -90 or > 90 || longitude is < -180 or > 180 || !double.IsFinite(latitude) || !double.IsFinite(longitude))
            return Result<SnappedPoint>.Failure($"({latitude}, {longitude}) is not a valid WGS84 position.");
        var nearest = For(profile).Snapper.Nearest(latitude, longitude, maximumMetres);
        if (nearest is not { } found)
            return Result<SnappedPoint>.Failure(
                $"({latitude:F6}, {longitude:F6}) is more than {maximumMetres:F0} m from any road usable by {profile}.");
        return Result<SnappedPoint>.Success(new SnappedPoint(found.Vertex, Network.Latitude(found.Vertex), Network.Longitude(found.Vertex), found.Metres));
    }

    public Result<RouteSummary> Route(string profile, double fromLatitude, double fromLongitude, double toLatitude, double toLongitude)
    {
        var from = Snap(profile, fromLatitude, fromLongitude);
        if (!from.IsSuccess) return Result<RouteSummary>.Failure("Start: " + from.Error);
        var to = Snap(profile, toLatitude, toLongitude);
        if (!to.IsSuccess) return Result<RouteSummary>.Failure("Destination: " + to.Error);
        var (milliseconds, metres) = new HierarchyQuery(For(profile).Hierarchy).Query(from.Value.Vertex, to.Value.Vertex);
        return milliseconds == long.MaxValue
            ? Result<RouteSummary>.Failure("No route between these points.")
            : Result<RouteSummary>.Success(new RouteSummary(milliseconds / 1000.0, metres));
    }

    public Result<MatrixResult> Matrix(string profile, IReadOnlyList<(double Latitude, double Longitude)> origins,
        IReadOnlyList<(double Latitude, double Longitude)> destinations)
    {
        var errors = new List<string>();
        int[] SnapAll(IReadOnlyList<(double Latitude, double Longitude)> points, string what) =>
            points.Select((p, i) =>
            {
                var snapped = Snap(profile, p.Latitude, p.Longitude);
                if (!snapped.IsSuccess) errors.Add($"{what} {i}: {snapped.Error}");
                return snapped.IsSuccess ? snapped.Value.Vertex : -1;
            }).ToArray();
        var sources = SnapAll(origins, "origin");
        var targets = SnapAll(destinations, "destination");
        if (errors.Count > 0) return Result<MatrixResult>.Failure(string.Join(Environment.NewLine, errors));
        var (milliseconds, metres) = new BucketManyToMany(For(profile).Hierarchy).Compute(sources, targets);
        var seconds = milliseconds.Select(ms => ms == long.MaxValue ? double.PositiveInfinity : ms / 1000.0).ToArray();
        return Result<MatrixResult>.Success(new MatrixResult(origins.Count, destinations.Count, seconds, metres));
    }
}
