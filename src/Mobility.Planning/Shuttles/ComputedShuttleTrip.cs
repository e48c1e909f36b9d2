namespace Mobility.Planning.Shuttles;

/// <summary>A computed call at a stop (stored, it becomes Data's <c>ShuttleCall</c>): when the vehicle is there, who gets on and off, how many are on board when it leaves.</summary>
public sealed record ComputedShuttleCall(ShuttleStop Stop, DateTimeOffset Arrival, DateTimeOffset Departure, int Boarding, int Alighting, int LoadOnDeparture);

/// <summary>One vehicle's trip from its depot and back, as the planner computed it (stored, it becomes Data's
/// <c>ShuttleTrip</c>), with its distance, time in service, cost and emissions. A wave's trip may carry riders both ways:
/// <paramref name="Direction"/> is the way most of its riders go.</summary>
public sealed record ComputedShuttleTrip(string Vehicle, VehicleType Type, CommuteDirection Direction, IReadOnlyList<ComputedShuttleCall> Calls, double Kilometres, double Hours, double Cost, double KilogramsCo2);
