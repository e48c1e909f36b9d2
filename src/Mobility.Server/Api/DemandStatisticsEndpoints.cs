using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Commutes;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;
using Mobility.Server.Accounts;
using Mobility.Server.Proposals;

namespace Mobility.Server.Api;

/// <summary>A square of the homes map: how many employees live in it, how many of them agreed to be matched (null when
/// under the threshold). Cells with fewer employees than the threshold are left out, their people counted in
/// <see cref="HomesMap.Withheld"/>.</summary>
public sealed record HomeCell(int Employees, int? Consenting);

/// <summary>One hour, local time, for the shifts starting on a date: how many start in it (people arriving) and how many
/// end in it (people leaving; a night shift ends the next morning), each null under the threshold.</summary>
public sealed record TravelHour(int Hour, int? Arriving, int? Leaving);

public sealed record TravelByHour(DateOnly Date, int MinimumCellSize, int People, IReadOnlyList<TravelHour> Hours);

/// <summary>The carpools of a date for one direction and hour of departure: groups, people in them, cars they take off
/// the road, and kilometres (their routes, and the same people each driving alone where known).</summary>
public sealed record CarpoolHour(TripDirection Direction, int Hour, int? Groups, int? People, int? CarsRemoved,
    double RouteKilometres, double? AloneKilometres);

public sealed record CarpoolSavings(DateOnly Date, int MinimumCellSize, double GramsCo2PerKilometre, int Groups, int People, int CarsRemoved,
    double RouteKilometres, double? AloneKilometres, double? KilometresSaved, double? KilogramsCo2Saved, IReadOnlyList<CarpoolHour> ByHour);

/// <summary>
/// The working group's view of demand: where people live (a grid, never a point), when they travel, and what the
/// date's carpools save. Counts under <see cref="StatisticsEndpoints.MinimumCellSize"/> are withheld, as in the
/// network statistics; totals stay exact.
/// </summary>
public static class DemandStatisticsEndpoints
{
    private const int MinimumCellSize = StatisticsEndpoints.MinimumCellSize;

