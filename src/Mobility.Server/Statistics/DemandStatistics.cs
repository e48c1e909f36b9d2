using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Commutes;
using Mobility.Data.Model;
using Mobility.Data.Privacy;
using Mobility.Planning;
using Mobility.Planning.Carpools;

namespace Mobility.Server.Statistics;

/// <summary>A square of the homes map: how many employees live in it and how many of them agreed to be matched, both
/// as <see cref="Disclosure"/> publishes counts. Squares that round to 0 are left out, their people counted in
/// <c>withheld</c>.</summary>
public sealed record HomeCell(int Employees, int Consenting);

/// <summary>One hour, local time, for the shifts starting on a date: how many start in it (people arriving) and how many
/// end in it (people leaving; a night shift ends the next morning), rounded; hours where both round to 0 are left out.</summary>
public sealed record TravelHour(int Hour, int Arriving, int Leaving);

public sealed record TravelByHour(DateOnly Date, int RoundingBase, int People, IReadOnlyList<TravelHour> Hours);

/// <summary>The carpools of a date for one direction and hour of departure: groups, people in them, cars they take off
/// the road, and kilometres (their routes, and the same people each driving alone where known), the kilometres only
/// where the hour's published people reach <see cref="Disclosure.KilometreMinimumCount"/>.</summary>
public sealed record CarpoolHour(CommuteDirection Direction, int Hour, int Groups, int People, int CarsRemoved,
    double? RouteKilometres, double? AloneKilometres);

/// <summary>The date's totals: counts rounded on their own; kilometres, and what they save, the sums over the hours that
/// publish kilometres (so no subtraction yields the kilometres of an hour that does not).</summary>
public sealed record CarpoolSavings(DateOnly Date, int RoundingBase, double GramsCo2PerKilometre, int Groups, int People, int CarsRemoved,
    double RouteKilometres, double? AloneKilometres, double? KilometresSaved, double? KilogramsCo2Saved, IReadOnlyList<CarpoolHour> ByHour);

/// <summary>
/// The working group's view of demand: where people live (one fixed grid, never a point), when they travel, and what
/// the date's carpools save. Every count goes through <see cref="Disclosure"/>, as in the network statistics.
/// </summary>
public static class DemandStatistics
{
    /// <summary>The one square size published: squares of several sizes nest, and a square minus the smaller squares
    /// inside it is a group nobody rounded.</summary>
    public const int GridMetres = 1000;

    private sealed record GridRow(long Column, long Row, long[] People, long[] Consenting, string Square);

    /// <summary>The homes map as a GeoJSON FeatureCollection of <see cref="GridMetres"/> squares.</summary>
    public static async Task<object> HomeGridAsync(MobilityDbContext database, Disclosure disclosure, long networkId, CancellationToken cancellation)
    {
        const int cell = GridMetres;
        // Squares of the European equal-area grid (EPSG:3035), so every square has the same area wherever it is.
        var rows = await database.Database.SqlQuery<GridRow>($"""
            SELECT g.col AS "Column", g.row AS "Row", g.people AS "People", g.consenting AS "Consenting",
                   ST_AsGeoJSON(ST_Transform(ST_MakeEnvelope(g.col * {cell}, g.row * {cell}, (g.col + 1) * {cell}, (g.row + 1) * {cell}, 3035), 4326), 6) AS "Square"
            FROM (SELECT floor(ST_X(p) / {cell})::bigint AS col, floor(ST_Y(p) / {cell})::bigint AS row,
                         array_agg(id) AS people, coalesce(array_agg(id) FILTER (WHERE consent), ARRAY[]::bigint[]) AS consenting
                  FROM (SELECT ST_Transform(e.home, 3035) AS p, e.id, e.consent_to_matching AS consent
                        FROM employees e JOIN companies c ON c.id = e.company_id
                        WHERE c.network_id = {networkId} AND e.erased_at IS NULL AND e.home IS NOT NULL) homes
                  GROUP BY 1, 2) g
            ORDER BY g.row, g.col
            """).ToListAsync(cancellation);
        var counted = rows.Select(r => (Row: r, Employees: disclosure.Count(r.People))).ToList();
        var shown = counted.Where(r => r.Employees > 0).ToList();
        var features = shown.Select(r => new
        {
            type = "Feature",
            geometry = JsonDocument.Parse(r.Row.Square).RootElement.Clone(),
            properties = new HomeCell(r.Employees, disclosure.Count(r.Row.Consenting)),
        });
        return new
        {
            type = "FeatureCollection",
            cellMetres = cell,
            roundingBase = Disclosure.Base,
            withheld = disclosure.Count(counted.Where(r => r.Employees == 0).SelectMany(r => r.Row.People)),
            features,
        };
    }

