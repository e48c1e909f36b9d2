using Npgsql;

namespace Mobility.TestSupport;

/// <summary>
/// A fresh, empty PostgreSQL database with PostGIS for one test class (use as an xunit
/// IClassFixture or create directly), dropped on dispose. The server comes from
/// MOBILITY_TEST_DB, a connection string to a superuser database, which ./test.sh sets
/// after starting a throwaway cluster. Without it the tests fail with the reason.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string ServerVariable = "MOBILITY_TEST_DB";

    private readonly string _adminConnectionString;

    public string Name { get; }
    public string ConnectionString { get; }

    public TestDatabase() : this(Environment.GetEnvironmentVariable(ServerVariable)
        ?? throw new InvalidOperationException(
            $"{ServerVariable} is not set: these tests need a real PostgreSQL + PostGIS server. " +
            "Run ./test.sh, which starts one, or set it to a superuser connection string."))
    {
    }

    /// <summary>A database on that server (e.g. a <see cref="TestCluster"/> of the test's own).</summary>
    public static TestDatabase On(string adminConnectionString) => new(adminConnectionString);

    // Not public: a class fixture may have one public constructor only.
    private TestDatabase(string adminConnectionString)
    {
        _adminConnectionString = adminConnectionString;
        Name = "mobility_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", admin);
            create.ExecuteNonQuery();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString)
        {
            Database = Name,
            // A test database is dropped right after; pooled connections would block the drop.
            Pooling = false,
        }.ConnectionString;
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var extension = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS postgis", connection);
        extension.ExecuteNonQuery();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(_adminConnectionString);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }
}
