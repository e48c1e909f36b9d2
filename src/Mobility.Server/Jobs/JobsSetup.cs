using Mobility.Server.Api;
using Mobility.Server.Jobs;

namespace Mobility.Server;

/// <summary>Heavy work as jobs in PostgreSQL (docs/server.md, "Jobs"): the queue, the runner, and the endpoints to follow them.</summary>
public static class JobsSetup
{
    public static IServiceCollection AddMobilityJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobOptions>(configuration.GetSection("Jobs"));
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobPusher>();
        services.AddScoped<JobQueue>();
        services.AddSingleton<IJobHandler, ShuttlePlanJob>();
        services.AddSingleton<IJobHandler, ImportJob>();
        services.AddHostedService<JobRunner>();
        return services;
    }

    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<JobsHub>(JobsHub.Path);
        return JobEndpoints.Map(endpoints);
    }
}
