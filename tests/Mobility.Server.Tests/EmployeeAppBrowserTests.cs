using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mobility.Data.Accounts;
using Mobility.Data.Model;

namespace Mobility.Server.Tests;

/// <summary>
/// The employee's app in Debian's Chromium, as two colleagues of different companies use it on their phones: the week
/// with their shared trip, accepting it (the other sees it at once), declining, the language saved to the profile,
/// the data downloaded as a file, and erasure. At 390 px nothing scrolls sideways and every control is at least 44 px.
/// </summary>
public sealed class EmployeeAppBrowserTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
    private const string HostileText = "<img src=x onerror=\"window.__xss=9\"> on arrive";

    /// <summary>Anne drives Berta on a date ahead that the engine leaves alone (beyond its horizon).</summary>
    private Task<long> SharedTripAsync() => server.ProposeAheadAsync(20, 3, server.AlphaOne, server.BetaOne);

    internal static async Task<IPage> SignedInAsync(IBrowser browser, string address, string email, List<string> errors)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => errors.Add($"{email}: {error}");
        await Chromium.SignInAsync(page, address, email);
        await page.Locator("#employee").WaitForAsync();
        return page;
    }

    /// <summary>What a thumb cannot hit: visible controls under 44 × 44 px (a checkbox or radio counts by its label's row).</summary>
    private static Task<string[]> SmallTargetsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll("button, a[href], select, input")].filter((e) => {
            const target = (e.type === "checkbox" || e.type === "radio") ? (e.closest("label") ?? e) : e;
            const r = target.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && (r.height < 44 || r.width < 44);
          }).map((e) => `${e.tagName} ${(e.textContent || e.name || "").trim().slice(0, 30)} ${Math.round(e.getBoundingClientRect().width)}x${Math.round(e.getBoundingClientRect().height)}`)
        """);

    internal static async Task CheckPhoneLayoutAsync(IPage page, string screen)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{screen} scrolls sideways at 390 px");
        Assert.Empty(await SmallTargetsAsync(page));
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"employee-{screen}-390.png"), FullPage = true });
    }

    [Fact]
    public async Task Two_colleagues_see_their_trip_one_accepts_and_the_other_sees_it_live_then_declines()
    {
        var group = await SharedTripAsync();
        await using var instance = server.Instance(("Proposals:RecomputeOnStart", "false"));
        var address = RealServer.Serve(instance);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var errors = new List<string>();
        var anne = await SignedInAsync(browser, address, "anne@test.local", errors);
        var berta = await SignedInAsync(browser, address, "berta@test.local", errors);

        var anneCard = anne.Locator($"article.trip[data-group='{group}']");
        await Assertions.Expect(anneCard).ToContainTextAsync("Vous conduisez");
        await Assertions.Expect(anneCard).ToContainTextAsync("Berta (Beta SECRET-BETA)");
        await CheckPhoneLayoutAsync(anne, "week");

        // Berta opens the trip: the crew, her own line marked, and the map with its legend.
        var bertaCard = berta.Locator($"article.trip[data-group='{group}']");
        await bertaCard.GetByRole(AriaRole.Button, new() { Name = "Détails et carte" }).ClickAsync();
        var detail = berta.Locator(".trip-detail");
        await detail.Locator(".map[data-ready=true]").WaitForAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(detail.Locator(".crew li[aria-current=true]")).ToContainTextAsync("Moi");
        await CheckPhoneLayoutAsync(berta, "trip");

        // Anne accepts; Berta's open trip shows it without a reload (the hub pushes the change to every member).
        await anneCard.GetByRole(AriaRole.Button, new() { Name = "Accepter" }).ClickAsync();
        await Assertions.Expect(anne.Locator("#message")).ToContainTextAsync("vous avez accepté");
        await Assertions.Expect(anneCard.Locator(".chip")).ToHaveTextAsync("Accepté");
        await Assertions.Expect(detail.Locator(".crew li").Filter(new() { HasText = "Anne" })).ToContainTextAsync("Accepté", new() { Timeout = 15_000 });

        // The crew talks: Berta sends a quick message and a hostile text; Anne, on the trip's page, gets both live, as text.
        await anneCard.GetByRole(AriaRole.Button, new() { Name = "Détails et carte" }).ClickAsync();
        var anneChat = anne.Locator(".crew-chat");
        await anneChat.Locator(".hint", new() { HasText = "Pas encore de message" }).WaitForAsync();
        var bertaChat = detail.Locator(".crew-chat");
        await bertaChat.GetByRole(AriaRole.Button, new() { Name = "J'arrive" }).ClickAsync();
        await bertaChat.Locator("textarea[name=text]").FillAsync(HostileText);
        await bertaChat.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Assertions.Expect(anneChat.Locator(".messages li")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await Assertions.Expect(anneChat.Locator(".messages li").First).ToContainTextAsync("J'arrive");
        await Assertions.Expect(anneChat.Locator(".messages li").Last).ToContainTextAsync(HostileText);
        Assert.Equal(0, await anneChat.Locator(".messages img").CountAsync());
        Assert.Equal("undefined", await anne.EvaluateAsync<string>("() => String(window.__xss)"));
        await CheckPhoneLayoutAsync(anne, "trip-chat");
        await anne.GetByRole(AriaRole.Button, new() { Name = "← Retour à ma semaine" }).ClickAsync();

        // Berta declines: stored before the answer, shown on both phones.
        await detail.GetByRole(AriaRole.Button, new() { Name = "Refuser" }).ClickAsync();
        await Assertions.Expect(berta.Locator("#message")).ToContainTextAsync("vous avez refusé");
        await using (var database = server.NewContext())
            Assert.Equal(Data.Model.CarpoolStatus.Declined, await database.CarpoolMembers
                .Where(m => m.CarpoolGroupId == group && m.EmployeeId == server.BetaOne).Select(m => m.Status).SingleAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_language_chosen_is_kept_at_the_next_sign_in_and_my_data_downloads_as_a_file_and_erasure_asks_first()
    {
        // Paul, whom the other test leaves alone (this one erases him), with an account of his own and a trip with Anne.
        await using (var database = server.NewContext())
        {
            database.Users.Add(AccountFactory.Create("paul@test.local", TwoNetworkServer.Password, AccountRole.Employee, employeeId: server.AlphaTwo));
            await database.SaveChangesAsync();
        }
        var group = await server.ProposeAheadAsync(21, 3, server.AlphaTwo, server.AlphaOne);
        await using var instance = server.Instance(("Proposals:RecomputeOnStart", "false"));
        var address = RealServer.Serve(instance);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var errors = new List<string>();
        var paul = await SignedInAsync(browser, address, "paul@test.local", errors);

        await paul.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(paul.Locator($"article.trip[data-group='{group}']")).ToContainTextAsync("To work");
        await Assertions.Expect(paul.GetByRole(AriaRole.Link, new() { Name = "My week" })).ToBeVisibleAsync();
        // The page shows English at once and saves the choice in the background: wait for it to be stored.
        string? savedLanguage = null;
        for (var attempt = 0; attempt < 50 && savedLanguage != "en"; attempt++)
        {
            if (attempt > 0) await Task.Delay(200);
            await using var database = server.NewContext();
            savedLanguage = await database.Employees.Where(e => e.Id == server.AlphaTwo).Select(e => e.PreferredLanguage).SingleAsync();
        }
        Assert.Equal("en", savedLanguage);
        // A new browser, where nothing was chosen: the profile's language wins.
        var again = await SignedInAsync(browser, address, "paul@test.local", errors);
        await Assertions.Expect(again.GetByRole(AriaRole.Link, new() { Name = "Settings" })).ToBeVisibleAsync();

        await again.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await CheckPhoneLayoutAsync(again, "settings");
        var download = await again.RunAndWaitForDownloadAsync(() => again.GetByRole(AriaRole.Button, new() { Name = "Download (CSV)" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("employee,,externalId,A2", csv);

        // Erasure asks first; keeping changes nothing, confirming erases and signs out.
        await again.GetByRole(AriaRole.Button, new() { Name = "Erase my data" }).ClickAsync();
        await again.GetByRole(AriaRole.Button, new() { Name = "No, keep my data" }).ClickAsync();
        await using (var database = server.NewContext())
            Assert.Null(await database.Employees.Where(e => e.Id == server.AlphaTwo).Select(e => e.ErasedAt).SingleAsync());
        await again.GetByRole(AriaRole.Button, new() { Name = "Erase my data" }).ClickAsync();
        await again.GetByRole(AriaRole.Button, new() { Name = "Yes, erase everything" }).ClickAsync();
        await again.Locator("#sign-in-form").WaitForAsync();
        await using (var database = server.NewContext())
            Assert.NotNull(await database.Employees.Where(e => e.Id == server.AlphaTwo).Select(e => e.ErasedAt).SingleAsync());
        Assert.Empty(errors);
    }
}
