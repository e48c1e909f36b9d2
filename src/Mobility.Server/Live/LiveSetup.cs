using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Mobility.Server.Proposals;

namespace Mobility.Server.Live;

/// <summary>
/// SignalR and what feeds it. With `Redis:Backplane` set to a Redis connection string, messages reach clients
/// connected to any server instance (several instances behind a load balancer); without it one instance serves all.
/// </summary>
public static class LiveSetup
{
    public const string BackplaneSetting = "Redis:Backplane";
    /// <summary>Where every hub lives (the employees' <see cref="CommuteHub"/>, everyone's jobs hub).</summary>
    public const string HubsPath = "/hubs";

    public static IServiceCollection AddMobilityLive(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR();
        if (configuration[BackplaneSetting] is { Length: > 0 } redis)
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("mobility"));
        services.AddSingleton(TimeProvider.System);
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
                    if (context.Request.Path.StartsWithSegments(HubsPath) && context.Request.Query["access_token"] is { Count: > 0 } token)
                        context.Token = token;
                    return Task.CompletedTask;
                },
            };
        });
        return services;
    }
}
