using Mobility.Routing.Algorithms.Contracted;
using Mobility.Routing.Algorithms.Matrices;
using Mobility.Routing.Algorithms.Search;
using Mobility.Routing.Graphs;

namespace Mobility.Routing;

/// <summary>A point snapped to the network: the edge, the fraction of its length from its first vertex, the projected
/// position, and how far the point lies from it.</summary>
public readonly record struct SnappedPoint(int Edge, double Fraction, GeoPoint Position, double OffsetMetres);

/// <summary>The fastest route's travel time, length and shape (WGS84).</summary>
public sealed record RouteSummary(double Seconds, double Metres, NetTopologySuite.Geometries.LineString Geometry)
{
    public string GeometryAsGeoJson() => RouteGeometry.ToGeoJson(Geometry);

    /// <summary>The route's shape as the product's points, from start to destination.</summary>
    public IEnumerable<GeoPoint> Points => Geometry.Coordinates.Select(c => new GeoPoint(c.Y, c.X));
}

/// <summary>A network vertex reached from an origin within a time limit.</summary>
public readonly record struct ReachedPlace(int Vertex, GeoPoint Position, double Seconds, double Metres);

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

    public Result<SnappedPoint> Snap(string profile, GeoPoint point, double maximumMetres = DefaultMaximumSnapMetres)
    {
        if (!point.IsValid)
            return Result<SnappedPoint>.Failure($"({point.Latitude}, {point.Longitude}) is not a valid WGS84 position.");
        var nearest = For(profile).Snapper.Nearest(point, maximumMetres);
        if (nearest is not { } found)
            return Result<SnappedPoint>.Failure(
                $"({point.Latitude:F6}, {point.Longitude:F6}) is more than {maximumMetres:F0} m from any road usable by {profile}.");
        return Result<SnappedPoint>.Success(new SnappedPoint(found.Edge, found.Fraction, found.Position, found.OffsetMetres));
    }

    public Result<RouteSummary> Route(string profile, GeoPoint start, GeoPoint destination)
    {
        var from = Snap(profile, start);
        if (!from.IsSuccess) return Result<RouteSummary>.Failure("Start: " + from.Error);
        var to = Snap(profile, destination);
        if (!to.IsSuccess) return Result<RouteSummary>.Failure("Destination: " + to.Error);
        var router = For(profile);
        var (source, target) = (from.Value, to.Value);
        var departures = router.Departures(source.Edge, source.Fraction);
        var arrivals = router.Arrivals(target.Edge, target.Fraction);
        var query = new HierarchyQuery(router.Hierarchy);
        var (milliseconds, metres, path) = query.QueryPath(departures.Select(d => d.Seed).ToList(), arrivals.Select(a => a.Seed).ToList());

        if (source.Edge == target.Edge && router.Direct(source.Edge, source.Fraction, target.Fraction) is { } direct
            && direct.Milliseconds <= milliseconds)
        {
            var line = RouteGeometry.Build(Network, [new EdgePiece(source.Edge, source.Fraction, target.Fraction)]);
            return Result<RouteSummary>.Success(new RouteSummary(direct.Milliseconds / 1000.0, direct.Metres, line));
        }
        if (milliseconds == long.MaxValue) return Result<RouteSummary>.Failure("No route between these points.");

        var first = path.Count > 0 ? path[0].Tail : query.MeetingVertex;
        var last = path.Count > 0 ? path[^1].Head : query.MeetingVertex;
        var departure = departures.Where(d => d.Seed.Vertex == first).MinBy(d => d.Seed.Milliseconds).Arc;
        var arrival = arrivals.Where(a => a.Seed.Vertex == last).MinBy(a => a.Seed.Milliseconds).Arc;
        // Arc −1: the point is the junction itself, so no stretch of its edge is driven.
        var pieces = new List<EdgePiece>();
        if (departure >= 0) pieces.Add(new(source.Edge, source.Fraction, router.Graph.AlongEdge[departure] ? 1 : 0));
        pieces.AddRange(new PathUnpacker(router.Hierarchy, router.Graph).RoadArcs(path).Select(arc => RouteGeometry.WholeArc(router.Graph, arc)));
        if (arrival >= 0) pieces.Add(new EdgePiece(target.Edge, router.Graph.AlongEdge[arrival] ? 0 : 1, target.Fraction));
        if (pieces.Count == 0) pieces.Add(new EdgePiece(source.Edge, source.Fraction, source.Fraction));
        return Result<RouteSummary>.Success(new RouteSummary(milliseconds / 1000.0, metres, RouteGeometry.Build(Network, pieces)));
    }

    /// <summary>
    /// Every place of the network reachable from the point within <paramref name="limitSeconds"/> (an isochrone as
    /// points): the basis of "who lives within 20 minutes of this site".
    /// </summary>
    public Result<IReadOnlyList<ReachedPlace>> Isochrone(string profile, GeoPoint point, double limitSeconds)
    {
        if (!(limitSeconds >= 0)) return Result<IReadOnlyList<ReachedPlace>>.Failure("The time limit must be zero or more seconds.");
        var origin = Snap(profile, point);
        if (!origin.IsSuccess) return Result<IReadOnlyList<ReachedPlace>>.Failure(origin.Error!);
        var router = For(profile);
        var seeds = router.Departures(origin.Value.Edge, origin.Value.Fraction).Select(d => (d.Seed.Vertex, d.Seed.Milliseconds, d.Seed.Metres));
        var reached = new Dijkstra(router.Graph).OneToAll(seeds, (long)(limitSeconds * 1000));
        // A turn-restriction copy is its junction, reached by a restricted approach: keep each junction's earliest arrival.
        var places = reached.GroupBy(r => router.Graph.Junction[r.Vertex]).Select(g => (Junction: g.Key, Best: g.MinBy(r => r.Milliseconds)))
            .Select(x => new ReachedPlace(x.Junction, Network.Position(x.Junction), x.Best.Milliseconds / 1000.0, x.Best.Metres))
            .ToList();
        return Result<IReadOnlyList<ReachedPlace>>.Success(places);
    }

    public Result<MatrixResult> Matrix(string profile, IReadOnlyList<GeoPoint> origins,
        IReadOnlyList<GeoPoint> destinations, double maximumSnapMetres = DefaultMaximumSnapMetres)
    {
        var errors = new List<string>();
        SnappedPoint[] SnapAll(IReadOnlyList<GeoPoint> points, string what) =>
            points.Select((p, i) =>
            {
                var snapped = Snap(profile, p, maximumSnapMetres);
                if (!snapped.IsSuccess) errors.Add($"{what} {i}: {snapped.Error}");
                return snapped.IsSuccess ? snapped.Value : default;
            }).ToArray();
        var sources = SnapAll(origins, "origin");
        var targets = SnapAll(destinations, "destination");
        if (errors.Count > 0) return Result<MatrixResult>.Failure(string.Join(Environment.NewLine, errors));
        var router = For(profile);
        var (milliseconds, metres) = new BucketManyToMany(router.Hierarchy).Compute(
            sources.Select(p => (IReadOnlyList<Seed>)router.Departures(p.Edge, p.Fraction).Select(d => d.Seed).ToList()).ToList(),
            targets.Select(p => (IReadOnlyList<Seed>)router.Arrivals(p.Edge, p.Fraction).Select(a => a.Seed).ToList()).ToList());
        // Two points on the same edge may be joined without leaving it.
        for (var i = 0; i < sources.Length; i++)
            for (var j = 0; j < targets.Length; j++)
                if (sources[i].Edge == targets[j].Edge
                    && router.Direct(sources[i].Edge, sources[i].Fraction, targets[j].Fraction) is { } direct
                    && direct.Milliseconds < milliseconds[i * targets.Length + j])
                    (milliseconds[i * targets.Length + j], metres[i * targets.Length + j]) = (direct.Milliseconds, direct.Metres);
        var seconds = milliseconds.Select(ms => ms == long.MaxValue ? double.PositiveInfinity : ms / 1000.0).ToArray();
        return Result<MatrixResult>.Success(new MatrixResult(origins.Count, destinations.Count, seconds, metres));
    }
}
