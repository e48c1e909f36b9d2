using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mobility.Planning.Carpools;

namespace Mobility.Server.Tests;

/// <summary>The employee's commute form in Debian's Chromium: an emptied number keeps what was stored (never a silent
/// 0), a passenger is not offered seats and stores none, and the form then shows what the server holds.</summary>
public sealed class ProfileFormBrowserTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    [Fact]
    public async Task An_emptied_detour_keeps_its_value_and_a_passengers_seats_are_not_stored_and_the_form_shows_what_is()
    {
        await using var instance = server.Instance(("Proposals:RecomputeOnStart", "false"));
        var address = RealServer.Serve(instance);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        foreach (var (width, height) in new[] { (390, 844), (1280, 800) })
        {
            int storedDetour;
            await using (var database = server.NewContext())
                storedDetour = await database.Employees.Where(e => e.Id == server.AlphaOne).Select(e => e.MaxDetourMinutes).SingleAsync();
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
            var scriptErrors = new List<string>();
            page.PageError += (_, error) => scriptErrors.Add(error);
            await Chromium.SignInAsync(page, address, "anne@test.local");
            await page.GetByRole(AriaRole.Link, new() { Name = "Réglages" }).ClickAsync();
            var form = page.Locator("#profile-form");
            // The profile arrives after the page: wait for the stored value to be shown.
            await Assertions.Expect(form.Locator("input[name=maxDetourMinutes]")).ToHaveValueAsync(storedDetour.ToString());

            await form.Locator("select[name=role]").SelectOptionAsync("Passenger");
            // Seats count for drivers only: a passenger is not asked for them, so none can be typed and silently dropped.
            await Assertions.Expect(form.Locator("input[name=seatsOffered]")).ToHaveCountAsync(0);
            await form.Locator("input[name=maxDetourMinutes]").FillAsync("");
            await form.Locator("button[type=submit]").ClickAsync();
            await page.Locator("#message", new() { HasText = "Enregistré." }).WaitForAsync();

            await using (var database = server.NewContext())
            {
                var stored = await database.Employees.Where(e => e.Id == server.AlphaOne).Select(e => new { e.MaxDetourMinutes, e.SeatsOffered }).SingleAsync();
                Assert.Equal((storedDetour, 0), (stored.MaxDetourMinutes, stored.SeatsOffered));
            }
            Assert.Equal(storedDetour.ToString(), await form.Locator("input[name=maxDetourMinutes]").InputValueAsync());
            Assert.Equal("Passenger", await form.Locator("select[name=role]").InputValueAsync());
            // Back to driver: the seats field comes back, and a driver with none is told next to the field.
            await form.Locator("select[name=role]").SelectOptionAsync("Driver");
            await form.Locator("input[name=seatsOffered]").FillAsync("0");
            await form.Locator("button[type=submit]").ClickAsync();
            await Assertions.Expect(form.Locator(".field-error")).ToContainTextAsync("au moins une place");
            await using (var database = server.NewContext())
                Assert.Equal(CarpoolRole.Passenger, await database.Employees.Where(e => e.Id == server.AlphaOne).Select(e => e.Role).SingleAsync());
            Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"profile-form-{width}.png"), FullPage = true });
            Assert.Empty(scriptErrors);
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task Saving_the_form_keeps_the_stored_language_and_meeting_point_it_shows()
    {
        // Preact ignored defaultValue on the selects: the form showed "Français" and "at home" whatever was stored, and
        // saving anything else switched an English speaker to French and dropped her meeting point.
        long meetingPoint;
        await using (var database = server.NewContext())
        {
            var site = new Mobility.Data.Model.Site
            {
                NetworkId = server.Nord, ExternalId = "MP-FORM", Name = "Parking du stade", Kind = Mobility.Data.Model.SiteKind.MeetingPoint,
                Location = new NetTopologySuite.Geometries.Point(7.704, 48.852) { SRID = 4326 },
            };
            database.Sites.Add(site);
            await database.SaveChangesAsync();
            meetingPoint = site.Id;
            var anne = await database.Employees.SingleAsync(e => e.Id == server.AlphaOne);
            (anne.PreferredLanguage, anne.PreferredMeetingPointId) = ("en", meetingPoint);
            await database.SaveChangesAsync();
        }
        try
        {
            await using var instance = server.Instance(("Proposals:RecomputeOnStart", "false"));
            var address = RealServer.Serve(instance);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await Chromium.LaunchAsync(playwright);
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
            await Chromium.SignInAsync(page, address, "anne@test.local");
            await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
            var form = page.Locator("#profile-form");
            await Assertions.Expect(form.Locator("select[name=preferredLanguage]")).ToHaveValueAsync("en");
            await Assertions.Expect(form.Locator("select[name=preferredMeetingPointId]")).ToHaveValueAsync(meetingPoint.ToString());
            await form.Locator("input[name=flexibilityMinutes]").FillAsync("20");
            await form.Locator("button[type=submit]").ClickAsync();
            await page.Locator("#message", new() { HasText = "Saved." }).WaitForAsync();
            await using var database = server.NewContext();
            var stored = await database.Employees.Where(e => e.Id == server.AlphaOne)
                .Select(e => new { e.PreferredLanguage, e.PreferredMeetingPointId, e.FlexibilityMinutes }).SingleAsync();
            Assert.Equal(("en", (long?)meetingPoint, 20), (stored.PreferredLanguage, stored.PreferredMeetingPointId, stored.FlexibilityMinutes));
        }
        finally
        {
            await using var database = server.NewContext();
            var anne = await database.Employees.SingleAsync(e => e.Id == server.AlphaOne);
            (anne.PreferredLanguage, anne.PreferredMeetingPointId) = ("fr", null);
            await database.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task A_home_placed_by_a_tap_on_the_map_is_saved_for_me_alone()
    {
        await using var instance = server.Instance(("Proposals:RecomputeOnStart", "false"));
        var address = RealServer.Serve(instance);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await Chromium.SignInAsync(page, address, "berta@test.local");
        await page.GetByRole(AriaRole.Link, new() { Name = "Réglages" }).ClickAsync();
        var home = page.Locator("#home");
        // The map loads when asked for, not with the settings.
        Assert.Equal(0, await home.Locator(".home-map").CountAsync());
        await home.GetByRole(AriaRole.Button, new() { Name = "Placer sur la carte" }).ClickAsync();
        var map = home.Locator(".home-map");
        // This server has no tiles (the map stays blank, never "ready"): the marker on it is what the tap moves.
        await map.Locator(".maplibregl-marker").WaitForAsync(new() { Timeout = 30_000 });
        var save = home.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mon domicile" });
        await Assertions.Expect(save).ToBeDisabledAsync(); // nothing moved yet

        NetTopologySuite.Geometries.Point before;
        await using (var database = server.NewContext())
            before = (await database.Employees.Where(e => e.Id == server.BetaOne).Select(e => e.Home).SingleAsync())!;
        // A tap right of and above the marker (the map opens on the home, zoom 14: some 400 m east, 250 m north).
        await map.ScrollIntoViewIfNeededAsync();
        var box = (await map.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + box.Width / 2 + 60, box.Y + box.Height / 2 - 40);
        await save.ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Domicile enregistré");
        await using (var database = server.NewContext())
        {
            var after = (await database.Employees.Where(e => e.Id == server.BetaOne).Select(e => e.Home).SingleAsync())!;
            Assert.True(after.X > before.X + 0.002 && after.X < before.X + 0.01, $"east: {before.X} → {after.X}");
            Assert.True(after.Y > before.Y + 0.0005 && after.Y < before.Y + 0.006, $"north: {before.Y} → {after.Y}");
        }
        await EmployeeAppBrowserTests.CheckPhoneLayoutAsync(page, "home");
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task A_home_found_by_its_written_address_is_saved_at_that_house_with_its_commune()
    {
        await using var instance = server.Instance(("Proposals:RecomputeOnStart", "false"),
            (Addresses.AddressesSetup.SettingName, MulhouseAddressIndex.File));
        var address = RealServer.Serve(instance);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await Chromium.SignInAsync(page, address, "berta@test.local");
        await page.GetByRole(AriaRole.Link, new() { Name = "Réglages" }).ClickAsync();
        var home = page.Locator("#home");
        var field = home.GetByLabel("Adresse (numéro, rue, commune)");
        var find = home.GetByRole(AriaRole.Button, new() { Name = "Chercher" });

        // A street the extract does not know: said so, nothing chosen.
        await field.FillAsync("99 rue de Nulle Part 68100 Mulhouse");
        await find.ClickAsync();
        await Assertions.Expect(home.GetByRole(AriaRole.Status)).ToContainTextAsync("Aucune adresse trouvée");

        // Written as people write it: abbreviated, without accents, in capitals.
        await field.FillAsync("12 r. du Chene 68100 MULHOUSE");
        await find.ClickAsync();
        var matches = home.GetByRole(AriaRole.List, new() { Name = "Adresses trouvées" });
        await matches.GetByRole(AriaRole.Button).First.ClickAsync();
        await Assertions.Expect(home.GetByRole(AriaRole.Status)).ToContainTextAsync("Adresse choisie : 12 Rue du Chêne");
        await home.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mon domicile" }).ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Domicile enregistré");

        await using (var database = server.NewContext())
        {
            var saved = await database.Employees.Where(e => e.Id == server.BetaOne).Select(e => new { e.Home, e.Commune }).SingleAsync();
            var metres = new Routing.GeoPoint(saved.Home!.Y, saved.Home.X).DistanceTo(new Routing.GeoPoint(47.7519218, 7.3395366));
            Assert.True(metres < 30, $"saved {metres:F0} m from 12 rue du Chêne");
            Assert.Equal("Mulhouse", saved.Commune);
        }
        await EmployeeAppBrowserTests.CheckPhoneLayoutAsync(page, "home-address");
        Assert.Empty(scriptErrors);
    }
}
