using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Accounts;
using Mobility.Server.Carpools;
using Mobility.Server.Http;

namespace Mobility.Server.Companies;

public sealed record SiteView(long Id, long NetworkId, long? CompanyId, string ExternalId, string Name, SiteKind Kind,
    GeoJsonPoint Location, string? Address, string? Commune)
{
    public static SiteView From(Site s) =>
        new(s.Id, s.NetworkId, s.CompanyId, s.ExternalId, s.Name, s.Kind, GeoJsonPoint.From(s.Location), s.Address, s.Commune);
}

public sealed record SiteInput([property: MaxLength(TextRules.ExternalIdLength)] string? ExternalId,
    [property: MaxLength(TextRules.NameLength)] string? Name, SiteKind? Kind, GeoJsonPoint? Location,
    [property: MaxLength(TextRules.AddressLength)] string? Address, [property: MaxLength(TextRules.CommuneLength)] string? Commune)
{
    /// <param name="area">The network's other sites, which a site must be near (the importer's rule).</param>
    public void Validate(FieldErrors errors, CoordinateCheck area, out NetTopologySuite.Geometries.Point? location)
    {
        location = null;
        if (string.IsNullOrWhiteSpace(ExternalId)) errors.Add("externalId", Codes.Field.Required);
        if (string.IsNullOrWhiteSpace(Name)) errors.Add("name", Codes.Field.Required);
        if (Kind is null) errors.Add("kind", Codes.Field.UnknownChoice, CodeParameters.Allowed(Enum.GetNames<SiteKind>()));
        if (Location is null) errors.Add("location", Codes.Field.Required);
        else location = Location.ToPlausiblePoint("location", errors, area);
    }

    /// <summary>Where the network's sites are, but for the one being changed.</summary>
    public static async Task<CoordinateCheck> AreaAsync(MobilityDbContext database, long networkId, long? exceptSiteId, CancellationToken cancellation)
    {
        var others = await database.Sites.Where(s => s.NetworkId == networkId && s.Id != exceptSiteId)
            .Select(s => s.Location).ToListAsync(cancellation);
        return CoordinateCheck.ForArea(others.Select(p => p.ToGeoPoint()));
    }
}

/// <summary>Plants, stations, meeting points and car parks: HR keeps its company's, and sees the network's shared places.</summary>
public static class SiteEndpoints
{
    public static IEndpointRouteBuilder MapSiteEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(AccountsSetup.TenantPolicy).WithTags("Sites");

