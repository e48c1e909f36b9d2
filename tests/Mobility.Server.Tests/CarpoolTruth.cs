using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Planning;

namespace Mobility.Server.Tests;

/// <summary>A date's live carpool groups as stored, read the way a test checks the working group's figures against:
/// the hour of departure (Europe/Paris), the live member rows, and the kilometres of the stored explanation.</summary>
public sealed record CarpoolTruth(long Id, CommuteDirection Direction, int Hour, IReadOnlyList<long> Members, double RouteKilometres, double? AloneKilometres)
{
    private static readonly CarpoolStatus[] Live = [CarpoolStatus.Proposed, CarpoolStatus.Accepted, CarpoolStatus.Confirmed];

    public static async Task<List<CarpoolTruth>> ReadAsync(MobilityDbContext database, long networkId, DateOnly date)
    {
        var rows = await database.CarpoolGroups.Where(g => g.NetworkId == networkId && g.Date == date && Live.Contains(g.Status) && g.Explanation != null)
            .Select(g => new { g.Id, g.Direction, g.Explanation, Members = g.Members.Where(m => Live.Contains(m.Status)).Select(m => m.Id).ToList() })
            .ToListAsync();
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        return rows.Where(g => g.Members.Count >= 2).Select(g =>
        {
            var explanation = g.Explanation!.Explanation;
            var departure = DateTimeOffset.FromUnixTimeSeconds((long)explanation.Departure);
            var direct = explanation.Members.Select(m => m.DirectKilometres).ToList();
            return new CarpoolTruth(g.Id, g.Direction, TimeZoneInfo.ConvertTime(departure, paris).Hour, g.Members,
                explanation.RouteKilometres, direct.All(d => d is not null) ? direct.Sum() : null);
        }).ToList();
    }
}
