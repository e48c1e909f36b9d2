using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Server.Accounts;
using Mobility.Server.Http;
using Mobility.Server.Jobs;

namespace Mobility.Server.Reports;

/// <summary>The working group's diagnostic report: queued as a job, followed at <c>/api/jobs/{id}</c>, downloaded once done.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Queuing a report writes nothing of the network, so the working group (which may only read its network) may ask for
        // one: the route checks the network itself rather than through the tenant policy, whose rule for a POST is a write.
        endpoints.MapPost("/api/networks/{networkId:long}/reports", QueueReportAsync)
            .RequireAuthorization(AccountsSetup.WorkingGroupOrAdministrator).WithTags("Working group")
            .WithSummary("Queues the network's mobility diagnostic (PDF, in the requester's language) for `?date=` (default: tomorrow); 202 with the job.");
        endpoints.MapGet("/api/networks/{networkId:long}/reports/{jobId:long}.pdf", DownloadReportAsync)
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.WorkingGroupOrAdministrator).WithTags("Working group")
            .WithSummary("The PDF of a finished report job.");
        return endpoints;
    }

    private static async Task<IResult> QueueReportAsync(long networkId, DateOnly? date, HttpContext http, JobQueue jobs, TimeProvider clock,
        CancellationToken cancellation)
    {
        var user = CurrentUser.From(http.User)!;
        // The same answer for a foreign network and one that does not exist.
        if (!user.IsAdministrator && user.NetworkId != networkId) return CodedProblem.Create(StatusCodes.Status403Forbidden, Codes.Problem.Forbidden);
        if (DateField.Problem("date", date) is { } bad) return bad;
        var day = date ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);
        var language = RequestLanguage.Of(http);
        var job = await jobs.EnqueueAsync(DiagnosticReportJob.KindName, new DiagnosticReportJobInput(networkId, day, language),
            user.AccountId, networkId, companyId: null, cancellation);
        return Results.Accepted(JobEndpoints.Location(job.Id), JobQueue.View(job, language));
    }

    private static async Task<IResult> DownloadReportAsync(long networkId, long jobId, MobilityDbContext database, CancellationToken cancellation)
    {
        var report = await database.DiagnosticReports.AsNoTracking().Where(r => r.JobId == jobId && r.NetworkId == networkId)
            .Select(r => new { r.Content, r.Language, r.CreatedAt }).SingleOrDefaultAsync(cancellation);
        if (report is null) return Results.NotFound();
        var name = (report.Language == RequestLanguage.English ? "mobility-diagnostic-" : "diagnostic-mobilite-") + report.CreatedAt.ToString("yyyy-MM-dd") + ".pdf";
        return Results.File(report.Content, "application/pdf", name);
    }
}
