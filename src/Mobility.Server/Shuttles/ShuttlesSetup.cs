using Mobility.Server.Jobs;

namespace Mobility.Server.Shuttles;

/// <summary>HR's shuttle plans: planned as jobs (<see cref="ShuttlePlanJob"/>), so the job runner finds their handler here.</summary>
public static class ShuttlesSetup
{
    public static IServiceCollection AddMobilityShuttles(this IServiceCollection services)
    {
        services.AddScoped<IJobHandler, ShuttlePlanJob>();
        return services;
    }
}
