using Mobility.Routing;
using Mobility.Routing.IO;
using Mobility.Routing.Osm;
using Mobility.Routing.Profiles;

namespace Mobility.Application.Roads;

/// <summary>
/// Opens the road router every use case plans on: a RouterDb file from `mobility routing build` when one is given (it
/// loads in a fraction of the import time), otherwise the OSM extract imported now for the profiles asked.
/// </summary>
public static class RouterSource
{
    /// <returns>The router, or null when neither a RouterDb file nor an OSM extract is given.</returns>
    public static Router? Open(string? routerDbFile, string? osmFile, IReadOnlyList<string> profiles, Action<string>? progress = null)
    {
        if (routerDbFile is { Length: > 0 }) return RouterDbFile.Read(routerDbFile);
        if (osmFile is not { Length: > 0 }) return null;
        var network = OsmImporter.Import(osmFile, profiles.Select(VehicleProfiles.ByName).ToList(), progress);
        return Router.Build(network, profiles, progress);
    }
}
