using Mobility.Planning.TravelTimes;

namespace Mobility.Planning.Carpools;

/// <summary>
/// One employee's trip to work on one date, as matching sees it. Arrival times are seconds on a common clock (for
/// instance seconds since the Unix epoch, from <see cref="Shifts.CommuteWindow"/>): arrive at <paramref name="Site"/>
/// between <paramref name="ArriveEarliest"/> and <paramref name="ArriveLatest"/>.
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
    double ArriveEarliest,
    double ArriveLatest,
    double MaxRideFactor = 1.5)
{
    public bool CanDrive => Role != CarpoolRole.Passenger && Seats > 0;
    public bool CanRide => Role != CarpoolRole.Driver;
}
