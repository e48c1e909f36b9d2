namespace Mobility.Planning.Vrp.PickupDelivery;

/// <summary>
/// Passengers (or goods) to carry from one location to another: picked up within <paramref name="PickupWindow"/>, set
/// down within <paramref name="DeliveryWindow"/> by the same vehicle, and on board at most <paramref name="MaxRideSeconds"/>
/// (from the end of the pickup to the start of the delivery). Locations index the problem's matrix.
/// </summary>
public sealed record TransportRequest(
    int Pickup, int Delivery, int Load, TimeWindow PickupWindow, TimeWindow DeliveryWindow,
    int MaxRideSeconds = int.MaxValue / 4, int PickupServiceSeconds = 0, int DeliveryServiceSeconds = 0);
