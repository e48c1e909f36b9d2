using Mobility.Routing;
using Mobility.Routing.Osm;
using Mobility.Routing.Profiles;
using Mobility.TestSupport;

namespace Mobility.Data.Tests;

/// <summary>The Heidelberg extract's car router, built once for the test classes that need real roads.</summary>
public static class HeidelbergRoads
{
    private static readonly Lazy<Router> Car = new(() =>
        Router.Build(OsmImporter.Import(SharedData.OsmFile("heidelberg.osm.pbf"), [VehicleProfiles.Car]), ["car"]));

    public static Router Router => Car.Value;
}
