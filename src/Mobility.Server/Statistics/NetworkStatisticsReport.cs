using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Privacy;

namespace Mobility.Server.Statistics;

/// <summary>A count in an aggregate, as <see cref="Disclosure"/> publishes it: a multiple of 5; keys that round to 0 are left out.</summary>
public sealed record Cell(string Key, int Count);

public sealed record NetworkStatistics(int RoundingBase, int Employees, int ConsentingToMatching, IReadOnlyList<Cell> ByCommune,
    IReadOnlyList<Cell> BySite, IReadOnlyList<Cell> ByShiftPattern, IReadOnlyList<Cell> ByCommuteRole, IReadOnlyList<Cell> CarpoolMembersByStatus);

/// <summary>
/// The working group's view of a network: counts only, each rounded by <see cref="Disclosure"/> (totals too, since a
/// total minus its visible parts is a group like any other). Nothing here names or places a person.
/// </summary>
public static class NetworkStatisticsReport
{
    public static async Task<NetworkStatistics> ReadAsync(MobilityDbContext database, Disclosure disclosure, long networkId, CancellationToken cancellation)
    {
        // The people behind each count are read, not only the counts: the rounding's coin depends on who is counted.
        var employees = await database.Employees.Where(e => e.Company!.NetworkId == networkId && e.ErasedAt == null)
            .Select(e => new { e.Id, e.Commune, Site = e.MainSite!.Name, e.Role, e.ConsentToMatching }).ToListAsync(cancellation);
        var patterns = await database.ShiftAssignments.Where(a => a.Employee!.Company!.NetworkId == networkId && a.Employee.ErasedAt == null)
            .Select(a => new { a.EmployeeId, a.ShiftPattern!.Name }).Distinct().ToListAsync(cancellation);
        var members = await database.CarpoolMembers.Where(m => m.CarpoolGroup!.NetworkId == networkId)
            .Select(m => new { m.Id, m.Status }).ToListAsync(cancellation);
        List<Cell> Cells(IEnumerable<(string Key, long Id)> rows) => disclosure.Table(rows).Select(c => new Cell(c.Key, c.Count)).ToList();
        return new NetworkStatistics(Disclosure.Base,
            disclosure.Count(employees.Select(e => e.Id)), disclosure.Count(employees.Where(e => e.ConsentToMatching).Select(e => e.Id)),
            Cells(employees.Select(e => (e.Commune ?? "?", e.Id))), Cells(employees.Select(e => (e.Site, e.Id))),
            Cells(patterns.Select(p => (p.Name, p.EmployeeId))), Cells(employees.Select(e => (e.Role.ToString(), e.Id))),
            Cells(members.Select(m => (m.Status.ToString(), m.Id))));
    }
}
