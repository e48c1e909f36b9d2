namespace Mobility.Planning.Vrp.PickupDelivery;

/// <summary>Trips (at most one per vehicle, none for an idle vehicle) and the requests left unserved.</summary>
public sealed record PickupDeliverySolution(IReadOnlyList<VehicleTrip> Trips, IReadOnlyList<int> Unserved);
