using Mobility.Planning.TravelTimes;
using Mobility.Routing;
using Mobility.Routing.IO;
using Mobility.Routing.Osm;
using Mobility.Routing.Profiles;

namespace Mobility.Server.Proposals;

/// <summary>
/// The road network matching uses, loaded once on first use: a RouterDb file (`Routing:RouterDb`, fastest) or an OSM
/// extract (`Routing:Osm` or MOBILITY_OSM_FILE, imported at start-up). With neither, straight-line estimates are used
/// and a warning says so: proposals then still come, but their times are rough.
/// </summary>
public sealed class TravelTimesSource(IConfiguration configuration, ILogger<TravelTimesSource> log)
{
    private readonly Lazy<ITravelTimes> _travelTimes = new(() => new RepeatedMatrixCache(Load(configuration, log)));

    public ITravelTimes TravelTimes => _travelTimes.Value;

    private static ITravelTimes Load(IConfiguration configuration, ILogger log)
    {
        if (configuration["Routing:RouterDb"] is { Length: > 0 } routerDb)
        {
            log.LogInformation("Road times from the RouterDb {File}", routerDb);
            return new RoadTravelTimes(RouterDbFile.Read(routerDb));
        }
        if ((configuration["Routing:Osm"] ?? configuration["MOBILITY_OSM_FILE"]) is { Length: > 0 } osm)
        {
            log.LogInformation("Road times from the OSM extract {File} (importing the car network)", osm);
            return new RoadTravelTimes(Router.Build(OsmImporter.Import(osm, [VehicleProfiles.Car]), ["car"]));
        }
        log.LogWarning("No road network configured (Routing:RouterDb, Routing:Osm or MOBILITY_OSM_FILE): carpools are matched on straight-line estimates");
        return new CrowFlyTravelTimes();
    }
}
