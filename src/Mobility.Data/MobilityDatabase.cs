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
