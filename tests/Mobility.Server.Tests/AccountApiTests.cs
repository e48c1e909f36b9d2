using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Mobility.Server.Tests;

public sealed class AccountApiTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    [Fact]
    public async Task HR_cannot_create_accounts_for_another_company_nor_accounts_with_more_rights()
    {
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        using var foreign = await hr.PostAsJsonAsync("/api/accounts", new { email = "x@test.local", role = "Employee", employeeId = server.BetaOne });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("employeeId", await foreign.Content.ReadAsStringAsync());
        using var admin = await hr.PostAsJsonAsync("/api/accounts", new { email = "y@test.local", role = "Administrator" });
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        using var anne = await server.ClientAsync("anne@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await anne.PostAsJsonAsync("/api/accounts", new { email = "z@test.local", role = "Employee", employeeId = server.AlphaOne })).StatusCode);
    }

    [Fact]
    public async Task An_administrator_opens_a_network_with_a_company_and_its_HR_manager()
    {
        using var admin = await server.ClientAsync("admin@test.local");
        using var network = await admin.PostAsJsonAsync("/api/networks", new { name = "Réseau d'Obernai", timeZone = "Europe/Paris" });
        Assert.Equal(HttpStatusCode.Created, network.StatusCode);
        var networkId = JsonDocument.Parse(await network.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        using var company = await admin.PostAsJsonAsync($"/api/networks/{networkId}/companies", new { externalId = "OBE", name = "Obernai Emballages" });
        var companyId = JsonDocument.Parse(await company.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        using var hrAccount = await admin.PostAsJsonAsync("/api/accounts", new { email = "rh.obe@test.local", role = "HrManager", companyId });
        var password = JsonDocument.Parse(await hrAccount.Content.ReadAsStringAsync()).RootElement.GetProperty("temporaryPassword").GetString();
        using var hr = server.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = "rh.obe@test.local", password })).StatusCode);
        // The administrator knows that first password: nothing works with it but replacing it.
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.GetAsync("/api/companies")).StatusCode);
        Assert.True(JsonDocument.Parse(await hr.GetStringAsync("/api/me")).RootElement.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent,
            (await hr.PostAsJsonAsync("/api/auth/password", new { currentPassword = password, newPassword = "obernai-rh-2027" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await hr.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await hr.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = "rh.obe@test.local", password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await hr.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = "rh.obe@test.local", password = "obernai-rh-2027" })).StatusCode);
        Assert.False(JsonDocument.Parse(await hr.GetStringAsync("/api/me")).RootElement.GetProperty("mustChangePassword").GetBoolean());
        Assert.Contains("Obernai Emballages", await hr.GetStringAsync("/api/companies"));
        using var workingGroup = await server.ClientAsync("wg.nord@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await workingGroup.PostAsJsonAsync("/api/networks", new { name = "Pirate" })).StatusCode);
    }
}
