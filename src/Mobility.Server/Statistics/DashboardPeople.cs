using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Routing;

namespace Mobility.Server.Statistics;

/// <summary>An employee as the dashboard counts them: never shown, only grouped. <see cref="HomeKilometres"/> is the
/// straight line from home to the main plant (null without a home).</summary>
public sealed record DashboardPerson(long Id, long CompanyId, long SiteId, string Site, string? Commune, double? HomeKilometres,
    IReadOnlyCollection<long> Rosters, IReadOnlyCollection<TimeOnly> Starts);

/// <summary>The network's employees (not erased) with what the filters and the tables need, read once per request.</summary>
public static class DashboardPeople
{
    public static async Task<List<DashboardPerson>> ReadAsync(MobilityDbContext database, long networkId, DateOnly today, DashboardFilter filter,
        CancellationToken cancellation)
    {
        var rows = await database.Employees.AsNoTracking()
            .Where(e => e.Company!.NetworkId == networkId && e.ErasedAt == null)
            .Select(e => new
            {
                e.Id, e.CompanyId, e.MainSiteId, Site = e.MainSite!.Name, Plant = e.MainSite.Location, e.Commune, e.Home,
                Assignments = e.ShiftAssignments.Where(a => a.ValidTo == null || a.ValidTo >= today)
                    .Select(a => new { a.ShiftPatternId, Starts = a.ShiftPattern!.Slots.Select(s => s.Start).ToList() }).ToList(),
            })
            .ToListAsync(cancellation);
        return rows.Select(r => new DashboardPerson(r.Id, r.CompanyId, r.MainSiteId, r.Site, r.Commune,
                r.Home is null ? null : Geo.Metres(r.Home.Y, r.Home.X, r.Plant.Y, r.Plant.X) / 1000,
                r.Assignments.Select(a => a.ShiftPatternId).ToHashSet(), r.Assignments.SelectMany(a => a.Starts).ToHashSet()))
            .Where(p => filter.Holds(p.CompanyId, p.SiteId, p.Rosters, p.Starts)).ToList();
    }
}
