using Mobility.Planning.TravelTimes;
using Mobility.Routing;

namespace Mobility.Planning.Carpools;

/// <summary>
/// One employee's commute in one direction on one date, as matching sees it. The window is in seconds on a common clock
/// (for instance seconds since the Unix epoch, from <see cref="Shifts.CommuteWindow"/>): on the way to work, arrive at
/// <paramref name="Site"/> between <paramref name="Earliest"/> and <paramref name="Latest"/>; on the way home, leave
/// <paramref name="Site"/> between them. The direction belongs to the <see cref="CarpoolInstance"/>.
/// </summary>
public sealed record CarpoolParticipant(
    string Id,
    string Company,
    GeoPoint Home,
    string SiteId,
    GeoPoint Site,
    CarpoolRole Role,
    int Seats,
    double MaxDetourMinutes,
    double MaxDetourRatio,
    double Earliest,
    double Latest,
    double MaxRideFactor = 1.5)
{
    public bool CanDrive => Role != CarpoolRole.Passenger && Seats > 0;
    public bool CanRide => Role != CarpoolRole.Driver;
}