        api.MapGet("/sites", ListSitesAsync).WithSummary("Sites the account may see: shared places of its network and its company's plants.");
        api.MapGet("/sites.geojson", ListSitesAsGeoJsonAsync).WithSummary("The same sites as a GeoJSON FeatureCollection, for a map.");
        api.MapGet("/sites/{siteId:long}", ReadSiteAsync).WithSummary("One site.");
        api.MapPost("/companies/{companyId:long}/sites", AddSiteAsync).RequireAuthorization(AccountsSetup.HrOrAdministrator).WithSummary("Adds a site to a company.");
        api.MapPut("/sites/{siteId:long}", ChangeSiteAsync).RequireAuthorization(AccountsSetup.HrOrAdministrator).WithSummary("Changes a site.");
        api.MapDelete("/sites/{siteId:long}", DeleteSiteAsync).RequireAuthorization(AccountsSetup.HrOrAdministrator).WithSummary("Removes a site no employee works at.");
        return endpoints;
    }

    private static async Task<IResult> ListSitesAsync([AsParameters] PageQuery page, SiteKind? kind, HttpContext http, MobilityDbContext database,
        CancellationToken cancellation)
    {
        if ((page.Problem() ?? QueryFields.EnumProblem("kind", kind)) is { } problem) return problem;
        var sites = TenantQueries.Sites(database, CurrentUser.From(http.User)!);
        if (kind is not null) sites = sites.Where(s => s.Kind == kind);
        var found = await page.ReadAsync(sites.OrderBy(s => s.Id), cancellation);
        return Results.Ok(new Page<SiteView>(found.Items.Select(SiteView.From).ToList(), found.PageNumber, found.PageSize, found.Total));
    }

    private static async Task<IResult> ListSitesAsGeoJsonAsync(HttpContext http, MobilityDbContext database, CancellationToken cancellation)
    {
        var sites = await TenantQueries.Sites(database, CurrentUser.From(http.User)!).OrderBy(s => s.Id).Take(10_000).ToListAsync(cancellation);
        return Results.Json(new
        {
            type = "FeatureCollection",
            features = sites.Select(s => new
            {
                type = "Feature", id = s.Id, geometry = GeoJsonPoint.From(s.Location),
                properties = new { s.Name, kind = s.Kind.ToString(), s.CompanyId, s.Commune },
            }),
        }, contentType: "application/geo+json");
    }

    private static async Task<IResult> ReadSiteAsync(long siteId, MobilityDbContext database, CancellationToken cancellation) =>
        await database.Sites.SingleOrDefaultAsync(s => s.Id == siteId, cancellation) is { } site ? Results.Ok(SiteView.From(site)) : Results.NotFound();

    private static async Task<IResult> AddSiteAsync(long companyId, SiteInput input, MobilityDbContext database, CancellationToken cancellation)
    {
        var company = await database.Companies.SingleAsync(c => c.Id == companyId, cancellation);
        var errors = new FieldErrors();
        input.Validate(errors, await SiteInput.AreaAsync(database, company.NetworkId, null, cancellation), out var location);
        if (!errors.Any && await database.Sites.AnyAsync(s => s.NetworkId == company.NetworkId && s.ExternalId == input.ExternalId, cancellation))
            errors.Add("externalId", Codes.Field.AlreadyExists, CodeParameters.Value(input.ExternalId));
        if (errors.Any) return errors.Problem();
        var site = new Site
        {
            NetworkId = company.NetworkId, CompanyId = companyId, ExternalId = input.ExternalId!.Trim(), Name = input.Name!.Trim(),
            Kind = input.Kind!.Value, Location = location!, Address = input.Address, Commune = input.Commune,
        };
        database.Sites.Add(site);
        await database.SaveChangesAsync(cancellation);
        return Results.Created($"/api/sites/{site.Id}", SiteView.From(site));
    }

    private static async Task<IResult> ChangeSiteAsync(long siteId, SiteInput input, MobilityDbContext database, CancellationToken cancellation)
    {
        var site = await database.Sites.SingleAsync(s => s.Id == siteId, cancellation);
        var errors = new FieldErrors();
        input.Validate(errors, await SiteInput.AreaAsync(database, site.NetworkId, siteId, cancellation), out var location);
        if (!errors.Any && await database.Sites.AnyAsync(s => s.NetworkId == site.NetworkId && s.ExternalId == input.ExternalId && s.Id != siteId, cancellation))
            errors.Add("externalId", Codes.Field.AlreadyExists, CodeParameters.Value(input.ExternalId));
        if (errors.Any) return errors.Problem();
        (site.ExternalId, site.Name, site.Kind, site.Location, site.Address, site.Commune) =
            (input.ExternalId!.Trim(), input.Name!.Trim(), input.Kind!.Value, location!, input.Address, input.Commune);
        await database.SaveChangesAsync(cancellation);
        return Results.Ok(SiteView.From(site));
    }

    private static async Task<IResult> DeleteSiteAsync(long siteId, MobilityDbContext database, RecomputeQueue recompute, CancellationToken cancellation)
    {
        if (await database.Employees.AnyAsync(e => e.MainSiteId == siteId, cancellation))
            return CodedProblem.Create(StatusCodes.Status409Conflict, Codes.Problem.SiteInUse);
        var networkId = await database.Sites.Where(s => s.Id == siteId).Select(s => s.NetworkId).SingleAsync(cancellation);
        // Whoever chose it as their meeting point is picked up at home again (the foreign key clears the choice).
        var pickedUpThere = await database.Employees.Where(e => e.PreferredMeetingPointId == siteId).Select(e => e.Id).ToArrayAsync(cancellation);
        await database.Sites.Where(s => s.Id == siteId).ExecuteDeleteAsync(cancellation);
        if (pickedUpThere.Length > 0) recompute.Request(networkId, "meeting point removed", pickedUpThere);
        return Results.NoContent();
    }
}
