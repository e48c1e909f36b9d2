using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Mobility.Application.Tiles;

/// <summary>What an .mbtiles file says about itself (its <c>metadata</c> table), parsed.</summary>
/// <param name="Bounds">West, south, east, north in degrees.</param>
/// <param name="Center">Longitude, latitude and a zoom to open the map at.</param>
/// <param name="VectorLayers">The <c>vector_layers</c> array of the <c>json</c> entry (layer ids, fields, zooms).</param>
/// <param name="Fingerprint">What <see cref="TileBuild"/> made the file from, or null for a file from elsewhere.</param>
public sealed record MbTilesMetadata(string? Name, string? Description, int MinZoom, int MaxZoom, double[] Bounds, double[] Center,
    JsonElement? VectorLayers, string? Fingerprint);

/// <summary>
/// An MBTiles 1.3 file (SQLite): tiles stored by zoom, column and TMS row, and a key-value metadata table. Read-only and
/// pooled: each read borrows a connection from Microsoft.Data.Sqlite's pool, so concurrent requests share a few
/// connections and nothing can write to the file through this object.
/// </summary>
public sealed class MbTiles
{
    /// <summary>Our own metadata key: the fingerprint of the extract and profile the file was built from.</summary>
    internal const string FingerprintKey = "mobility_fingerprint";

    private readonly string _connectionString;

    public string File { get; }

    private MbTiles(string file, string connectionString) => (File, _connectionString) = (file, connectionString);

    /// <param name="pooling">False for a file about to be renamed or replaced (a build), so no pooled connection outlives it.</param>
    public static MbTiles Open(string file, bool pooling = true)
    {
        if (!System.IO.File.Exists(file)) throw new FileNotFoundException($"No such tiles file: {file}", file);
        return new MbTiles(file, ConnectionString(file, SqliteOpenMode.ReadOnly, pooling));
    }

    /// <summary>The tile's stored bytes (a vector tile, often gzipped), or null when the file has no tile there.</summary>
    public byte[]? ReadTile(TileAddress tile)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT tile_data FROM tiles WHERE zoom_level = $z AND tile_column = $x AND tile_row = $row";
        command.Parameters.AddWithValue("$z", tile.Z);
        command.Parameters.AddWithValue("$x", tile.X);
        command.Parameters.AddWithValue("$row", tile.TmsRow);
        return command.ExecuteScalar() as byte[];
    }

    public MbTilesMetadata ReadMetadata()
    {
        var entries = ReadMetadataEntries();
        string? Text(string key) => entries.GetValueOrDefault(key);
        int Zoom(string key, int fallback) => int.TryParse(Text(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var zoom) ? zoom : fallback;
        var minZoom = Zoom("minzoom", 0);
        var maxZoom = Zoom("maxzoom", 14);
        var bounds = Numbers(Text("bounds"), 4) ?? [-180, -85.0511, 180, 85.0511];
        var center = Numbers(Text("center"), 3) ?? [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, minZoom];
        JsonElement? layers = null;
        if (Text("json") is { } json)
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.TryGetProperty("vector_layers", out var found)) layers = found.Clone();
        }
        return new MbTilesMetadata(Text("name"), Text("description"), minZoom, maxZoom, bounds, center, layers, Text(FingerprintKey));
    }

    /// <summary>Every tile stored at <paramref name="zoom"/> (a few thousand at the deepest zoom of a region).</summary>
    public List<TileAddress> TilesAt(int zoom)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT tile_column, tile_row FROM tiles WHERE zoom_level = $z";
        command.Parameters.AddWithValue("$z", zoom);
        using var reader = command.ExecuteReader();
        var tiles = new List<TileAddress>();
        while (reader.Read()) tiles.Add(TileAddress.FromTmsRow(zoom, reader.GetInt32(0), reader.GetInt32(1)));
        return tiles;
    }

    internal Dictionary<string, string> ReadMetadataEntries()
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, value FROM metadata";
        using var reader = command.ExecuteReader();
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
            if (!reader.IsDBNull(0) && !reader.IsDBNull(1)) entries[reader.GetString(0)] = reader.GetString(1);
        return entries;
    }

    /// <summary>Sets metadata entries of a file being built (the only write this class does, on its own connection).</summary>
    internal static void WriteMetadata(string file, IReadOnlyDictionary<string, string> entries)
    {
        using var connection = new SqliteConnection(ConnectionString(file, SqliteOpenMode.ReadWrite, pooling: false));
        connection.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var (name, value) in entries)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM metadata WHERE name = $name; INSERT INTO metadata (name, value) VALUES ($name, $value)";
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$value", value);
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static string ConnectionString(string file, SqliteOpenMode mode, bool pooling = true) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = pooling }.ToString();

    private static double[]? Numbers(string? text, int count)
    {
        var parts = text?.Split(',');
        if (parts?.Length != count) return null;
        var numbers = new double[count];
        for (var i = 0; i < count; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i])) return null;
        return numbers;
    }
}
