using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Accounts;

namespace Mobility.Server.Api;

/// <summary>A count in an aggregate; below the threshold it is withheld (null), so that no cell points at a few people.</summary>
public sealed record Cell(string Key, int? Count);

public sealed record NetworkStatistics(int MinimumCellSize, int Employees, int ConsentingToMatching, IReadOnlyList<Cell> ByCommune,
    IReadOnlyList<Cell> BySite, IReadOnlyList<Cell> ByShiftPattern, IReadOnlyList<Cell> ByCommuteRole, IReadOnlyList<Cell> CarpoolMembersByStatus);

/// <summary>
/// The working group's view of a network: counts only, with small cells suppressed (k-anonymity, k = 5). Nothing
/// here names or places a person; the totals stay exact.
/// </summary>
public static class StatisticsEndpoints
{
    public const int MinimumCellSize = 5;

    public static IEndpointRouteBuilder MapStatisticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/networks/{networkId:long}/statistics", async (long networkId, MobilityDbContext database, CancellationToken cancellation) =>
        {
            var employees = database.Employees.Where(e => e.Company!.NetworkId == networkId && e.ErasedAt == null);
            static List<Cell> Cells(IEnumerable<(string Key, int Count)> counts) =>
                counts.OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal)
                    .Select(c => new Cell(c.Key, c.Count >= MinimumCellSize ? c.Count : null)).ToList();

            var byCommune = await employees.GroupBy(e => e.Commune ?? "?").Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellation);
            var bySite = await employees.GroupBy(e => e.MainSite!.Name).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellation);
            var byPattern = await database.ShiftAssignments.Where(a => a.Employee!.Company!.NetworkId == networkId && a.Employee.ErasedAt == null)
                .GroupBy(a => a.ShiftPattern!.Name).Select(g => new { g.Key, Count = g.Select(a => a.EmployeeId).Distinct().Count() }).ToListAsync(cancellation);
            var byRole = await employees.GroupBy(e => e.Role).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellation);
            var byStatus = await database.CarpoolMembers.Where(m => m.CarpoolGroup!.NetworkId == networkId)
                .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellation);
            return Results.Ok(new NetworkStatistics(MinimumCellSize,
                await employees.CountAsync(cancellation), await employees.CountAsync(e => e.ConsentToMatching, cancellation),
                Cells(byCommune.Select(c => (c.Key, c.Count))), Cells(bySite.Select(c => (c.Key, c.Count))),
                Cells(byPattern.Select(c => (c.Key, c.Count))), Cells(byRole.Select(c => (c.Key.ToString(), c.Count))),
                Cells(byStatus.Select(c => (c.Key.ToString(), c.Count)))));
        })
        .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.WorkingGroupOrAdministrator)
        .WithTags("Working group").WithSummary("Aggregates of a network's demand, small cells suppressed.");
        return endpoints;
    }
}
