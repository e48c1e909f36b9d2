using Mobility.Planning.Vrp.PickupDelivery;

namespace Mobility.Planning.Shuttles;

/// <summary>
/// One wave of a roster: the moves around one shift change (arrivals for the shifts starting, returns home of those
/// ending), its trips, unserved riders, and the same people each driving alone with the same travel matrix.
/// <see cref="Problem"/> and <see cref="Solution"/> are the solver's view, for independent checking.
/// </summary>
public sealed record ShuttleWave(
    DateTimeOffset Instant, DateTimeOffset TimeOrigin, int RidersToSite, int RidersHome,
    IReadOnlyList<ComputedShuttleTrip> Trips, IReadOnlyList<UnservedRiders> Unserved,
    double DriveAloneKilometres, double UnservedDriveAloneKilometres, double CarGramsCo2PerKilometre,
    PickupDeliveryProblem Problem, PickupDeliverySolution Solution)
{
    public double Kilometres => Trips.Sum(t => t.Kilometres);
    public double Hours => Trips.Sum(t => t.Hours);
    public double Cost => Trips.Sum(t => t.Cost);
    public double KilogramsCo2 => Trips.Sum(t => t.KilogramsCo2);
    public int UnservedCount => Unserved.Sum(u => u.Count);
    public double DriveAloneKilogramsCo2 => DriveAloneKilometres * CarGramsCo2PerKilometre / 1000;
    /// <summary>Shuttles plus the unserved riders still driving alone.</summary>
    public double WithShuttlesKilogramsCo2 => KilogramsCo2 + UnservedDriveAloneKilometres * CarGramsCo2PerKilometre / 1000;
}
