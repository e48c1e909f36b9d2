using Mobility.Server.Accounts;
using Mobility.Server.Http;
using Mobility.Server.Jobs;

namespace Mobility.Server.Carpools;

/// <param name="Mix">The date's groups after the run: how many mix companies or drop at two plants (proposed and riding apart).</param>
public sealed record PlanningRunResult(long NetworkId, DateOnly Date, int Proposed, int Withdrawn, int Kept, int Messages, Data.Queries.CarpoolMix Mix);

/// <summary>Administrators start a re-match: queued for the next days, or one date as a job (<see cref="PlanningRunJob"/>)
/// answered 202 with the job to follow; its result is the run's counts.</summary>
public static class PlanningRunEndpoints
{
    public static IEndpointRouteBuilder MapPlanningRunEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/networks/{networkId:long}/planning-runs", StartPlanningRunAsync)
            .RequireAuthorization(AccountsSetup.TenantPolicy)
            .WithTags("Planning runs").WithSummary("Re-matches a network's carpools: the next days in the background, or one ?date=YYYY-MM-DD as a job to follow (GET /api/jobs/{jobId}).");
        return endpoints;
    }

    private static async Task<IResult> StartPlanningRunAsync(long networkId, DateOnly? date, HttpContext http, JobQueue jobs, RecomputeQueue queue,
        CancellationToken cancellation)
    {
        if (DateField.Problem("date", date) is { } problem) return problem;
        if (date is null)
        {
            queue.Request(networkId, "planning run requested");
            return Results.Accepted();
        }
        var job = await jobs.EnqueueAsync(PlanningRunJob.KindName, new PlanningRunJobInput(networkId, date.Value),
            CurrentUser.From(http.User)!.AccountId, networkId, companyId: null, cancellation);
        return Results.Accepted(JobEndpoints.Location(job.Id), JobQueue.View(job, RequestLanguage.Of(http)));
    }
}
