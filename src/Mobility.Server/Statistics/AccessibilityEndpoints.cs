using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Data.Privacy;
using Mobility.Server.Accounts;
using Mobility.Server.Carpools;
using Mobility.Server.Http;

namespace Mobility.Server.Statistics;

/// <summary>The dashboard's analyses of access and potential (<see cref="AccessibilityStatistics"/>, <see cref="PotentialStatistics"/>),
/// on the same group, policies and filters as <see cref="DemandStatisticsEndpoints"/>.</summary>
public static class AccessibilityEndpoints
{
    public static IEndpointRouteBuilder MapAccessibilityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/networks/{networkId:long}/statistics")
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.WorkingGroupOrAdministrator)
            .WithTags("Working group");
        group.MapGet("/accessibility", ReadAccessibilityAsync)
            .WithSummary("Isochrones per plant (car 15/30/45 min, bicycle 15/30, foot 15) as GeoJSON, with the plant's people inside each, rounded to 5, withheld under 10.");
        group.MapGet("/potential", ReadPotentialAsync)
            .WithSummary("Per plant, who could carpool (a compatible partner on the date), cycle (30 min by bicycle) or take a shuttle (2 km from a station or meeting point), rounded to 5, withheld under 10.");
        group.MapGet("/stops", ReadStopsAsync)
            .WithSummary("The people living within 2 km of each station or meeting point (the potential's shuttle part), rounded to 5, withheld under 10.");
        group.MapGet("/savings", ReadSavingsAsync)
            .WithSummary("Kilometres, CO2 and euros saved: by the carpools that ran over the 28 days before the date, and by the date's groups if they all rode.");
        return endpoints;
    }

    private static async Task<IResult> ReadAccessibilityAsync(long networkId, [AsParameters] DemandStatisticsEndpoints.FilterQuery query,
        MobilityDbContext database, Disclosure disclosure, AccessibilityStatistics accessibility, TimeProvider clock, CancellationToken cancellation)
    {
        var (people, _, problem) = await DemandStatisticsEndpoints.PeopleAsync(networkId, query, database, clock, cancellation);
        if (problem is not null) return problem;
        var answer = await accessibility.OfAsync(database, disclosure, networkId, people!, cancellation);
        return StatisticsExport.Wanted(query.Format)
            ? await DemandStatisticsEndpoints.DownloadAsync(query.Format!, new StatisticsTable("accessibility", ["plantId", "plant", "profile", "minutes", "inside", "share"],
                answer.Bands.Select(b => (IReadOnlyList<object?>)[b.PlantId, b.Plant, b.Profile, b.Minutes, b.Inside, b.Share]).ToList()), networkId, database, clock, cancellation)
            : Results.Json(answer.ToGeoJson(), contentType: "application/geo+json");
    }

    private static async Task<IResult> ReadPotentialAsync(long networkId, DateOnly? date, [AsParameters] DemandStatisticsEndpoints.FilterQuery query,
        MobilityDbContext database, Disclosure disclosure, AccessibilityStatistics access, TravelTimesSource carTimes, TimeProvider clock, CancellationToken cancellation)
    {
        var (potential, problem) = await PotentialAsync(networkId, date, query, database, disclosure, access, carTimes, clock, cancellation);
        if (problem is not null) return problem;
        return StatisticsExport.Wanted(query.Format)
            ? await DemandStatisticsEndpoints.DownloadAsync(query.Format!, new StatisticsTable("potential",
                ["plantId", "plant", "employees", "carpool", "carpoolShare", "bicycle", "bicycleShare", "shuttle", "shuttleShare"],
                potential!.Plants.Select(p => (IReadOnlyList<object?>)[p.PlantId, p.Plant, p.Employees, p.Carpool.People, p.Carpool.Share,
                    p.Bicycle.People, p.Bicycle.Share, p.Shuttle.People, p.Shuttle.Share]).ToList()), networkId, database, clock, cancellation)
            : Results.Ok(potential);
    }

    private static async Task<(Potential? Potential, IResult? Problem)> PotentialAsync(long networkId, DateOnly? date, DemandStatisticsEndpoints.FilterQuery query,
        MobilityDbContext database, Disclosure disclosure, AccessibilityStatistics access, TravelTimesSource carTimes, TimeProvider clock, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        DateField.Check(errors, "date", date, required: true);
        var (people, _, problem) = await DemandStatisticsEndpoints.PeopleAsync(networkId, query, database, clock, cancellation, errors);
        if (problem is not null) return (null, problem);
        return (await PotentialStatistics.OfAsync(database, disclosure, access, carTimes.TravelTimes, networkId, date!.Value, people!, cancellation), null);
    }

    /// <summary>The stops' table of the potential, for its own download (a route answers one table).</summary>
    private static async Task<IResult> ReadStopsAsync(long networkId, DateOnly? date, [AsParameters] DemandStatisticsEndpoints.FilterQuery query,
        MobilityDbContext database, Disclosure disclosure, AccessibilityStatistics access, TravelTimesSource carTimes, TimeProvider clock, CancellationToken cancellation)
    {
        var (potential, problem) = await PotentialAsync(networkId, date, query, database, disclosure, access, carTimes, clock, cancellation);
        if (problem is not null) return problem;
        return StatisticsExport.Wanted(query.Format)
            ? await DemandStatisticsEndpoints.DownloadAsync(query.Format!, new StatisticsTable("stops", ["siteId", "stop", "kind", "people"],
                potential!.Stops.Select(s => (IReadOnlyList<object?>)[s.SiteId, s.Stop, s.Kind, s.People]).ToList()), networkId, database, clock, cancellation)
            : Results.Ok(new { potential!.Date, potential.StopRadiusKilometres, potential.Stops });
    }

    private static async Task<IResult> ReadSavingsAsync(long networkId, DateOnly? date, [AsParameters] DemandStatisticsEndpoints.FilterQuery query,
        MobilityDbContext database, Disclosure disclosure, IOptions<StatisticsOptions> options, TimeProvider clock, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        DateField.Check(errors, "date", date, required: true);
        var (people, filter, problem) = await DemandStatisticsEndpoints.PeopleAsync(networkId, query, database, clock, cancellation, errors);
        if (problem is not null) return problem;
        var savings = await PotentialStatistics.SavingsAsync(database, disclosure, options.Value, networkId, date!.Value, date.Value.AddDays(-28), date.Value.AddDays(-1),
            filter!, people!, cancellation);
        return StatisticsExport.Wanted(query.Format)
            ? await DemandStatisticsEndpoints.DownloadAsync(query.Format!, new StatisticsTable("savings",
                ["figures", "from", "to", "people", "carsRemoved", "kilometres", "kilogramsCo2", "euros"],
                new[] { ("actual", savings.Actual), ("potential", savings.Potential) }.Select(f => (IReadOnlyList<object?>)[f.Item1, f.Item2.From.ToString("yyyy-MM-dd"), f.Item2.To.ToString("yyyy-MM-dd"),
                    f.Item2.People, f.Item2.CarsRemoved, f.Item2.Kilometres, f.Item2.KilogramsCo2, f.Item2.Euros]).ToList()), networkId, database, clock, cancellation)
            : Results.Ok(savings);
    }
}
