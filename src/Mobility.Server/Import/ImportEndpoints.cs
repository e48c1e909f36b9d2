using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Data.Import;
using Mobility.Routing.Addresses;
using Mobility.Server.Accounts;
using Mobility.Server.Carpools;
using Mobility.Server.Http;
using Mobility.Server.Jobs;

namespace Mobility.Server.Import;

/// <summary>
/// HR's imports: a CSV (`;` `,` or tab, UTF-8 with or without BOM, or Windows-1252) or an Excel workbook (.xlsx), as the
/// request body (docs/import-format.md). All or nothing: a file with one error imports nothing and every error of every
/// row comes back, with its line, the column as the file names it, a code and its parameters. Each kind has three doors:
/// the import itself (a small file inside its request, 200 with the counts; a large one, or any with
/// <c>Prefer: respond-async</c>, a job: 202 with the job to follow), <c>/preview</c> (what the file holds and every error,
/// nothing written) and <c>/errors.csv</c> (the same errors as a CSV file in the requester's language).
/// </summary>
public static class ImportEndpoints
{
    public const long MaximumBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // No Accepts("text/csv") metadata: it would make routing answer 415 before authorisation has refused a foreign company.
        var employees = endpoints.MapGroup("/api/companies/{companyId:long}/imports/employees")
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.HrOrAdministrator).WithTags("Imports");
        employees.MapPost("", ImportEmployeesAsync).WithSummary("Imports or updates a company's employees from a CSV or .xlsx file.")
            .WithDescription("Body: the file itself. A large file (or Prefer: respond-async) answers 202 with the job to follow.");
        employees.MapPost("/preview", PreviewEmployeesAsync).WithSummary("What an employee file holds and every error in it; writes nothing.");
        employees.MapPost("/errors.csv", EmployeeErrorsAsync).WithSummary("Every error of an employee file, as CSV in the requester's language.");

        // HR brings its own rosters: new ones belong to its company, another company's are refused line by line.
        var rosters = endpoints.MapGroup("/api/companies/{companyId:long}/imports/shifts")
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.HrOrAdministrator).WithTags("Imports");
        rosters.MapPost("", async (long companyId, HttpContext http, [AsParameters] ImportServices services, CancellationToken cancellation) =>
                await ImportAsync(http, await CompanyInputAsync(ImportRun.Shifts, companyId, services, cancellation), services, cancellation))
            .WithName("ImportCompanyShifts").WithSummary("Imports or updates a company's own rosters from a CSV or .xlsx file.");
        rosters.MapPost("/preview", async (long companyId, HttpContext http, [AsParameters] ImportServices services, CancellationToken cancellation) =>
                await PreviewAsync(http, await CompanyInputAsync(ImportRun.Shifts, companyId, services, cancellation), services, cancellation))
            .WithName("PreviewCompanyShifts").WithSummary("What a company's roster file holds and every error in it; writes nothing.");
        rosters.MapPost("/errors.csv", async (long companyId, HttpContext http, [AsParameters] ImportServices services, CancellationToken cancellation) =>
                await ErrorsCsvAsync(http, await CompanyInputAsync(ImportRun.Shifts, companyId, services, cancellation), services, cancellation))
            .WithName("ErrorsCompanyShifts").WithSummary("Every error of a company's roster file, as CSV in the requester's language.");

        // Sites and rosters are shared by a network's companies: their files come from the network's administrators.
        foreach (var (kind, what) in new[] { (ImportRun.Sites, "sites"), (ImportRun.Shifts, "rosters") })
        {
            var network = endpoints.MapGroup($"/api/networks/{{networkId:long}}/imports/{kind}")
                .RequireAuthorization(AccountsSetup.TenantPolicy).WithTags("Imports");
            network.MapPost("", (long networkId, HttpContext http, [AsParameters] ImportServices services, CancellationToken cancellation) =>
                    ImportAsync(http, new ImportJobInput(kind, networkId, null), services, cancellation))
                .WithName($"Import{kind}").WithSummary($"Imports or updates a network's {what} from a CSV or .xlsx file.");
            network.MapPost("/preview", (long networkId, HttpContext http, [AsParameters] ImportServices services, CancellationToken cancellation) =>
                    PreviewAsync(http, new ImportJobInput(kind, networkId, null), services, cancellation))
                .WithName($"Preview{kind}").WithSummary($"What a file of {what} holds and every error in it; writes nothing.");
            network.MapPost("/errors.csv", (long networkId, HttpContext http, [AsParameters] ImportServices services, CancellationToken cancellation) =>
                    ErrorsCsvAsync(http, new ImportJobInput(kind, networkId, null), services, cancellation))
                .WithName($"Errors{kind}").WithSummary($"Every error of a file of {what}, as CSV in the requester's language.");
        }
        return endpoints;
    }

    /// <summary>What an import request needs, in one parameter.</summary>
    public sealed record ImportServices(MobilityDbContext Database, RecomputeQueue Recompute, JobQueue Jobs, IOptions<JobOptions> Options,
        IAddressLookup Addresses, HomeRulesSource Homes);

    private static async Task<IResult> ImportEmployeesAsync(long companyId, HttpContext http, [AsParameters] ImportServices services,
        CancellationToken cancellation) =>
        await ImportAsync(http, await CompanyInputAsync(ImportRun.Employees, companyId, services, cancellation), services, cancellation);

    private static async Task<IResult> PreviewEmployeesAsync(long companyId, HttpContext http, [AsParameters] ImportServices services,
        CancellationToken cancellation) =>
        await PreviewAsync(http, await CompanyInputAsync(ImportRun.Employees, companyId, services, cancellation), services, cancellation);

    private static async Task<IResult> EmployeeErrorsAsync(long companyId, HttpContext http, [AsParameters] ImportServices services,
        CancellationToken cancellation) =>
        await ErrorsCsvAsync(http, await CompanyInputAsync(ImportRun.Employees, companyId, services, cancellation), services, cancellation);

    private static async Task<ImportJobInput> CompanyInputAsync(string kind, long companyId, ImportServices services, CancellationToken cancellation) =>
        new(kind, await services.Database.Companies.Where(c => c.Id == companyId).Select(c => c.NetworkId).SingleAsync(cancellation), companyId);

    private static async Task<IResult> ImportAsync(HttpContext http, ImportJobInput input, ImportServices services, CancellationToken cancellation)
    {
        if (await ReadBodyAsync(http, cancellation) is not { } file) return EmptyFile();
        if (file.Length > services.Options.Value.ImportInRequestMaxBytes || AsksForAJob(http.Request))
        {
            var job = await services.Jobs.EnqueueAsync(ImportJob.KindName, input, CurrentUser.From(http.User)!.AccountId, input.NetworkId,
                input.CompanyId, cancellation, file.ToArray());
            return Results.Accepted(JobEndpoints.Location(job.Id), JobQueue.View(job));
        }
        var report = await RunAsync(input, file, services, preview: false, cancellation);
        if (!report.Succeeded) return CodedProblem.Create(StatusCodes.Status400BadRequest, Codes.Problem.ImportRefused, ImportRun.RefusalParameters(report));
        return Results.Ok(ImportRun.Outcome(report));
    }

    private static async Task<IResult> PreviewAsync(HttpContext http, ImportJobInput input, ImportServices services, CancellationToken cancellation)
    {
        if (await ReadBodyAsync(http, cancellation) is not { } file) return EmptyFile();
        var report = await RunAsync(input, file, services, preview: true, cancellation);
        return Results.Ok(new
        {
            report.Rows, Errors = report.Errors.Count, LineErrors = report.Errors, report.File?.Format, Columns = report.File?.Columns ?? [],
            Unknown = report.File?.Unknown ?? [], Headers = report.File?.Headers ?? [], FirstRows = report.File?.FirstRows ?? [], report.Addresses,
        });
    }

    /// <summary>The errors as a CSV HR opens in a spreadsheet: `;`-separated, UTF-8 with a BOM (so Excel reads the accents),
    /// headings and reasons in the requester's language, the columns as the file names them.</summary>
    private static async Task<IResult> ErrorsCsvAsync(HttpContext http, ImportJobInput input, ImportServices services, CancellationToken cancellation)
    {
        if (await ReadBodyAsync(http, cancellation) is not { } file) return EmptyFile();
        var report = await RunAsync(input, file, services, preview: true, cancellation);
        var language = RequestLanguage.Of(http);
        var text = new StringBuilder();
        text.AppendLine(language == RequestLanguage.French ? "ligne;colonne;erreur;code" : "line;column;error;code");
        foreach (var error in report.Errors)
            text.AppendLine(string.Join(';', error.Line.ToString(CultureInfo.InvariantCulture), CsvCell(error.Column ?? ""),
                CsvCell(CodeTexts.Field(error.Code, language, error.Parameters)), error.Code));
        var name = language == RequestLanguage.French ? $"erreurs-{input.File}.csv" : $"errors-{input.File}.csv";
        return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(), "text/csv; charset=utf-8", name);
    }

    /// <summary>Quoted when it must be, and a formula's first character defused (a cell HR's spreadsheet would run).</summary>
    private static string CsvCell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static Task<ImportReport> RunAsync(ImportJobInput input, MemoryStream file, ImportServices services, bool preview, CancellationToken cancellation)
    {
        file.Position = 0;
        return ImportRun.RunAsync(input, file, services.Database, services.Recompute, progress: null,
            new ImportOptions(preview, services.Addresses, services.Homes.Rules), cancellation);
    }

    /// <summary>A seekable copy of the body (the importers read it whole, and a job stores it), or null when empty.</summary>
    private static async Task<MemoryStream?> ReadBodyAsync(HttpContext http, CancellationToken cancellation)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaximumBytes;
        var file = new MemoryStream();
        await http.Request.Body.CopyToAsync(file, cancellation);
        return file.Length == 0 ? null : file;
    }

    private static IResult EmptyFile() => CodedProblem.Create(StatusCodes.Status400BadRequest, Codes.Problem.ImportFileEmpty);

    /// <summary>RFC 7240: a client that follows jobs anyway (HR's page) may ask for one whatever the file's size.</summary>
    private static bool AsksForAJob(HttpRequest request) =>
        request.Headers["Prefer"].Any(value => value?.Split(',').Any(p => p.Trim().Equals("respond-async", StringComparison.OrdinalIgnoreCase)) == true);
}
