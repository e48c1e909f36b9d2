using Mobility.Routing.Algorithms.Contracted;
using Mobility.Routing.Algorithms.Matrices;
using Mobility.Routing.Algorithms.Search;
using Mobility.Routing.Graphs;

namespace Mobility.Routing;

/// <summary>A point snapped to the network: the vertex it starts from and how far the point lies from it.</summary>
public readonly record struct SnappedPoint(int Vertex, double Latitude, double Longitude, double OffsetMetres);

/// <summary>The fastest route's travel time, length and shape (WGS84).</summary>
public sealed record RouteSummary(double Seconds, double Metres, NetTopologySuite.Geometries.LineString Geometry)
{
    public string GeometryAsGeoJson() => RouteGeometry.ToGeoJson(Geometry);
}

/// <summary>A network vertex reached from an origin within a time limit.</summary>
public readonly record struct ReachedPlace(int Vertex, double Latitude, double Longitude, double Seconds, double Metres);

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
        var router = For(profile);
        var (milliseconds, metres, path) = new HierarchyQuery(router.Hierarchy).QueryPath(from.Value.Vertex, to.Value.Vertex);
        if (milliseconds == long.MaxValue) return Result<RouteSummary>.Failure("No route between these points.");
        var roadArcs = new PathUnpacker(router.Hierarchy, router.Graph).RoadArcs(path);
        var geometry = RouteGeometry.Build(Network, router.Graph, roadArcs);
        return Result<RouteSummary>.Success(new RouteSummary(milliseconds / 1000.0, metres, geometry));
    }

    /// <summary>
    /// Every place of the network reachable from the point within <paramref name="limitSeconds"/> (an isochrone as
    /// points): the basis of "who lives within 20 minutes of this site".
    /// </summary>
    public Result<IReadOnlyList<ReachedPlace>> Isochrone(string profile, double latitude, double longitude, double limitSeconds)
    {
        if (!(limitSeconds >= 0)) return Result<IReadOnlyList<ReachedPlace>>.Failure("The time limit must be zero or more seconds.");
        var origin = Snap(profile, latitude, longitude);
        if (!origin.IsSuccess) return Result<IReadOnlyList<ReachedPlace>>.Failure(origin.Error!);
        var reached = new Dijkstra(For(profile).Graph).OneToAll(origin.Value.Vertex, (long)(limitSeconds * 1000));
        // Via-vertex copies (turn restrictions) stand for a junction already listed under its own number.
        var places = reached.Where(r => r.Vertex < Network.VertexCount)
            .GroupBy(r => r.Vertex).Select(g => g.MinBy(r => r.Milliseconds))
            .Select(r => new ReachedPlace(r.Vertex, Network.Latitude(r.Vertex), Network.Longitude(r.Vertex), r.Milliseconds / 1000.0, r.Metres))
            .ToList();
        return Result<IReadOnlyList<ReachedPlace>>.Success(places);
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
