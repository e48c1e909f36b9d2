using Mobility.Data;
using Mobility.Data.Shuttles;
using Mobility.Planning.Shuttles;
using Mobility.Planning.TravelTimes;
using Mobility.Planning.Vrp;

namespace Mobility.Application.Shuttles;

/// <summary>A shuttle plan and how the same riders would travel otherwise (alone, in carpools, door to door).</summary>
public sealed record ShuttlePlanResult(ComputedShuttlePlan Plan, IReadOnlyList<CommuteAlternative> Comparison);

/// <summary>
/// Shuttles for employees living far from their plant, as the `mobility plan shuttles --db` command and HR's plans on the
/// server both run them: the demand read from the database, the waves planned on road times and compared with the other
/// ways to commute, the plan stored under a name. Three steps, so that a host can check the demand before it spends a
/// solver run and report between them.
/// </summary>
public static class ShuttlePlanning
{
    public static Task<ShuttleDemand> LoadDemandAsync(MobilityDbContext database, ShuttlePlanQuery query,
        Action<DateOnly, ShuttleDemand>? dayLoaded = null, CancellationToken cancellation = default) =>
        ShuttleDemandRange.LoadAsync(database, query.Network, query.From, query.Days, query.Demand, dayLoaded, cancellation);

    public static Task<bool> AnyRiderAsync(MobilityDbContext database, ShuttlePlanQuery query, CancellationToken cancellation = default) =>
        ShuttleDemandRange.AnyRiderAsync(database, query.Network, query.From, query.Days, query.Demand, cancellation);

    /// <param name="waveDone">Called with the waves planned so far and all of them.</param>
    /// <param name="comparing">Called once the plan is made, before the comparison.</param>
    public static ShuttlePlanResult Plan(ShuttleDemand demand, ITravelTimes roads, SolverLimits limits,
        Action<int, int>? waveDone = null, Action? comparing = null)
    {
        var plan = ShuttlePlanner.Plan(demand.Case, roads, limits, waveDone);
        comparing?.Invoke();
        return new ShuttlePlanResult(plan, ShuttleComparison.Compare(plan, demand.Commutes.ToWork, demand.Commutes.ToHome, roads, shuttleCase: demand.Case));
    }

    /// <summary>Stores the plan for the query's dates, replacing the network's (or, for a company's query, the company's)
    /// plan of that name; returns its id.</summary>
    public static Task<long> SaveAsync(MobilityDbContext database, ShuttlePlanQuery query, long networkId, string name, ComputedShuttlePlan plan,
        CancellationToken cancellation) =>
        ShuttlePlanStore.SaveAsync(database, networkId, name, query.From, query.To, plan, cancellation, query.Demand.CompanyId);
}
