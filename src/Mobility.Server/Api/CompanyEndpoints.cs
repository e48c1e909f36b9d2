using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Server.Accounts;

namespace Mobility.Server.Api;

public sealed record NetworkView(long Id, string Name, string TimeZone);

public sealed record CompanyView(long Id, long NetworkId, string ExternalId, string Name);

public static class CompanyEndpoints
{
    public static IEndpointRouteBuilder MapCompanyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(AccountsSetup.TenantPolicy).WithTags("Networks and companies");

        api.MapGet("/networks", async ([AsParameters] PageQuery page, HttpContext http, MobilityDbContext database, CancellationToken cancellation) =>
        {
            if (page.Problem() is { } problem) return problem;
            var user = CurrentUser.From(http.User)!;
            return Results.Ok(await page.ReadAsync(TenantQueries.Networks(database, user).OrderBy(n => n.Id)
                .Select(n => new NetworkView(n.Id, n.Name, n.TimeZone)), cancellation));
        }).WithSummary("Networks the account belongs to (all of them for an administrator).");

        api.MapGet("/networks/{networkId:long}", async Task<IResult> (long networkId, MobilityDbContext database, CancellationToken cancellation) =>
            await database.Networks.Where(n => n.Id == networkId).Select(n => new NetworkView(n.Id, n.Name, n.TimeZone))
                .SingleOrDefaultAsync(cancellation) is { } network ? Results.Ok(network) : Results.NotFound())
            .WithSummary("One network.");

        api.MapGet("/companies", async ([AsParameters] PageQuery page, HttpContext http, MobilityDbContext database, CancellationToken cancellation) =>
        {
            if (page.Problem() is { } problem) return problem;
            var user = CurrentUser.From(http.User)!;
            return Results.Ok(await page.ReadAsync(TenantQueries.Companies(database, user).OrderBy(c => c.Id)
                .Select(c => new CompanyView(c.Id, c.NetworkId, c.ExternalId, c.Name)), cancellation));
        }).WithSummary("Companies the account may see: its own, or its network's for the working group.");

        api.MapGet("/companies/{companyId:long}", async Task<IResult> (long companyId, MobilityDbContext database, CancellationToken cancellation) =>
            await database.Companies.Where(c => c.Id == companyId).Select(c => new CompanyView(c.Id, c.NetworkId, c.ExternalId, c.Name))
                .SingleOrDefaultAsync(cancellation) is { } company ? Results.Ok(company) : Results.NotFound())
            .WithSummary("One company.");
        return endpoints;
    }
}
