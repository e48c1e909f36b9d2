using Mobility.Data;
using Mobility.Data.Commutes;
using Mobility.Planning.TravelTimes;

namespace Mobility.Application.Carpools;

/// <summary>Carpools for one date of a network: what the `mobility plan carpools` command reports and what the server's
/// re-match stores as proposals, read the same way.</summary>
public static class CarpoolDayPlanning
{
    public static Task<DayCommutes> LoadCommutesAsync(MobilityDbContext database, long networkId, DateOnly date, CancellationToken cancellation) =>
        CommuteLoader.LoadAsync(database, networkId, date, cancellation: cancellation);

    public static async Task<CarpoolDay> LoadAsync(MobilityDbContext database, long networkId, DateOnly date, ITravelTimes roads,
        CancellationToken cancellation) =>
        CarpoolDay.On(await LoadCommutesAsync(database, networkId, date, cancellation), roads);
}
