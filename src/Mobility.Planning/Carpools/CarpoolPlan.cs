namespace Mobility.Planning.Carpools;

/// <summary>A passenger left without a ride, and why, in a form the interface can word in French or English.</summary>
public sealed record UnservedPassenger(string Id, NoRideReason Reason);

public enum NoRideReason
{
    /// <summary>No driver can take this person within the windows and detour limits.</summary>
    NoCompatibleDriver,
    /// <summary>Some driver could, but each such driver serves more people in another group.</summary>
    SeatsTakenByBetterGroups,
    /// <summary>The home or the site could not be placed on the road network, so no trip is known.</summary>
    NotOnRoadNetwork,
    /// <summary>On the way home: the person has no trip home on that date in the evening data (no matching shift end).</summary>
    NoTripHome,
}

/// <summary>The outcome of matching, with what it saves against everyone who can drive driving alone.</summary>
public sealed record CarpoolPlan(
    Selection Selection,
    IReadOnlyList<UnservedPassenger> Unserved,
    int PassengersServed,
    int CarsRemoved,
    double VehicleKilometresAlone,
    double VehicleKilometresPlanned,
    double GramsCo2PerKilometre)
{
    public double VehicleKilometresSaved => VehicleKilometresAlone - VehicleKilometresPlanned;
    public double KilogramsCo2Saved => VehicleKilometresSaved * GramsCo2PerKilometre / 1000;
}
