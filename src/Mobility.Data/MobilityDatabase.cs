using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mobility.Data;

/// <summary>How every host (CLI, server, tests, design-time tools) opens the database the same way.</summary>
public static class MobilityDatabase
{
    public const string ConnectionVariable = "MOBILITY_DB";

    public static NpgsqlDataSource CreateDataSource(string connectionString) =>
        new NpgsqlDataSourceBuilder(connectionString).UseNetTopologySuite().EnableDynamicJson().Build();

    public static DbContextOptions<MobilityDbContext> Options(NpgsqlDataSource dataSource) =>
        new DbContextOptionsBuilder<MobilityDbContext>()
            .UseNpgsql(dataSource, npgsql => npgsql.UseNetTopologySuite()).Options;

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, NpgsqlDataSource dataSource) =>
        builder.UseNpgsql(dataSource, npgsql => npgsql.UseNetTopologySuite());


    /// <summary>A context on a data source of its own, for a command that runs once (the CLI, a benchmark): disposing it
    /// closes both. Hosts that live long (the server) share one data source instead.</summary>
    public static OpenedDatabase Open(string? explicitConnectionString) =>
        new(CreateDataSource(ResolveConnectionString(explicitConnectionString)));

    /// <summary>
    /// Applies pending migrations under a PostgreSQL advisory lock, so that hosts migrating one database at the same
    /// time (two server instances starting, a server and the CLI) take turns: EF Core's own guard let two of them
    /// apply the same migration (MigrationOnStartTests). Returns the migrations this call applied.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(MobilityDbContext context, CancellationToken cancellation = default)
    {
        var database = context.Database;
        await database.OpenConnectionAsync(cancellation);
        try
        {
            // Session-level lock on the connection the migrations then use; any 64-bit key unique to this purpose.
            await database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(7306485519202611)", cancellation);
            try
            {
                var pending = (await database.GetPendingMigrationsAsync(cancellation)).ToList();
                if (pending.Count > 0) await database.MigrateAsync(cancellation);
                return pending;
            }
            finally
            {
                await database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(7306485519202611)", CancellationToken.None);
            }
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    /// <summary>The connection string from an explicit value or MOBILITY_DB, with an explanation when neither is set.</summary>
    public static string ResolveConnectionString(string? explicitValue) =>
        explicitValue is { Length: > 0 } ? explicitValue
        : Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : throw new InvalidOperationException(
            $"No database given: pass --db \"Host=...;Database=...\" or set {ConnectionVariable}.");
}

/// <summary>See <see cref="MobilityDatabase.Open"/>.</summary>
public sealed class OpenedDatabase(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public MobilityDbContext Context { get; } = new(MobilityDatabase.Options(dataSource));

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await dataSource.DisposeAsync();
    }
}
