using Mobility.Application.Roads;
using Mobility.Planning.TravelTimes;
using Mobility.Routing;

namespace Mobility.Server.Carpools;

/// <summary>
/// The road network matching uses, loaded once on first use: a RouterDb file (`Routing:RouterDb`, fastest) or an OSM
/// extract (`Routing:Osm` or MOBILITY_OSM_FILE, imported at start-up). With neither, straight-line estimates are used
/// and a warning says so: proposals then still come, but their times are rough.
/// </summary>
public sealed class TravelTimesSource(IConfiguration configuration, ILogger<TravelTimesSource> log)
{
    /// <summary>Matrices kept by the cache: a date's carpool times are several matrices (homes and sites both ways, sites,
    /// one per block of people who can share a car: see Planning's CarpoolTravel), and a few dates are matched in turn.</summary>
    private const int MatricesPerDay = 48;

    private readonly Lazy<(Router? Router, ITravelTimes Times)> _loaded = new(() => Load(configuration, log));

    public ITravelTimes TravelTimes => _loaded.Value.Times;

    /// <summary>The car router behind the road times, for route geometry; null when none is configured.</summary>
    public Router? Router => _loaded.Value.Router;

    private static (Router?, ITravelTimes) Load(IConfiguration configuration, ILogger log)
    {
        var routerDb = configuration["Routing:RouterDb"];
        var osm = configuration["Routing:Osm"] ?? configuration["MOBILITY_OSM_FILE"];
        if (routerDb is { Length: > 0 }) log.LogInformation("Road times from the RouterDb {File}", routerDb);
        else if (osm is { Length: > 0 }) log.LogInformation("Road times from the OSM extract {File} (importing the car network)", osm);
        var router = RouterSource.Open(routerDb, osm, ["car"]);
        if (router is not null) return (router, new RepeatedMatrixCache(new RoadTravelTimes(router), MatricesPerDay));
        log.LogWarning("No road network configured (Routing:RouterDb, Routing:Osm or MOBILITY_OSM_FILE): carpools are matched on straight-line estimates");
        return (null, new RepeatedMatrixCache(new CrowFlyTravelTimes(), MatricesPerDay));
    }
}
