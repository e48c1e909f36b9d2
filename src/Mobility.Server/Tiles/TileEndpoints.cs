using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Mobility.Application.Tiles;
using Mobility.Data;
using Mobility.Server.Http;

namespace Mobility.Server.Tiles;

/// <summary>TileJSON 3.0.0 (https://github.com/mapbox/tilejson-spec/tree/master/3.0.0), what MapLibre reads of a vector source.</summary>
public sealed record TileJson(
    [property: JsonPropertyName("tilejson")] string Version,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("attribution")] string Attribution,
    [property: JsonPropertyName("scheme")] string Scheme,
    [property: JsonPropertyName("tiles")] IReadOnlyList<string> Tiles,
    [property: JsonPropertyName("minzoom")] int MinZoom,
    [property: JsonPropertyName("maxzoom")] int MaxZoom,
    [property: JsonPropertyName("bounds")] double[] Bounds,
    [property: JsonPropertyName("center")] double[] Center,
    [property: JsonPropertyName("vector_layers")] JsonElement VectorLayers);

/// <summary>
/// The basemap: vector tiles from the router's own OSM extract (DESIGN.md, Maps). Public map data, so no sign-in: a tile
/// carries roads, water and places, nothing of anyone. The security headers apply as everywhere.
/// </summary>
public static class TileEndpoints
{
    public const string VectorTileType = "application/vnd.mapbox-vector-tile";

    /// <summary>A tile whose URL names the file's version never changes, so caches may keep it for a year.</summary>
    private const string VersionedCaching = "public, max-age=31536000, immutable";
    /// <summary>Without the version, a day: a rebuilt file reaches such clients by tomorrow, or at once through the ETag.</summary>
    private const string UnversionedCaching = "public, max-age=86400";

    public static IEndpointRouteBuilder MapTileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Opened now, so the log says at start whether tiles are served and how to build them if not.
        endpoints.ServiceProvider.GetRequiredService<TileSource>();
        var tiles = endpoints.MapGroup("/tiles").WithTags("Basemap tiles").AllowAnonymous();
        tiles.MapGet("/tiles.json", ReadTileJson).WithSummary("TileJSON 3.0 of the basemap: tile URL template, zooms, bounds, layers, attribution.");
        tiles.MapGet("/{z}/{x}/{y}.pbf", ReadTile)
            .WithSummary("One Mapbox vector tile (XYZ numbering); 204 where the extract has nothing.");
        return endpoints;
    }

    private static IResult ReadTileJson(HttpContext http, TileSource source)
    {
        if (source.Metadata is not { } metadata) return NotBuilt();
        http.Response.Headers.ETag = $"\"{source.Version}\"";
        // Revalidated every time: the tile URLs inside carry the version, so this small document must never go stale.
        http.Response.Headers.CacheControl = "no-cache";
        var request = http.Request;
        var template = $"{request.Scheme}://{request.Host}{request.PathBase}/tiles/{{z}}/{{x}}/{{y}}.pbf?v={source.Version}";
        return Results.Json(new TileJson("3.0.0", metadata.Name, metadata.Description, TileAttribution.Text, "xyz", [template],
            metadata.MinZoom, metadata.MaxZoom, metadata.Bounds, metadata.Center,
            metadata.VectorLayers ?? JsonDocument.Parse("[]").RootElement));
    }

    private static IResult ReadTile(string z, string x, string y, [FromQuery] string? v, HttpContext http, TileSource source)
    {
        if (Parse(z, x, y) is not { IsValid: true } tile)
            return CodedProblem.Create(StatusCodes.Status400BadRequest, Codes.Problem.TileOutOfRange,
                new Dictionary<string, object?> { ["z"] = Clip(z), ["x"] = Clip(x), ["y"] = Clip(y), ["maxZoom"] = TileAddress.MaxZoom });
        if (source.Tiles is not { } tiles || source.Metadata is not { } metadata) return NotBuilt();

        var headers = http.Response.Headers;
        headers.CacheControl = v == source.Version ? VersionedCaching : UnversionedCaching;
        headers.Vary = HeaderNames.AcceptEncoding;
        var stored = tile.Z >= metadata.MinZoom && tile.Z <= metadata.MaxZoom ? tiles.ReadTile(tile) : null;
        // MapLibre draws a 204 as an empty tile, without an error in the console.
        if (stored is null) return Results.NoContent();

        var gzipped = stored is [0x1f, 0x8b, ..];
        var sendGzipped = gzipped && AcceptsGzip(http.Request);
        var etag = $"\"{source.Version}{(gzipped && !sendGzipped ? "-identity" : "")}\"";
        headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.Any(given => given is not null && given.Split(',').Any(tag => tag.Trim() == etag)))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        if (sendGzipped) headers.ContentEncoding = "gzip";
        return Results.Bytes(gzipped && !sendGzipped ? Gunzip(stored) : stored, VectorTileType);
    }

    private static TileAddress? Parse(string z, string x, string y) =>
        int.TryParse(z, NumberStyles.None, CultureInfo.InvariantCulture, out var zoom)
        && int.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var column)
        && int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var row)
            ? new TileAddress(zoom, column, row) : null;

    /// <summary>The coordinates go back as given, so they are cut to what a coordinate can be.</summary>
    private static string Clip(string text) => text.Length <= 12 ? text : text[..12];

    /// <summary>No Accept-Encoding means any coding will do (RFC 9110, 12.5.3); browsers always list gzip.</summary>
    private static bool AcceptsGzip(HttpRequest request)
    {
        var header = request.Headers.AcceptEncoding;
        if (header.Count == 0) return true;
        return StringWithQualityHeaderValue.TryParseList(header, out var codings)
            && codings.Any(c => (c.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) || c.Value == "*") && c.Quality is not 0);
    }

    private static byte[] Gunzip(byte[] data)
    {
        using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }

    private static IResult NotBuilt() => CodedProblem.Create(StatusCodes.Status404NotFound, Codes.Problem.TilesNotBuilt);
}
