namespace Mobility.Planning.Carpools;

/// <summary>
/// A group matching found (not yet stored: the stored one is Data's <c>CarpoolGroup</c>): a driver and passengers, on the matching view of <see cref="CarpoolInstance"/>: <see cref="Pickups"/> are the homes
/// in the order met from the driver's home, <see cref="DropLocations"/> the sites in order, the driver's own site last,
/// and the group fits everyone's window for any matching-clock departure in [DepartureEarliest, DepartureLatest]. On
/// the way home the real drive is the reverse (driver's site first, homes last): see <see cref="Departure"/>,
/// <see cref="HomesInDrivingOrder"/> and <see cref="SitesInDrivingOrder"/>.
/// </summary>
public sealed record MatchedGroup(
    int Driver,
    IReadOnlyList<int> Pickups,
    IReadOnlyList<int> DropLocations,
    double RouteSeconds,
    double RouteMetres,
    double DepartureEarliest,
    double DepartureLatest,
    CommuteDirection Direction = CommuteDirection.ToWork)
{
    /// <summary>When the car sets off, on the participants' clock, as early as the windows allow: from the driver's
    /// home on the way to work, from the driver's site on the way home.</summary>
    public double Departure => Direction == CommuteDirection.ToWork ? DepartureEarliest : -(DepartureLatest + RouteSeconds);

    public IEnumerable<int> Members => Pickups.Prepend(Driver);

    /// <summary>Passengers' homes in the order the car reaches them (pickups in the morning, drop-offs in the evening).</summary>
    public IEnumerable<int> HomesInDrivingOrder => Direction == CommuteDirection.ToWork ? Pickups : Pickups.Reverse();

    /// <summary>Site locations in the order the car reaches them (the driver's site last in the morning, first in the evening).</summary>
    public IEnumerable<int> SitesInDrivingOrder => Direction == CommuteDirection.ToWork ? DropLocations : DropLocations.Reverse();
}
