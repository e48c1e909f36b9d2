namespace Mobility.Planning.Carpools;

/// <summary>
/// A driver and the passengers picked up in order, dropped at their sites in order, the driver's own site last.
/// <paramref name="Departure"/> is when the driver leaves home (same clock as arrival windows); the group fits
/// everyone's window for any departure in [DepartureEarliest, DepartureLatest].
/// </summary>
public sealed record CarpoolGroup(
    int Driver,
    IReadOnlyList<int> Pickups,
    IReadOnlyList<int> DropLocations,
    double RouteSeconds,
    double RouteMetres,
    double DepartureEarliest,
    double DepartureLatest)
{
    public double Departure => DepartureEarliest;
    public IEnumerable<int> Members => Pickups.Prepend(Driver);
}
