using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mobility.Application.Roads;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Data.Privacy;
using Mobility.Planning.TravelTimes;
using Mobility.Routing;

namespace Mobility.Server.Statistics;

/// <summary>One isochrone of one plant: its area for the map and how many of the plant's (filtered) employees live within
/// it by their own travel time. <see cref="Inside"/> is published by <see cref="Disclosure"/> and null under
/// <see cref="DashboardStatistics.MinimumShown"/>; <see cref="Share"/> is the published count over the plant's published
/// count, only when both are shown (so it says nothing the two counts do not).</summary>
public sealed record PlantBand(long PlantId, string Plant, string Profile, int Minutes, JsonElement Area, int? Inside, double? Share);

/// <summary>The accessibility analysis of the filtered people: per plant and band (<see cref="AccessBand.Standard"/>).</summary>
public sealed record Accessibility(bool RoadNetwork, int RoundingBase, int MinimumShown, IReadOnlyList<PlantBand> Bands)
{
    public object ToGeoJson() => new
    {
        type = "FeatureCollection",
        roadNetwork = RoadNetwork,
        roundingBase = RoundingBase,
        minimumShown = MinimumShown,
        features = Bands.Select(b => new
        {
            type = "Feature", geometry = b.Area,
            properties = new { plantId = b.PlantId, plant = b.Plant, profile = b.Profile, minutes = b.Minutes, inside = b.Inside, share = b.Share },
        }),
    };
}

/// <summary>
/// Isochrones per plant (<see cref="PlantAccessibility"/>) and the people inside each. The areas are the costly part (one
/// one-to-all search per plant and mode, then a union of cells) and depend only on the roads and the plant's position:
/// they are cached per network, road data version and plant position. Who is inside depends on the filter and is counted
/// per request from a homes → plant matrix (a bucket search on the hierarchy, milliseconds for thousands of homes).
/// </summary>
public sealed class AccessibilityStatistics(AccessibilityRoads roads, ILogger<AccessibilityStatistics> log)
{
    /// <summary>The drawn areas are simplified to this (degrees, about 60 m) and their corners rounded to 1e-5 degree: the
    /// areas are 200 m cells anyway, and unsimplified their staircase edges made answers of megabytes.</summary>
    private const double SimplifyDegrees = 0.0006;
    private static readonly NetTopologySuite.Geometries.PrecisionModel Corners = new(1e5);
    private static readonly NetTopologySuite.Geometries.GeometryFactory Wgs84 = new(new NetTopologySuite.Geometries.PrecisionModel(), 4326);
    private readonly ConcurrentDictionary<(string Roads, string Profile, GeoPoint Home, GeoPoint Plant), double> _seconds = new();

    private readonly ConcurrentDictionary<(long Network, string Roads, long Plant, double Latitude, double Longitude), Lazy<IReadOnlyList<(AccessBand Band, JsonElement Area)>>> _areas = new();

    public sealed record Home(long Id, long PlantId, GeoPoint Position);

    public sealed record PlantPlace(long Id, string Name, GeoPoint Position);

