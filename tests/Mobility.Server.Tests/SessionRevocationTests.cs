using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Mobility.Data.Accounts;
using Mobility.Data.Model;

namespace Mobility.Server.Tests;

/// <summary>
/// A sign-in ends when its owner says so: after logout, account removal or disabling, no cookie, access token or
/// refresh token of the account works any more, and a refresh token works once (its reuse ends the whole session).
/// Each test uses accounts of its own, so that ending their sessions touches no other test.
/// </summary>
public sealed class SessionRevocationTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private sealed record Tokens(string AccessToken, string RefreshToken);

    private async Task<string> NewAccountAsync(AccountRole role, long? companyId = null, long? employeeId = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}@test.local".ToLowerInvariant();
        await using var database = server.NewContext();
        database.Users.Add(AccountFactory.Create(email, TwoNetworkServer.Password, role, companyId: companyId, employeeId: employeeId));
        await database.SaveChangesAsync();
        return email;
    }

    private async Task<Tokens> SignInAsync(string email)
    {
        using var client = server.Factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = TwoNetworkServer.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Tokens>())!;
    }

    private HttpClient Bearer(string token)
    {
        var client = server.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<HttpStatusCode> RefreshAsync(string refreshToken)
    {
        using var client = server.Factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        return response.StatusCode;
    }

    [Fact]
    public async Task After_logout_neither_the_cookie_nor_any_token_of_the_account_works()
    {
        var email = await NewAccountAsync(AccountRole.HrManager, companyId: server.Alpha);
        var first = await SignInAsync(email);
        var second = await SignInAsync(email); // another device
        using var browser = server.Factory.CreateClient();
        (await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = TwoNetworkServer.Password })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/companies")).StatusCode);

        using var api = Bearer(first.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/api/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/companies")).StatusCode);
        using var otherDevice = Bearer(second.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherDevice.GetAsync($"/api/companies/{server.Alpha}/employees")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/companies")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(first.RefreshToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(second.RefreshToken));
    }

    [Fact]
    public async Task A_cookie_kept_by_someone_else_stops_working_when_its_owner_logs_out()
    {
        var email = await NewAccountAsync(AccountRole.HrManager, companyId: server.Alpha);
        using var browser = server.Factory.CreateClient();
        using var login = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = TwoNetworkServer.Password });
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mobility=", StringComparison.Ordinal)).Split(';')[0];
        using var thief = server.Factory.CreateDefaultClient();
        thief.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/api/companies")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/companies")).StatusCode);
    }

    [Fact]
    public async Task A_removed_HR_account_can_no_longer_read_or_write_its_company()
    {
        var email = await NewAccountAsync(AccountRole.HrManager, companyId: server.Alpha);
        var tokens = await SignInAsync(email);
        using var hr = Bearer(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync($"/api/companies/{server.Alpha}/employees")).StatusCode);
        await using (var database = server.NewContext())
        {
            var id = database.Users.Single(u => u.Email == email).Id;
            using var admin = await server.ClientAsync("admin@test.local");
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/accounts/{id}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await hr.GetAsync($"/api/companies/{server.Alpha}/employees")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await hr.PostAsJsonAsync($"/api/companies/{server.Alpha}/employees", new { externalId = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(tokens.RefreshToken));
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_everywhere_and_cannot_sign_in_until_enabled()
    {
        var email = await NewAccountAsync(AccountRole.HrManager, companyId: server.Alpha);
        var tokens = await SignInAsync(email);
        long id;
        await using (var database = server.NewContext()) id = database.Users.Single(u => u.Email == email).Id;
        using var admin = await server.ClientAsync("admin@test.local");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/accounts/{id}/disabled", new { disabled = true })).StatusCode);
        using var hr = Bearer(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await hr.GetAsync("/api/companies")).StatusCode);
        using var anonymous = server.Factory.CreateClient();
        using var refused = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = TwoNetworkServer.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/accounts/{id}/disabled", new { disabled = false })).StatusCode);
        await SignInAsync(email);
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_its_reuse_ends_the_whole_session()
    {
        var email = await NewAccountAsync(AccountRole.HrManager, companyId: server.Alpha);
        var first = await SignInAsync(email);
        using var client = server.Factory.CreateClient();
        using var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = (await refreshed.Content.ReadFromJsonAsync<Tokens>())!;
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        using var rotated = Bearer(second.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await rotated.GetAsync("/api/companies")).StatusCode);

        // Someone replays the first token: it is refused, and the chain it belongs to ends, the thief's and the owner's alike.
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(first.RefreshToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(second.RefreshToken));
        Assert.Equal(HttpStatusCode.Unauthorized, (await rotated.GetAsync("/api/companies")).StatusCode);
        // Other sessions of the account are not concerned.
        var elsewhere = await SignInAsync(email);
        using var other = Bearer(elsewhere.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/companies")).StatusCode);
    }

    [Fact]
    public async Task An_employee_who_logged_out_cannot_reach_the_hub_with_an_old_token()
    {
        await using (var database = server.NewContext())
        {
            var employee = new Employee
            {
                CompanyId = server.Alpha, MainSiteId = server.AlphaPlant, ExternalId = $"R-{Guid.NewGuid():N}"[..12], FirstName = "Rita", LastName = "Revoke",
                Home = new NetTopologySuite.Geometries.Point(7.7, 48.85) { SRID = 4326 },
            };
            database.Employees.Add(employee);
            await database.SaveChangesAsync();
            var email = await NewAccountAsync(AccountRole.Employee, employeeId: employee.Id);
            var tokens = await SignInAsync(email);
            using var api = Bearer(tokens.AccessToken);
            Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/api/auth/logout", null)).StatusCode);
            await using var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(server.Factory.Server.BaseAddress, "hubs/commute"), options =>
                {
                    options.HttpMessageHandlerFactory = _ => server.Factory.Server.CreateHandler();
                    options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                    options.AccessTokenProvider = () => Task.FromResult<string?>(tokens.AccessToken);
                }).Build();
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => hub.StartAsync());
            Assert.Contains("401", refused.Message);
        }
    }
}
