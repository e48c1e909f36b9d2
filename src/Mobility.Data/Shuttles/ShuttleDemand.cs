using Mobility.Data.Commutes;
using Mobility.Planning.Shuttles;

namespace Mobility.Data.Shuttles;

/// <summary>
/// A date's what-if shuttle case read from the database, and the same riders' commutes (to work and home) for
/// comparing with everyone driving alone or carpooling. <paramref name="NetworkId"/> is the network read.
/// </summary>
public sealed record ShuttleDemand(long NetworkId, ShuttleCase Case, DayCommutes Commutes);
