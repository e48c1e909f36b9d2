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
        var group = endpoints.MapGroup("/api/networks/{networkId:long}/reports")
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.WorkingGroupOrAdministrator)
            .WithTags("Working group");
        group.MapPost("", QueueReportAsync)
            .WithSummary("Queues the network's mobility diagnostic (PDF, in the requester's language) for `?date=` (default: tomorrow); 202 with the job.");
        group.MapGet("/{jobId:long}.pdf", DownloadReportAsync).WithSummary("The PDF of a finished report job.");
        return endpoints;
    }

    private static async Task<IResult> QueueReportAsync(long networkId, DateOnly? date, HttpContext http, JobQueue jobs, TimeProvider clock,
        CancellationToken cancellation)
    {
        if (DateField.Problem("date", date) is { } bad) return bad;
        var day = date ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);
        var language = RequestLanguage.Of(http);
        var job = await jobs.EnqueueAsync(DiagnosticReportJob.KindName, new DiagnosticReportJobInput(networkId, day, language),
            CurrentUser.From(http.User)!.AccountId, networkId, companyId: null, cancellation);
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
