using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;

namespace Mobility.Data;

/// <summary>
/// Which network a command works on: the one named, or, when none is named, the only one in the database. The CLI's
/// `--network` and the server's jobs (which name a network by its id) both go through here.
/// </summary>
public static class NetworkChoice
{
    /// <summary>The network named (or numbered: the server names networks by id), or the only one when <paramref name="nameOrId"/> is null.</summary>
    public static async Task<Network> ChooseAsync(MobilityDbContext database, string? nameOrId, CancellationToken cancellation = default)
    {
        if (nameOrId is null) return await OnlyAsync(database, cancellation);
        var networks = await database.Networks.AsNoTracking().OrderBy(n => n.Id).ToListAsync(cancellation);
        return networks.FirstOrDefault(n => n.Name == nameOrId || n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == nameOrId)
            ?? throw new ArgumentException($"No network '{nameOrId}' in the database.");
    }

    /// <summary>The database's only network, for a command that names none; with none or several, the message says how to name one.</summary>
    public static async Task<Network> OnlyAsync(MobilityDbContext database, CancellationToken cancellation = default)
    {
        var names = await database.Networks.OrderBy(n => n.Id).Select(n => n.Name).Take(3).ToListAsync(cancellation);
        return names.Count switch
        {
            1 => await database.Networks.SingleAsync(cancellation),
            0 => throw new ArgumentException("There is no network yet: name one with --network \"Name\"."),
            _ => throw new ArgumentException($"Several networks exist ({string.Join(", ", names)}…): say which with --network \"Name\"."),
        };
    }
}
