using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Data.Import;
using Mobility.Routing.Addresses;
using Mobility.Server.Jobs;
using Mobility.Server.Carpools;

namespace Mobility.Server.Import;

/// <summary>Which HR file an import reads, where it goes, and (for employees) the only company its rows may be of.</summary>
public sealed record ImportJobInput(string File, long NetworkId, long? CompanyId);

/// <summary>
/// One import, run inside its request (a small file) or as a job (<see cref="ImportJob"/>, a large one): the file read,
/// checked and written all or nothing, and the network re-matched when who works when has changed.
/// </summary>
public static class ImportRun
{
    public const string Employees = "employees", Sites = "sites", Shifts = "shifts";

    public static async Task<ImportReport> RunAsync(ImportJobInput input, Stream file, MobilityDbContext database, RecomputeQueue recompute,
        Action<ImportProgress>? progress, ImportOptions options, CancellationToken cancellation)
    {
        ImportReport report;
        try
        {
            report = input.File switch
            {
                Employees => await new EmployeeImporter(database, TimeProvider.System, progress, options).ImportIntoCompanyAsync(file, input.CompanyId!.Value, cancellation),
                Sites => await new SiteImporter(database, progress, options).ImportAsync(file, await NetworkNameAsync(database, input.NetworkId, cancellation), cancellation),
                Shifts => await new ShiftPatternImporter(database, progress, options).ImportAsync(file, await NetworkNameAsync(database, input.NetworkId, cancellation),
                    cancellation, ownerCompanyId: input.CompanyId),
                _ => throw new ArgumentOutOfRangeException(nameof(input), input.File, "No such import."),
            };
        }
        catch (InvalidDataException)
        {
            // A file of blank lines has no header, a damaged workbook no sheet: the file's fault like any line error.
            report = ImportReport.Failed(0, [new ImportError(1, null, null, Codes.Field.FileUnreadable, new Dictionary<string, object?>())]);
        }
        // Sites alone change nobody's commute until people or rosters point at them.
        if (report.Written && input.File != Sites)
            recompute.Request(input.NetworkId, input.CompanyId is { } company ? $"HR import of company {company}" : $"{input.File} import");
        return report;
    }

    public static Dictionary<string, object?> RefusalParameters(ImportReport report) =>
        new Dictionary<string, object?> { ["rows"] = report.Rows, ["errors"] = report.Errors.Count, ["lineErrors"] = report.Errors };

    /// <summary>A written import: its counts, and how many homes were placed from their postal address.</summary>
    public static object Outcome(ImportReport report) => new { report.Rows, report.Inserted, report.Updated, report.Written, Geocoded = report.Addresses.Count };

    private static Task<string> NetworkNameAsync(MobilityDbContext database, long networkId, CancellationToken cancellation) =>
        database.Networks.Where(n => n.Id == networkId).Select(n => n.Name).SingleAsync(cancellation);
}

/// <summary>A large import as a job: the uploaded file is read back from <c>job_files</c> (deleted when the job ends), and a
/// refused file fails the job with every bad line, as the synchronous answer gives them.</summary>
public sealed class ImportJob(MobilityDbContext database, RecomputeQueue recompute, IOptions<JsonOptions> json, IAddressLookup addresses,
    HomeRulesSource homes) : IJobHandler
{
    public const string KindName = "import";

    public string Kind => KindName;

    public async Task<object> RunAsync(JobContext job)
    {
        var input = JsonSerializer.Deserialize<ImportJobInput>(job.Input, json.Value.SerializerOptions)!;
        job.Report(0, "reading-file");
        var content = await database.JobFiles.Where(f => f.JobId == job.Id).Select(f => f.Content).SingleAsync(job.Cancellation);
        using var file = new MemoryStream(content, writable: false);
        var report = await ImportRun.RunAsync(input, file, database, recompute,
            progress => job.Report(progress.Fraction, progress.Stage == ImportStage.Checking ? "checking-lines" : "writing-rows"),
            new ImportOptions(PreviewOnly: false, addresses, homes.Rules), job.Cancellation);
        if (!report.Succeeded) throw new JobFailure(JobProblems.ImportRefused, ImportRun.RefusalParameters(report));
        return ImportRun.Outcome(report);
    }
}
