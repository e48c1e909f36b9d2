using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mobility.Server.Tests;

/// <summary>The browser interface as served: French first, and every text it shows exists in French and in English.</summary>
public sealed partial class WebInterfaceTests
{
    private static readonly WebApplicationFactory<Program> Server = new WebApplicationFactory<Program>()
        .WithWebHostBuilder(host => host.UseSetting(DatabaseConnection.SettingName, ""));

    [GeneratedRegex(@"^\s{2}(fr|en): \{(?<body>.*?)^\s{2}\},", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex LanguageBlock();

    [GeneratedRegex(@"(?<key>\w+):\s*""")]
    private static partial Regex Key();

    private static async Task<Dictionary<string, HashSet<string>>> TextsAsync()
    {
        var script = await Server.CreateClient().GetStringAsync("/i18n.js");
        return LanguageBlock().Matches(script).ToDictionary(m => m.Groups[1].Value,
            m => Key().Matches(m.Groups["body"].Value).Select(k => k.Groups["key"].Value).ToHashSet());
    }

    [Fact]
    public async Task Every_text_exists_in_French_and_in_English()
    {
        var texts = await TextsAsync();
        Assert.True(texts["fr"].Count > 30, $"only {texts["fr"].Count} French texts were read");
        Assert.Empty(texts["fr"].Except(texts["en"]));
        Assert.Empty(texts["en"].Except(texts["fr"]));
    }

    [Fact]
    public async Task The_page_is_French_first_and_names_only_texts_that_exist()
    {
        var html = await Server.CreateClient().GetStringAsync("/");
        Assert.Contains("<html lang=\"fr\">", html);
        var used = Regex.Matches(html, @"data-i18n=""(\w+)""").Select(m => m.Groups[1].Value).ToHashSet();
        foreach (var module in new[] { "/app.js", "/demand.js", "/live.js", "/proposalMap.js", "/shuttles.js" })
        {
            var script = await Server.CreateClient().GetStringAsync(module);
            used.UnionWith(Regex.Matches(script, @"\bt\(""(\w+)""\)").Select(m => m.Groups[1].Value));
        }
        Assert.True(used.Count > 20);
        Assert.Empty(used.Except((await TextsAsync())["fr"]));
    }

    [Fact]
    public async Task The_map_library_is_served_with_the_page()
    {
        // Plant networks often block CDNs: the working group's map must not depend on one.
        var html = await Server.CreateClient().GetStringAsync("/");
        foreach (var asset in Regex.Matches(html, @"(?:src|href)=""(lib/[^""]+)""").Select(m => m.Groups[1].Value).DefaultIfEmpty("none"))
            Assert.Equal(System.Net.HttpStatusCode.OK, (await Server.CreateClient().GetAsync("/" + asset)).StatusCode);
        Assert.Contains("lib/leaflet/leaflet.js", html);
    }
}
