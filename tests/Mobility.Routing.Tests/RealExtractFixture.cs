using Mobility.Routing.Osm;
using Mobility.Routing.Profiles;
using Mobility.TestSupport;

namespace Mobility.Routing.Tests;

/// <summary>Imports a shared real extract and builds its car router once per test class.</summary>
public abstract class RealExtractFixture(string fileName)
{
    private readonly Lazy<Router> _router = new(() =>
        Router.Build(OsmImporter.Import(SharedData.OsmFile(fileName), [VehicleProfiles.Car]), ["car"]));

    public Router Router => _router.Value;
}

public sealed class HeidelbergFixture() : RealExtractFixture("heidelberg.osm.pbf");
public sealed class LiechtensteinFixture() : RealExtractFixture("liechtenstein-2015.osm.pbf");
