using Microsoft.AspNetCore.Http.Features;
using Mobility.Data;
using Mobility.Data.Import;
using Microsoft.EntityFrameworkCore;
using Mobility.Server.Accounts;
using Mobility.Server.Proposals;

namespace Mobility.Server.Api;

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
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaximumBytes;
            // The importer reads the file twice (encoding detection), so it gets a seekable copy.
            using var file = new MemoryStream();
            await http.Request.Body.CopyToAsync(file, cancellation);
            if (file.Length == 0)
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Fichier vide / Empty file",
                    detail: "Envoyez le fichier CSV comme corps de la requête (text/csv). / Send the CSV file as the request body (text/csv).");
            file.Position = 0;
            var report = await new EmployeeImporter(database, TimeProvider.System).ImportIntoCompanyAsync(file, companyId, cancellation);
            if (report.Succeeded)
            {
                recompute.Request(await database.Companies.Where(c => c.Id == companyId).Select(c => c.NetworkId).SingleAsync(cancellation),
                    $"HR import of company {companyId}: {report.Inserted} new, {report.Updated} updated");
                return Results.Ok(new { report.Rows, report.Inserted, report.Updated });
            }
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: "Fichier refusé, rien n'a été importé / File refused, nothing was imported",
                detail: $"{report.Errors.Count} erreur(s) / error(s).",
                extensions: new Dictionary<string, object?> { ["rows"] = report.Rows, ["lineErrors"] = report.Errors });
        })
        // No Accepts("text/csv") metadata: it would make routing answer 415 before authorisation has refused a foreign company.
        .WithDescription("Body: the CSV file itself (text/csv), UTF-8 or Windows-1252, separated by ';', ',' or tab.")
        .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.HrOrAdministrator)
        .WithTags("Imports").WithSummary("Imports or updates a company's employees from CSV.");
        return endpoints;
    }
}
