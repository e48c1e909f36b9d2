using Mobility.Planning.Vrp.PickupDelivery;

namespace Mobility.Planning.Shuttles;

public enum ShuttleDirection { ToSite, Home }

/// <summary>Why riders have no seat: no road between their stops, the direct ride is over the limit, no vehicle can be there in time, or every vehicle that could is full.</summary>
public enum UnservedReason { Unreachable, RideTooLong, NoVehicleInTime, NoCapacity }

/// <summary>A call at a stop: when the vehicle is there, who gets on and off, how many are on board when it leaves.</summary>
public sealed record ShuttleTripStop(ShuttleStop Stop, DateTimeOffset Arrival, DateTimeOffset Departure, int Boarding, int Alighting, int LoadOnDeparture);

/// <summary>One vehicle's trip from its depot and back, with its distance, time in service, cost and emissions.</summary>
public sealed record ShuttleTrip(string Vehicle, VehicleType Type, IReadOnlyList<ShuttleTripStop> Stops, double Kilometres, double Hours, double Cost, double KilogramsCo2);

/// <summary>Riders of one shift and direction left without a seat, and why.</summary>
public sealed record UnservedRiders(ShuttleRider Rider, int Count, ShuttleDirection Direction, UnservedReason Reason);

/// <summary>
/// One wave of a roster: the moves around one shift change (arrivals for the shifts starting, returns home of those
/// ending), its trips, unserved riders, and the same people each driving alone with the same travel matrix.
/// <see cref="Problem"/> and <see cref="Solution"/> are the solver's view, for independent checking.
/// </summary>
public sealed record ShuttleWave(
    DateTimeOffset Instant, DateTimeOffset TimeOrigin, int RidersToSite, int RidersHome,
    IReadOnlyList<ShuttleTrip> Trips, IReadOnlyList<UnservedRiders> Unserved,
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

/// <summary>The waves of a roster, in time order, with totals.</summary>
public sealed record ShuttlePlan(IReadOnlyList<ShuttleWave> Waves)
{
    public double Kilometres => Waves.Sum(w => w.Kilometres);
    public double Hours => Waves.Sum(w => w.Hours);
    public double Cost => Waves.Sum(w => w.Cost);
    public double KilogramsCo2 => Waves.Sum(w => w.KilogramsCo2);
    public int UnservedCount => Waves.Sum(w => w.UnservedCount);
    public double DriveAloneKilometres => Waves.Sum(w => w.DriveAloneKilometres);
    public double DriveAloneKilogramsCo2 => Waves.Sum(w => w.DriveAloneKilogramsCo2);
    public double WithShuttlesKilogramsCo2 => Waves.Sum(w => w.WithShuttlesKilogramsCo2);
}
