using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;

namespace Mobility.Data.Import;

internal static class ImportTarget
{
    /// <summary>
    /// The network an import goes into: the one named, or the only one there is. Sites and shift patterns may
    /// create a named network (the first import of a new territory); employees need one that exists.
    /// </summary>
    public static async Task<Network> ResolveAsync(MobilityDbContext database, string? networkName, bool mayCreate,
        CancellationToken cancellation)
    {
        if (networkName is not null)
        {
            var named = await database.Networks.SingleOrDefaultAsync(n => n.Name == networkName, cancellation);
            if (named is not null) return named;
            if (!mayCreate) throw new InvalidOperationException($"No network named '{networkName}'. Import its sites first.");
            var created = new Network { Name = networkName };
            database.Networks.Add(created);
            return created;
        }
        var names = await database.Networks.Select(n => n.Name).Take(3).ToListAsync(cancellation);
        return names.Count switch
        {
            1 => await database.Networks.SingleAsync(cancellation),
            0 => throw new InvalidOperationException("There is no network yet: name one with --network \"Name\"."),
            _ => throw new InvalidOperationException(
                $"Several networks exist ({string.Join(", ", names)}…): say which with --network \"Name\"."),
        };
    }
}
