namespace Mobility.Server.Tiles;

/// <summary>The basemap's vector tiles, served from one .mbtiles file (<see cref="TileSource"/>).</summary>
public static class TilesSetup
{
    public static IServiceCollection AddMobilityTiles(this IServiceCollection services) => services.AddSingleton<TileSource>();
}
