namespace Mobility.Planning.Vrp.PickupDelivery;

/// <summary>
/// One vehicle: it leaves <paramref name="Start"/> no earlier than Available.Earliest and is back at <paramref name="End"/>
/// by Available.Latest. Its cost is per kilometre driven plus per hour from departure to return.
/// </summary>
public sealed record PickupDeliveryVehicle(
    string Name, int Start, int End, int Capacity, TimeWindow Available, double CostPerKilometre, double CostPerHour);
