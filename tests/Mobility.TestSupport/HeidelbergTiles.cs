using Mobility.Application.Tiles;

namespace Mobility.TestSupport;

/// <summary>
/// The basemap tiles of the shared Heidelberg extract, built once per test run by the real tilemaker into the test's
/// bin folder; the build's own fingerprint reuses them on the next run while the extract is unchanged.
/// </summary>
public static class HeidelbergTiles
{
    private static readonly Lazy<string> Built = new(() =>
        TileBuild.Build(SharedData.OsmFile("heidelberg.osm.pbf"), directory: Path.Combine(AppContext.BaseDirectory, "tiles")).File);

    public static string File => Built.Value;
}
