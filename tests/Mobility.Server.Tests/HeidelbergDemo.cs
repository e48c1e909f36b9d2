using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Demo;
using Mobility.TestSupport;

namespace Mobility.Server.Tests;

/// <summary>The Heidelberg demo network in a test database, and a server on it: what `./run.sh` serves, for the tests
/// that attack the product as its demo (HomeLocationAttackTests, AttackWalkTests).</summary>
internal static class HeidelbergDemo
{
    private static string OsmFile => SharedData.OsmFile("heidelberg.osm.pbf");

    public static MobilityDbContext NewContext(TestDatabase database) =>
        new(MobilityDatabase.Options(MobilityDatabase.CreateDataSource(database.ConnectionString)));

    /// <summary>Migrates, seeds the demo (and its sign-ins when <paramref name="accounts"/>) and answers the network's id.</summary>
    public static async Task<long> SeedAsync(TestDatabase database, bool accounts = false)
    {
        await using var context = NewContext(database);
        await context.Database.MigrateAsync();
        await new DemoNetworkSeeder(context).SeedAsync(DemoScenario.Load("heidelberg"), OsmFile);
        var network = await context.Networks.Select(n => n.Id).SingleAsync();
        if (accounts) await DemoAccounts.EnsureAsync(context, network);
        return network;
    }

    /// <summary>A server on the demo with its road network. It matches nothing at start: each test matches the dates it
    /// needs, so that it knows when the proposals are there.</summary>
    /// <param name="daysAhead">The dates after today the engine re-matches on a change (<see cref="Carpools.ProposalEngineOptions.DaysAhead"/>);
    /// the server's default when null.</param>
    public static WebApplicationFactory<Program> Server(TestDatabase database, int? daysAhead = null) => new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
    {
        host.UseSetting(DatabaseConnection.SettingName, database.ConnectionString);
        host.UseSetting("Routing:Osm", OsmFile);
        host.UseSetting("Proposals:RecomputeOnStart", "false");
        if (daysAhead is { } days) host.UseSetting("Proposals:DaysAhead", days.ToString(System.Globalization.CultureInfo.InvariantCulture));
    });
}
