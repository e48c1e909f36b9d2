using Microsoft.Extensions.Options;
using Mobility.Server.Carpools;

namespace Mobility.Server.Reach;

/// <summary>Reaching people outside the open app: Web Push (settings under `Push`, <see cref="PushOptions"/>) and the daily
/// e-mail digest (`Digest`, <see cref="DigestOptions"/>; mails through `Mail`).</summary>
public static class ReachSetup
{
    public static IServiceCollection AddMobilityReach(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PushOptions>().Bind(configuration.GetSection(PushOptions.Section))
            .Validate(settings => VapidKeys.Problem(settings) is null, "Push settings refused: see VapidKeys.Problem (keys set together, base64url, subject mailto: or https:).")
            .ValidateOnStart();
        services.Configure<DigestOptions>(configuration.GetSection(DigestOptions.Section));
        services.AddSingleton<VapidKeys>();
        services.AddScoped<PushSubscriptions>();
        services.AddHttpClient(PersonalPush.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<PersonalPush>();
        services.AddHostedService(provider => provider.GetRequiredService<PersonalPush>());
        services.AddSingleton<INotificationRelay, ProposalPushes>();
        services.AddSingleton<DailyDigest>();
        services.AddHostedService(provider => provider.GetRequiredService<DailyDigest>());
        return services;
    }
}
