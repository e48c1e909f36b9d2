using System.Globalization;
using Mobility.Data.Commutes;

namespace Mobility.Data.Shuttles;

/// <summary>
/// Several consecutive dates as one shuttle case, so that waves at the same moment share their vehicles: the trip home
/// after Monday's night shift and the arrivals for Tuesday's morning shift are one 05:00 wave, not two. Each date's
/// riders and commutes keep their own identity (employee id and date), since the same employee rides on every date.
/// </summary>
public static class ShuttleDemandRange
{
    public static async Task<ShuttleDemand> LoadAsync(MobilityDbContext database, string? networkNameOrId, DateOnly from, int days,
        ShuttleDemandOptions? options = null, Action<DateOnly, ShuttleDemand>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var daily = new List<ShuttleDemand>();
        for (var offset = 0; offset < days; offset++)
        {
            var date = from.AddDays(offset);
            var demand = await ShuttleDemandLoader.LoadAsync(database, networkNameOrId, date, options, cancellation);
            progress?.Invoke(date, demand);
            daily.Add(days == 1 ? demand : Dated(demand, date));
        }
        if (days == 1) return daily[0];
        var first = daily[0];
        var stops = daily.SelectMany(d => d.Case.Stops).DistinctBy(s => s.Id).ToList();
        var merged = first.Case with { Stops = stops, Riders = daily.SelectMany(d => d.Case.Riders).ToList() };
        var commutes = first.Commutes with
        {
            ToWork = daily.SelectMany(d => d.Commutes.ToWork).ToList(),
            ToHome = daily.SelectMany(d => d.Commutes.ToHome).ToList(),
            Shifts = daily.SelectMany(d => d.Commutes.Shifts).ToDictionary(),
            NotWorking = daily.Sum(d => d.Commutes.NotWorking),
        };
        return new ShuttleDemand(first.NetworkId, merged.Validated(), commutes);
    }

    /// <summary>Whether anybody rides on one of the dates: read date by date and stopped at the first with a rider, so that
    /// a request can be refused at the door for the price of one date when it can be planned.</summary>
    public static async Task<bool> AnyRiderAsync(MobilityDbContext database, string? networkNameOrId, DateOnly from, int days,
        ShuttleDemandOptions? options = null, CancellationToken cancellation = default)
    {
        for (var offset = 0; offset < days; offset++)
            if ((await ShuttleDemandLoader.LoadAsync(database, networkNameOrId, from.AddDays(offset), options, cancellation)).Case.Riders.Count > 0)
                return true;
        return false;
    }

    private static ShuttleDemand Dated(ShuttleDemand demand, DateOnly date)
    {
        var suffix = "@" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return demand with
        {
            Case = demand.Case with { Riders = demand.Case.Riders.Select(r => r with { Id = r.Id + suffix }).ToList() },
            Commutes = demand.Commutes with
            {
                ToWork = demand.Commutes.ToWork.Select(p => p with { Id = p.Id + suffix }).ToList(),
                ToHome = demand.Commutes.ToHome.Select(p => p with { Id = p.Id + suffix }).ToList(),
                Shifts = demand.Commutes.Shifts.ToDictionary(s => s.Key + suffix, s => s.Value),
            },
        };
    }
}
