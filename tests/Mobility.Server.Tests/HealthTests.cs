using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Mobility.TestSupport;

namespace Mobility.Server.Tests;

public class HealthTests : IClassFixture<TestDatabase>
{
    private readonly TestDatabase _database;

    public HealthTests(TestDatabase database) => _database = database;

    private static WebApplicationFactory<Program> ServerWithDatabase(string? connectionString) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
            host.UseSetting(DatabaseConnection.SettingName, connectionString ?? ""));

    [Fact]
    public async Task Liveness_answers_ok_even_without_a_database()
    {
        using var server = ServerWithDatabase(null);
        var response = await server.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_reports_the_PostGIS_version_of_a_real_database()
    {
        using var server = ServerWithDatabase(_database.ConnectionString);
        var response = await server.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", body.RootElement.GetProperty("postgis").GetString());
    }

    [Fact]
    public async Task Readiness_is_a_503_problem_when_the_database_is_unreachable()
    {
        using var server = ServerWithDatabase("Host=127.0.0.1;Port=1;Username=nobody;Timeout=2");
        var response = await server.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_API_call_while_the_database_is_down_is_a_503_with_Retry_After()
    {
        var port = FreePort.Pick();
        using var server = ServerWithDatabase($"Host=127.0.0.1;Port={port};Username=postgres;Timeout=2");
        using var response = await server.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = "anne@test.local", password = "whatever-it-is" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, response.Headers.ToString());
        Assert.DoesNotContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture), body);
    }

    [Fact]
    public async Task Readiness_tells_an_anonymous_caller_nothing_of_the_database_error()
    {
        var port = FreePort.Pick();
        using var server = ServerWithDatabase($"Host=127.0.0.1;Port={port};Username=postgres;Timeout=2");
        using var response = await server.CreateClient().GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, response.Headers.ToString());
        Assert.DoesNotContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture), body);
        Assert.DoesNotContain("127.0.0.1", body);
    }

    [Fact]
    public async Task Readiness_says_what_is_missing_when_no_database_is_configured()
    {
        using var server = ServerWithDatabase(null);
        var response = await server.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains(DatabaseConnection.SettingName, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Home_page_is_served_in_French_first_with_the_OSM_credit()
    {
        using var server = ServerWithDatabase(null);
        var html = await server.CreateClient().GetStringAsync("/");
        Assert.Contains("lang=\"fr\"", html);
        Assert.Contains("OpenStreetMap", html);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_health_endpoints()
    {
        using var server = ServerWithDatabase(null);
        var document = await server.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/health/ready", document);
    }

    [Fact]
    public async Task Unknown_path_is_a_404()
    {
        using var server = ServerWithDatabase(null);
        var response = await server.CreateClient().GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