    /// <summary>Shifts starting and ending per local hour on a date.</summary>
    public static async Task<TravelByHour> TravelByHourAsync(MobilityDbContext database, Disclosure disclosure, long networkId, TimeZoneInfo zone, DateOnly date,
        CancellationToken cancellation)
    {
        var commutes = await CommuteLoader.LoadAsync(database, networkId, date, cancellation: cancellation);
        int Hour(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).Hour;
        var shifts = commutes.Shifts.Select(s => (Employee: long.Parse(s.Key, CultureInfo.InvariantCulture), s.Value)).ToList();
        var arriving = disclosure.Table(shifts.Select(s => (Hour(s.Value.Start), s.Employee))).ToDictionary(c => c.Key, c => c.Count);
        var leaving = disclosure.Table(shifts.Select(s => (Hour(s.Value.End), s.Employee))).ToDictionary(c => c.Key, c => c.Count);
        var hours = arriving.Keys.Union(leaving.Keys).Order()
            .Select(h => new TravelHour(h, arriving.GetValueOrDefault(h), leaving.GetValueOrDefault(h))).ToList();
        return new TravelByHour(date, Disclosure.Base, disclosure.Count(shifts.Select(s => s.Employee)), hours);
    }

    /// <summary>What the date's proposed, accepted and confirmed carpools save, per direction and local hour of departure.</summary>
    public static async Task<CarpoolSavings> CarpoolSavingsAsync(MobilityDbContext database, Disclosure disclosure, long networkId, TimeZoneInfo zone, DateOnly date,
        CancellationToken cancellation)
    {
        var groups = await database.CarpoolGroups.AsNoTracking()
            .Where(g => g.NetworkId == networkId && g.Date == date
                && (g.Status == CarpoolStatus.Proposed || g.Status == CarpoolStatus.Accepted || g.Status == CarpoolStatus.Confirmed))
            .Select(g => new { g.Id, g.Direction, g.Explanation,
                Members = g.Members.Where(m => m.Status != CarpoolStatus.Declined && m.Status != CarpoolStatus.Cancelled).Select(m => m.Id).ToList() })
            .ToListAsync(cancellation);
        var grams = new CarpoolSettings().GramsCo2PerKilometre;
        // People are counted by member row (a person's trip), groups by group: both directions of one person are two trips.
        var read = groups.Select(g => (g.Id, g.Direction, g.Members, Explanation: g.Explanation?.Explanation)).Where(g => g.Explanation is not null && g.Members.Count >= 2)
            .Select(g => (g.Id, g.Direction, g.Members, Hour: TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds((long)g.Explanation!.Departure), zone).Hour,
                Route: g.Explanation.RouteKilometres, Alone: AloneKilometres(g.Explanation)))
            .ToList();
        var byHour = read.GroupBy(g => (g.Direction, g.Hour)).OrderBy(h => h.Key.Direction).ThenBy(h => h.Key.Hour).Select(h =>
        {
            var members = h.SelectMany(g => g.Members).ToList();
            var (people, cars) = (disclosure.Count(members), disclosure.Count(h.Select(g => g.Id)));
            return new CarpoolHour(h.Key.Direction, h.Key.Hour, cars, people, Math.Max(0, people - cars),
                disclosure.Kilometres(h.Sum(g => g.Route), "route", members),
                h.All(g => g.Alone is not null) ? disclosure.Kilometres(h.Sum(g => g.Alone!.Value), "alone", members) : null);
        }).Where(h => h.People > 0).ToList();
        var withKilometres = byHour.Where(h => h.RouteKilometres is not null).ToList();
        var route = withKilometres.Sum(h => h.RouteKilometres!.Value);
        double? alone = withKilometres.All(h => h.AloneKilometres is not null) ? withKilometres.Sum(h => h.AloneKilometres!.Value) : null;
        var (allPeople, allGroups) = (disclosure.Count(read.SelectMany(g => g.Members)), disclosure.Count(read.Select(g => g.Id)));
        return new CarpoolSavings(date, Disclosure.Base, grams, allGroups, allPeople, Math.Max(0, allPeople - allGroups),
            route, alone, alone - route, alone is null ? null : Math.Round((alone.Value - route) * grams / 1000, 1), byHour);
    }

    public static async Task<TimeZoneInfo?> ZoneAsync(MobilityDbContext database, long networkId, CancellationToken cancellation) =>
        await database.Networks.Where(n => n.Id == networkId).Select(n => n.TimeZone).SingleOrDefaultAsync(cancellation) is { } zone
            ? TimeZoneInfo.FindSystemTimeZoneById(zone) : null;

    /// <summary>Each member's own trip, when the stored explanation has it (groups stored before it was recorded do not).</summary>
    private static double? AloneKilometres(GroupExplanation explanation) =>
        explanation.Members.All(m => m.DirectKilometres is { } km && double.IsFinite(km)) ? explanation.Members.Sum(m => m.DirectKilometres!.Value) : null;
}
