using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Data.Privacy;
using Mobility.Server.Accounts;
using Mobility.Server.Http;

namespace Mobility.Server.Statistics;

/// <summary>The working group's dashboard over HTTP (<see cref="DashboardStatistics"/>, <see cref="DemandStatistics"/>):
/// every route takes the same filters (company, plant, roster, shift) and answers CSV with <c>?format=csv</c> and an .xlsx
/// workbook with <c>?format=xlsx</c>, each built from the one <see cref="StatisticsTable"/> of that route.</summary>
public static class DemandStatisticsEndpoints
{
    /// <summary>The longest activity range one request reads.</summary>
    public const int MaximumActivityDays = 366;

    public static IEndpointRouteBuilder MapDemandStatisticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/networks/{networkId:long}/statistics")
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.WorkingGroupOrAdministrator)
            .WithTags("Working group");
        group.MapGet("/places", ReadPlacesAsync).WithSummary("The dashboard's choices and map places: companies, plants, stations, meeting points, rosters, shift starts.");
        group.MapGet("/homes", ReadHomeGridAsync).WithSummary("Where employees live: a GeoJSON grid of 1 km squares, counts rounded to 5.");
        group.MapGet("/distances", ReadDistanceBandsAsync).WithSummary("Homes by straight-line distance to the plant (0-5, 5-10, 10-20, 20-40, over 40 km), rounded to 5.");
        group.MapGet("/flows", ReadFlowsAsync).WithSummary("Employees per commune and plant, rounded to 5.");
        group.MapGet("/shifts", ReadShiftHoursAsync).WithSummary("Shifts of a date starting and ending per hour and plant, rounded to 5.");
        group.MapGet("/activity", ReadActivityAsync).WithSummary("Carpools that ran (accepted or confirmed) per day over a date range, from the daily snapshots: groups, people, cars removed, km, CO2 and euros saved.");
        return endpoints;
    }

    public sealed record FilterQuery(long? Company, long? Plant, long? Roster, string? Shift, string? Format)
    {
        /// <summary>JSON unless <c>format=csv</c> or <c>xlsx</c>; any other format is refused rather than answered as JSON.</summary>
        public void CheckFormat(FieldErrors errors)
        {
            if (!StatisticsExport.Known(Format))
                errors.Add("format", Codes.Field.UnknownChoice, CodeParameters.Allowed(StatisticsExport.Formats));
        }
    }

    private sealed record Place(long Id, string Name, string Kind, long? CompanyId, double Latitude, double Longitude);

    private static async Task<IResult> ReadPlacesAsync(long networkId, MobilityDbContext database, CancellationToken cancellation)
    {
        var companies = await database.Companies.AsNoTracking().Where(c => c.NetworkId == networkId).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(cancellation);
        var sites = (await database.Sites.AsNoTracking().Where(s => s.NetworkId == networkId).OrderBy(s => s.Name)
                .Select(s => new { s.Id, s.Name, s.Kind, s.CompanyId, s.Location }).ToListAsync(cancellation))
            .Select(s => new Place(s.Id, s.Name, s.Kind.ToString(), s.CompanyId, s.Location.Y, s.Location.X)).ToList();
        var rosters = await database.ShiftPatterns.AsNoTracking().Where(p => p.NetworkId == networkId).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name }).ToListAsync(cancellation);
        var starts = (await database.ShiftSlots.AsNoTracking().Where(s => s.ShiftPattern!.NetworkId == networkId).Select(s => s.Start).Distinct().ToListAsync(cancellation))
            .Order().Select(s => s.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return Results.Ok(new { companies, sites, rosters, shiftStarts = starts });
    }

    private static async Task<IResult> ReadHomeGridAsync(long networkId, int? cellMetres, [AsParameters] FilterQuery query, MobilityDbContext database,
        Disclosure disclosure, TimeProvider clock, CancellationToken cancellation)
    {
        if (cellMetres is { } asked && asked != DemandStatistics.GridMetres)
        {
            var errors = new FieldErrors();
            // One fixed grid: squares of several sizes would subtract from one another and reveal small cells.
            errors.Add("cellMetres", Codes.Field.UnknownChoice, CodeParameters.Allowed(new[] { DemandStatistics.GridMetres }));
            return errors.Problem();
        }
        var (people, _, problem) = await PeopleAsync(networkId, query, database, clock, cancellation);
        if (problem is not null) return problem;
        var grid = await DemandStatistics.HomeGridAsync(database, disclosure, networkId, people!.Select(p => p.Id).ToArray(), cancellation);
        if (StatisticsExport.Wanted(query.Format))
            return await DownloadAsync(query.Format!, new StatisticsTable("homes", ["south", "west", "north", "east", "employees", "consenting"],
                grid.Cells.Select(c => (IReadOnlyList<object?>)[c.South, c.West, c.North, c.East, c.Employees, c.Consenting]).ToList()), networkId, database, clock, cancellation);
        return Results.Json(grid.ToGeoJson(), contentType: "application/geo+json");
    }

    private static async Task<IResult> ReadDistanceBandsAsync(long networkId, [AsParameters] FilterQuery query, MobilityDbContext database,
        Disclosure disclosure, TimeProvider clock, CancellationToken cancellation)
    {
        var (people, _, problem) = await PeopleAsync(networkId, query, database, clock, cancellation);
        if (problem is not null) return problem;
        var bands = DashboardStatistics.DistanceBandsOf(disclosure, people!);
        return StatisticsExport.Wanted(query.Format)
            ? await DownloadAsync(query.Format!, new StatisticsTable("distances", ["band", "fromKilometres", "toKilometres", "people"],
                bands.Bands.Select(b => (IReadOnlyList<object?>)[b.Band, b.FromKilometres, b.ToKilometres, b.People]).ToList()), networkId, database, clock, cancellation)
            : Results.Ok(bands);
    }

    private static async Task<IResult> ReadFlowsAsync(long networkId, [AsParameters] FilterQuery query, MobilityDbContext database,
        Disclosure disclosure, TimeProvider clock, CancellationToken cancellation)
    {
        var (people, _, problem) = await PeopleAsync(networkId, query, database, clock, cancellation);
        if (problem is not null) return problem;
        var flows = DashboardStatistics.FlowsOf(disclosure, people!);
        return StatisticsExport.Wanted(query.Format)
            ? await DownloadAsync(query.Format!, new StatisticsTable("flows", ["commune", "plantId", "plant", "people"],
                flows.Pairs.Select(f => (IReadOnlyList<object?>)[f.Commune, f.PlantId, f.Plant, f.People]).ToList()), networkId, database, clock, cancellation)
            : Results.Ok(flows);
    }

    private static async Task<IResult> ReadShiftHoursAsync(long networkId, DateOnly? date, [AsParameters] FilterQuery query, MobilityDbContext database,
        Disclosure disclosure, TimeProvider clock, CancellationToken cancellation)
    {
        if (DateField.Problem("date", date, required: true) is { } bad) return bad;
        var zone = await DemandStatistics.ZoneAsync(database, networkId, cancellation);
        if (zone is null) return Results.NotFound();
        var (people, filter, problem) = await PeopleAsync(networkId, query, database, clock, cancellation);
        if (problem is not null) return problem;
        var hours = await DashboardStatistics.ShiftHoursAsync(database, disclosure, networkId, zone, date!.Value, filter!, people!, cancellation);
        return StatisticsExport.Wanted(query.Format)
            ? await DownloadAsync(query.Format!, new StatisticsTable("shifts", ["date", "plantId", "plant", "hour", "starting", "ending"],
                hours.Hours.Select(h => (IReadOnlyList<object?>)[hours.Date.ToString("yyyy-MM-dd"), h.PlantId, h.Plant, h.Hour, h.Starting, h.Ending]).ToList()),
                networkId, database, clock, cancellation)
            : Results.Ok(hours);
    }

    private static async Task<IResult> ReadActivityAsync(long networkId, DateOnly? from, DateOnly? to, [AsParameters] FilterQuery query,
        MobilityDbContext database, Disclosure disclosure, IOptions<StatisticsOptions> options, TimeProvider clock, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        DateField.Check(errors, "from", from, required: true);
        DateField.Check(errors, "to", to, required: true);
        if (!errors.Any && to < from) errors.Add("to", Codes.Field.EndsBeforeStart);
        else if (!errors.Any && to!.Value.DayNumber - from!.Value.DayNumber >= MaximumActivityDays)
            errors.Add("to", Codes.Field.OutOfRange, CodeParameters.Range(from.Value, from.Value.AddDays(MaximumActivityDays - 1)));
        query.CheckFormat(errors);
        var filter = await DashboardFilter.ReadAsync(database, networkId, query.Company, query.Plant, query.Roster, query.Shift, errors, cancellation);
        if (filter is null) return errors.Problem();
        var activity = await DashboardStatistics.ActivityAsync(database, disclosure, options.Value, networkId, from!.Value, to!.Value, filter, cancellation);
        return StatisticsExport.Wanted(query.Format)
            ? await DownloadAsync(query.Format!, new StatisticsTable("activity", ["date", "taken", "groups", "people", "carsRemoved", "kilometresSaved", "kilogramsCo2Saved", "eurosSaved"],
                activity.Days.Select(d => (IReadOnlyList<object?>)[d.Date.ToString("yyyy-MM-dd"), d.Taken ? 1 : 0, d.Groups, d.People, d.CarsRemoved,
                    d.KilometresSaved, d.KilogramsCo2Saved, d.EurosSaved]).ToList()), networkId, database, clock, cancellation)
            : Results.Ok(activity);
    }

    /// <summary>The table as a file named after the network and the network's local day.</summary>
    /// <summary>A table as the file asked for (CSV or .xlsx), named after the network and its local day.</summary>
    internal static async Task<IResult> DownloadAsync(string format, StatisticsTable table, long networkId, MobilityDbContext database, TimeProvider clock,
        CancellationToken cancellation)
    {
        var name = await database.Networks.AsNoTracking().Where(n => n.Id == networkId).Select(n => n.Name).SingleAsync(cancellation);
        var zone = await DemandStatistics.ZoneAsync(database, networkId, cancellation) ?? TimeZoneInfo.Utc;
        var made = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        return StatisticsExport.File(format, table, name, made);
    }

    /// <summary>The filtered people of a request, or the problem with its filters (and with the caller's own <paramref name="errors"/>).</summary>
    internal static async Task<(List<DashboardPerson>? People, DashboardFilter? Filter, IResult? Problem)> PeopleAsync(long networkId, FilterQuery query,
        MobilityDbContext database, TimeProvider clock, CancellationToken cancellation, FieldErrors? errors = null)
    {
        errors ??= new FieldErrors();
        query.CheckFormat(errors);
        var filter = await DashboardFilter.ReadAsync(database, networkId, query.Company, query.Plant, query.Roster, query.Shift, errors, cancellation);
        if (filter is null) return (null, null, errors.Problem());
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return (await DashboardPeople.ReadAsync(database, networkId, today, filter, cancellation), filter, null);
    }
}
