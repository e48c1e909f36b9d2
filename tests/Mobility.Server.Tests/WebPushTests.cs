using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mobility.Server.Reach;
using Mobility.Data.Accounts;
using Mobility.Data.Model;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Tests;

/// <summary>
/// Web Push end to end: devices registered through the API, a decision in a carpool pushed to the other members' devices
/// through a push service standing in on loopback, the request checked as a browser's push service and the browser check it
/// (VAPID signature, aes128gcm, TTL), and the payload decrypted with the device's keys.
/// </summary>
public sealed class WebPushTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>, IDisposable
{
    private readonly PushServiceStandIn _push = new();

    private WebApplicationFactory<Program> WithPush(string interval = "00:00:00.2") => server.Instance(
        ("Push:AllowHttpEndpoints", "true"), ("Push:EndpointHosts:0", "127.0.0.1"), ("Push:MinimumInterval", interval),
        ("Proposals:RecomputeOnStart", "false"), ("Digest:Enabled", "false"));

    private static async Task<HttpClient> ClientAsync(TwoNetworkServer server, WebApplicationFactory<Program> instance, string email)
    {
        var client = instance.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.TokenAsync(email, instance));
        return client;
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static string CodeOf(JsonElement problem, string field) =>
        problem.GetProperty("fieldCodes").GetProperty(field)[0].GetProperty("code").GetString()!;