    public static IEndpointRouteBuilder MapDemandStatisticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/networks/{networkId:long}/statistics")
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.WorkingGroupOrAdministrator)
            .WithTags("Working group");
        group.MapGet("/homes", Homes).WithSummary("Where employees live: a GeoJSON grid of squares (default 1 km), small squares left out.");
        group.MapGet("/travel", Travel).WithSummary("When employees travel on a date: shifts starting and ending per hour.");
        group.MapGet("/carpools", Carpools).WithSummary("What a date's carpools save: groups, cars removed, kilometres and CO2, per direction and hour.");
        return endpoints;
    }

    private sealed record GridRow(long Column, long Row, int Employees, int Consenting, string Square);

    private static async Task<IResult> Homes(long networkId, int? cellMetres, MobilityDbContext database, CancellationToken cancellation)
    {
        var cell = cellMetres ?? 1000;
        if (cell is < 250 or > 20_000)
        {
            var errors = new FieldErrors();
            errors.Add("cellMetres", "La taille des carrés doit être entre 250 et 20 000 m. / The square size must be between 250 and 20,000 m.");
            return errors.Problem();
        }
        // Squares of the European equal-area grid (EPSG:3035), so every square has the same area wherever it is.
        var rows = await database.Database.SqlQuery<GridRow>($"""
            SELECT g.col AS "Column", g.row AS "Row", g.employees AS "Employees", g.consenting AS "Consenting",
                   ST_AsGeoJSON(ST_Transform(ST_MakeEnvelope(g.col * {cell}, g.row * {cell}, (g.col + 1) * {cell}, (g.row + 1) * {cell}, 3035), 4326), 6) AS "Square"
            FROM (SELECT floor(ST_X(p) / {cell})::bigint AS col, floor(ST_Y(p) / {cell})::bigint AS row,
                         count(*)::int AS employees, (count(*) FILTER (WHERE consent))::int AS consenting
                  FROM (SELECT ST_Transform(e.home, 3035) AS p, e.consent_to_matching AS consent
                        FROM employees e JOIN companies c ON c.id = e.company_id
                        WHERE c.network_id = {networkId} AND e.erased_at IS NULL AND e.home IS NOT NULL) homes
                  GROUP BY 1, 2) g
            ORDER BY g.row, g.col
            """).ToListAsync(cancellation);
        var shown = rows.Where(r => r.Employees >= MinimumCellSize).ToList();
        var features = shown.Select(r => new
        {
            type = "Feature",
            geometry = JsonDocument.Parse(r.Square).RootElement.Clone(),
            properties = new HomeCell(r.Employees, r.Consenting >= MinimumCellSize ? r.Consenting : null),
        });
        return Results.Json(new
        {
            type = "FeatureCollection",
            cellMetres = cell,
            minimumCellSize = MinimumCellSize,
            withheld = rows.Sum(r => r.Employees) - shown.Sum(r => r.Employees),
            features,
        }, contentType: "application/geo+json");
    }

    private static async Task<IResult> Travel(long networkId, DateOnly? date, MobilityDbContext database, CancellationToken cancellation)
    {
        if (DateField.Problem("date", date, required: true) is { } problem) return problem;
        var zone = await ZoneAsync(database, networkId, cancellation);
        if (zone is null) return Results.NotFound();
        var commutes = await CommuteLoader.LoadAsync(database, networkId, date!.Value, cancellation: cancellation);
        int Hour(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).Hour;
        var arriving = commutes.Shifts.Values.GroupBy(s => Hour(s.Start)).ToDictionary(g => g.Key, g => g.Count());
        var leaving = commutes.Shifts.Values.GroupBy(s => Hour(s.End)).ToDictionary(g => g.Key, g => g.Count());
        var hours = arriving.Keys.Union(leaving.Keys).Order()
            .Select(h => new TravelHour(h, Shown(arriving.GetValueOrDefault(h)), Shown(leaving.GetValueOrDefault(h)))).ToList();
        return Results.Ok(new TravelByHour(date.Value, MinimumCellSize, commutes.Shifts.Count, hours));
    }

    private static async Task<IResult> Carpools(long networkId, DateOnly? date, MobilityDbContext database, CancellationToken cancellation)
    {
        if (DateField.Problem("date", date, required: true) is { } problem) return problem;
        var zone = await ZoneAsync(database, networkId, cancellation);
        if (zone is null) return Results.NotFound();
        var groups = await database.CarpoolGroups.AsNoTracking()
            .Where(g => g.NetworkId == networkId && g.Date == date
                && (g.Status == CarpoolStatus.Proposed || g.Status == CarpoolStatus.Accepted || g.Status == CarpoolStatus.Confirmed))
            .Select(g => new { g.Direction, g.Explanation, People = g.Members.Count(m => m.Status != CarpoolStatus.Declined && m.Status != CarpoolStatus.Cancelled) })
            .ToListAsync(cancellation);
        var grams = new CarpoolSettings().GramsCo2PerKilometre;
        var read = groups.Select(g => (g.Direction, g.People, Explanation: Explained(g.Explanation))).Where(g => g.Explanation is not null && g.People >= 2)
            .Select(g => (g.Direction, g.People, Hour: TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds((long)g.Explanation!.Departure), zone).Hour,
                Route: g.Explanation.RouteKilometres, Alone: AloneKilometres(g.Explanation)))
            .ToList();
        var byHour = read.GroupBy(g => (g.Direction, g.Hour)).OrderBy(h => h.Key.Direction).ThenBy(h => h.Key.Hour).Select(h =>
        {
            var people = h.Sum(g => g.People);
            var visible = people >= MinimumCellSize;
            return new CarpoolHour(h.Key.Direction, h.Key.Hour, visible ? h.Count() : null, visible ? people : null, visible ? people - h.Count() : null,
                Math.Round(h.Sum(g => g.Route), 1), h.All(g => g.Alone is not null) ? Math.Round(h.Sum(g => g.Alone!.Value), 1) : null);
        }).ToList();
        var route = read.Sum(g => g.Route);
        double? alone = read.All(g => g.Alone is not null) ? read.Sum(g => g.Alone!.Value) : null;
        return Results.Ok(new CarpoolSavings(date!.Value, MinimumCellSize, grams, read.Count, read.Sum(g => g.People), read.Sum(g => g.People) - read.Count,
            Math.Round(route, 1), alone is null ? null : Math.Round(alone.Value, 1), alone is null ? null : Math.Round(alone.Value - route, 1),
            alone is null ? null : Math.Round((alone.Value - route) * grams / 1000, 1), byHour));
    }

    private static int? Shown(int count) => count >= MinimumCellSize ? count : count == 0 ? 0 : null;

    private static async Task<TimeZoneInfo?> ZoneAsync(MobilityDbContext database, long networkId, CancellationToken cancellation) =>
        await database.Networks.Where(n => n.Id == networkId).Select(n => n.TimeZone).SingleOrDefaultAsync(cancellation) is { } zone
            ? TimeZoneInfo.FindSystemTimeZoneById(zone) : null;

    private static GroupExplanation? Explained(string? stored)
    {
        if (stored is null) return null;
        try { return JsonSerializer.Deserialize<StoredExplanation>(stored, Live.NotificationStore.JsonOptions)?.Explanation; }
        catch (JsonException) { return null; }
    }

    /// <summary>Each member's own trip, when the stored explanation has it (groups stored before it was recorded do not).</summary>
    private static double? AloneKilometres(GroupExplanation explanation) =>
        explanation.Members.All(m => m.DirectKilometres is { } km && double.IsFinite(km)) ? explanation.Members.Sum(m => m.DirectKilometres!.Value) : null;
}
