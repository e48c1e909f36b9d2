using Mobility.Server.Jobs;
using Mobility.Server.Statistics;

namespace Mobility.Server.Reports;

/// <summary>The diagnostic's analyses (accessibility on the three-mode roads, cached isochrones) and its report job.</summary>
public static class ReportsSetup
{
    public static IServiceCollection AddMobilityDiagnostic(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReportOptions>(configuration.GetSection(ReportOptions.Section));
        services.AddSingleton<AccessibilityRoads>();
        services.AddSingleton<AccessibilityStatistics>();
        services.AddScoped<IJobHandler, DiagnosticReportJob>();
        services.AddHostedService<RoadsWarmUp>();
        return services;
    }
}
