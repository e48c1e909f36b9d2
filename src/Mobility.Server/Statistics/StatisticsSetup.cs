namespace Mobility.Server.Statistics;

public static class StatisticsSetup
{
    /// <summary>The dashboard's options and the daily activity snapshot service (<c>Statistics:…</c>).</summary>
    public static IServiceCollection AddMobilityStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StatisticsOptions>(configuration.GetSection(StatisticsOptions.Section));
        services.AddSingleton<ActivitySnapshotService>();
        services.AddHostedService(provider => provider.GetRequiredService<ActivitySnapshotService>());
        return services;
    }
}
