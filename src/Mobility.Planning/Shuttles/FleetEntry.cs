namespace Mobility.Planning.Shuttles;

/// <summary>
/// <paramref name="Count"/> vehicles of one type based at a depot, available every day from <paramref name="AvailableFrom"/>
/// to <paramref name="AvailableUntil"/> local time (an end at or before the start runs past midnight; equal times: all day).
/// </summary>
public sealed record FleetEntry(VehicleType Type, string DepotId, int Count, TimeOnly AvailableFrom = default, TimeOnly AvailableUntil = default)
{
    public bool AllDay => AvailableFrom == AvailableUntil;
}
