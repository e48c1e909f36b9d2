using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Mobility.Server.Tests;

public sealed class ApiBehaviourTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_problem_with_its_code_in_the_language_asked_for()
    {
        using var client = server.Factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "anne@test.local", password = "not-the-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("sign-in-refused", problem.GetProperty("code").GetString());
        Assert.Equal("E-mail ou mot de passe incorrect.", problem.GetProperty("detail").GetString());
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = "anne@test.local", password = "not-the-password" }),
            Headers = { { "Accept-Language", "en-GB,en;q=0.9,fr;q=0.5" } },
        };
        using var answer = await client.SendAsync(english);
        Assert.Equal("Wrong e-mail or password.", (await ProblemAsync(answer)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_browser_signs_in_with_a_cookie_and_sees_its_account()
    {
        using var browser = server.Factory.CreateClient(); // keeps cookies
        using var signIn = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = "hr.alpha@test.local", password = TwoNetworkServer.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mobility=") && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        using var me = JsonDocument.Parse(await browser.GetStringAsync("/api/me"));
        Assert.Equal("HrManager", me.RootElement.GetProperty("role").GetString());
        Assert.Equal(server.Alpha, me.RootElement.GetProperty("companyId").GetInt64());
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_and_a_forged_one_nothing()
    {
        using var client = server.Factory.CreateClient();
        using var signIn = await client.PostAsJsonAsync("/api/auth/login", new { email = "anne@test.local", password = TwoNetworkServer.Password });
        using var tokens = JsonDocument.Parse(await signIn.Content.ReadAsStringAsync());
        using var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RootElement.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        using var fresh = JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync());
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        me.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fresh.RootElement.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(me)).StatusCode);
        using var forged = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "not-a-token" });
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_problem_and_writes_nothing()
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        await using var before = server.NewContext();
        var sites = await before.Sites.CountAsync();
        using var response = await client.PostAsync($"/api/companies/{server.Alpha}/sites",
            new StringContent("{\"externalId\": \"X\", \"name\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ProblemAsync(response);
        await using var after = server.NewContext();
        Assert.Equal(sites, await after.Sites.CountAsync());
    }

    [Fact]
    public async Task Coordinates_out_of_range_are_refused_field_by_field_and_nothing_is_written()
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        using var response = await client.PostAsJsonAsync($"/api/companies/{server.Alpha}/sites", new
        {
            externalId = "ALP-91", name = "Nulle part", kind = "Plant", location = new { type = "Point", coordinates = new[] { 7.8, 91.0 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ProblemAsync(response)).GetProperty("errors");
        Assert.Contains("91", errors.GetProperty("location")[0].GetString());
        await using var database = server.NewContext();
        Assert.False(await database.Sites.AnyAsync(s => s.ExternalId == "ALP-91"));
    }

    [Fact]
    public async Task A_site_is_created_read_back_as_GeoJSON_and_changed()
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        using var created = await client.PostAsJsonAsync($"/api/companies/{server.Alpha}/sites", new
        {
            externalId = "ALP-2", name = "Alpha, atelier 2", kind = "Plant", location = new { type = "Point", coordinates = new[] { 7.801, 48.812 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.ToString();
        using var site = JsonDocument.Parse(await client.GetStringAsync(location));
        var coordinates = site.RootElement.GetProperty("location").GetProperty("coordinates");
        Assert.Equal(7.801, coordinates[0].GetDouble(), 9);
        Assert.Equal(48.812, coordinates[1].GetDouble(), 9);
        using var renamed = await client.PutAsJsonAsync(location, new
        {
            externalId = "ALP-2", name = "Alpha, atelier deux", kind = "Plant", location = new { type = "Point", coordinates = new[] { 7.801, 48.812 } },
        });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Contains("atelier deux", await client.GetStringAsync(location));
        using var geoJson = JsonDocument.Parse(await client.GetStringAsync("/api/sites.geojson"));
        Assert.Contains(geoJson.RootElement.GetProperty("features").EnumerateArray(),
            f => f.GetProperty("properties").GetProperty("name").GetString() == "Alpha, atelier deux");
    }

    [Fact]
    public async Task An_employee_cannot_be_placed_at_another_companys_site()
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        using var response = await client.PostAsJsonAsync($"/api/companies/{server.Alpha}/employees", new
        {
            externalId = "A9", firstName = "Luc", lastName = "Weber", mainSiteId = server.BetaPlant,
            commute = new { home = new { type = "Point", coordinates = new[] { 7.7, 48.8 } }, role = "Passenger" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty("mainSiteId", out _));
    }

    [Fact]
    public async Task Lists_come_in_pages()
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        using var first = JsonDocument.Parse(await client.GetStringAsync($"/api/companies/{server.Alpha}/employees?page=1&pageSize=1"));
        using var second = JsonDocument.Parse(await client.GetStringAsync($"/api/companies/{server.Alpha}/employees?page=2&pageSize=1"));
        Assert.True(first.RootElement.GetProperty("total").GetInt32() >= 2);
        Assert.True(first.RootElement.GetProperty("hasNext").GetBoolean());
        Assert.NotEqual(first.RootElement.GetProperty("items")[0].GetProperty("id").GetInt64(), second.RootElement.GetProperty("items")[0].GetProperty("id").GetInt64());
        using var tooBig = await client.GetAsync($"/api/companies/{server.Alpha}/employees?pageSize=100000");
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.True((await ProblemAsync(tooBig)).GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task An_employee_changes_their_commute_and_a_bad_value_changes_nothing()
    {
        using var client = await server.ClientAsync("berta@test.local");
        using var bad = await client.PutAsJsonAsync("/api/me/employee", new { seatsOffered = 2, maxDetourRatio = 0.5 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var good = await client.PutAsJsonAsync("/api/me/employee", new { role = "Driver", seatsOffered = 2, flexibilityMinutes = 20 });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        await using var database = server.NewContext();
        var berta = await database.Employees.SingleAsync(e => e.Id == server.BetaOne);
        Assert.Equal((2, 20), (berta.SeatsOffered, berta.FlexibilityMinutes));
        Assert.Equal(1.5, berta.MaxDetourRatio);
        using var export = JsonDocument.Parse(await client.GetStringAsync("/api/me/export"));
        Assert.Equal("B1", export.RootElement.GetProperty("employee").GetProperty("externalId").GetString());
    }

    [Fact]
    public async Task My_data_downloads_as_a_JSON_or_CSV_file_and_a_formula_typed_as_a_name_stays_text_in_a_spreadsheet()
    {
        using (var hr = await server.ClientAsync("hr.beta@test.local"))
            (await hr.PutAsJsonAsync($"/api/employees/{server.BetaOne}", new { firstName = "=HYPERLINK(\"http://x\",\"Berta\")" })).EnsureSuccessStatusCode();
        using var client = await server.ClientAsync("berta@test.local");
        using var json = await client.GetAsync("/api/me/export");
        Assert.Equal("attachment", json.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".json", json.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var csv = await client.GetAsync("/api/me/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("section,item,field,value", lines[0]);
        Assert.Contains("employee,,externalId,B1", lines);
        // Quoted (it holds commas and quotes) and defused (it starts like a formula).
        Assert.Contains("employee,,firstName,\"'=HYPERLINK(\"\"http://x\"\",\"\"Berta\"\")\"", lines);
        Assert.Contains(lines, l => l.StartsWith("employee,,home.coordinates[0],", StringComparison.Ordinal) && !l.Contains('\''));
        using var unknown = await client.GetAsync("/api/me/export?format=xml");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        using (var hr = await server.ClientAsync("hr.beta@test.local"))
            (await hr.PutAsJsonAsync($"/api/employees/{server.BetaOne}", new { firstName = "Berta" })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_conflict_names_no_index_or_constraint_of_the_database()
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        // The duplicate check compares the ID as sent, the row stores it trimmed: the unique index is what refuses this one.
        using var response = await client.PostAsJsonAsync($"/api/companies/{server.Alpha}/sites", new
        {
            externalId = "ALP-1 ", name = "Doublon", kind = "Plant", location = new { type = "Point", coordinates = new[] { 7.8, 48.81 } },
        });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("database-conflict", problem.GetProperty("code").GetString());
        Assert.DoesNotContain("IX_", problem.ToString());
        Assert.DoesNotContain("duplicate key", problem.ToString());
    }

    /// <summary>Signs in with a cookie over a request shaped by <paramref name="shape"/> (scheme, proxy headers, peer address).</summary>
    private async Task<string> SignInCookieAsync(Action<HttpContext> shape)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { email = "hr.alpha@test.local", password = TwoNetworkServer.Password });
        var context = await server.Factory.Server.SendAsync(http =>
        {
            http.Request.Method = "POST";
            http.Request.Path = "/api/auth/login";
            http.Request.QueryString = new QueryString("?useCookies=true");
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream(body);
            http.Request.ContentLength = body.Length;
            http.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>(new HasBody());
            shape(http);
        });
        Assert.True(context.Response.StatusCode == StatusCodes.Status200OK,
            $"{context.Response.StatusCode}: {await new StreamReader(context.Response.Body).ReadToEndAsync()}");
        return Assert.Single(context.Response.Headers.SetCookie, c => c!.StartsWith("mobility="))!;
    }

    private sealed class HasBody : Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    [Fact]
    public async Task The_sign_in_cookie_is_Secure_over_HTTPS_also_behind_a_local_TLS_proxy_and_only_then()
    {
        static bool Secure(string cookie) => cookie.Split(';').Any(part => part.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));
        Assert.True(Secure(await SignInCookieAsync(http => http.Request.Scheme = "https")));
        Assert.False(Secure(await SignInCookieAsync(http => http.Request.Scheme = "http")));
        Assert.True(Secure(await SignInCookieAsync(http =>
        {
            http.Request.Scheme = "http";
            http.Connection.RemoteIpAddress = IPAddress.Loopback;
            http.Request.Headers["X-Forwarded-Proto"] = "https";
        })));
        // Anyone can send the header: only a proxy on this machine is believed.
        Assert.False(Secure(await SignInCookieAsync(http =>
        {
            http.Request.Scheme = "http";
            http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
            http.Request.Headers["X-Forwarded-Proto"] = "https";
        })));
    }
}
