using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Mobility.Server.Tests;

/// <summary>The working group's scenarios in Debian's Chromium, on a phone and a desktop: a scenario made in the form (a
/// wrong one first, told next to its field), run with its progress shown, and read side by side with the baseline; on
/// the desktop a second one beside it.</summary>
public sealed class ScenarioBrowserTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static string Screenshot(string name) =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName, name);

    private static async Task MakeScenarioAsync(IPage page, string name, Func<ILocator, Task> fill)
    {
        await page.ClickAsync("#new-scenario");
        var form = page.Locator("#scenario-form");
        await form.Locator("input[name=name]").FillAsync(name);
        await fill(form.Locator("fieldset.change").First);
        await form.Locator("button[type=submit]").ClickAsync();
        await page.Locator("#message", new() { HasText = "Scénario enregistré." }).WaitForAsync();
    }

    private static async Task RunAsync(IPage page, string name)
    {
        await page.Locator("li.scenario", new() { HasText = name }).GetByRole(AriaRole.Button, new() { Name = "Calculer" }).ClickAsync();
        // The progress shows from the moment the job is queued until it ends.
        await page.Locator(".job[role=status] progress").WaitForAsync(new() { Timeout = 10_000 });
        await page.Locator("#scenario-comparison th", new() { HasText = name }).WaitForAsync(new() { Timeout = 120_000 });
    }

    [Fact]
    public async Task The_working_group_makes_a_scenario_runs_it_and_reads_it_beside_the_baseline_on_a_phone_and_a_desktop()
    {
        ScenarioApiTests.PutShiftWorkers(server);
        await using var instance = server.Instance(("Proposals:RecomputeOnStart", "false"));
        var address = RealServer.Serve(instance);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        foreach (var (width, height) in new[] { (390, 844), (1280, 800) })
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
            var scriptErrors = new List<string>();
            page.PageError += (_, error) => scriptErrors.Add(error);
            await Chromium.SignInAsync(page, address, "wg.nord@test.local");
            await page.GetByRole(AriaRole.Link, new() { Name = "Scénarios" }).ClickAsync();
            await page.Locator("h1", new() { HasText = "Scénarios" }).WaitForAsync();
            await page.FillAsync("#scenario-dates input[name=date]", ScenarioApiTests.Date.ToString("yyyy-MM-dd"));

            // A form sent without its plant: the server's code, in French, beside the change.
            await page.ClickAsync("#new-scenario");
            var form = page.Locator("#scenario-form");
            await form.Locator("input[name=name]").FillAsync($"<i>Incomplet</i> {width}");
            await form.Locator("button[type=submit]").ClickAsync();
            await Assertions.Expect(form.Locator("fieldset.change .field-error")).ToContainTextAsync("Obligatoire");
            await form.GetByRole(AriaRole.Button, new() { Name = "Annuler" }).ClickAsync();

            var moved = $"Poste de 8 h 30 à 8 h <b>{width}</b>";
            await MakeScenarioAsync(page, moved, async change =>
            {
                await change.Locator("select[name=plantId]").SelectOptionAsync(new SelectOptionValue { Label = "Usine Alpha" });
                await change.Locator("select[name=shiftStart]").SelectOptionAsync("08:30");
                await change.Locator("select[name=offsetMinutes]").SelectOptionAsync("-30");
            });
            // Names are text, never markup.
            await Assertions.Expect(page.Locator("li.scenario strong", new() { HasText = moved })).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("li.scenario", new() { HasText = moved }).Locator(".changes")).ToContainTextAsync("Usine Alpha : poste de 08:30 décalé de -30 min");
            await RunAsync(page, moved);
            var table = page.Locator("#scenario-comparison table");
            await Assertions.Expect(table.Locator("thead th").Nth(1)).ToHaveTextAsync("Situation actuelle");
            var shared = table.Locator("tbody tr", new() { HasText = "Trajets partagés" });
            // Nobody shared a car before (too few to show: a dash); with the shifts together, a published count.
            await Assertions.Expect(shared.Locator("td").Nth(0)).ToHaveTextAsync("—");
            await Assertions.Expect(shared.Locator("td").Nth(1)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));

            if (width > 600)
            {
                var policy = $"Détours Alpha {width}";
                await MakeScenarioAsync(page, policy, async change =>
                {
                    await change.Locator("select[name=kind]").SelectOptionAsync("detour-policy");
                    await change.Locator("select[name=companyId]").SelectOptionAsync(new SelectOptionValue { Label = "Alpha Plasturgie" });
                    await change.Locator("input[name=maxDetourMinutes]").FillAsync("30");
                });
                await RunAsync(page, policy);
                await Assertions.Expect(table.Locator("thead th")).ToHaveCountAsync(4);
            }
            // Nothing sticks out sideways on a phone.
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
            await page.ScreenshotAsync(new() { Path = Screenshot($"scenarios-{width}.png"), FullPage = true });
            Assert.Empty(scriptErrors);
            await page.CloseAsync();
        }
        await using var database = server.NewContext();
        Assert.Equal(3, await database.ScenarioRuns.CountAsync());
    }
}
