using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.TestSupport;

namespace Mobility.Server.Tests;

/// <summary>
/// A server container started on an empty database (docker/compose.yaml) must serve a schema, not fail every call:
/// with Database:MigrateOnStart it applies the migrations before taking requests, and two instances starting
/// together on one empty database both come up.
/// </summary>
public class MigrationOnStartTests
{
    private static WebApplicationFactory<Program> Server(string connectionString, bool migrateOnStart) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting(DatabaseConnection.SettingName, connectionString)
            .UseSetting(MigrationOnStart.SettingName, migrateOnStart ? "true" : "false"));

    private static async Task<List<string>> PendingMigrationsAsync(string connectionString)
    {
        await using var opened = MobilityDatabase.Open(connectionString);
        return (await opened.Context.Database.GetPendingMigrationsAsync()).ToList();
    }

    [Fact]
    public async Task Two_instances_started_together_on_an_empty_database_apply_the_schema_once_and_both_serve()
    {
        using var database = new TestDatabase();
        Assert.NotEmpty(await PendingMigrationsAsync(database.ConnectionString));
        using var first = Server(database.ConnectionString, migrateOnStart: true);
        using var second = Server(database.ConnectionString, migrateOnStart: true);
        // CreateClient starts the host, which runs the migration before it returns.
        var clients = await Task.WhenAll(Task.Run(first.CreateClient), Task.Run(second.CreateClient));

        Assert.Empty(await PendingMigrationsAsync(database.ConnectionString));
        foreach (var client in clients)
        {
            // A sign-in reads the accounts table: an unknown person is a 401, not a missing-table failure.
            using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@test.local", password = "not-a-password-1" });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task Without_the_setting_the_server_leaves_the_schema_to_the_migrate_command()
    {
        using var database = new TestDatabase();
        var before = await PendingMigrationsAsync(database.ConnectionString);
        using var server = Server(database.ConnectionString, migrateOnStart: false);
        using var response = await server.CreateClient().GetAsync("/health/ready");
        Assert.Equal(before, await PendingMigrationsAsync(database.ConnectionString));
    }
}
