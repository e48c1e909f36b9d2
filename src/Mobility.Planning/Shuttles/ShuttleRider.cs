using Mobility.Planning.Shifts;

namespace Mobility.Planning.Shuttles;

/// <summary>
/// Demand for one shift: <paramref name="Count"/> people (one employee, or a what-if group) who take the shuttle from
/// <paramref name="OriginStopId"/> to the site <paramref name="SiteStopId"/> before the shift and back after it.
/// A train sets the times at the station: <paramref name="ReadyAtOrigin"/> (the arriving train: no pickup before it) and
/// <paramref name="DueAtOrigin"/> (the train home: set down by then).
/// </summary>
public sealed record ShuttleRider(string Id, string OriginStopId, string SiteStopId, ShiftInstance Shift, int Count = 1,
    DateTimeOffset? ReadyAtOrigin = null, DateTimeOffset? DueAtOrigin = null);
