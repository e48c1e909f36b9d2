using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

namespace Mobility.Server.Carpools;

/// <summary>The carpool proposals: the road times they are matched on, decisions, re-matches, and the background engine
/// that re-matches after changes, and the hub that pushes them (settings under `Proposals`, <see cref="ProposalEngineOptions"/>).</summary>
public static class CarpoolsSetup
{
    public static IServiceCollection AddMobilityCarpools(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<NotificationStore>();
        services.AddSingleton<NotificationPusher>();
        services.AddSingleton<RecomputeQueue>();
        services.AddScoped<CarpoolDecisions>();
        services.AddSingleton<TravelTimesSource>();
        services.AddScoped<NetworkRematch>();
        services.Configure<ProposalEngineOptions>(configuration.GetSection("Proposals"));
        services.AddSingleton<ProposalEngine>();
        services.AddHostedService(provider => provider.GetRequiredService<ProposalEngine>());
        // Browsers cannot set headers on WebSockets: the SignalR client sends the bearer token as access_token.
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, options =>
        {
            options.Events = new BearerTokenEvents
            {
                OnMessageReceived = context =>
                {
                    if (context.Request.Path.StartsWithSegments(CommuteHub.Path) && context.Request.Query["access_token"] is { Count: > 0 } token)
                        context.Token = token;
                    return Task.CompletedTask;
                },
            };
        });
        return services;
    }
}
