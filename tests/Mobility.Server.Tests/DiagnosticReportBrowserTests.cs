using Microsoft.Playwright;

namespace Mobility.Server.Tests;

/// <summary>The working group makes the diagnostic in Debian's Chromium: one click, the job's steps in words, a PDF to
/// download, on the dashboard; the potential tables beside it show withheld figures as "moins de 10", and nothing scrolls
/// sideways on a phone.</summary>
public sealed class DiagnosticReportBrowserTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    [Fact]
    public async Task The_working_group_makes_the_diagnostic_and_downloads_its_PDF()
    {
        server.PutNordOnADayRoster();
        await using var instance = server.Instance(("Proposals:RecomputeOnStart", "false"));
        var address = RealServer.Serve(instance);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        foreach (var (width, height) in new[] { (390, 844), (1280, 800) })
        {
            var context = await browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true, Locale = "fr-FR" });
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);
            await Chromium.SignInAsync(page, address, "wg.nord@test.local");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();
            await page.Locator("#dashboard").WaitForAsync();

            // Potential: Nord's few people are all withheld.
            var potential = page.Locator("#potential-table");
            await Assertions.Expect(potential.Locator("tbody tr").First).ToContainTextAsync("moins de 10");
            await Assertions.Expect(page.Locator(".potential")).ToContainTextAsync("Pas de réseau routier configuré");

            await page.ClickAsync("#diagnostic-make");
            var link = page.Locator("#diagnostic-download");
            await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 120_000 });
            await Assertions.Expect(page.Locator(".diagnostic-report")).ToContainTextAsync("Diagnostic prêt");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"scrolls sideways at {width} px");
            Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"diagnostic-{width}.png"), FullPage = true });

            var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
            Assert.EndsWith(".pdf", download.SuggestedFilename);
            var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
            var text = DiagnosticTests.PdfText(bytes);
            Assert.Contains("1. Accès aux sites par mode", text);
            Assert.Contains("Beta SECRET-BETA", text);
            Assert.Empty(errors);
            await context.CloseAsync();
        }
    }
}
