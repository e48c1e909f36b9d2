using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mobility.Server.Tests;

/// <summary>The browser app as the server serves it (built from src/Mobility.Web by ./test.sh): French first, everything it
/// loads served by us (plant networks often block CDNs), installable (a manifest and a service worker).</summary>
public sealed partial class WebInterfaceTests
{
    private static readonly WebApplicationFactory<Program> Server = new WebApplicationFactory<Program>()
        .WithWebHostBuilder(host => host.UseSetting(DatabaseConnection.SettingName, ""));

    [GeneratedRegex(@"(?:src|href)=""([^""]+)""")]
    private static partial Regex Reference();

    [Fact]
    public async Task The_page_is_French_first_and_everything_it_loads_is_ours()
    {
        using var client = Server.CreateClient();
        var html = await client.GetStringAsync("/");
        Assert.Contains("<html lang=\"fr\">", html);
        // What the page loads (scripts, styles, icons, manifest), not where its links lead (the OSM credit links to its licence).
        var references = Reference().Matches(Regex.Replace(html, @"<a\s[^>]*>", "")).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(references, r => r.StartsWith("/assets/", StringComparison.Ordinal) && r.EndsWith(".js", StringComparison.Ordinal));
        foreach (var reference in references)
        {
            Assert.StartsWith("/", reference);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(reference)).StatusCode);
        }
    }

    [Fact]
    public async Task The_app_is_installable_with_a_manifest_icons_and_a_service_worker()
    {
        using var client = Server.CreateClient();
        var manifest = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/manifest.webmanifest")).RootElement;
        Assert.Equal("fr", manifest.GetProperty("lang").GetString());
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        var icons = manifest.GetProperty("icons").EnumerateArray().Select(i => (Src: i.GetProperty("src").GetString()!, Sizes: i.GetProperty("sizes").GetString())).ToList();
        Assert.Contains(icons, i => i.Sizes == "512x512");
        foreach (var (src, _) in icons) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(src)).StatusCode);
        var worker = await client.GetAsync("/sw.js");
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.Equal("text/javascript", worker.Content.Headers.ContentType?.MediaType);
        // The worker keeps the shell, never the API's answers (personal data).
        var script = await worker.Content.ReadAsStringAsync();
        Assert.Contains("/api/", script);
    }

    [Fact]
    public async Task The_apps_files_come_compressed_and_hashed_ones_are_kept_while_the_API_is_never_compressed()
    {
        using var client = Server.CreateClient();
        var html = await client.GetStringAsync("/");
        var script = Reference().Matches(html).Select(m => m.Groups[1].Value).First(r => r.EndsWith(".js", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, script);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var response = await client.SendAsync(request);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        using var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.AcceptEncoding.ParseAdd("gzip");
        using var pageResponse = await client.SendAsync(page);
        Assert.True(pageResponse.Headers.CacheControl?.NoCache, "the page is revalidated so a new build shows at once");
        using var api = new HttpRequestMessage(HttpMethod.Get, "/health");
        api.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var apiResponse = await client.SendAsync(api);
        Assert.Empty(apiResponse.Content.Headers.ContentEncoding);
    }
}
