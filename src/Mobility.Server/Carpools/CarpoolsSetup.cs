using Mobility.Server.Jobs;

namespace Mobility.Server.Carpools;

/// <summary>The carpool proposals: the road times they are matched on, decisions, re-matches, the messages the hub pushes,
/// and the background engine that re-matches after changes (settings under `Proposals`, <see cref="ProposalEngineOptions"/>).</summary>
public static class CarpoolsSetup
{
    public static IServiceCollection AddMobilityCarpools(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<NotificationStore>();
        services.AddSingleton<NotificationPusher>();
        services.AddSingleton<RecomputeQueue>();
        services.AddScoped<CarpoolDecisions>();
        services.AddSingleton<TravelTimesSource>();
        services.AddSingleton<HomeRulesSource>();
        services.AddScoped<NetworkRematch>();
        services.AddScoped<StandingCarpools>();
        services.AddHostedService<NewDayRematch>();
        services.Configure<ProposalEngineOptions>(configuration.GetSection("Proposals"));
        services.AddSingleton<ProposalEngine>();
        services.AddHostedService(provider => provider.GetRequiredService<ProposalEngine>());
        services.AddScoped<IJobHandler, PlanningRunJob>();
        return services;
    }
}