    [Fact]
    public async Task Devices_are_checked_with_field_codes_and_each_account_sees_and_removes_only_its_own()
    {
        await using var instance = WithPush();
        using var anne = await ClientAsync(server, instance, "anne@test.local");
        using var berta = await ClientAsync(server, instance, "berta@test.local");
        using var device = new PushServiceStandIn.Device();
        var good = (JsonElement)JsonSerializer.SerializeToElement(device.Subscription(_push.Origin + "/anne-phone", "Téléphone"));
        async Task<JsonElement> Refused(object body, HttpStatusCode status = HttpStatusCode.BadRequest)
        {
            using var response = await anne.PostAsJsonAsync("/api/me/push-subscriptions", body);
            Assert.Equal(status, response.StatusCode);
            var problem = await BodyAsync(response);
            Assert.Equal("invalid-fields", problem.GetProperty("code").GetString());
            return problem;
        }
        var keys = good.GetProperty("keys");
        Assert.Equal("required", CodeOf(await Refused(new { keys }), "endpoint"));
        Assert.Equal("push-endpoint-invalid", CodeOf(await Refused(new { endpoint = "ftp://127.0.0.1/x", keys }), "endpoint"));
        // The server posts to the endpoint: only push services, never an address inside the network.
        var foreign = await Refused(new { endpoint = "https://169.254.169.254/latest", keys });
        Assert.Equal("push-endpoint-host-refused", CodeOf(foreign, "endpoint"));
        Assert.Equal("text-too-long", CodeOf(await Refused(new { endpoint = _push.Origin + "/" + new string('a', 1000), keys }), "endpoint"));
        var shortKey = Base64Url.EncodeToString(new byte[64]);
        var badKeys = await Refused(new { endpoint = _push.Origin + "/x", keys = new { p256dh = shortKey, auth = "not base64url!" } });
        Assert.Equal("push-key-invalid", CodeOf(badKeys, "keys.p256dh"));
        Assert.Equal(65, badKeys.GetProperty("fieldCodes").GetProperty("keys.p256dh")[0].GetProperty("parameters").GetProperty("bytes").GetInt32());
        Assert.Equal("push-key-invalid", CodeOf(badKeys, "keys.auth"));
        Assert.Equal("text-too-long", CodeOf(await Refused(device.Subscription(_push.Origin + "/x", new string('é', 81))), "deviceLabel"));
        // Only employees have devices: an HR account has nobody to push to.
        using (var hr = await ClientAsync(server, instance, "hr.alpha@test.local"))
            Assert.Equal(HttpStatusCode.Forbidden, (await hr.PostAsJsonAsync("/api/me/push-subscriptions", good)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await anne.PostAsJsonAsync("/api/me/push-subscriptions", good)).StatusCode);
        using var bertaDevice = new PushServiceStandIn.Device();
        Assert.Equal(HttpStatusCode.OK, (await berta.PostAsJsonAsync("/api/me/push-subscriptions", bertaDevice.Subscription(_push.Origin + "/berta-phone"))).StatusCode);
        var mine = await anne.GetFromJsonAsync<JsonElement>("/api/me/push-subscriptions");
        Assert.Equal([_push.Origin + "/anne-phone"], mine.EnumerateArray().Select(d => d.GetProperty("endpoint").GetString()));
        Assert.Equal("Téléphone", mine[0].GetProperty("deviceLabel").GetString());
        // Berta cannot remove Anne's device, and is told nothing more than for a device that never existed.
        var anneEndpoint = Uri.EscapeDataString(_push.Origin + "/anne-phone");
        using (var removal = await berta.DeleteAsync($"/api/me/push-subscriptions?endpoint={anneEndpoint}"))
        using (var missing = await berta.DeleteAsync($"/api/me/push-subscriptions?endpoint={Uri.EscapeDataString(_push.Origin + "/nobody")}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, removal.StatusCode);
            Assert.Equal(missing.StatusCode, removal.StatusCode);
            var (theirs, nobodys) = (await BodyAsync(removal), await BodyAsync(missing));
            Assert.Equal(nobodys.GetProperty("title").GetString(), theirs.GetProperty("title").GetString());
            Assert.Equal(nobodys.EnumerateObject().Select(p => p.Name), theirs.EnumerateObject().Select(p => p.Name));
        }
        Assert.Single((await anne.GetFromJsonAsync<JsonElement>("/api/me/push-subscriptions")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, (await anne.DeleteAsync($"/api/me/push-subscriptions?endpoint={anneEndpoint}")).StatusCode);
        Assert.Empty((await anne.GetFromJsonAsync<JsonElement>("/api/me/push-subscriptions")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, (await berta.DeleteAsync($"/api/me/push-subscriptions?endpoint={Uri.EscapeDataString(_push.Origin + "/berta-phone")}")).StatusCode);
    }

    [Fact]
    public async Task Every_instance_gives_the_same_public_key_kept_in_the_database()
    {
        await using var first = WithPush();
        await using var second = WithPush();
        using var anne = await ClientAsync(server, first, "anne@test.local");
        using var hr = await ClientAsync(server, second, "hr.beta@test.local");
        var key = (await anne.GetFromJsonAsync<JsonElement>("/api/push/public-key")).GetProperty("publicKey").GetString()!;
        Assert.Equal(key, (await hr.GetFromJsonAsync<JsonElement>("/api/push/public-key")).GetProperty("publicKey").GetString());
        Assert.Equal(65, Base64Url.DecodeFromChars(key).Length);
        using var anonymous = first.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/push/public-key")).StatusCode);
    }

    [Fact]
    public void A_half_configured_key_pair_stops_the_server_at_start_saying_why()
    {
        using var instance = server.Instance(("Push:PublicKey", "BOr9Xk"));
        var error = Assert.ThrowsAny<Exception>(() => instance.CreateClient());
        Assert.Contains("Push:PublicKey and Push:PrivateKey are set together", error.ToString());
    }

    [Fact]
    public async Task A_decision_reaches_the_other_members_devices_as_a_signed_encrypted_push_that_names_nobody()
    {
        await using var instance = WithPush();
        using var anne = await ClientAsync(server, instance, "anne@test.local");
        using var berta = await ClientAsync(server, instance, "berta@test.local");
        using var anneDevice = new PushServiceStandIn.Device();
        using var bertaDevice = new PushServiceStandIn.Device();
        (await anne.PostAsJsonAsync("/api/me/push-subscriptions", anneDevice.Subscription(_push.Origin + "/decision-anne"))).EnsureSuccessStatusCode();
        (await berta.PostAsJsonAsync("/api/me/push-subscriptions", bertaDevice.Subscription(_push.Origin + "/decision-berta"))).EnsureSuccessStatusCode();
        var group = await server.ProposeAsync(3, server.AlphaTwo, server.AlphaOne, server.BetaOne);

        (await berta.PostAsync($"/api/me/proposals/{group}/accept", null)).EnsureSuccessStatusCode();

        var push = await _push.NextForAsync("/decision-anne");
        var publicKey = (await anne.GetFromJsonAsync<JsonElement>("/api/push/public-key")).GetProperty("publicKey").GetString()!;
        var claims = PushServiceStandIn.VerifyVapid(push, publicKey, _push.Origin);
        Assert.StartsWith("mailto:", claims.GetProperty("sub").GetString());
        Assert.Equal("aes128gcm", push.Headers["Content-Encoding"]);
        Assert.Equal("43200", push.Headers["TTL"]);
        var payload = anneDevice.Read(push.Body);
        Assert.Equal("group-changed", payload.GetProperty("kind").GetString());
        Assert.Equal(group, payload.GetProperty("groupId").GetInt64());
        Assert.Equal("2026-11-10", payload.GetProperty("date").GetString());
        Assert.Equal("ToWork", payload.GetProperty("direction").GetString());
        // Nothing of the other members travels through the push service.
        var text = payload.GetRawText();
        foreach (var secret in new[] { "Berta", "Paul", "SECRET", "members", "pickup" }) Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        // Another device cannot read it.
        Assert.ThrowsAny<Exception>(() => bertaDevice.Read(push.Body));

        await WaitUntilAsync(async () => (await anne.GetFromJsonAsync<JsonElement>("/api/me/push-subscriptions"))[0].GetProperty("lastSuccessAt").ValueKind != JsonValueKind.Null);
        // Berta decided: her open app shows it; her device gets no push about her own decision. Anne's arrived, and both
        // were queued together, so Berta's would be here by now.
        await Task.Delay(500);
        Assert.DoesNotContain(_push.Requests, r => r.Path == "/decision-berta");
    }

    [Fact]
    public async Task A_device_the_push_service_says_is_gone_is_deleted()
    {
        await using var instance = WithPush();
        using var anne = await ClientAsync(server, instance, "anne@test.local");
        using var berta = await ClientAsync(server, instance, "berta@test.local");
        using var gone = new PushServiceStandIn.Device();
        _push.Answer("/gone-anne", 410);
        (await anne.PostAsJsonAsync("/api/me/push-subscriptions", gone.Subscription(_push.Origin + "/gone-anne"))).EnsureSuccessStatusCode();
        var group = await server.ProposeAsync(3, server.AlphaTwo, server.AlphaOne, server.BetaOne);

        (await berta.PostAsync($"/api/me/proposals/{group}/decline", null)).EnsureSuccessStatusCode();

        await _push.NextForAsync("/gone-anne");
        await WaitUntilAsync(async () =>
        {
            await using var database = server.NewContext();
            return !await database.PushSubscriptions.AnyAsync(s => s.Endpoint == _push.Origin + "/gone-anne");
        });
        Assert.Single(_push.Requests, r => r.Path == "/gone-anne");
    }

    [Fact]
    public async Task Pushes_to_one_employee_within_the_interval_come_as_one_push_at_its_end_the_latest()
    {
        await using var instance = WithPush(interval: "00:00:02");
        using var berta = await ClientAsync(server, instance, "berta@test.local");
        using var device = new PushServiceStandIn.Device();
        (await berta.PostAsJsonAsync("/api/me/push-subscriptions", device.Subscription(_push.Origin + "/coalesced"))).EnsureSuccessStatusCode();
        var push = instance.Services.GetRequiredService<PersonalPush>();
        IEnumerable<string> Kinds() => _push.Requests.Where(r => r.Path == "/coalesced").Select(r => device.Read(r.Body).GetProperty("kind").GetString()!);

        push.Notify([server.BetaOne], new PushPayload("first"));
        push.Notify([server.BetaOne], new PushPayload("second"));
        push.Notify([server.BetaOne, server.BetaOne], new PushPayload("third"));

        await WaitUntilAsync(() => Task.FromResult(Kinds().Count() == 2));
        Assert.Equal(["first", "third"], Kinds());
        await Task.Delay(2500);
        Assert.Equal(2, Kinds().Count());
    }

    [Fact]
    public async Task Erasing_oneself_deletes_ones_devices_and_the_digest_is_a_setting_of_the_profile()
    {
        long employee;
        await using (var database = server.NewContext())
        {
            var person = new Employee
            {
                CompanyId = server.Alpha, MainSiteId = server.AlphaPlant, ExternalId = "A-ERASE", FirstName = "Eva", LastName = "Effacée",
                Home = new GeometryFactory(new PrecisionModel(), 4326).CreatePoint(new Coordinate(7.71, 48.84)), ConsentToMatching = true,
            };
            database.Employees.Add(person);
            await database.SaveChangesAsync();
            employee = person.Id;
            database.Users.Add(AccountFactory.Create("eva@test.local", TwoNetworkServer.Password, AccountRole.Employee, employeeId: employee));
            await database.SaveChangesAsync();
        }
        await using var instance = WithPush();
        using var eva = await ClientAsync(server, instance, "eva@test.local");
        Assert.True((await eva.GetFromJsonAsync<JsonElement>("/api/me/employee")).GetProperty("digest").GetBoolean());
        using (var off = await eva.PutAsJsonAsync("/api/me/employee", new { digest = false }))
            Assert.False((await BodyAsync(off)).GetProperty("digest").GetBoolean());
        Assert.False((await eva.GetFromJsonAsync<JsonElement>("/api/me/employee")).GetProperty("digest").GetBoolean());
        using var device = new PushServiceStandIn.Device();
        (await eva.PostAsJsonAsync("/api/me/push-subscriptions", device.Subscription(_push.Origin + "/eva"))).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NoContent, (await eva.DeleteAsync("/api/me/employee")).StatusCode);

        await using (var database = server.NewContext())
            Assert.False(await database.PushSubscriptions.AnyAsync(s => s.Endpoint == _push.Origin + "/eva"));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition never held.");
            await Task.Delay(100);
        }
    }

    public void Dispose() => _push.Dispose();
}
