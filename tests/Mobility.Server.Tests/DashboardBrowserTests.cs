using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mobility.Application.Statistics;
using Mobility.Data.Demo;
using Mobility.Server.Tiles;
using Mobility.TestSupport;
using Xunit.Abstractions;

namespace Mobility.Server.Tests;

/// <summary>
/// The working group's dashboard in Debian's Chromium on the Heidelberg demo (its accounts, four weeks of activity
/// history and the basemap), on a phone and a desktop: the map with its legend and places, a company filter that
/// changes the numbers, a withheld cell read as "moins de 10", a CSV and an .xlsx whose rows are what the page shows,
/// a failed load that says so and clears the numbers, and the accessibility layer drawn when its endpoint answers.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    private const string WorkingGroup = "groupe-travail@" + DemoAccounts.Domain;

    private static string Screenshot(string name) =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName, name);

    /// <summary>A number as the page writes it in French, without its thousands' spaces.</summary>
    private static string Plain(string text) => new(text.Where(c => !char.IsWhiteSpace(c) && c != '\u202f').ToArray());

    private static async Task<(IPage Page, List<string> ScriptErrors)> SignedInAsync(IBrowser browser, string address, int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        return (page, scriptErrors);
    }

    private static async Task SignInAsync(IPage page, string address)
    {
        await page.GotoAsync(address + "/");
        await page.FillAsync("#sign-in-form input[name=email]", WorkingGroup);
        await page.FillAsync("#sign-in-form input[name=password]", DemoAccounts.Password);
        await page.ClickAsync("#sign-in-form button[type=submit]");
    }

    /// <summary>Waits for every section's figures of the filters shown.</summary>
    private static async Task LoadedAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("#dashboard-state")).ToHaveTextAsync("", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#distances tr[data-band]")).ToHaveCountAsync(5, new() { Timeout = 30_000 });
    }

    /// <summary>The distance bands as the page shows them: band → its words.</summary>
    private static async Task<Dictionary<string, string>> BandsShownAsync(IPage page)
    {
        var shown = new Dictionary<string, string>();
        foreach (var row in await page.Locator("#distances tr[data-band]").AllAsync())
            shown[(await row.GetAttributeAsync("data-band"))!] = (await row.Locator(".value").InnerTextAsync()).Trim();
        return shown;
    }

    private static async Task<JsonElement> JsonAsync(IPage page, string url)
    {
        var response = await page.APIRequest.GetAsync(url);
        Assert.True(response.Ok, $"{url}: {response.Status}");
        return (await response.JsonAsync())!.Value;
    }

    /// <summary>Visible controls a thumb cannot hit (under 44 × 44 px).</summary>
    private static Task<string[]> SmallTargetsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll("button, a[href], select, input")].filter((e) => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && (r.height < 44 || r.width < 44);
          }).map((e) => `${e.tagName} ${(e.textContent || e.name || "").trim().slice(0, 30)} ${Math.round(e.getBoundingClientRect().width)}x${Math.round(e.getBoundingClientRect().height)}`)
        """);

    [Fact]
    public async Task The_working_group_reads_the_map_filters_the_figures_and_downloads_the_rows_it_sees_on_a_phone_and_a_desktop()
    {
        using var database = new TestDatabase();
        var network = await HeidelbergDemo.SeedAsync(database, accounts: true);
        string[] places;
        Mobility.Data.Model.Site plant;
        await using (var context = HeidelbergDemo.NewContext(database))
        {
            await DemoActivityHistory.WriteAsync(context, network, DateOnly.FromDateTime(DateTime.UtcNow), 28, DateTimeOffset.UtcNow, default);
            places = await context.Sites.Where(s => s.NetworkId == network).Select(s => s.Name).ToArrayAsync();
            plant = await context.Sites.Where(s => s.NetworkId == network && s.Kind == Mobility.Data.Model.SiteKind.Plant).OrderBy(s => s.Id).FirstAsync();
        }
        await using var instance = HeidelbergDemo.Server(database).WithWebHostBuilder(host => host.UseSetting(TileSource.SettingName, HeidelbergTiles.File));
        var address = RealServer.Serve(instance);
        var root = $"{address}/api/networks/{network}/statistics";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);

        foreach (var (width, height) in new[] { (390, 844), (1280, 800) })
        {
            var (page, scriptErrors) = await SignedInAsync(browser, address, width, height);
            if (width > 600)
            {
                // The desktop's run draws a known layer; the phone's reads the server's own (the demo's isochrones).
                var (lat, lon) = (plant.Location.Y, plant.Location.X);
                object Area(string profile, int minutes, double r, int? inside) => new
                {
                    type = "Feature",
                    geometry = new { type = "Polygon", coordinates = new[] { new[] { (-r, -r), (r, -r), (r, r), (-r, r), (-r, -r) }.Select(d => new[] { lon + d.Item1, lat + d.Item2 }).ToArray() } },
                    properties = new { plantId = plant.Id, plant = plant.Name, profile, minutes, inside,
                        share = inside is null ? (double?)null : 0.4 },
                };
                var body = JsonSerializer.Serialize(new { type = "FeatureCollection", features = new[] { Area("car", 15, 0.05, 120), Area("car", 30, 0.1, 300), Area("bicycle", 15, 0.02, null) } });
                await page.RouteAsync("**/statistics/accessibility*", route => route.FulfillAsync(new() { Status = 200, ContentType = "application/geo+json", Body = body }));
            }
            await SignInAsync(page, address);
            await page.Locator("#dashboard-map[data-ready=true]").WaitForAsync(new() { Timeout = 60_000 });
            await LoadedAsync(page);
            await page.ScreenshotAsync(new() { Path = Screenshot($"dashboard-{width}-first.png"), FullPage = true });

            // The map: its legend (colour classes and the kinds of places) and every place of the network, readable by a tap.
            var legend = page.Locator("#map-legend");
            Assert.True(await legend.Locator(".legend.squares li").CountAsync() >= 2);
            await Assertions.Expect(legend.Locator("li[data-kind=Plant]")).ToContainTextAsync("Site (usine)");
            await Assertions.Expect(legend.Locator("li[data-kind=Station]")).ToContainTextAsync("Gare");
            Assert.Equal(places.Order(StringComparer.Ordinal), (await page.Locator("#map-places button.place").AllTextContentsAsync()).Select(n => n.Trim()).Order(StringComparer.Ordinal));
            // A tap on the map reads the square under it (phones have no hover): tried over a grid of points of the map.
            var canvas = page.Locator("#dashboard-map canvas");
            await canvas.EvaluateAsync("e => e.scrollIntoView({ block: 'center' })"); // clear of the sticky header
            var frame = (await canvas.BoundingBoxAsync())!;
            var readout = page.Locator("#map-readout");
            var read = false;
            for (var i = 1; i < 6 && !read; i++)
                for (var j = 1; j < 6 && !read; j++)
                {
                    if (i == 5 && j <= 2) continue; // the zoom buttons
                    await page.Mouse.ClickAsync((float)(frame.X + frame.Width * i / 6), (float)(frame.Y + frame.Height * j / 6));
                    read = (await readout.InnerTextAsync()).Contains("Carré de 1 km");
                }
            Assert.True(read, "no tap on the map read a square");
            await page.Locator(".map-places summary").ClickAsync();
            var station = page.Locator("#map-places button.place[data-kind=Station]").First;
            var stationName = (await station.InnerTextAsync()).Trim();
            await station.ClickAsync();
            await Assertions.Expect(page.Locator("#map-readout")).ToContainTextAsync($"{stationName} · Gare");
            await Assertions.Expect(page.Locator("#dashboard-map .maplibregl-ctrl-scale")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#dashboard-map .maplibregl-ctrl-attrib")).ToContainTextAsync("OpenStreetMap");
            if (width > 600)
            {
                await Assertions.Expect(page.Locator("#isochrone-choice select[name=profile] option")).ToHaveCountAsync(2);
                await Assertions.Expect(legend.Locator("li[data-kind=isochrone]")).ToContainTextAsync("15 min (voiture)");
                await page.SelectOptionAsync("#isochrone-choice select[name=minutes]", "30");
                await Assertions.Expect(legend.Locator("li[data-kind=isochrone]")).ToContainTextAsync("30 min (voiture)");
            }
            else
            {
                // The server's isochrones come once its router has computed them: a choice of mode and time appears then.
                await Assertions.Expect(page.Locator("#isochrone-choice")).ToBeVisibleAsync(new() { Timeout = 60_000 });
                await Assertions.Expect(legend.Locator("li[data-kind=isochrone]")).ToContainTextAsync("min");
            }

            // A company whose bands are not all published: the page's numbers change to that company's, a band withheld.
            var everyone = await BandsShownAsync(page);
            var companies = (await JsonAsync(page, $"{root}/places")).GetProperty("companies").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToList();
            long? chosen = null;
            JsonElement bands = default;
            foreach (var company in companies)
            {
                bands = (await JsonAsync(page, $"{root}/distances?company={company}")).GetProperty("bands");
                if (bands.GetArrayLength() is > 0 and < 5) { chosen = company; break; }
            }
            Assert.True(chosen is not null, "no demo company has a withheld distance band");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await page.SelectOptionAsync("#dashboard-filters select[name=company]", chosen.Value.ToString(CultureInfo.InvariantCulture));
            await LoadedAsync(page);
            output.WriteLine($"{width} px: a company filter's seven requests answered and drawn in {clock.ElapsedMilliseconds} ms");
            var filtered = await BandsShownAsync(page);
            Assert.NotEqual(everyone, filtered);
            var published = bands.EnumerateArray().ToDictionary(b => b.GetProperty("band").GetString()!, b => b.GetProperty("people").GetInt32());
            foreach (var (band, words) in filtered)
                Assert.Equal(published.TryGetValue(band, out var people) ? people.ToString(CultureInfo.InvariantCulture) : "moins de 10", published.ContainsKey(band) ? Plain(words) : words);
            Assert.Contains("moins de 10", filtered.Values);

            // The CSV of the bands holds the rows shown; a band it leaves out is the one the page says "moins de 10" of.
            var csvDownload = await page.RunAndWaitForDownloadAsync(() => page.Locator("#distances a[data-format=csv]").ClickAsync());
            Assert.Matches(@"^reseau-industriel-rhin-neckar-demo-distances-\d{4}-\d{2}-\d{2}\.csv$", csvDownload.SuggestedFilename);
            var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await csvDownload.PathAsync())!)).TrimStart('\uFEFF')
                .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[0], r => r[3]);
            Assert.Equal(filtered.Where(b => b.Value != "moins de 10").ToDictionary(b => b.Key, b => Plain(b.Value)), csv);

            // The flows' workbook: the same rows as the table shown, the count a number.
            var xlsxDownload = await page.RunAndWaitForDownloadAsync(() => page.Locator("#flows a[data-format=xlsx]").ClickAsync());
            Assert.EndsWith(".xlsx", xlsxDownload.SuggestedFilename);
            using (var document = SpreadsheetDocument.Open((await xlsxDownload.PathAsync())!, false))
            {
                var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
                    .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList()).ToList();
                Assert.Equal(["commune", "plantId", "plant", "people"], rows[0].Select(c => c.InnerText));
                Assert.All(rows.Skip(1), r => Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, r[3].DataType!.Value));
                var shownFlows = new List<string>();
                foreach (var row in await page.Locator("#flows tbody tr").AllAsync())
                    shownFlows.Add(string.Join("|", (await row.Locator("td").AllInnerTextsAsync()).Select((text, i) => i == 2 ? Plain(text) : text.Trim())));
                Assert.NotEmpty(shownFlows);
                Assert.Equal(rows.Skip(1).Select(r => $"{r[0].InnerText}|{r[2].InnerText}|{r[3].InnerText}").Order(StringComparer.Ordinal), shownFlows.Order(StringComparer.Ordinal));
                // The biggest first.
                var counts = shownFlows.Select(f => int.Parse(f.Split('|')[2], CultureInfo.InvariantCulture)).ToList();
                Assert.Equal(counts.OrderDescending(), counts);
            }

            // The potential's tables download too, with the date and filters of the page.
            await page.Locator("#savings-table").WaitForAsync(new() { Timeout = 60_000 });
            var potentialFiles = await page.Locator("section.potential a[data-format=csv]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            Assert.Contains(potentialFiles, f => f.Contains("/statistics/potential?date=") && f.EndsWith("&format=csv"));
            Assert.Contains(potentialFiles, f => f.Contains("/statistics/savings?date="));
            // The carpools that ran: a trend against the previous four weeks (which have no history: said so) and the days.
            await Assertions.Expect(page.Locator("#activity-trend")).ToBeVisibleAsync();
            Assert.True(await page.Locator("#activity tbody tr").CountAsync() >= 15);

            if (width < 600)
            {
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the dashboard scrolls sideways at 390 px");
                Assert.Empty(await SmallTargetsAsync(page));
                // The header keeps its two rows (the working group's actions on one line), and of the shift charts, 24
                // rows a plant, only the first is open.
                var actions = await page.Locator("header.top .top-actions > *").EvaluateAllAsync<double[]>("items => items.map(i => i.getBoundingClientRect().top)");
                Assert.Single(actions.Distinct());
                var plantsOpen = await page.Locator("#shifts details.shift-plant").EvaluateAllAsync<bool[]>("items => items.map(i => i.open)");
                Assert.Equal([true, .. Enumerable.Repeat(false, plantsOpen.Length - 1)], plantsOpen);
            }
            else
            {
                Assert.All(await page.Locator("#shifts details.shift-plant").EvaluateAllAsync<bool[]>("items => items.map(i => i.open)"), Assert.True);
                // The desktop puts the map beside the tables.
                var map = (await page.Locator("#dashboard-map").BoundingBoxAsync())!;
                var tables = (await page.Locator("#distances").BoundingBoxAsync())!;
                Assert.True(tables.X > map.X + map.Width - 1, $"map at {map.X}+{map.Width}, tables at {tables.X}");
            }
            await page.ScreenshotAsync(new() { Path = Screenshot($"dashboard-{width}.png"), FullPage = true });

            // A failed load says so and leaves no number of the previous filters on screen; the next one brings them back.
            await page.RouteAsync("**/statistics/flows*", route => route.AbortAsync());
            await page.SelectOptionAsync("#dashboard-filters select[name=company]", "");
            await Assertions.Expect(page.Locator("#dashboard-state[role=alert]")).ToContainTextAsync("n'ont pas pu être chargés");
            await Assertions.Expect(page.Locator("#distances tr[data-band]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#activity tbody tr")).ToHaveCountAsync(0);
            await page.UnrouteAsync("**/statistics/flows*");
            await page.SelectOptionAsync("#dashboard-filters select[name=company]", chosen.Value.ToString(CultureInfo.InvariantCulture));
            await LoadedAsync(page);
            Assert.Equal(filtered, await BandsShownAsync(page));
            await Assertions.Expect(page.Locator(".status.error")).ToHaveCountAsync(0);
            if (width > 600)
            {
                // In English, the same figures in English words.
                await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
                await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mobility dashboard");
                await Assertions.Expect(page.Locator("#distances")).ToContainTextAsync("fewer than 10");
                Assert.Equal(filtered.Where(b => b.Value != "moins de 10"), (await BandsShownAsync(page)).Where(b => b.Value != "fewer than 10"));
                await page.ScreenshotAsync(new() { Path = Screenshot($"dashboard-{width}-english.png"), FullPage = false });
            }

            Assert.Empty(scriptErrors);
            output.WriteLine($"{width} px: bands {string.Join(", ", filtered.Select(b => $"{b.Key} {b.Value}"))}");
            await page.Context.CloseAsync();
        }
    }
}
