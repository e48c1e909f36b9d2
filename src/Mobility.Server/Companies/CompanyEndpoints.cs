using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Server.Accounts;
using Mobility.Server.Http;

namespace Mobility.Server.Companies;

public sealed record NetworkView(long Id, string Name, string TimeZone);

public sealed record CompanyView(long Id, long NetworkId, string ExternalId, string Name);

public sealed record NetworkInput([property: MaxLength(TextRules.NameLength)] string? Name, [property: MaxLength(TextRules.TimeZoneLength)] string? TimeZone);

public sealed record CompanyInput([property: MaxLength(TextRules.ExternalIdLength)] string? ExternalId, [property: MaxLength(TextRules.NameLength)] string? Name);

/// <summary>Networks and their member companies: who sees which (<see cref="TenantQueries"/>), and administrators create them.</summary>
public static class CompanyEndpoints
{
    public static IEndpointRouteBuilder MapCompanyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(AccountsSetup.TenantPolicy).WithTags("Networks and companies");

        api.MapGet("/networks", ListNetworksAsync).WithSummary("Networks the account belongs to (all of them for an administrator).");
        api.MapGet("/networks/{networkId:long}", ReadNetworkAsync).WithSummary("One network.");
        api.MapPost("/networks", CreateNetworkAsync).WithSummary("Creates a network (administrators).");
        api.MapPost("/networks/{networkId:long}/companies", CreateCompanyAsync)
            .WithSummary("Adds a member company to a network (administrators: the route's network is writable by them only).");
        api.MapGet("/companies", ListCompaniesAsync).WithSummary("Companies the account may see: its own, or its network's for the working group.");
        api.MapGet("/companies/{companyId:long}", ReadCompanyAsync).WithSummary("One company.");
        return endpoints;
    }

    private static async Task<IResult> ListNetworksAsync([AsParameters] PageQuery page, HttpContext http, MobilityDbContext database, CancellationToken cancellation)
    {
        if (page.Problem() is { } problem) return problem;
        var user = CurrentUser.From(http.User)!;
        return Results.Ok(await page.ReadAsync(TenantQueries.Networks(database, user).OrderBy(n => n.Id)
            .Select(n => new NetworkView(n.Id, n.Name, n.TimeZone)), cancellation));
    }

    private static async Task<IResult> ReadNetworkAsync(long networkId, MobilityDbContext database, CancellationToken cancellation) =>
        await database.Networks.Where(n => n.Id == networkId).Select(n => new NetworkView(n.Id, n.Name, n.TimeZone))
            .SingleOrDefaultAsync(cancellation) is { } network ? Results.Ok(network) : Results.NotFound();

    private static async Task<IResult> CreateNetworkAsync(NetworkInput input, HttpContext http, MobilityDbContext database, CancellationToken cancellation)
    {
        if (!CurrentUser.From(http.User)!.IsAdministrator)
            return CodedProblem.Create(StatusCodes.Status403Forbidden, Codes.Problem.AdministratorsOnly);
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", Codes.Field.Required);
        else if (await database.Networks.AnyAsync(n => n.Name == input.Name.Trim(), cancellation))
            errors.Add("name", Codes.Field.AlreadyExists, CodeParameters.Value(input.Name.Trim()));
        var timeZone = input.TimeZone ?? "Europe/Paris";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            errors.Add("timeZone", Codes.Field.UnknownTimeZone, CodeParameters.Value(timeZone));
        if (errors.Any) return errors.Problem();
        var network = new Data.Model.Network { Name = input.Name!.Trim(), TimeZone = timeZone };
        database.Networks.Add(network);
        await database.SaveChangesAsync(cancellation);
        return Results.Created($"/api/networks/{network.Id}", new NetworkView(network.Id, network.Name, network.TimeZone));
    }

    private static async Task<IResult> CreateCompanyAsync(long networkId, CompanyInput input, MobilityDbContext database, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.ExternalId)) errors.Add("externalId", Codes.Field.Required);
        else if (await database.Companies.AnyAsync(c => c.NetworkId == networkId && c.ExternalId == input.ExternalId.Trim(), cancellation))
            errors.Add("externalId", Codes.Field.AlreadyExists, CodeParameters.Value(input.ExternalId));
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", Codes.Field.Required);
        if (errors.Any) return errors.Problem();
        var company = new Data.Model.Company { NetworkId = networkId, ExternalId = input.ExternalId!.Trim(), Name = input.Name!.Trim() };
        database.Companies.Add(company);
        await database.SaveChangesAsync(cancellation);
        return Results.Created($"/api/companies/{company.Id}", new CompanyView(company.Id, networkId, company.ExternalId, company.Name));
    }

    private static async Task<IResult> ListCompaniesAsync([AsParameters] PageQuery page, HttpContext http, MobilityDbContext database, CancellationToken cancellation)
    {
        if (page.Problem() is { } problem) return problem;
        var user = CurrentUser.From(http.User)!;
        return Results.Ok(await page.ReadAsync(TenantQueries.Companies(database, user).OrderBy(c => c.Id)
            .Select(c => new CompanyView(c.Id, c.NetworkId, c.ExternalId, c.Name)), cancellation));
    }

    private static async Task<IResult> ReadCompanyAsync(long companyId, MobilityDbContext database, CancellationToken cancellation) =>
        await database.Companies.Where(c => c.Id == companyId).Select(c => new CompanyView(c.Id, c.NetworkId, c.ExternalId, c.Name))
            .SingleOrDefaultAsync(cancellation) is { } company ? Results.Ok(company) : Results.NotFound();
}
