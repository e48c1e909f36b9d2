namespace Mobility.Server.Live;

/// <summary>
/// SignalR itself (the hubs and what they push belong to their features, <c>Carpools.CarpoolsSetup</c>). With `Redis:Backplane` set to a Redis connection string, messages reach clients
/// connected to any server instance (several instances behind a load balancer); without it one instance serves all.
/// </summary>
public static class LiveSetup
{
    public const string BackplaneSetting = "Redis:Backplane";

    public static IServiceCollection AddMobilityLive(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR();
        if (configuration[BackplaneSetting] is { Length: > 0 } redis)
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("mobility"));
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
