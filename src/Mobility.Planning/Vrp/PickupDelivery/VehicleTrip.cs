namespace Mobility.Planning.Vrp.PickupDelivery;

/// <summary>A stop of a trip: request <paramref name="Request"/>'s pickup or delivery, with its service start (seconds).</summary>
public readonly record struct TripStop(int Request, bool IsPickup, int ServiceStart);

/// <summary>One vehicle's trip: leaves its start depot at <paramref name="Departure"/>, serves the stops in order, is back at <paramref name="Return"/>.</summary>
public sealed record VehicleTrip(int Vehicle, int Departure, IReadOnlyList<TripStop> Stops, int Return);
