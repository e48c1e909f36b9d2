using Mobility.Server.Jobs;

namespace Mobility.Server.Import;

/// <summary>HR's CSV imports: large ones run as jobs (<see cref="ImportJob"/>), so the job runner finds their handler here.</summary>
public static class ImportSetup
{
    public static IServiceCollection AddMobilityImport(this IServiceCollection services)
    {
        services.AddScoped<IJobHandler, ImportJob>();
        return services;
    }
}
