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
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PushOptions>, PushOptionsCheck>();
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

/// <summary>Refuses to start with a VAPID setting push services would refuse, saying which.</summary>
internal sealed class PushOptionsCheck : IValidateOptions<PushOptions>
{
    public ValidateOptionsResult Validate(string? name, PushOptions options) =>
        VapidKeys.Problem(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
