using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Npgsql;

namespace Mobility.TestSupport;

/// <summary>A fresh PostGIS database with every migration applied, shared by the tests of one class.</summary>
public sealed class MigratedDatabase : IDisposable
{
    private readonly TestDatabase _database = new();
    public NpgsqlDataSource DataSource { get; }

    public MigratedDatabase()
    {
        DataSource = MobilityDatabase.CreateDataSource(_database.ConnectionString);
        using var context = NewContext();
        context.Database.Migrate();
    }

    public string ConnectionString => _database.ConnectionString;

    public MobilityDbContext NewContext() => new(MobilityDatabase.Options(DataSource));

    public void Dispose()
    {
        DataSource.Dispose();
        _database.Dispose();
    }
}
