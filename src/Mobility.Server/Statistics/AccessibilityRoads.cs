using Mobility.Application.Roads;
using Mobility.Routing;

namespace Mobility.Server.Statistics;

/// <summary>
/// The road network of the accessibility analyses: car, bicycle and foot (the carpool engine's router has only the car),
/// opened once on first use from the same settings as <see cref="Carpools.TravelTimesSource"/> (`Routing:RouterDb` when
/// it holds the three profiles, else `Routing:Osm` / MOBILITY_OSM_FILE imported for them). <see cref="Version"/> names
/// the road data (file, size, time), so cached isochrones are dropped when the file changes on a restart.
/// </summary>
public sealed class AccessibilityRoads(IConfiguration configuration, ILogger<AccessibilityRoads> log)
{
    public static readonly string[] Profiles = ["car", "bicycle", "foot"];

    private readonly Lazy<(Router? Router, string Version)> _loaded = new(() => Load(configuration, log));

    /// <summary>Null when no road network is configured: the analyses then answer nothing rather than crow-fly guesses.</summary>
    public Router? Router => _loaded.Value.Router;

    public string Version => _loaded.Value.Version;

    private static (Router?, string) Load(IConfiguration configuration, ILogger log)
    {
        var routerDb = configuration["Routing:RouterDb"];
        var osm = configuration["Routing:Osm"] ?? configuration["MOBILITY_OSM_FILE"];
        if (routerDb is { Length: > 0 })
        {
            var fromFile = RouterSource.Open(routerDb, null, Profiles);
            if (fromFile is not null && Profiles.All(p => Has(fromFile, p))) return (fromFile, VersionOf(routerDb));
            log.LogInformation("The RouterDb {File} lacks the bicycle or foot profile: accessibility imports the OSM extract", routerDb);
        }
        if (osm is not { Length: > 0 }) return (null, "none");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var router = RouterSource.Open(null, osm, Profiles);
        log.LogInformation("Accessibility roads (car, bicycle, foot) from {File} in {Seconds:F1} s", osm,
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        return (router, VersionOf(osm));
    }

    private static bool Has(Router router, string profile)
    {
        try { router.For(profile); return true; }
        catch (ArgumentException) { return false; }
    }

    private static string VersionOf(string file)
    {
        var info = new FileInfo(file);
        return $"{info.FullName}:{info.Length}:{info.LastWriteTimeUtc.Ticks}";
    }
}
