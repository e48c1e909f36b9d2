using Mobility.Data.Shuttles;

namespace Mobility.Application.Shuttles;

/// <summary>A what-if shuttle plan from the database: the network (name or id; null for the only one), <paramref name="Days"/>
/// days from <paramref name="From"/> planned as one case, and who rides in what fleet.</summary>
public sealed record ShuttlePlanQuery(string? Network, DateOnly From, int Days, ShuttleDemandOptions Demand)
{
    public DateOnly To => From.AddDays(Days - 1);
}
