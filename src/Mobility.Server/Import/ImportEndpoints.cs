using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Data.Import;
using Mobility.Server.Accounts;
using Mobility.Server.Carpools;
using Mobility.Server.Jobs;

namespace Mobility.Server.Import;

/// <summary>
/// HR's CSV imports (the format of docs/import-format.md: `;` `,` or tab, UTF-8 or Windows-1252). All or nothing: a file
/// with one bad row imports nothing and every bad row comes back with its line. A small file is imported inside its
/// request (200 with the counts); a large one, or any with <c>Prefer: respond-async</c>, becomes a job (202 with the job
/// to follow), so no request holds a connection for the length of a big import.
/// </summary>
public static class ImportEndpoints
{
    public const long MaximumBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/companies/{companyId:long}/imports/employees", ImportEmployeesAsync)
        // No Accepts("text/csv") metadata: it would make routing answer 415 before authorisation has refused a foreign company.
        .WithDescription("Body: the CSV file itself (text/csv), UTF-8 or Windows-1252, separated by ';', ',' or tab. " +
                         "A large file (or Prefer: respond-async) answers 202 with the job to follow.")
        .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.HrOrAdministrator)
        .WithTags("Imports").WithSummary("Imports or updates a company's employees from CSV.");

        // Sites and rosters are shared by a network's companies: their files come from the network's administrators.
        endpoints.MapPost("/api/networks/{networkId:long}/imports/sites", ImportSitesAsync)
        .WithDescription("Body: the CSV file of sites (docs/import-format.md).")
        .RequireAuthorization(AccountsSetup.TenantPolicy).WithTags("Imports").WithSummary("Imports or updates a network's sites from CSV.");

        endpoints.MapPost("/api/networks/{networkId:long}/imports/shifts", ImportShiftsAsync)
        .WithDescription("Body: the CSV file of rosters (docs/import-format.md).")
        .RequireAuthorization(AccountsSetup.TenantPolicy).WithTags("Imports").WithSummary("Imports or updates a network's rosters from CSV.");
        return endpoints;
    }

    /// <summary>What an import request needs, in one parameter.</summary>
    public sealed record ImportServices(MobilityDbContext Database, RecomputeQueue Recompute, JobQueue Jobs, IOptions<JobOptions> Options);

    private static async Task<IResult> ImportEmployeesAsync(long companyId, HttpContext http, [AsParameters] ImportServices services,
        CancellationToken cancellation)
    {
        var networkId = await services.Database.Companies.Where(c => c.Id == companyId).Select(c => c.NetworkId).SingleAsync(cancellation);
        return await ImportAsync(http, new ImportJobInput(ImportRun.Employees, networkId, companyId), services, cancellation);
    }

    private static Task<IResult> ImportSitesAsync(long networkId, HttpContext http, [AsParameters] ImportServices services, CancellationToken cancellation) =>
        ImportAsync(http, new ImportJobInput(ImportRun.Sites, networkId, null), services, cancellation);

    private static Task<IResult> ImportShiftsAsync(long networkId, HttpContext http, [AsParameters] ImportServices services, CancellationToken cancellation) =>
        ImportAsync(http, new ImportJobInput(ImportRun.Shifts, networkId, null), services, cancellation);

    private static async Task<IResult> ImportAsync(HttpContext http, ImportJobInput input, ImportServices services, CancellationToken cancellation)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaximumBytes;
        // A seekable copy: the importers read the file twice to detect its encoding, and a job stores it.
        using var file = new MemoryStream();
        await http.Request.Body.CopyToAsync(file, cancellation);
        if (file.Length == 0)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Fichier vide / Empty file",
                detail: "Envoyez le fichier CSV comme corps de la requête (text/csv). / Send the CSV file as the request body (text/csv).");
        if (file.Length > services.Options.Value.ImportInRequestMaxBytes || AsksForAJob(http.Request))
        {
            var job = await services.Jobs.EnqueueAsync(ImportJob.KindName, input, CurrentUser.From(http.User)!.AccountId, input.NetworkId,
                input.CompanyId, cancellation, file.ToArray());
            return Results.Accepted(JobEndpoints.Location(job.Id), JobQueue.View(job));
        }
        file.Position = 0;
        var report = await ImportRun.RunAsync(input, file, services.Database, services.Recompute, progress: null, cancellation);
        if (!report.Succeeded)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: "Fichier refusé, rien n'a été importé / File refused, nothing was imported",
                detail: $"{report.Errors.Count} erreur(s) / error(s).",
                extensions: ImportRun.RefusalParameters(report));
        return Results.Ok(ImportRun.Outcome(report));
    }

    /// <summary>RFC 7240: a client that follows jobs anyway (HR's page) may ask for one whatever the file's size.</summary>
    private static bool AsksForAJob(HttpRequest request) =>
        request.Headers["Prefer"].Any(value => value?.Split(',').Any(p => p.Trim().Equals("respond-async", StringComparison.OrdinalIgnoreCase)) == true);
}
