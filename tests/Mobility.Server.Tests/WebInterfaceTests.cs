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
        var references = Reference().Matches(html).Select(m => m.Groups[1].Value).ToList();
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
}
