using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mobility.Server.Tests;

/// <summary>
/// Guessing passwords is slowed per address and per (account, address), and the answers tell nothing: an unknown e-mail,
/// a wrong password and a disabled account all get the same 401, and the 429 comes as soon for an account that does not
/// exist. Failing on purpose from one address does not keep the account's owner out from another. Each request names
/// its client address in a test header, which a start-up filter of this test turns into the connection's address.
/// </summary>
public sealed class SignInLimitTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private const string AddressHeader = "X-Test-Client-Address";

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, following) =>
            {
                if (http.Request.Headers[AddressHeader] is [{ } address]) http.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return following();
            });
            next(app);
        };
    }

    private WebApplicationFactory<Program> Limited(int perAccount = 5, int perAddress = 8, int requestsPerMinute = 1000) =>
        server.Instance(("SignIn:FailuresPerAccount", perAccount.ToString()), ("SignIn:FailuresPerAddress", perAddress.ToString()),
                ("SignIn:RequestsPerAddressPerMinute", requestsPerMinute.ToString()), ("Proposals:RecomputeOnStart", "false"))
            .WithWebHostBuilder(host => host.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>()));

    private static async Task<(HttpStatusCode Status, string Body)> TryAsync(HttpClient client, string address, string email, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.Add(AddressHeader, address);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        // The trace id differs per request; the rest of the answer must not.
        return (response.StatusCode, System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", ""));
    }

    [Fact]
    public async Task An_unknown_e_mail_and_a_wrong_password_get_the_same_answer_and_the_same_limit()
    {
        await using var instance = Limited();
        using var client = instance.CreateClient();
        var known = new List<(HttpStatusCode, string)>();
        var unknown = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < 6; i++)
        {
            known.Add(await TryAsync(client, "192.0.2.10", "admin@test.local", "not-the-password"));
            unknown.Add(await TryAsync(client, "192.0.2.11", "nobody@test.local", "not-the-password"));
        }
        Assert.Equal(known, unknown);
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5).Append(HttpStatusCode.TooManyRequests), known.Select(k => k.Item1));
    }

    [Fact]
    public async Task Failing_on_purpose_from_one_address_does_not_keep_the_owner_out_from_another()
    {
        await using var instance = Limited();
        using var client = instance.CreateClient();
        for (var i = 0; i < 10; i++) await TryAsync(client, "198.51.100.7", "hr.alpha@test.local", "guess-" + i);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TryAsync(client, "198.51.100.7", "hr.alpha@test.local", TwoNetworkServer.Password)).Status);
        Assert.Equal(HttpStatusCode.OK, (await TryAsync(client, "203.0.113.20", "hr.alpha@test.local", TwoNetworkServer.Password)).Status);
    }

    [Fact]
    public async Task One_address_trying_many_accounts_is_stopped()
    {
        await using var instance = Limited(perAccount: 5, perAddress: 8);
        using var client = instance.CreateClient();
        var statuses = new List<HttpStatusCode>();
        foreach (var account in new[] { "admin", "wg.nord", "hr.alpha", "hr.beta", "anne", "berta", "x1", "x2", "x3", "x4" })
            statuses.Add((await TryAsync(client, "192.0.2.99", $"{account}@test.local", "wrong-password")).Status);
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 8).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)), statuses);
    }

    [Fact]
    public async Task Sign_in_requests_from_one_address_are_limited_per_minute_with_a_retry_after()
    {
        await using var instance = Limited(requestsPerMinute: 3);
        using var client = instance.CreateClient();
        for (var i = 0; i < 3; i++) await TryAsync(client, "192.0.2.50", "anne@test.local", TwoNetworkServer.Password);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
            { Content = JsonContent.Create(new { email = "anne@test.local", password = TwoNetworkServer.Password }) };
        request.Headers.Add(AddressHeader, "192.0.2.50");
        using var limited = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null, "429 without Retry-After");
        Assert.Contains("too-many-attempts", await limited.Content.ReadAsStringAsync());
    }
}
