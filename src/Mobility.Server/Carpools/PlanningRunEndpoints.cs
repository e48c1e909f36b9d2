using Mobility.Server.Accounts;
using Mobility.Server.Http;

namespace Mobility.Server.Carpools;

public sealed record PlanningRunResult(long NetworkId, DateOnly Date, int Proposed, int Withdrawn, int Kept, int Messages);

/// <summary>Administrators start a re-match: queued for the next days, or run at once for one date.</summary>
public static class PlanningRunEndpoints
{
    public static IEndpointRouteBuilder MapPlanningRunEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/networks/{networkId:long}/planning-runs", StartPlanningRunAsync)
            .RequireAuthorization(AccountsSetup.TenantPolicy)
            .WithTags("Planning runs").WithSummary("Re-matches a network's carpools: the next days in the background, or one ?date=YYYY-MM-DD now.");
        return endpoints;
    }

    private static async Task<IResult> StartPlanningRunAsync(long networkId, DateOnly? date, ProposalEngine engine, RecomputeQueue queue, CancellationToken cancellation)
    {
        if (DateField.Problem("date", date) is { } problem) return problem;
        if (date is null)
        {
            queue.Request(networkId, "planning run requested");
            return Results.Accepted();
        }
        var outcome = await engine.RecomputeAsync(networkId, date.Value, changed: null, cancellation);
        return Results.Ok(new PlanningRunResult(networkId, date.Value, outcome.Proposed, outcome.Withdrawn, outcome.Kept, outcome.Messages.Count));
    }
}
