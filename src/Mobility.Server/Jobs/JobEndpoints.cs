using Mobility.Server.Http;
using Mobility.Server.Accounts;

namespace Mobility.Server.Jobs;

/// <summary>The requester (and HR of the company, and administrators) follows a job by polling it, and may cancel it.</summary>
public static class JobEndpoints
{
    public static string Location(long jobId) => $"/api/jobs/{jobId}";

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/jobs/{jobId:long}", ReadJobAsync)
        .RequireAuthorization(AccountsSetup.TenantPolicy)
        .WithTags("Jobs").WithSummary("A job's state and progress; once done, its result (or the problem that stopped it).");

        endpoints.MapDelete("/api/jobs/{jobId:long}", CancelJobAsync)
        .RequireAuthorization(AccountsSetup.TenantPolicy)
        .WithTags("Jobs").WithSummary("Cancels a job: a queued one at once, a running one at its next heartbeat (a second or so).");
        return endpoints;
    }

    private static async Task<IResult> ReadJobAsync(long jobId, HttpContext http, JobQueue jobs, CancellationToken cancellation) =>
        await jobs.FindAsync(jobId, cancellation) is { } job ? Results.Ok(JobQueue.View(job, RequestLanguage.Of(http))) : Results.NotFound();

    private static async Task<IResult> CancelJobAsync(long jobId, HttpContext http, JobQueue jobs, CancellationToken cancellation) =>
        await jobs.CancelAsync(jobId, cancellation) is { } job ? Results.Ok(JobQueue.View(job, RequestLanguage.Of(http))) : Results.NotFound();
}
