using Microsoft.AspNetCore.Authorization;
using Mobility.Server.Jobs;

namespace Mobility.Server.Scenarios;

/// <summary>The working group's what-if scenarios: run as jobs (<see cref="ScenarioRunJob"/>), so the runner finds their handler here.</summary>
public static class ScenariosSetup
{
    public static IServiceCollection AddMobilityScenarios(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, ScenarioNetworkHandler>();
        services.AddAuthorizationBuilder().AddPolicy(ScenarioNetworkRequirement.Policy, policy =>
            policy.RequireAuthenticatedUser().AddRequirements(new ScenarioNetworkRequirement()));
        services.AddScoped<ScenarioRunner>();
        services.AddScoped<IJobHandler, ScenarioRunJob>();
        return services;
    }
}
