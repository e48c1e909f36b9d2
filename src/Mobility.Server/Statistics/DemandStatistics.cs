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

/// <summary>A published square: its bounds (degrees) and counts.</summary>
public sealed record HomeSquare(double South, double West, double North, double East, int Employees, int Consenting, JsonElement Geometry);

/// <summary>The homes map: the squares published and the people of the squares left out, rounded as one group.</summary>
public sealed record HomeGrid(int CellMetres, int Withheld, IReadOnlyList<HomeSquare> Cells)
{
    public object ToGeoJson() => new
    {
        type = "FeatureCollection",
        cellMetres = CellMetres,
        roundingBase = Disclosure.Base,
        withheld = Withheld,
        features = Cells.Select(c => new { type = "Feature", geometry = c.Geometry, properties = new HomeCell(c.Employees, c.Consenting) }),
    };
}

/// <summary>
/// The working group's view of demand: where people live (one fixed grid, never a point), when they travel, and what
/// the date's carpools save. Every count goes through <see cref="Disclosure"/>, as in the network statistics.
/// </summary>
public static class DemandStatistics
{
    /// <summary>The one square size published: squares of several sizes nest, and a square minus the smaller squares
    /// inside it is a group nobody rounded.</summary>
    public const int GridMetres = 1000;

    private sealed record GridRow(long Column, long Row, long[] People, long[] Consenting, string Square, double South, double West, double North, double East);

    /// <summary>The homes map of these employees (the dashboard's filtered people) in <see cref="GridMetres"/> squares.</summary>
    public static async Task<HomeGrid> HomeGridAsync(MobilityDbContext database, Disclosure disclosure, long networkId, long[] employees,
        CancellationToken cancellation)
    {
        const int cell = GridMetres;
        // Squares of the European equal-area grid (EPSG:3035), so every square has the same area wherever it is.
        var rows = await database.Database.SqlQuery<GridRow>($"""
            SELECT g.col AS "Column", g.row AS "Row", g.people AS "People", g.consenting AS "Consenting",
                   ST_AsGeoJSON(g.square, 6) AS "Square", ST_YMin(g.square) AS "South", ST_XMin(g.square) AS "West",
                   ST_YMax(g.square) AS "North", ST_XMax(g.square) AS "East"
            FROM (SELECT *, ST_Transform(ST_MakeEnvelope(col * {cell}, row * {cell}, (col + 1) * {cell}, (row + 1) * {cell}, 3035), 4326) AS square FROM (SELECT floor(ST_X(p) / {cell})::bigint AS col, floor(ST_Y(p) / {cell})::bigint AS row,
                         array_agg(id) AS people, coalesce(array_agg(id) FILTER (WHERE consent), ARRAY[]::bigint[]) AS consenting
                  FROM (SELECT ST_Transform(e.home, 3035) AS p, e.id, e.consent_to_matching AS consent
                        FROM employees e JOIN companies c ON c.id = e.company_id
                        WHERE c.network_id = {networkId} AND e.erased_at IS NULL AND e.home IS NOT NULL AND e.id = ANY({employees})) homes
                  GROUP BY 1, 2) grouped) g
            ORDER BY g.row, g.col
            """).ToListAsync(cancellation);
        var counted = rows.Select(r => (Row: r, Employees: disclosure.Count(r.People))).ToList();
        var cells = counted.Where(r => r.Employees > 0).Select(r => new HomeSquare(Math.Round(r.Row.South, 6), Math.Round(r.Row.West, 6),
            Math.Round(r.Row.North, 6), Math.Round(r.Row.East, 6), r.Employees, disclosure.Count(r.Row.Consenting),
            JsonDocument.Parse(r.Row.Square).RootElement.Clone())).ToList();
        return new HomeGrid(cell, disclosure.Count(counted.Where(r => r.Employees == 0).SelectMany(r => r.Row.People)), cells);
    }

    public static async Task<TimeZoneInfo?> ZoneAsync(MobilityDbContext database, long networkId, CancellationToken cancellation) =>
        await database.Networks.Where(n => n.Id == networkId).Select(n => n.TimeZone).SingleOrDefaultAsync(cancellation) is { } zone
            ? TimeZoneInfo.FindSystemTimeZoneById(zone) : null;
}
