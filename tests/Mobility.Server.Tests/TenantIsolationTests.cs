using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Mobility.Server.Accounts;

namespace Mobility.Server.Tests;

/// <summary>
/// Walks every API endpoint the server maps (read from its routing table, so a new endpoint is walked without
/// editing this test) with every role against a foreign tenant, and expects a refusal every time.
/// </summary>
public sealed class TenantIsolationTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private sealed record Walked(string Method, string Pattern, IReadOnlyList<string> Parameters);

    private List<Walked> ApiEndpoints() =>
        server.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/"))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new Walked(method, e.RoutePattern.RawText!, e.RoutePattern.Parameters.Select(p => p.Name).ToList())))
            .ToList();

    /// <summary>For each account, resources of another tenant (or, for the working group and employees, individual data they never see).</summary>
    private Dictionary<string, long> ForeignTo(string account) => account switch
    {
        "hr.alpha" => new() { ["networkId"] = server.Sud, ["companyId"] = server.Beta, ["siteId"] = server.BetaPlant,
            ["employeeId"] = server.BetaOne, ["groupId"] = server.BetaGroup, ["planId"] = server.SudPlan, ["accountId"] = server.BertaAccount,
            ["shiftPatternId"] = server.SudRoster, ["jobId"] = server.SudJob },
        "wg.nord" => new() { ["networkId"] = server.Sud, ["companyId"] = server.Gamma, ["siteId"] = server.GammaPlant,
            ["employeeId"] = server.AlphaOne, ["groupId"] = server.AlphaGroup, ["planId"] = server.SudPlan, ["accountId"] = server.BertaAccount,
            ["shiftPatternId"] = server.SudRoster, ["jobId"] = server.SudJob },
        "anne" => new() { ["networkId"] = server.Sud, ["companyId"] = server.Beta, ["siteId"] = server.BetaPlant,
            ["employeeId"] = server.AlphaTwo, ["groupId"] = server.AlphaGroup, ["planId"] = server.SudPlan, ["accountId"] = server.BertaAccount,
            ["shiftPatternId"] = server.SudRoster, ["jobId"] = server.SudJob },
        _ => throw new ArgumentOutOfRangeException(nameof(account)),
    };

    private static string Fill(Walked endpoint, IReadOnlyDictionary<string, long> ids)
    {
        var path = endpoint.Pattern;
        foreach (var name in endpoint.Parameters)
        {
            var start = path.IndexOf("{" + name, StringComparison.Ordinal);
            var end = path.IndexOf('}', start);
            path = path[..start] + (ids.TryGetValue(name, out var id) ? id : 1) + path[(end + 1)..];
        }
        return path;
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "GET" or "HEAD" or "DELETE" ? null : new StringContent("{}", Encoding.UTF8, "application/json"),
    };

    [Theory]
    [InlineData("hr.alpha")]
    [InlineData("wg.nord")]
    [InlineData("anne")]
    public async Task Every_endpoint_refuses_a_foreign_tenant(string account)
    {
        using var client = await server.ClientAsync($"{account}@test.local");
        var walked = ApiEndpoints().Where(e => e.Parameters.Any(TenantAccess.RouteKeys.Contains)).ToList();
        Assert.True(walked.Count >= 8, $"only {walked.Count} endpoints with tenant IDs were found");
        var leaks = new List<string>();
        foreach (var endpoint in walked)
        {
            var path = Fill(endpoint, ForeignTo(account));
            using var response = await client.SendAsync(Request(endpoint.Method, path));
            if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                leaks.Add($"{endpoint.Method} {path}: {(int)response.StatusCode}");
        }
        Assert.Empty(leaks);
    }

    [Fact]
    public async Task Every_endpoint_but_sign_in_asks_an_anonymous_caller_to_sign_in()
    {
        using var client = server.Factory.CreateClient();
        // Signing in and choosing a password through an invitation are for people who are not signed in yet.
        var walked = ApiEndpoints().Where(e => e.Pattern is not ("/api/auth/login" or "/api/auth/invitation")).ToList();
        var open = new List<string>();
        foreach (var endpoint in walked)
        {
            using var response = await client.SendAsync(Request(endpoint.Method, Fill(endpoint, new Dictionary<string, long>())));
            if (response.StatusCode != HttpStatusCode.Unauthorized) open.Add($"{endpoint.Method} {endpoint.Pattern}: {(int)response.StatusCode}");
        }
        Assert.Empty(open);
    }

    [Theory]
    [InlineData("hr.alpha", new[] { "SECRET-BETA", "SECRET-GAMMA", "SECRET-SUD" })]
    [InlineData("wg.nord", new[] { "SECRET-GAMMA", "SECRET-SUD", "SECRET-COLLEAGUE", "SECRET-BETA-PERSON", "Muller" })]
    [InlineData("anne", new[] { "SECRET-BETA", "SECRET-GAMMA", "SECRET-SUD", "SECRET-COLLEAGUE" })]
    public async Task Lists_show_nothing_of_a_foreign_tenant(string account, string[] foreignMarkers)
    {
        using var client = await server.ClientAsync($"{account}@test.local");
        var lists = ApiEndpoints().Where(e => e.Method == "GET" && e.Parameters.Count == 0).ToList();
        var answered = 0;
        foreach (var endpoint in lists)
        {
            using var response = await client.GetAsync(endpoint.Pattern);
            var body = await response.Content.ReadAsStringAsync();
            foreach (var marker in foreignMarkers)
                Assert.False(body.Contains(marker, StringComparison.Ordinal), $"{endpoint.Pattern} shows '{marker}' to {account}");
            if (response.IsSuccessStatusCode && body.Length > 2) answered++;
        }
        // The lists did answer with the account's own data, so the absence of markers means something.
        Assert.True(answered >= 3, $"only {answered} lists answered {account}");
    }

    [Theory]
    [InlineData("hr.alpha", "/api/companies/{Alpha}/employees")]
    [InlineData("hr.alpha", "/api/employees/{AlphaTwo}")]
    [InlineData("hr.alpha", "/api/sites/{AlphaPlant}")]
    [InlineData("wg.nord", "/api/companies/{Beta}")]
    [InlineData("wg.nord", "/api/sites/{BetaPlant}")]
    [InlineData("anne", "/api/sites/{AlphaPlant}")]
    [InlineData("anne", "/api/sites/{NordStation}")]
    [InlineData("anne", "/api/companies/{Alpha}")]
    [InlineData("anne", "/api/networks/{Nord}")]
    public async Task Own_tenant_resources_are_reachable(string account, string template)
    {
        var ids = new Dictionary<string, long>
        {
            ["{Alpha}"] = server.Alpha, ["{Beta}"] = server.Beta, ["{AlphaTwo}"] = server.AlphaTwo, ["{AlphaPlant}"] = server.AlphaPlant,
            ["{BetaPlant}"] = server.BetaPlant, ["{NordStation}"] = server.NordStation, ["{Nord}"] = server.Nord,
        };
        var path = ids.Aggregate(template, (p, id) => p.Replace(id.Key, id.Value.ToString()));
        using var client = await server.ClientAsync($"{account}@test.local");
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
