namespace Mobility.Planning.Shuttles;

/// <summary>Why riders have no seat: no road between their stops, the direct ride is over the limit, no vehicle can be there in time, or every vehicle that could is full.</summary>
public enum NoSeatReason { Unreachable, RideTooLong, NoVehicleInTime, NoCapacity }

/// <summary>Riders of one shift and direction left without a seat, and why.</summary>
public sealed record UnservedRiders(ShuttleRider Rider, int Count, CommuteDirection Direction, NoSeatReason Reason);
