using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;

namespace Mobility.Data.Queries;

/// <summary>Groups of one kind on a date, and how many of them mix companies or drop at two plants or more.</summary>
public sealed record CarpoolMixCount(int Groups, int AcrossCompanies, int AtTwoPlantsOrMore);

/// <summary>
/// What a network's carpools bring together on one date: the share of groups whose members work for two companies or
/// more (what a network of plants adds over each company's own scheme) and of groups that drop at two plants or more
/// (neighbouring sites sharing one car). Proposed groups and the groups people ride (accepted or confirmed) are counted
/// apart, so nobody reads a proposal as a saving.
/// </summary>
public sealed record CarpoolMix(DateOnly Date, CarpoolMixCount Proposed, CarpoolMixCount Riding)
{
    public static async Task<CarpoolMix> OfAsync(MobilityDbContext database, long networkId, DateOnly date, CancellationToken cancellation = default)
    {
        var groups = await database.CarpoolGroups.AsNoTracking()
            .Where(g => g.NetworkId == networkId && g.Date == date
                && (g.Status == CarpoolStatus.Proposed || g.Status == CarpoolStatus.Accepted || g.Status == CarpoolStatus.Confirmed))
            .Where(g => g.Members.Count > 1)
            .Select(g => new Group(g.Status == CarpoolStatus.Proposed,
                g.Members.Select(m => m.Employee!.CompanyId).Distinct().Count(),
                g.Members.Select(m => m.DropOffSiteId).Distinct().Count()))
            .ToListAsync(cancellation);
        static CarpoolMixCount Count(List<Group> kind) =>
            new(kind.Count, kind.Count(g => g.Companies > 1), kind.Count(g => g.Plants > 1));
        return new CarpoolMix(date, Count(groups.Where(g => g.Proposed).ToList()), Count(groups.Where(g => !g.Proposed).ToList()));
    }

    private sealed record Group(bool Proposed, int Companies, int Plants);
}