    /// <summary>Homes (with a place) of these people, and the plants they work at.</summary>
    public static async Task<(List<Home> Homes, List<PlantPlace> Plants)> PlacesAsync(MobilityDbContext database, long networkId,
        IReadOnlyList<DashboardPerson> people, CancellationToken cancellation)
    {
        var ids = people.Select(p => p.Id).ToArray();
        var homes = (await database.Employees.AsNoTracking().Where(e => ids.Contains(e.Id) && e.Home != null)
                .Select(e => new { e.Id, e.MainSiteId, e.Home }).ToListAsync(cancellation))
            .Select(e => new Home(e.Id, e.MainSiteId, new GeoPoint(e.Home!.Y, e.Home.X))).ToList();
        var plantIds = people.Select(p => p.SiteId).Distinct().ToArray();
        var plants = (await database.Sites.AsNoTracking().Where(s => s.NetworkId == networkId && plantIds.Contains(s.Id))
                .Select(s => new { s.Id, s.Name, s.Location }).ToListAsync(cancellation))
            .OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new PlantPlace(s.Id, s.Name, new GeoPoint(s.Location.Y, s.Location.X))).ToList();
        return (homes, plants);
    }

    public async Task<Accessibility> OfAsync(MobilityDbContext database, Disclosure disclosure, long networkId, IReadOnlyList<DashboardPerson> people,
        CancellationToken cancellation)
    {
        var router = await RouterAsync(cancellation);
        if (router is null) return new Accessibility(false, Disclosure.Base, DashboardStatistics.MinimumShown, []);
        var (homes, plants) = await PlacesAsync(database, networkId, people, cancellation);
        var bands = new List<PlantBand>();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var seconds = AccessBand.Standard.Select(b => b.Profile).Distinct().ToDictionary(p => p, p => Seconds(router, homes, plants, p));
        var counting = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        // The plants' areas are independent searches: drawn side by side on every core (each once, by its Lazy).
        var drawing = System.Diagnostics.Stopwatch.GetTimestamp();
        await Task.Run(() => Parallel.ForEach(plants, new ParallelOptions { CancellationToken = cancellation }, plant => AreasOf(router, networkId, plant)), cancellation);
        var drawn = System.Diagnostics.Stopwatch.GetElapsedTime(drawing);
        foreach (var plant in plants)
        {
            cancellation.ThrowIfCancellationRequested();
            var own = homes.Where(h => h.PlantId == plant.Id).ToList();
            var areas = AreasOf(router, networkId, plant);
            var total = disclosure.Count(people.Where(p => p.SiteId == plant.Id).Select(p => p.Id));
            foreach (var (band, area) in areas)
            {
                var limit = band.Minutes * 60.0;
                var inside = disclosure.Count(own.Where(h => seconds[band.Profile][h.Id] <= limit).Select(h => h.Id));
                int? shown = inside >= DashboardStatistics.MinimumShown ? inside : null;
                double? share = shown is { } n && total >= DashboardStatistics.MinimumShown ? Math.Round(Math.Min(1, (double)n / total), 2) : null;
                bands.Add(new PlantBand(plant.Id, plant.Name, band.Profile, band.Minutes, area, shown, share));
            }
        }
        log.LogInformation("Accessibility of network {Network}: {Plants} plants, {Homes} homes in {Seconds:F2} s: travel times {Times:F2} s, areas {Areas:F2} s",
            networkId, plants.Count, homes.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, counting.TotalSeconds, drawn.TotalSeconds);
        return new Accessibility(true, Disclosure.Base, DashboardStatistics.MinimumShown, bands);
    }

    /// <summary>The router of the three modes, loaded on first use (an import of the extract when no RouterDb has them).</summary>
    public Task<Router?> RouterAsync(CancellationToken cancellation) => Task.Run(() => roads.Router, cancellation);

    /// <summary>Each home's travel time by <paramref name="profile"/> to its own plant (+∞ when the mode cannot reach it),
    /// by home id. Times already known for the same roads, home and plant positions are kept; the others come from one
    /// matrix, all missing homes × all plants (one bucket search per profile rather than one per plant: each search has a
    /// set-up cost of the whole graph's size).</summary>
    public IReadOnlyDictionary<long, double> Seconds(Router router, IReadOnlyList<Home> homes, IReadOnlyList<PlantPlace> plants, string profile)
    {
        var plantAt = plants.ToDictionary(p => p.Id, p => p.Position);
        (string, string, GeoPoint, GeoPoint) Key(Home h) => (roads.Version, profile, h.Position, plantAt[h.PlantId]);
        var missing = homes.Where(h => plantAt.ContainsKey(h.PlantId) && !_seconds.ContainsKey(Key(h))).ToList();
        if (missing.Count > 0)
        {
            var column = plants.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
            var times = new RoadTravelTimes(router, profile).Matrix(missing.Select(h => h.Position).ToList(), plants.Select(p => p.Position).ToList());
            for (var i = 0; i < missing.Count; i++)
            {
                var j = column[missing[i].PlantId];
                _seconds[Key(missing[i])] = times.IsReachable(i, j) ? times.Seconds(i, j) : double.PositiveInfinity;
            }
        }
        return homes.Where(h => plantAt.ContainsKey(h.PlantId)).ToDictionary(h => h.Id, h => _seconds[Key(h)]);
    }

    /// <summary>Each home's travel time to the plant by each profile of the bands (+∞ when the mode cannot reach it), one
    /// matrix per profile and plant with no cache: the tests' independent count.</summary>
    public static Dictionary<string, double[]> SecondsToPlant(Router router, IReadOnlyList<GeoPoint> homes, GeoPoint plant)
    {
        var answer = new Dictionary<string, double[]>();
        foreach (var profile in AccessBand.Standard.Select(b => b.Profile).Distinct())
        {
            var times = new RoadTravelTimes(router, profile).Matrix(homes, [plant]);
            answer[profile] = Enumerable.Range(0, homes.Count).Select(h => times.IsReachable(h, 0) ? times.Seconds(h, 0) : double.PositiveInfinity).ToArray();
        }
        return answer;
    }

    private IReadOnlyList<(AccessBand Band, JsonElement Area)> AreasOf(Router router, long networkId, PlantPlace plant) =>
        _areas.GetOrAdd((networkId, roads.Version, plant.Id, plant.Position.Latitude, plant.Position.Longitude),
            _ => new Lazy<IReadOnlyList<(AccessBand, JsonElement)>>(() => PlantAccessibility.Of(router, plant.Position, [], AccessBand.Standard)
                .Select(a => (a.Band, JsonDocument.Parse(RouteGeometry.ToGeoJson(Drawn(a.Area))).RootElement.Clone())).ToList())).Value;

    /// <summary>Always a MultiPolygon (simplifying may leave one polygon), so the contract has one geometry type.</summary>
    private static NetTopologySuite.Geometries.Geometry Drawn(NetTopologySuite.Geometries.Geometry area)
    {
        if (area.IsEmpty) return Wgs84.CreateMultiPolygon();
        var reduced = NetTopologySuite.Precision.GeometryPrecisionReducer.Reduce(
            NetTopologySuite.Simplify.TopologyPreservingSimplifier.Simplify(area, SimplifyDegrees), Corners);
        var polygons = Enumerable.Range(0, reduced.NumGeometries).Select(reduced.GetGeometryN).OfType<NetTopologySuite.Geometries.Polygon>().ToArray();
        return Wgs84.CreateMultiPolygon(polygons);
    }
}
