using Microsoft.AspNetCore.Http.Features;
using Mobility.Data;
using Mobility.Data.Import;
using Microsoft.EntityFrameworkCore;
using Mobility.Server.Accounts;
using Mobility.Server.Carpools;

namespace Mobility.Server.Import;

/// <summary>
/// HR's CSV import of a company's employees (the format of docs/import-format.md: `;` `,` or tab, UTF-8 or
/// Windows-1252). All or nothing: a file with one bad row imports nothing and every bad row comes back with its line.
/// </summary>
public static class ImportEndpoints
{
    public const long MaximumBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/companies/{companyId:long}/imports/employees", async Task<IResult> (long companyId, HttpContext http,
            MobilityDbContext database, RecomputeQueue recompute, CancellationToken cancellation) =>
        {
            var networkId = await database.Companies.Where(c => c.Id == companyId).Select(c => c.NetworkId).SingleAsync(cancellation);
            return await ImportAsync(http, file => new EmployeeImporter(database, TimeProvider.System).ImportIntoCompanyAsync(file, companyId, cancellation),
                () => recompute.Request(networkId, $"HR import of company {companyId}"), cancellation);
        })
        // No Accepts("text/csv") metadata: it would make routing answer 415 before authorisation has refused a foreign company.
        .WithDescription("Body: the CSV file itself (text/csv), UTF-8 or Windows-1252, separated by ';', ',' or tab.")
        .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.HrOrAdministrator)
        .WithTags("Imports").WithSummary("Imports or updates a company's employees from CSV.");

        // Sites and rosters are shared by a network's companies: their files come from the network's administrators.
        endpoints.MapPost("/api/networks/{networkId:long}/imports/sites", async Task<IResult> (long networkId, HttpContext http,
            MobilityDbContext database, CancellationToken cancellation) =>
        {
            var name = await database.Networks.Where(n => n.Id == networkId).Select(n => n.Name).SingleAsync(cancellation);
            return await ImportAsync(http, file => new SiteImporter(database).ImportAsync(file, name, cancellation), () => { }, cancellation);
        })
        .WithDescription("Body: the CSV file of sites (docs/import-format.md).")
        .RequireAuthorization(AccountsSetup.TenantPolicy).WithTags("Imports").WithSummary("Imports or updates a network's sites from CSV.");

        endpoints.MapPost("/api/networks/{networkId:long}/imports/shifts", async Task<IResult> (long networkId, HttpContext http,
            MobilityDbContext database, RecomputeQueue recompute, CancellationToken cancellation) =>
        {
            var name = await database.Networks.Where(n => n.Id == networkId).Select(n => n.Name).SingleAsync(cancellation);
            return await ImportAsync(http, file => new ShiftPatternImporter(database).ImportAsync(file, name, cancellation),
                () => recompute.Request(networkId, "roster import"), cancellation);
        })
        .WithDescription("Body: the CSV file of rosters (docs/import-format.md).")
        .RequireAuthorization(AccountsSetup.TenantPolicy).WithTags("Imports").WithSummary("Imports or updates a network's rosters from CSV.");
        return endpoints;
    }

    /// <summary>Reads the body into a seekable copy (the importers read it twice to detect the encoding) and answers the report.</summary>
    private static async Task<IResult> ImportAsync(HttpContext http, Func<Stream, Task<ImportReport>> import, Action onSuccess, CancellationToken cancellation)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaximumBytes;
        using var file = new MemoryStream();
        await http.Request.Body.CopyToAsync(file, cancellation);
        if (file.Length == 0)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Fichier vide / Empty file",
                detail: "Envoyez le fichier CSV comme corps de la requête (text/csv). / Send the CSV file as the request body (text/csv).");
        file.Position = 0;
        ImportReport report;
        try { report = await import(file); }
        catch (InvalidDataException unreadable)
        {
            // A file of blank lines has no header: the reader says so, and it is the file's fault like any line error.
            report = ImportReport.Failed(0, [new ImportError(1, null, unreadable.Message)]);
        }
        if (!report.Succeeded)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: "Fichier refusé, rien n'a été importé / File refused, nothing was imported",
                detail: $"{report.Errors.Count} erreur(s) / error(s).",
                extensions: new Dictionary<string, object?> { ["rows"] = report.Rows, ["lineErrors"] = report.Errors });
        onSuccess();
        return Results.Ok(new { report.Rows, report.Inserted, report.Updated });
    }
}
