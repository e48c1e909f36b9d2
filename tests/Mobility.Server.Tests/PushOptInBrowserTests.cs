using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Mobility.Server.Tests;

/// <summary>
/// Turning notifications on and off on a phone, in Debian's Chromium. This machine reaches no browser vendor's push
/// service, so the page's PushManager hands out a subscription to <see cref="PushServiceStandIn"/> (a real HTTP push
/// service on loopback) with a device's keys the test holds; everything else is the app's and the server's own: the
/// permission, the VAPID key, the subscription stored, a colleague's decision pushed encrypted to the device, removal.
/// </summary>
public sealed class PushOptInBrowserTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>, IDisposable
{
    private readonly PushServiceStandIn _push = new();

    public void Dispose() => _push.Dispose();

    private static string StandInPushManager(string endpoint, object keys) => $$"""
        (() => {
          const endpoint = {{JsonSerializer.Serialize(endpoint)}}, keys = {{JsonSerializer.Serialize(keys)}};
          let current = null;
          PushManager.prototype.subscribe = async function (options) {
            window.__applicationServerKeyBytes = new Uint8Array(options.applicationServerKey).length;
            current = { endpoint, expirationTime: null, toJSON: () => ({ endpoint, expirationTime: null, keys }),
              unsubscribe: async () => { current = null; return true; } };
            return current;
          };
          PushManager.prototype.getSubscription = async function () { return current; };
        })();
        """;

    [Fact]
    public async Task Notifications_turned_on_store_this_phone_bring_a_colleagues_decision_and_turn_off()
    {
        await using var instance = server.Instance(("Push:AllowHttpEndpoints", "true"), ("Push:EndpointHosts:0", "127.0.0.1"),
            ("Push:MinimumInterval", "00:00:00.2"), ("Proposals:RecomputeOnStart", "false"), ("Digest:Enabled", "false"));
        var address = RealServer.Serve(instance);
        using var device = new PushServiceStandIn.Device();
        var endpoint = _push.Origin + "/berta-browser";
        var keys = JsonSerializer.SerializeToElement(device.Subscription(endpoint)).GetProperty("keys");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await context.GrantPermissionsAsync(["notifications"], new() { Origin = address });
        await context.AddInitScriptAsync(StandInPushManager(endpoint, keys));
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await Chromium.SignInAsync(page, address, "berta@test.local");
        await page.GetByRole(AriaRole.Link, new() { Name = "Réglages" }).ClickAsync();

        var push = page.Locator("#push");
        await push.GetByRole(AriaRole.Button, new() { Name = "Activer les notifications" }).ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Notifications activées");
        Assert.Equal(65, await page.EvaluateAsync<int>("() => window.__applicationServerKeyBytes")); // the server's P-256 VAPID key
        await using (var database = server.NewContext())
            Assert.Equal([endpoint], await database.PushSubscriptions.Where(s => s.AccountId == server.BertaAccount).Select(s => s.Endpoint).ToListAsync());

        // Anne accepts the car they share: Berta's phone gets it, encrypted for this device, naming nobody.
        var group = await server.ProposeAsync(3, server.AlphaTwo, server.AlphaOne, server.BetaOne);
        var anne = instance.CreateClient();
        anne.DefaultRequestHeaders.Authorization = new("Bearer", await server.TokenAsync("anne@test.local", instance));
        (await anne.PostAsync($"/api/me/proposals/{group}/accept", null)).EnsureSuccessStatusCode();
        var payload = device.Read((await _push.NextForAsync("/berta-browser")).Body);
        Assert.Equal(group, payload.GetProperty("groupId").GetInt64());
        Assert.DoesNotContain("Anne", payload.GetRawText());

        await push.GetByRole(AriaRole.Button, new() { Name = "Désactiver les notifications sur ce téléphone" }).ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Notifications désactivées");
        await using (var database = server.NewContext())
            Assert.False(await database.PushSubscriptions.AnyAsync(s => s.AccountId == server.BertaAccount));
        Assert.Empty(errors);
    }
}
