using System.IO.Compression;
using Microsoft.Playwright;
using Mobility.Data.Model;
using Mobility.Planning;

namespace Mobility.Server.Tests;

/// <summary>HR hands drivers their sheets and journey planners the lines, in Debian's Chromium: the timetable's GTFS and CSV
/// download as files, and a vehicle's sheet for a day shows its runs in order, alone on paper.</summary>
public sealed class ShuttleSheetBrowserTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private const string PlanName = "Navettes du lundi";

    private async Task AddPlanAsync()
    {
        await using var database = server.NewContext();
        var minibus = new ShuttleVehicle { Name = "Minibus 1", Capacity = 8, CostPerKilometre = 0.45m, CostPerHour = 32 };
        ShuttleCall Call(int sequence, long site, int hour, int minute, int boarding = 0, int alighting = 0) => new()
        {
            Sequence = sequence, SiteId = site, Arrival = new TimeOnly(hour, minute), Departure = new TimeOnly(hour, minute).AddMinutes(1),
            Boarding = boarding, Alighting = alighting, LoadAfter = boarding,
        };
        database.Add(new ShuttlePlan
        {
            NetworkId = server.Nord, CompanyId = server.Alpha, Name = PlanName, ValidFrom = new DateOnly(2027, 1, 4), CreatedAt = DateTimeOffset.UtcNow,
            Vehicles = [minibus],
            Trips =
            [
                new ShuttleTrip { Vehicle = minibus, Direction = CommuteDirection.ToHome, Days = WorkDays.Weekdays, Kilometres = 6,
                    Calls = [Call(0, server.AlphaPlant, 13, 5, boarding: 4), Call(1, server.NordStation, 13, 20, alighting: 4)] },
                new ShuttleTrip { Vehicle = minibus, Direction = CommuteDirection.ToWork, Days = WorkDays.Weekdays, Kilometres = 6,
                    Calls = [Call(0, server.NordStation, 4, 40, boarding: 5), Call(1, server.AlphaPlant, 4, 52, alighting: 5)] },
                new ShuttleTrip { Vehicle = minibus, Direction = CommuteDirection.ToWork, Days = WorkDays.Saturday, Kilometres = 6,
                    Calls = [Call(0, server.NordStation, 6, 40, boarding: 2), Call(1, server.AlphaPlant, 6, 52, alighting: 2)] },
            ],
        });
        await database.SaveChangesAsync();
    }

    [Fact]
    public async Task HR_downloads_the_lines_and_prints_a_drivers_sheet_of_the_day()
    {
        await AddPlanAsync();
        await using var instance = server.Instance(("Proposals:RecomputeOnStart", "false"));
        var address = RealServer.Serve(instance);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        foreach (var (width, height) in new[] { (390, 844), (1280, 800) })
        {
            var context = await browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true });
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);
            await Chromium.SignInAsync(page, address, "hr.alpha@test.local");
            await Chromium.OpenHrSectionAsync(page, "shuttles");
            await page.Locator("#shuttle-plans tbody tr").Filter(new() { HasText = PlanName }).Locator("button[data-plan]").ClickAsync();
            var timetable = page.Locator("#shuttle-timetable");
            await Assertions.Expect(timetable.Locator("h3").First).ToHaveTextAsync(PlanName);

            // The runs by shift change, not a card per run; opening one draws it thicker on the map of the lines.
            var changes = timetable.Locator("details.shift-change");
            await Assertions.Expect(changes).ToHaveCountAsync(3);
            await Assertions.Expect(changes.First.Locator("summary")).ToContainTextAsync("Aller · à l'usine à 04:52 · du lundi au vendredi · 1 véhicule(s) · 5 passager(s)");
            await changes.First.Locator("summary").ClickAsync();
            await Assertions.Expect(changes.First.Locator(".card")).ToContainTextAsync("Gare de Haguenau");
            await Assertions.Expect(timetable.Locator(".shuttle-map")).ToHaveCountAsync(1);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"scrolls sideways at {width} px");
            Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
            await timetable.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"hr-shuttle-plan-{width}.png") });

            var download = await page.RunAndWaitForDownloadAsync(() => timetable.GetByRole(AriaRole.Link, new() { Name = "Lignes au format GTFS (zip)" }).ClickAsync());
            Assert.EndsWith("gtfs.zip", download.SuggestedFilename);
            using (var zip = ZipFile.OpenRead(await download.PathAsync()))
                Assert.Contains("stop_times.txt", zip.Entries.Select(e => e.FullName));
            var csv = await page.RunAndWaitForDownloadAsync(() => timetable.GetByRole(AriaRole.Link, new() { Name = "Horaires (CSV)" }).ClickAsync());
            Assert.EndsWith("timetable.csv", csv.SuggestedFilename);
            var workbook = await page.RunAndWaitForDownloadAsync(() => timetable.GetByRole(AriaRole.Link, new() { Name = "Horaires (Excel)" }).ClickAsync());
            Assert.EndsWith("timetable.xlsx", workbook.SuggestedFilename);
            using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(await workbook.PathAsync(), false))
                Assert.Contains("Gare de Haguenau", document.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText);

            // Monday's sheet: the morning run, then the afternoon one; not Saturday's.
            await timetable.Locator("select[name=day]").SelectOptionAsync("Monday");
            await timetable.GetByRole(AriaRole.Button, new() { Name = "Feuille du conducteur" }).ClickAsync();
            var sheet = page.Locator(".driver-sheet");
            await Assertions.Expect(sheet.Locator("h3")).ToHaveTextAsync("Minibus 1 · lundi");
            await Assertions.Expect(sheet.Locator(".run")).ToHaveCountAsync(2);
            await Assertions.Expect(sheet.Locator(".run").First).ToContainTextAsync("04:41");
            await Assertions.Expect(sheet.Locator(".run").Last).ToContainTextAsync("13:06");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"scrolls sideways at {width} px");
            Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
            await sheet.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"hr-driver-sheet-{width}.png") });
            // On paper the sheet is all there is.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            Assert.Equal("hidden", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#shuttle-form')).visibility"));
            Assert.Equal("visible", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.driver-sheet h3')).visibility"));
            await page.PdfAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"hr-driver-sheet-{width}.pdf") });
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
            if (width == 1280)
            {
                // Renamed from the page: the list and the title follow.
                await timetable.GetByRole(AriaRole.Button, new() { Name = "Fermer" }).ClickAsync();
                await timetable.Locator("input[name=name]").FillAsync("Navettes de janvier");
                await timetable.GetByRole(AriaRole.Button, new() { Name = "Renommer" }).ClickAsync();
                await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Plan renommé");
                await Assertions.Expect(page.Locator("#shuttle-plans")).ToContainTextAsync("Navettes de janvier");
                await Assertions.Expect(timetable.Locator("h3").First).ToHaveTextAsync("Navettes de janvier");
            }
            Assert.Empty(errors);
            await context.CloseAsync();
        }
    }
}
