using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mobility.Data;
using Mobility.Data.Demo;
using Mobility.Server.Carpools;
using Mobility.TestSupport;

namespace Mobility.Server.Tests;

/// <summary>The Heidelberg demo (2,000 employees) with its sign-ins, one company renamed with markup, and the proposals of
/// <see cref="Date"/> matched: what the diagnostic tests and the report's benchmark read.</summary>
public sealed class DiagnosticDemo : IAsyncLifetime
{
    public static readonly DateOnly Date = new(2027, 3, 2); // a Tuesday: the demo's rosters run
    public const string HostileCompany = "<script>alert('x')</script> & Fils \"Ü\"";
    public const string WorkingGroupEmail = "groupe-travail@" + DemoAccounts.Domain;

    public TestDatabase Database { get; } = new();
    public WebApplicationFactory<Program> Server { get; private set; } = null!;
    public long Network { get; private set; }
    public double SeededSeconds { get; private set; }
    /// <summary>How long the car, bicycle and foot roads took to import (once per server, on first use).</summary>
    public double RoadsSeconds { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Network = await HeidelbergDemo.SeedAsync(Database, accounts: true);
        await using (var context = HeidelbergDemo.NewContext(Database))
        {
            var company = await context.Companies.Where(c => c.NetworkId == Network).OrderBy(c => c.Id).FirstAsync();
            company.Name = HostileCompany;
            await context.SaveChangesAsync();
        }
        Server = HeidelbergDemo.Server(Database);
        await Server.Services.GetRequiredService<ProposalEngine>().RecomputeAsync(Network, Date, null, CancellationToken.None);
        SeededSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        _ = Server.Services.GetRequiredService<Mobility.Server.Statistics.AccessibilityRoads>().Router;
        RoadsSeconds = clock.Elapsed.TotalSeconds;
    }

    public MobilityDbContext NewContext() => HeidelbergDemo.NewContext(Database);

    public async Task<HttpClient> ClientAsync(string email = WorkingGroupEmail, string? language = null)
    {
        var client = Server.CreateClient();
        using (var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = DemoAccounts.Password }))
        {
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
        }
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Database.Dispose();
    }
}
