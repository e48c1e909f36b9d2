using Microsoft.EntityFrameworkCore.Design;

namespace Mobility.Data;

/// <summary>Lets `dotnet ef` build the model; migrations are generated without a live database.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<MobilityDbContext>
{
    public MobilityDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable(MobilityDatabase.ConnectionVariable)
            ?? "Host=127.0.0.1;Database=mobility;Username=postgres";
        return new MobilityDbContext(MobilityDatabase.Options(MobilityDatabase.CreateDataSource(connectionString)));
    }
}
