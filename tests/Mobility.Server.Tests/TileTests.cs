using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Mobility.Application.Tiles;
using Mobility.Routing;
using Mobility.Server.Tiles;
using Mobility.TestSupport;

namespace Mobility.Server.Tests;

/// <summary>A server on the Heidelberg basemap, built by the real tilemaker once per run (<see cref="HeidelbergTiles"/>).</summary>
public sealed class HeidelbergTileServer : IDisposable
{
    public WebApplicationFactory<Program> Factory { get; } = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
    {
        host.UseSetting(DatabaseConnection.SettingName, "");
        host.UseSetting(TileSource.SettingName, HeidelbergTiles.File);
    });

    public void Dispose() => Factory.Dispose();
}

public sealed class TileTests(HeidelbergTileServer server) : IClassFixture<HeidelbergTileServer>
{
    private static readonly TileAddress Centre = TileAddress.Containing(new GeoPoint(49.41, 8.69), 14);

    private static string Url(TileAddress tile) => $"/tiles/{tile.Z}/{tile.X}/{tile.Y}.pbf";

    private static async Task<byte[]> TileBytesAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.Content.Headers.ContentEncoding.Contains("gzip")) return bytes;
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await gzip.CopyToAsync(plain);
        return plain.ToArray();
    }

    [Fact]
    public async Task The_tile_over_Heidelbergs_centre_is_a_vector_tile_with_its_streets_and_needs_no_sign_in()
    {
        using var response = await server.Factory.CreateClient().GetAsync(Url(Centre));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TileEndpoints.VectorTileType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding); // stored gzipped, sent as stored
        var layers = VectorTile.FeatureCounts(await TileBytesAsync(response));
        Assert.True(layers.GetValueOrDefault("transportation") > 100, string.Join(", ", layers.Select(l => $"{l.Key}: {l.Value}")));
        Assert.True(layers.GetValueOrDefault("transportation_name") > 0);
        Assert.True(layers.GetValueOrDefault("water") + layers.GetValueOrDefault("waterway") > 0); // the Neckar
        // Public data, but the same browser protections as every answer.
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_client_that_refuses_gzip_gets_the_plain_tile_under_another_ETag()
    {
        var client = server.Factory.CreateClient();
        using var gzipped = await client.GetAsync(Url(Centre));
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(Centre));
        request.Headers.AcceptEncoding.ParseAdd("identity");
        using var plain = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(await TileBytesAsync(gzipped), await plain.Content.ReadAsByteArrayAsync());
        Assert.NotEqual(gzipped.Headers.ETag, plain.Headers.ETag);
        Assert.Contains("Accept-Encoding", plain.Headers.Vary);
    }

    [Fact]
    public async Task A_tile_outside_the_extract_or_past_its_deepest_zoom_is_empty()
    {
        var client = server.Factory.CreateClient();
        foreach (var tile in new[] { TileAddress.Containing(new GeoPoint(48.8566, 2.3522), 14), TileAddress.Containing(new GeoPoint(49.41, 8.69), 16) })
        {
            using var response = await client.GetAsync(Url(tile));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Theory]
    [InlineData("31/0/0")]
    [InlineData("14/16384/0")]
    [InlineData("14/0/16384")]
    [InlineData("-1/0/0")]
    [InlineData("14/-1/0")]
    [InlineData("z/0/0")]
    [InlineData("14/0/1e3")]
    [InlineData("99999999999999/0/0")]
    public async Task Coordinates_off_the_grid_are_a_400_with_a_code(string coordinates)
    {
        using var response = await server.Factory.CreateClient().GetAsync($"/tiles/{coordinates}.pbf");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("tile-out-of-range", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(TileAddress.MaxZoom, problem.RootElement.GetProperty("parameters").GetProperty("maxZoom").GetInt32());
    }

    [Fact]
    public async Task TileJson_describes_the_extract_and_its_URL_template_serves_its_tiles_for_a_year()
    {
        var client = server.Factory.CreateClient();
        using var response = await client.GetAsync("/tiles/tiles.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var json = document.RootElement;
        Assert.Equal("3.0.0", json.GetProperty("tilejson").GetString());
        Assert.Contains("OpenStreetMap contributors", json.GetProperty("attribution").GetString());
        Assert.Equal((0, 14), (json.GetProperty("minzoom").GetInt32(), json.GetProperty("maxzoom").GetInt32()));
        var bounds = json.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()).ToArray();
        Assert.True(bounds[0] < 8.69 && 8.69 < bounds[2] && bounds[1] < 49.41 && 49.41 < bounds[3], string.Join(",", bounds));
        var center = json.GetProperty("center").EnumerateArray().Select(c => c.GetDouble()).ToArray();
        Assert.True(bounds[0] <= center[0] && center[0] <= bounds[2] && bounds[1] <= center[1] && center[1] <= bounds[3]);
        var layers = json.GetProperty("vector_layers").EnumerateArray().ToList();
        Assert.Contains(layers, l => l.GetProperty("id").GetString() == "transportation" && l.GetProperty("fields").ValueKind == JsonValueKind.Object);

        var template = json.GetProperty("tiles").EnumerateArray().Single().GetString()!;
        Assert.StartsWith("http://localhost/tiles/{z}/{x}/{y}.pbf?v=", template); // absolute, from the request's host
        var url = template.Replace("{z}", "14").Replace("{x}", Centre.X.ToString()).Replace("{y}", Centre.Y.ToString());
        using var tile = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        Assert.True(tile.Headers.CacheControl is { Public: true, MaxAge.TotalDays: >= 365 }, tile.Headers.CacheControl?.ToString());
        Assert.Contains("transportation", VectorTile.FeatureCounts(await TileBytesAsync(tile)).Keys);

        // Without the version a cache keeps it a day, not a year: the file may be rebuilt under the same URL.
        using var unversioned = await client.GetAsync(Url(Centre));
        Assert.True(unversioned.Headers.CacheControl?.MaxAge < TimeSpan.FromDays(2));
    }

    [Fact]
    public async Task A_cached_tile_is_revalidated_by_its_ETag_without_its_bytes()
    {
        var client = server.Factory.CreateClient();
        using var first = await client.GetAsync(Url(Centre));
        Assert.NotNull(first.Headers.ETag);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(Centre));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        using var other = new HttpRequestMessage(HttpMethod.Get, Url(Centre));
        other.Headers.IfNoneMatch.ParseAdd("\"another-file\"");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other)).StatusCode);
    }

    [Fact]
    public async Task Without_tiles_TileJson_is_a_404_with_a_code_and_the_log_says_how_to_build_them()
    {
        var log = new CapturedLog();
        using var bare = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting(DatabaseConnection.SettingName, "");
            host.ConfigureLogging(logging => logging.AddProvider(log));
        });
        var client = bare.CreateClient();
        foreach (var path in new[] { "/tiles/tiles.json", Url(Centre) })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("tiles-not-built", problem.RootElement.GetProperty("code").GetString());
        }
        Assert.Contains(log.Entries, e => e.Message.Contains("mobility tiles build --osm") && e.Message.Contains("Tiles__File"));
    }

    [Fact]
    public async Task An_unreadable_tiles_file_is_logged_and_answered_as_no_tiles_without_its_path()
    {
        var file = Path.Combine(Path.GetTempPath(), $"not-tiles-{Guid.NewGuid():N}.mbtiles");
        await File.WriteAllTextAsync(file, "not an SQLite file");
        try
        {
            var log = new CapturedLog();
            using var broken = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
            {
                host.UseSetting(DatabaseConnection.SettingName, "");
                host.UseSetting(TileSource.SettingName, file);
                host.ConfigureLogging(logging => logging.AddProvider(log));
            });
            using var response = await broken.CreateClient().GetAsync("/tiles/tiles.json");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(file, await response.Content.ReadAsStringAsync());
            Assert.Contains(log.Entries, e => e.Message.Contains(file) && e.Message.Contains("cannot be read"));
        }
        finally { File.Delete(file); }
    }
}
