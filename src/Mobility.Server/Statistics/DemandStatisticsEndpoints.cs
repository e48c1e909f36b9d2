using Mobility.Data.Privacy;
using Mobility.Data;
using Mobility.Server.Accounts;
using Mobility.Server.Http;

namespace Mobility.Server.Statistics;

/// <summary>The working group's demand statistics (<see cref="DemandStatistics"/>) over HTTP.</summary>
public static class DemandStatisticsEndpoints
{
    public static IEndpointRouteBuilder MapDemandStatisticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/networks/{networkId:long}/statistics")
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.WorkingGroupOrAdministrator)
            .WithTags("Working group");
        group.MapGet("/homes", ReadHomeGridAsync).WithSummary("Where employees live: a GeoJSON grid of 1 km squares, counts rounded to 5.");
        group.MapGet("/travel", ReadTravelByHourAsync).WithSummary("When employees travel on a date: shifts starting and ending per hour, rounded to 5.");
        group.MapGet("/carpools", ReadCarpoolSavingsAsync).WithSummary("What a date's carpools save: groups, cars removed, kilometres and CO2, per direction and hour.");
        return endpoints;
    }

    private static async Task<IResult> ReadHomeGridAsync(long networkId, int? cellMetres, MobilityDbContext database, Disclosure disclosure,
        CancellationToken cancellation)
    {
        if (cellMetres is { } asked && asked != DemandStatistics.GridMetres)
        {
            var errors = new FieldErrors();
            // One fixed grid: squares of several sizes would subtract from one another and reveal small cells.
            errors.Add("cellMetres", Codes.Field.UnknownChoice, CodeParameters.Allowed(new[] { DemandStatistics.GridMetres }));
            return errors.Problem();
        }
        return Results.Json(await DemandStatistics.HomeGridAsync(database, disclosure, networkId, cancellation), contentType: "application/geo+json");
    }

    private static async Task<IResult> ReadTravelByHourAsync(long networkId, DateOnly? date, MobilityDbContext database, Disclosure disclosure,
        CancellationToken cancellation)
    {
        if (DateField.Problem("date", date, required: true) is { } problem) return problem;
        var zone = await DemandStatistics.ZoneAsync(database, networkId, cancellation);
        if (zone is null) return Results.NotFound();
        return Results.Ok(await DemandStatistics.TravelByHourAsync(database, disclosure, networkId, zone, date!.Value, cancellation));
    }

    private static async Task<IResult> ReadCarpoolSavingsAsync(long networkId, DateOnly? date, MobilityDbContext database, Disclosure disclosure,
        CancellationToken cancellation)
    {
        if (DateField.Problem("date", date, required: true) is { } problem) return problem;
        var zone = await DemandStatistics.ZoneAsync(database, networkId, cancellation);
        if (zone is null) return Results.NotFound();
        return Results.Ok(await DemandStatistics.CarpoolSavingsAsync(database, disclosure, networkId, zone, date!.Value, cancellation));
    }
}
