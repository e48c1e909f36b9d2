using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mobility.Server.Http;

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
    private Task<long> SharedProposalAsync() => server.ProposeAheadAsync(20, 3, server.AlphaTwo, server.AlphaOne, server.BetaOne);

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
        return (instance, Tests.RealServer.Serve(instance));
    }

    private static Task<IBrowser> ChromiumAsync(IPlaywright playwright) => Chromium.LaunchAsync(playwright);

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
        return (page, problems);
    }

    /// <summary>The page signed in through its own form, as a person would (the cookie, not a token).</summary>
    private static async Task<(IPage Page, List<string> Problems)> SignedInPageAsync(IBrowser browser, string address, string email,
        int width = 1280, int height = 800)
    {
        var (page, problems) = await WatchedPageAsync(browser, width, height);
        await page.GotoAsync(address + "/");
        await page.FillAsync("#sign-in-form input[name=email]", email);
        await page.FillAsync("#sign-in-form input[name=password]", TwoNetworkServer.Password);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        return (page, problems);
    }

    private static async Task<List<string>> ProblemsAsync(IPage page, List<string> problems) =>
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
            var (page, problems) = await SignedInPageAsync(browser, address, "berta@test.local", width, height);

            var card = page.Locator($"article.trip[data-group='{group}']");
            await card.WaitForAsync();
            var listed = await card.InnerTextAsync();
            Assert.Contains(ImageName, listed);
            Assert.Contains(ScriptName, listed);
            Assert.Contains(PlantName, listed);

            // The trip in full: the crew, the map (its labels are drawn in the map's canvas, never as markup) and the
            // list of its calls beside it.
            await card.GetByRole(AriaRole.Button, new() { Name = "Détails et carte" }).ClickAsync();
            var detail = page.Locator(".trip-detail");
            await detail.Locator(".map[data-ready=true]").WaitForAsync(new() { Timeout = 30_000 });
            var crew = await detail.Locator(".crew").InnerTextAsync();
            var calls = await detail.Locator(".calls").InnerTextAsync();
            // A payload's image would fail to load (no /x on the server) and run its handler: give it time to.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"hostile-names-{width}x{height}.png"), FullPage = true });
            Assert.Equal("undefined", await page.EvaluateAsync<string>("() => String(window.__xss)"));
            Assert.Equal(0, await detail.Locator("img, script").CountAsync());
            Assert.Contains(ImageName, crew);
            Assert.Contains(ScriptName, crew);
            Assert.Contains(ImageName, calls);
            Assert.Contains(PlantName, calls);
            // Long hostile names wrap: the phone never scrolls sideways (DESIGN.md, The front end).
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"wider than {width} px");
            Assert.Empty(await ProblemsAsync(page, problems));
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task HR_and_the_working_group_see_the_same_names_as_text_and_the_page_runs_under_its_policy()
    {
        await RenameAsync();
        await using (var database = server.NewContext())
        {
            database.ShuttlePlans.Add(new Data.Model.ShuttlePlan { NetworkId = server.Nord, CompanyId = server.Alpha, Name = ScriptName,
                ValidFrom = new DateOnly(2026, 12, 1) });
            await database.SaveChangesAsync();
        }
        var (instance, address) = RealServer();
        await using var _ = instance;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ChromiumAsync(playwright);

        var (hr, hrProblems) = await SignedInPageAsync(browser, address, "hr.alpha@test.local");
        var paul = hr.Locator("#employee-table tbody tr").Filter(new LocatorFilterOptions { HasText = "A2" });
        await paul.WaitForAsync();
        Assert.Contains(ImageName, await paul.InnerTextAsync());
        await Chromium.OpenHrSectionAsync(hr, "shuttles");
        var plan = hr.Locator("#shuttle-plans tbody tr").Filter(new LocatorFilterOptions { HasText = ScriptName });
        await plan.Locator("button[data-plan]").ClickAsync();
        Assert.Equal(ScriptName, await hr.Locator("#shuttle-timetable h3").InnerTextAsync());
        await hr.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Directory.CreateDirectory(ScreenshotFolder);
        await hr.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "hostile-names-hr.png"), FullPage = true });
        Assert.Equal("undefined", await hr.EvaluateAsync<string>("() => String(window.__xss)"));
        Assert.Empty(await ProblemsAsync(hr, hrProblems));

        // The working group's dashboard draws bars whose width the script sets (through CSSOM, which the policy allows), and
        // names the renamed plant in its filters and on its map.
        var (group, groupProblems) = await SignedInPageAsync(browser, address, "wg.nord@test.local");
        await group.Locator("#distances table").WaitForAsync();
        await Assertions.Expect(group.Locator("#dashboard-filters select[name=plant]")).ToContainTextAsync(PlantName);
        await group.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("undefined", await group.EvaluateAsync<string>("() => String(window.__xss)"));
        Assert.Empty(await ProblemsAsync(group, groupProblems));
    }

    [Fact]
    public async Task HR_plans_shuttles_from_the_page_which_follows_the_job_and_shows_the_plan_named_as_text()
    {
        server.PutNordOnAShuttleDay();
        // Not containing ScriptName: the other test picks its plan out of the list by that text.
        const string planName = "<img src=x onerror=window.__xss=4>Navette";
        var (instance, address) = RealServer();
        await using var _ = instance;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ChromiumAsync(playwright);
        var (hr, problems) = await SignedInPageAsync(browser, address, "hr.alpha@test.local");
        await Chromium.OpenHrSectionAsync(hr, "shuttles");
        var form = hr.Locator("#shuttle-form");
        await form.WaitForAsync();
        await form.Locator("input[name=name]").FillAsync(planName);
        await form.Locator("input[name=date]").FillAsync(TwoNetworkServer.ShuttleMonday.ToString("yyyy-MM-dd"));
        await form.Locator("input[name=days]").FillAsync("1");
        await form.Locator("input[name=minDistanceKm]").FillAsync("5");
        await form.Locator("button[name=plan]").ClickAsync();
        // The request answers at once with a job; the page polls it and, once done, shows the plan's figures and timetable.
        await hr.Locator("#shuttle-result table").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        Assert.Contains("2 passagers", await hr.Locator("#shuttle-result p").InnerTextAsync());
        Assert.Equal(planName, await hr.Locator("#shuttle-timetable h3").InnerTextAsync());
        Assert.Equal("undefined", await hr.EvaluateAsync<string>("() => String(window.__xss)"));
        Assert.Empty(await ProblemsAsync(hr, problems));
    }

    [Fact]
    public async Task The_API_reference_renders_under_its_own_policy()
    {
        var (instance, address) = RealServer();
        await using var _ = instance;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ChromiumAsync(playwright);
        var (page, problems) = await WatchedPageAsync(browser, 1280, 800);
        await page.GotoAsync(address + "/api-reference");
        // An endpoint's summary from our OpenAPI document (the first group is open): Scalar has fetched it and drawn the reference.
        await page.GetByText("Liveness: the process answers.").First.WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // Scalar's validator probes whether it may compile with Function() and falls back when it may not: the one
        // refusal expected, since eval stays forbidden there too.
        var violations = await ProblemsAsync(page, problems);
        Assert.DoesNotContain(violations, v => !(v.StartsWith("script-src blocked eval at ") && v.Contains("/api-reference/scalar.js:")));
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var anonymous = server.Factory.CreateClient();
        using var berta = await server.ClientAsync("berta@test.local");
        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("the page", await anonymous.GetAsync("/")),
            ("a script", await anonymous.GetAsync("/sw.js")),
            ("the API signed out (401)", await anonymous.GetAsync("/api/me")),
            ("the API signed in", await berta.GetAsync("/api/me")),
            ("a missing page (404)", await anonymous.GetAsync("/no-such-page")),
            ("an unreadable request (the exception handler's 400)", await berta.PutAsync("/api/me/employee",
                new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"))),
            ("the OpenAPI document", await anonymous.GetAsync("/openapi/v1.json")),
        };
        foreach (var (what, response) in responses)
        {
            var policy = string.Join("; ", response.Headers.GetValues("Content-Security-Policy"));
            foreach (var directive in new[] { "default-src 'self'", "script-src 'self';", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'" })
                Assert.True(policy.Contains(directive), $"{what}: no {directive} in {policy}");
            Assert.DoesNotContain("unsafe", policy);
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
            Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
            Assert.Equal(["strict-origin-when-cross-origin"], response.Headers.GetValues("Referrer-Policy"));
        }
        Assert.Equal(HttpStatusCode.NotFound, responses[4].Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, responses[5].Response.StatusCode);

        // Only the API reference may run inline script, and it is still never framed.
        using var reference = await anonymous.GetAsync("/api-reference/");
        var referencePolicy = string.Join("; ", reference.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'unsafe-inline'", referencePolicy);
        Assert.Contains("frame-ancestors 'none'", referencePolicy);
    }
}
