namespace Mobility.Server.Crew;

/// <summary>The carpool groups' threads (settings under `Crew`, <see cref="CrewOptions"/>).</summary>
public static class CrewSetup
{
    public static IServiceCollection AddMobilityCrew(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CrewOptions>(configuration.GetSection(CrewOptions.Section));
        services.AddScoped<CrewMessages>();
        services.AddSingleton<CrewMessageCleanup>();
        services.AddHostedService(provider => provider.GetRequiredService<CrewMessageCleanup>());
        return services;
    }
}
