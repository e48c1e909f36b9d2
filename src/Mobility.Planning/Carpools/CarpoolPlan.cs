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
    /// <summary>Someone who only drives: nobody to take within the windows and their detour limits.</summary>
    NoCompatiblePassenger,
}

/// <summary>The outcome of matching, with what it saves against everyone who can drive driving alone.</summary>
/// <param name="Unserved">Passengers (who only ride) without a group.</param>
/// <param name="WithoutGroup">Everyone who could drive or ride and is in no group, passengers included, and why: what a
/// person is told when they get no proposal.</param>
public sealed record CarpoolPlan(
    Selection Selection,
    IReadOnlyList<UnservedPassenger> Unserved,
    int PassengersServed,
    int CarsRemoved,
    double VehicleKilometresAlone,
    double VehicleKilometresPlanned,
    double GramsCo2PerKilometre,
    IReadOnlyList<UnservedPassenger> WithoutGroup)
{
    public double VehicleKilometresSaved => VehicleKilometresAlone - VehicleKilometresPlanned;
    public double KilogramsCo2Saved => VehicleKilometresSaved * GramsCo2PerKilometre / 1000;
}
