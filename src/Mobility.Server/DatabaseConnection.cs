using Mobility.Data;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace Mobility.Server;

/// <summary>
/// Where the server finds PostgreSQL: the MOBILITY_DB setting (environment variable or configuration key),
/// else ConnectionStrings:Mobility. The server still starts without one, so that the liveness endpoint
/// answers and readiness can say what is missing; API calls then answer 503.
/// </summary>
public static class DatabaseConnection
{
    public const string SettingName = "MOBILITY_DB";

    public static string? FindConnectionString(IConfiguration configuration) =>
        configuration[SettingName] is { Length: > 0 } fromSetting
            ? fromSetting
            : configuration.GetConnectionString("Mobility");

    public static IServiceCollection AddMobilityDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = FindConnectionString(configuration);
        if (connectionString is not null)
        {
            services.AddSingleton(MobilityDatabase.CreateDataSource(connectionString));
            // Sign-in cookies and tokens are protected by keys every instance reads from the database, so any instance
            // behind the load balancer honours what another issued.
            services.AddDataProtection().SetApplicationName("Mobility").PersistKeysToDbContext<MobilityDbContext>();
            // Registered before every other hosted service, so none of them meets a missing table.
            if (configuration.GetValue<bool>(MigrationOnStart.SettingName)) services.AddHostedService<MigrationOnStart>();
        }
        services.AddDbContext<MobilityDbContext>((provider, options) =>
            MobilityDatabase.Configure(options, provider.GetService<NpgsqlDataSource>() ?? throw new DatabaseNotConfiguredException()));
        return services;
    }
}
