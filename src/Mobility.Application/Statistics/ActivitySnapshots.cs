using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;

namespace Mobility.Application.Statistics;

/// <summary>
/// Takes a network's daily activity snapshot (<see cref="ActivitySnapshot"/>): the carpools of a date that people really
/// accepted or confirmed, each rider's trip with the kilometres it saves. Taking a date again replaces its snapshot, so
/// the command and the background service may both run it. Used by <c>mobility statistics snapshot</c> and the server's
/// daily service.
/// </summary>
public static class ActivitySnapshots
{
    /// <summary>Group and member statuses that count as having ridden: a proposal nobody accepted saves nothing.</summary>
    public static readonly CarpoolStatus[] Riding = [CarpoolStatus.Accepted, CarpoolStatus.Confirmed];

    public static async Task<ActivitySnapshot> TakeAsync(MobilityDbContext database, long networkId, DateOnly date, DateTimeOffset now,
        CancellationToken cancellation)
    {
        var groups = await database.CarpoolGroups.AsNoTracking()
            .Where(g => g.NetworkId == networkId && g.Date == date && Riding.Contains(g.Status))
            .Select(g => new
            {
                g.Id, g.Direction, g.Explanation,
                Members = g.Members.Where(m => Riding.Contains(m.Status) && m.Employee!.ErasedAt == null)
                    .Select(m => new { m.EmployeeId, m.Employee!.CompanyId, m.DropOffSiteId, m.Role }).ToList(),
            })
            .ToListAsync(cancellation);
        var riders = groups.SelectMany(g => g.Members.Select(m => m.EmployeeId)).Distinct().ToList();
        var rosters = (await database.ShiftAssignments.AsNoTracking()
                .Where(a => riders.Contains(a.EmployeeId) && a.ValidFrom <= date && (a.ValidTo == null || a.ValidTo >= date))
                .Select(a => new { a.EmployeeId, a.ShiftPatternId }).ToListAsync(cancellation))
            .GroupBy(a => a.EmployeeId).ToDictionary(a => a.Key, a => a.Min(x => x.ShiftPatternId));
        var trips = new List<ActivityTrip>();
        // A car with one rider left is no carpool: it removes no car and saves nothing.
        foreach (var group in groups.Where(g => g.Members.Count >= 2))
        {
            var explanation = group.Explanation?.Explanation;
            var route = explanation?.RouteKilometres ?? 0;
            foreach (var member in group.Members)
            {
                var alone = explanation?.Members.FirstOrDefault(m => m.Id == member.EmployeeId.ToString(System.Globalization.CultureInfo.InvariantCulture))?.DirectKilometres;
                trips.Add(new ActivityTrip
                {
                    CarpoolGroupId = group.Id, EmployeeId = member.EmployeeId, CompanyId = member.CompanyId, SiteId = member.DropOffSiteId,
                    ShiftPatternId = rosters.TryGetValue(member.EmployeeId, out var pattern) ? pattern : null,
                    Direction = group.Direction, Role = member.Role,
                    AloneKilometres = alone is { } km && double.IsFinite(km) ? km : null,
                    RouteKilometres = route / group.Members.Count,
                });
            }
        }
        await using var transaction = await database.Database.BeginTransactionAsync(cancellation);
        await database.ActivitySnapshots.Where(s => s.NetworkId == networkId && s.Date == date).ExecuteDeleteAsync(cancellation);
        var snapshot = new ActivitySnapshot { NetworkId = networkId, Date = date, TakenAt = now, Trips = trips };
        database.ActivitySnapshots.Add(snapshot);
        await database.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        database.ChangeTracker.Clear();
        return snapshot;
    }

    /// <summary>The dates of the last <paramref name="days"/> before <paramref name="today"/> that have no snapshot yet,
    /// oldest first.</summary>
    public static async Task<IReadOnlyList<DateOnly>> MissingAsync(MobilityDbContext database, long networkId, DateOnly today, int days,
        CancellationToken cancellation)
    {
        var first = today.AddDays(-days);
        var taken = await database.ActivitySnapshots.Where(s => s.NetworkId == networkId && s.Date >= first && s.Date < today)
            .Select(s => s.Date).ToListAsync(cancellation);
        return Enumerable.Range(0, days).Select(i => first.AddDays(i)).Where(d => !taken.Contains(d)).ToList();
    }
}
