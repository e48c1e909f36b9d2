using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mobility.Application.Carpools;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Planning.TravelTimes;
using Mobility.Routing;

namespace Mobility.Application.Statistics;

/// <summary>
/// A demo network's past, so that the working group's activity chart is not empty on a fresh clone: the carpool engine
/// matches one recent weekday (straight-line times, a few seconds), and each past weekday a growing share of those groups
/// is taken as accepted (from <see cref="FirstShare"/> to <see cref="LastShare"/>, drawn per group and day by a hash, so
/// the same history comes back every time), written as that day's snapshot. Days already snapshotted are left alone;
/// weekends get none. Demo data only: a real network's history is what <see cref="ActivitySnapshots"/> takes.
/// </summary>
public static class DemoActivityHistory
{
    public const double FirstShare = 0.2, LastShare = 0.5;

    /// <returns>The dates written.</returns>
    public static async Task<IReadOnlyList<DateOnly>> WriteAsync(MobilityDbContext database, long networkId, DateOnly today, int days,
        DateTimeOffset now, CancellationToken cancellation)
    {
        var missing = (await ActivitySnapshots.MissingAsync(database, networkId, today, days, cancellation))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        if (missing.Count == 0) return [];
        var matched = today.AddDays(-1);
        while (matched.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) matched = matched.AddDays(-1);
        var roads = new CrowFlyTravelTimes();
        var day = await CarpoolDayPlanning.LoadAsync(database, networkId, matched, roads, cancellation);
        var plan = day.Match();
        var employees = await database.Employees.AsNoTracking().Where(e => e.Company!.NetworkId == networkId && e.ErasedAt == null)
            .Select(e => new { e.Id, e.CompanyId, e.MainSiteId }).ToDictionaryAsync(e => e.Id, cancellation);
        var rosters = (await database.ShiftAssignments.AsNoTracking().Where(a => a.Employee!.Company!.NetworkId == networkId)
                .Select(a => new { a.EmployeeId, a.ShiftPatternId }).ToListAsync(cancellation))
            .GroupBy(a => a.EmployeeId).ToDictionary(g => g.Key, g => g.Min(a => a.ShiftPatternId));
        var groups = new[] { (day.ToWork, plan.ToWork), (day.ToHome, plan.ToHome) }
            .SelectMany(d => d.Item2.Selection.Groups.Select((g, i) => (Instance: d.Item1, Group: g, Index: i))).ToList();
        var written = new List<DateOnly>();
        foreach (var date in missing)
        {
            var progress = days <= 1 ? 1 : (double)(date.DayNumber - today.AddDays(-days).DayNumber) / (days - 1);
            var share = FirstShare + (LastShare - FirstShare) * Math.Clamp(progress, 0, 1);
            var trips = new List<ActivityTrip>();
            foreach (var (instance, group, index) in groups)
            {
                if (Draw($"{date:yyyy-MM-dd}/{group.Direction}/{index}") >= share) continue;
                var members = new[] { group.Driver }.Concat(group.Pickups).Select(p => instance.Participants[p]).ToList();
                // A fictional group id per day and group, in a range of its own so it never meets a stored group's id.
                var groupId = -(date.DayNumber * 100_000L + (group.Direction == CommuteDirection.ToWork ? 0 : 50_000) + index);
                foreach (var (member, position) in members.Select((m, i) => (m, i)))
                {
                    var id = long.Parse(member.Id, CultureInfo.InvariantCulture);
                    if (!employees.TryGetValue(id, out var employee)) continue;
                    trips.Add(new ActivityTrip
                    {
                        CarpoolGroupId = groupId, EmployeeId = id, CompanyId = employee.CompanyId, SiteId = employee.MainSiteId,
                        ShiftPatternId = rosters.TryGetValue(id, out var roster) ? roster : null, Direction = group.Direction,
                        Role = position == 0 ? MemberRole.Driver : MemberRole.Passenger,
                        AloneKilometres = roads.DetourFactor * Geo.Metres(member.Home.Latitude, member.Home.Longitude, member.Site.Latitude, member.Site.Longitude) / 1000,
                        RouteKilometres = group.RouteMetres / 1000 / members.Count,
                    });
                }
            }
            database.ActivitySnapshots.Add(new ActivitySnapshot { NetworkId = networkId, Date = date, TakenAt = now, Trips = trips });
            written.Add(date);
        }
        await database.SaveChangesAsync(cancellation);
        database.ChangeTracker.Clear();
        return written;
    }

    private static double Draw(string what) =>
        BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes("demo-history:" + what))) / (double)ulong.MaxValue;
}
