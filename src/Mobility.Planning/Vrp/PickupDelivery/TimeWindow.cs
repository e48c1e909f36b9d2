namespace Mobility.Planning.Vrp.PickupDelivery;

/// <summary>Earliest and latest start of service, in seconds from the problem's time origin (both inclusive).</summary>
public readonly record struct TimeWindow(int Earliest, int Latest)
{
    public static readonly TimeWindow Always = new(0, int.MaxValue / 4);

    public bool Contains(int time) => time >= Earliest && time <= Latest;
}
