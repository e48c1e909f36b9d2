using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mobility.Data.Model;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Tests;

/// <summary>HR's console in Debian's Chromium, on a phone and a desktop: an employee found by a search typed without accents,
/// edited and erased after a confirmation; a roster built on the week grid with a night shift, and a wrong shift told
/// next to it.</summary>
public sealed class HrConsoleBrowserTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private static string Screenshot(string name) =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName, name);

    /// <summary>A page of that size signed in as Alpha's HR, and the script errors it meets.</summary>
    private static async Task<(IPage Page, List<string> ScriptErrors)> SignedInAsync(IBrowser browser, string address, int width, int height)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await Chromium.SignInAsync(page, address, "hr.alpha@test.local");
        return (page, scriptErrors);
    }

    [Fact]
    public async Task HR_finds_an_employee_without_typing_accents_edits_them_and_erases_another_after_confirming()
    {
        await using var instance = server.Instance(("Proposals:RecomputeOnStart", "false"));
        var address = RealServer.Serve(instance);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        foreach (var (width, height) in new[] { (390, 844), (1280, 800) })
        {
            long edited, erased;
            await using (var database = server.NewContext())
            {
                var people = new[] { ("Hélène", $"Éditée{width}"), ("Oscar", $"Effacé{width}") }.Select((p, i) => new Employee
                {
                    CompanyId = server.Alpha, MainSiteId = server.AlphaPlant, ExternalId = $"BR-{width}-{i}", FirstName = p.Item1, LastName = p.Item2,
                    Home = Wgs84.CreatePoint(new Coordinate(7.72, 48.84)), ConsentToMatching = true,
                }).ToList();
                database.Employees.AddRange(people);
                await database.SaveChangesAsync();
                (edited, erased) = (people[0].Id, people[1].Id);
            }
            var (page, scriptErrors) = await SignedInAsync(browser, address, width, height);
            await page.FillAsync("form[role=search] input[name=search]", $"helene editee{width}");
            await page.ClickAsync("form[role=search] button[type=submit]");
            var row = page.Locator($"tr[data-employee='{edited}']");
            await Assertions.Expect(page.Locator("#employee-count")).ToHaveTextAsync("1 salarié(s)");
            await row.GetByRole(AriaRole.Button, new() { Name = "Modifier" }).ClickAsync();
            var form = page.Locator("#employee-form");
            await Assertions.Expect(form.Locator("input[name=lastName]")).ToHaveValueAsync($"Éditée{width}");
            // A day of leave is listed once saved and removed from the list.
            var exceptions = page.Locator("#shift-exception-form");
            await Assertions.Expect(exceptions).ToContainTextAsync("Aucune absence ni poste en plus à venir.");
            await exceptions.Locator("input[name=date]").FillAsync("2031-05-06");
            await exceptions.Locator("button[type=submit]").ClickAsync();
            var coming = exceptions.Locator(".exception-list li");
            await Assertions.Expect(coming).ToHaveCountAsync(1);
            await Assertions.Expect(coming.First).ToContainTextAsync("Absence");
            await using (var database = server.NewContext())
                Assert.Equal(new DateOnly(2031, 5, 6), await database.ShiftExceptions.Where(x => x.EmployeeId == edited).Select(x => x.Date).SingleAsync());
            await coming.First.GetByRole(AriaRole.Button).ClickAsync();
            await page.Locator("#message", new() { HasText = "le roulement s'applique de nouveau" }).WaitForAsync();
            await Assertions.Expect(exceptions).ToContainTextAsync("Aucune absence ni poste en plus à venir.");
            await using (var database = server.NewContext())
                Assert.False(await database.ShiftExceptions.AnyAsync(x => x.EmployeeId == edited));
            await form.Locator("input[name=workEmail]").FillAsync("pas-une-adresse");
            await form.Locator("button[type=submit]").ClickAsync();
            // The browser's own check or the server's code: either way nothing is stored and the form stays.
            await using (var database = server.NewContext())
                Assert.Null(await database.Employees.Where(e => e.Id == edited).Select(e => e.WorkEmail).SingleAsync());
            await form.Locator("input[name=workEmail]").FillAsync($"helene{width}@alpha.test");
            await form.Locator("input[name=lastName]").FillAsync($"Changée{width}");
            await form.Locator("button[type=submit]").ClickAsync();
            await page.Locator("#message", new() { HasText = "Salarié enregistré." }).WaitForAsync();
            await using (var database = server.NewContext())
            {
                var stored = await database.Employees.Where(e => e.Id == edited).Select(e => new { e.WorkEmail, e.LastName }).SingleAsync();
                Assert.Equal(($"helene{width}@alpha.test", $"Changée{width}"), (stored.WorkEmail, stored.LastName));
            }
            // The list follows: the old name is found no more, the new one is.
            await page.FillAsync("form[role=search] input[name=search]", $"changee{width}");
            await page.ClickAsync("form[role=search] button[type=submit]");
            await Assertions.Expect(row).ToContainTextAsync($"Hélène Changée{width}");
            if (width < 600) // a list on a phone: no header row, each cell named by its column
                Assert.False(await page.Locator("#employee-table thead th").First.IsVisibleAsync() &&
                    (await page.Locator("#employee-table thead").BoundingBoxAsync())!.Height > 2);
            await page.ScreenshotAsync(new() { Path = Screenshot($"hr-employees-{width}.png"), FullPage = true });

            await page.FillAsync("form[role=search] input[name=search]", $"oscar efface{width}");
            await page.ClickAsync("form[role=search] button[type=submit]");
            await page.Locator($"tr[data-employee='{erased}']").GetByRole(AriaRole.Button, new() { Name = "Modifier" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Effacer", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alertdialog)).ToContainTextAsync("ne peut pas être défait");
            await using (var database = server.NewContext())
                Assert.Null(await database.Employees.Where(e => e.Id == erased).Select(e => e.ErasedAt).SingleAsync()); // asked, not done
            await page.GetByRole(AriaRole.Button, new() { Name = "Oui, effacer" }).ClickAsync();
            await page.Locator("#message", new() { HasText = "Données effacées." }).WaitForAsync();
            await Assertions.Expect(page.Locator("#employee-count")).ToHaveTextAsync("Aucun salarié ne correspond.");
            await using (var database = server.NewContext())
                Assert.NotNull(await database.Employees.Where(e => e.Id == erased).Select(e => e.ErasedAt).SingleAsync());
            Assert.Empty(scriptErrors);
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task HR_builds_a_two_week_roster_with_a_night_shift_on_the_week_grid_and_a_wrong_shift_is_told_next_to_it()
    {
        await using var instance = server.Instance(("Proposals:RecomputeOnStart", "false"));
        var address = RealServer.Serve(instance);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        foreach (var (width, height) in new[] { (390, 844), (1280, 800) })
        {
            var (page, scriptErrors) = await SignedInAsync(browser, address, width, height);
            await Chromium.OpenHrSectionAsync(page, "rosters");
            await page.ClickAsync("#roster-new");
            var form = page.Locator("#roster-form");
            await form.Locator("input[name=externalId]").FillAsync($"GRID-{width}");
            await form.Locator("input[name=name]").FillAsync($"Jour et nuit {width}");
            await form.Locator("input[name=rotationWeeks]").FillAsync("2");
            var second = form.Locator("fieldset[data-week='1']");
            await second.GetByRole(AriaRole.Button, new() { Name = "Ajouter un poste" }).ClickAsync();
            var night = second.Locator(".roster-slot").First;
            await night.Locator("input[type=time]").Nth(0).FillAsync("21:00");
            await night.Locator("input[type=time]").Nth(1).FillAsync("21:00");
            await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le roulement" }).ClickAsync();
            // A shift ending when it starts is refused, and said at that shift.
            await Assertions.Expect(night.Locator(".field-error")).ToBeVisibleAsync();
            await using (var database = server.NewContext())
                Assert.False(await database.ShiftPatterns.AnyAsync(p => p.ExternalId == $"GRID-{width}"));
            await night.Locator("input[type=time]").Nth(1).FillAsync("05:00");
            await Assertions.Expect(night).ToContainTextAsync("finit le lendemain");
            await Assertions.Expect(second.Locator(".week-strip div.night")).ToHaveCountAsync(5);
            await page.ScreenshotAsync(new() { Path = Screenshot($"hr-roster-{width}.png"), FullPage = true });
            await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le roulement" }).ClickAsync();
            await page.Locator("#message", new() { HasText = "Roulement enregistré." }).WaitForAsync();
            await using (var database = server.NewContext())
            {
                var pattern = await database.ShiftPatterns.Include(p => p.Slots).SingleAsync(p => p.ExternalId == $"GRID-{width}");
                Assert.Equal((2, 2, server.Alpha), (pattern.RotationWeeks, pattern.Slots.Count, pattern.OwnerCompanyId!.Value));
                var stored = pattern.Slots.Single(s => s.WeekIndex == 1);
                Assert.True(stored.CrossesMidnight);
                Assert.Equal((new TimeOnly(21, 0), new TimeOnly(5, 0), WorkDays.Weekdays), (stored.Start, stored.End, stored.Days));
            }
            await Assertions.Expect(page.Locator("#roster-list")).ToContainTextAsync($"Jour et nuit {width}");
            Assert.Empty(scriptErrors);
            await page.CloseAsync();
        }
    }
}
