using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Mobility.Server.Tests;

/// <summary>
/// Stored XSS across companies: HR of one company controls its employees' first names and its plants' names, and an
/// employee of another company sees them on a shared proposal. The page must show them as typed and run none of them,
/// under a Content-Security-Policy its own scripts obey. Drives Debian's chromium (scripts/prerequisites.sh installs it)
/// against a real Kestrel server, since a browser cannot reach the in-memory TestServer.
/// </summary>
public sealed class HostileNamesBrowserTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    // Each payload writes a different number, so a failure says which text ran.
    private const string ImageName = "<img src=x onerror=\"window.__xss=1\">";
    private const string ScriptName = "<script>window.__xss=2</script>";
    private const string PlantName = "Usine <img src=y onerror=\"window.__xss=3\"><script>window.__xss=4</script>";

    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Paul (driver) and Anne of Alpha, with Berta of Beta, on a date ahead (the page lists from today) that the engine leaves alone.</summary>
    private async Task<long> SharedProposalAsync()
    {
        var group = await server.ProposeAsync(3, server.AlphaTwo, server.AlphaOne, server.BetaOne);
        var ahead = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
        await using var database = server.NewContext();
        var stored = await database.CarpoolGroups.Include(g => g.Members).SingleAsync(g => g.Id == group);
        var shift = ahead.DayNumber - stored.Date.DayNumber;
        stored.Date = ahead;
        foreach (var member in stored.Members) member.PickupTime = member.PickupTime.AddDays(shift);
        await database.SaveChangesAsync();
        return group;
    }

    /// <summary>Alpha's HR renames through the API, as an attacker with an HR account would.</summary>
    private async Task RenameAsync()
    {
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        (await hr.PutAsJsonAsync($"/api/employees/{server.AlphaTwo}", new { firstName = ImageName })).EnsureSuccessStatusCode();
        (await hr.PutAsJsonAsync($"/api/employees/{server.AlphaOne}", new { firstName = ScriptName })).EnsureSuccessStatusCode();
        (await hr.PutAsJsonAsync($"/api/sites/{server.AlphaPlant}", new
        {
            externalId = "ALP-1", name = PlantName, kind = "Plant", location = new { type = "Point", coordinates = new[] { 7.79, 48.81 } },
        })).EnsureSuccessStatusCode();
    }

    /// <summary>A Kestrel instance of the server on a free loopback port, and its address.</summary>
    private (WebApplicationFactory<Program> Instance, string Address) RealServer()
    {
        var instance = server.Instance();
        instance.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        instance.StartServer();
        var address = instance.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (instance, address);
    }

    private static async Task<IBrowser> ChromiumAsync(IPlaywright playwright) =>
        await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });

    /// <summary>
    /// A page that records what the browser refused under the Content-Security-Policy and every script error, before any
    /// of the page's own code runs (Playwright's init scripts are not subject to the page's policy).
    /// </summary>
    private static async Task<(IPage Page, List<string> Problems)> WatchedPageAsync(IBrowser browser, int width, int height)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add("script error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) problems.Add("console: " + message.Text);
        };
        await page.AddInitScriptAsync("""
            window.__violations = [];
            document.addEventListener("securitypolicyviolation", (e) =>
              window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
            """);
        // No internet here: the basemap's tiles fail at once instead of waiting on DNS (the policy is checked before this).
        await page.RouteAsync("https://tile.openstreetmap.org/**", route => route.AbortAsync());
        return (page, problems);
    }

    private static async Task<List<string>> ViolationsAsync(IPage page, List<string> problems) =>
        [.. problems, .. await page.EvaluateAsync<string[]>("() => window.__violations")];

    [Fact]
    public async Task Names_set_by_another_companys_HR_show_as_text_on_the_proposal_and_its_map_and_run_nothing()
    {
        var group = await SharedProposalAsync();
        await RenameAsync();
        var (instance, address) = RealServer();
        await using var _ = instance;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ChromiumAsync(playwright);
        Directory.CreateDirectory(ScreenshotFolder);

        foreach (var (width, height) in new[] { (390, 844), (1280, 800) })
        {
            var (page, problems) = await WatchedPageAsync(browser, width, height);
            await page.GotoAsync(address + "/");
            await page.FillAsync("#sign-in-form input[name=email]", "berta@test.local");
            await page.FillAsync("#sign-in-form input[name=password]", TwoNetworkServer.Password);
            await page.ClickAsync("#sign-in-form button[type=submit]");

            var card = page.Locator("article.proposal").Filter(new LocatorFilterOptions { Has = page.Locator($"button[data-map='{group}']") });
            await card.WaitForAsync();
            var listed = await card.InnerTextAsync();
            Assert.Contains(ImageName, listed);
            Assert.Contains(ScriptName, listed);
            Assert.Contains(PlantName, listed);

            await card.Locator($"button[data-map='{group}']").ClickAsync();
            var map = card.Locator(".proposal-map");
            await map.Locator(".leaflet-interactive").First.WaitForAsync();
            // Leaflet writes a tooltip's content only when it opens: open every one (the pickups are circles, the plant a marker).
            var tooltips = new List<string>();
            var elementsInTooltips = 0;
            var targets = map.Locator(".leaflet-interactive");
            for (var i = 0; i < await targets.CountAsync(); i++)
            {
                await targets.Nth(i).DispatchEventAsync("mouseover");
                var tooltip = page.Locator(".leaflet-tooltip");
                if (await tooltip.CountAsync() > 0)
                {
                    tooltips.Add(await tooltip.Last.InnerTextAsync());
                    elementsInTooltips += await tooltip.Locator("img, script").CountAsync();
                }
                if (i < await targets.CountAsync() - 1) await targets.Nth(i).DispatchEventAsync("mouseout");
            }
            // A payload's image would fail to load (no /x on the server) and run its handler: give it time to.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"hostile-names-{width}x{height}.png"), FullPage = true });
            Assert.Equal("undefined", await page.EvaluateAsync<string>("() => String(window.__xss)"));
            Assert.Equal(0, elementsInTooltips);
            Assert.Contains("1. " + ImageName, tooltips);
            Assert.Contains("2. " + ScriptName, tooltips);
            Assert.Contains(PlantName, tooltips);
            Assert.Empty(await ViolationsAsync(page, problems));
            await page.CloseAsync();
        }
    }
}
