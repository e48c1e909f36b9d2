using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;

namespace Mobility.Data.Import;

internal static class ImportTarget
{
    /// <summary>
    /// The network an import goes into: the one named, or the only one there is (<see cref="NetworkChoice"/>). Sites and
    /// shift patterns may create a named network (the first import of a new territory); employees need one that exists.
    /// A name is only a name here, never an id, since it may be the name of the network to create.
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
        return await NetworkChoice.OnlyAsync(database, cancellation);
    }
}
