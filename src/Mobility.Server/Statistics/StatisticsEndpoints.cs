using Mobility.Data;
using Mobility.Data.Privacy;
using Mobility.Server.Accounts;

namespace Mobility.Server.Statistics;

/// <summary>The working group's aggregates of a network (<see cref="NetworkStatisticsReport"/>) over HTTP.</summary>
public static class StatisticsEndpoints
{
    public static IEndpointRouteBuilder MapStatisticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/networks/{networkId:long}/statistics", ReadNetworkStatisticsAsync)
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.WorkingGroupOrAdministrator)
            .WithTags("Working group").WithSummary("Aggregates of a network's demand, every count rounded to 5.");
        return endpoints;
    }

    private static async Task<IResult> ReadNetworkStatisticsAsync(long networkId, MobilityDbContext database, Disclosure disclosure, CancellationToken cancellation) =>
        Results.Ok(await NetworkStatisticsReport.ReadAsync(database, disclosure, networkId, cancellation));
}
