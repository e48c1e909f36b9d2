using Mobility.Data;

namespace Mobility.Server;

/// <summary>
/// Applies pending migrations before the server takes requests, when <c>Database:MigrateOnStart</c> is true: a
/// container started on an empty database (docker/compose.yaml) then serves a schema instead of failing every call.
/// Instances starting together take turns (<see cref="MobilityDatabase.MigrateAsync"/>): the second finds nothing left.
/// </summary>
internal sealed class MigrationOnStart(IServiceScopeFactory scopes, ILogger<MigrationOnStart> log) : IHostedService
{
    public const string SettingName = "Database:MigrateOnStart";

    public async Task StartAsync(CancellationToken cancellation)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applied = await MobilityDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<MobilityDbContext>(), cancellation);
        if (applied.Count == 0) log.LogInformation("Database schema is up to date");
        else log.LogInformation("Applied {Count} migration(s): {Migrations}", applied.Count, string.Join(", ", applied));
    }

    public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;
}
