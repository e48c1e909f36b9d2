using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mobility.Application.Tiles;

namespace Mobility.Server.Tiles;

/// <summary>
/// The basemap's .mbtiles file (setting <c>Tiles:File</c>, from `mobility tiles build`), opened once at start with its
/// metadata. Its <see cref="Version"/> (size and modification time) is the tiles' ETag and the <c>v</c> of the TileJSON's
/// URL, so a rebuilt file (after a restart) is never confused with the old one by a cache.
/// </summary>
public sealed class TileSource
{
    public const string SettingName = "Tiles:File";

    /// <summary>Null when no tiles are configured or the file cannot be read (the log says why).</summary>
    public MbTiles? Tiles { get; }
    public MbTilesMetadata? Metadata { get; }
    public string Version { get; } = "";

    public TileSource(IConfiguration configuration, ILogger<TileSource> log)
    {
        var file = configuration[SettingName];
        if (string.IsNullOrWhiteSpace(file))
        {
            log.LogWarning("No basemap tiles ({Setting} is not set): /tiles answers 404. Build them with " +
                "`mobility tiles build --osm EXTRACT.osm.pbf` and set Tiles__File to the file it prints (./run.sh does both)", SettingName);
            return;
        }
        try
        {
            var tiles = MbTiles.Open(file);
            Metadata = tiles.ReadMetadata();
            Tiles = tiles;
            var info = new FileInfo(file);
            Version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
                string.Create(CultureInfo.InvariantCulture, $"{info.Length}:{info.LastWriteTimeUtc.Ticks}"))))[..16];
            log.LogInformation("Basemap tiles from {File} (zoom {MinZoom}-{MaxZoom}, version {Version})", file, Metadata.MinZoom, Metadata.MaxZoom, Version);
        }
        catch (Exception error) when (error is FileNotFoundException or Microsoft.Data.Sqlite.SqliteException or System.Text.Json.JsonException)
        {
            log.LogError(error, "The basemap tiles file {File} ({Setting}) cannot be read: /tiles answers 404. Build it again with " +
                "`mobility tiles build --osm EXTRACT.osm.pbf`", file, SettingName);
        }
    }
}
