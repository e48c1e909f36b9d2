namespace Mobility.Server.Proposals;

/// <summary>The carpool proposals: the road times they are matched on, decisions, re-matches, and the background engine
/// that re-matches after changes (settings under `Proposals`, <see cref="ProposalEngineOptions"/>).</summary>
public static class ProposalsSetup
{
    public static IServiceCollection AddMobilityProposals(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<RecomputeQueue>();
        services.AddScoped<CarpoolDecisions>();
        services.AddSingleton<TravelTimesSource>();
        services.AddScoped<NetworkRematch>();
        services.Configure<ProposalEngineOptions>(configuration.GetSection("Proposals"));
        services.AddSingleton<ProposalEngine>();
        services.AddHostedService(provider => provider.GetRequiredService<ProposalEngine>());
        return services;
    }
}
