using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Data.Privacy;
using Mobility.Server.Carpools;
using Mobility.Server.Jobs;
using Mobility.Server.Statistics;

namespace Mobility.Server.Reports;

/// <summary>A queued report: the network, the day studied (shifts, potential, proposed crews) and the requester's language.</summary>
public sealed record DiagnosticReportJobInput(long NetworkId, DateOnly Date, string Language);

/// <summary>What the job answers: where to download the PDF and its size.</summary>
public sealed record DiagnosticReportOutcome(string Download, long Bytes, string Language);

/// <summary>
/// The network's mobility diagnostic as a job: each section's figures read as the dashboard reads them (the same
/// classes, the same <see cref="Disclosure"/>, no filter), progress reported per section, the page printed to PDF by
/// Chromium and stored in <c>diagnostic_reports</c> for download.
/// </summary>
public sealed class DiagnosticReportJob(MobilityDbContext database, Disclosure disclosure, AccessibilityStatistics accessibility,
    TravelTimesSource carTimes, IOptions<StatisticsOptions> statistics, IOptions<ReportOptions> options, IOptions<JsonOptions> json, TimeProvider clock,
    ILogger<DiagnosticReportJob> log) : IJobHandler
{
    public const string KindName = "diagnostic-report";

    public string Kind => KindName;

    public static string Download(long networkId, long jobId) => $"/api/networks/{networkId}/reports/{jobId}.pdf";

    public async Task<object> RunAsync(JobContext job)
    {
        var input = JsonSerializer.Deserialize<DiagnosticReportJobInput>(job.Input, json.Value.SerializerOptions)!;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var cancellation = job.Cancellation;
        var steps = new List<string>();
        var stepStarted = started;
        void Step(double fraction, string step)
        {
            steps.Add($"{job.Progress.Message} {System.Diagnostics.Stopwatch.GetElapsedTime(stepStarted).TotalSeconds:F1} s");
            stepStarted = System.Diagnostics.Stopwatch.GetTimestamp();
            job.Report(fraction, step);
        }
        job.Report(0.02, "places");
        var network = await database.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == input.NetworkId, cancellation)
            ?? throw new JobFailure(Codes.Problem.NotFound);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(network.TimeZone);
        var companies = await database.Companies.AsNoTracking().Where(c => c.NetworkId == network.Id).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync(cancellation);
        var places = (await database.Sites.AsNoTracking().Where(s => s.NetworkId == network.Id && s.Kind != SiteKind.CarPark)
                .Select(s => new { s.Name, s.Kind, s.Location }).ToListAsync(cancellation))
            .Select(s => new ReportPlace(s.Name, s.Kind switch { SiteKind.Plant => "plant", SiteKind.Station => "station", _ => "meeting-point" }, s.Location.Y, s.Location.X))
            .ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var people = await DashboardPeople.ReadAsync(database, network.Id, today, DashboardFilter.None, cancellation);

        Step(0.1, "accessibility");
        var access = await accessibility.OfAsync(database, disclosure, network.Id, people, cancellation);
        Step(0.35, "homes");
        var homes = await DemandStatistics.HomeGridAsync(database, disclosure, network.Id, people.Select(p => p.Id).ToArray(), cancellation);
        var distances = DashboardStatistics.DistanceBandsOf(disclosure, people);
        var flows = DashboardStatistics.FlowsOf(disclosure, people);
        Step(0.45, "shifts");
        var shifts = await DashboardStatistics.ShiftHoursAsync(database, disclosure, network.Id, zone, input.Date, DashboardFilter.None, people, cancellation);
        Step(0.55, "potential");
        var potential = await PotentialStatistics.OfAsync(database, disclosure, accessibility, carTimes.TravelTimes, network.Id, input.Date, people, cancellation);
        Step(0.75, "savings");
        var savings = await PotentialStatistics.SavingsAsync(database, disclosure, statistics.Value, network.Id, input.Date, input.Date.AddDays(-28),
            input.Date.AddDays(-1), DashboardFilter.None, people, cancellation);

        Step(0.8, "printing");
        var content = new DiagnosticReportContent(input.Language, network.Name, input.Date, TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone), companies, places,
            access, distances, flows, homes, shifts, potential, savings);
        var pdf = await ChromiumPdf.PrintAsync(DiagnosticReportHtml.Write(content), options.Value, cancellation);

        Step(0.97, "saving");
        database.DiagnosticReports.Add(new DiagnosticReport
        {
            JobId = job.Id, NetworkId = network.Id, Language = input.Language, Content = pdf, CreatedAt = clock.GetUtcNow(),
        });
        await database.SaveChangesAsync(cancellation);
        Step(1, "saving");
        log.LogInformation("Network {Network}: diagnostic report of {Date} ({Bytes} bytes) in {Seconds:F1} s ({Steps})", network.Id, input.Date, pdf.Length,
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, string.Join(", ", steps));
        return new DiagnosticReportOutcome(Download(network.Id, job.Id), pdf.Length, input.Language);
    }
}
