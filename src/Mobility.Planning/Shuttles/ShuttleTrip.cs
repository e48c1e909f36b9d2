namespace Mobility.Planning.Shuttles;

/// <summary>A call at a stop: when the vehicle is there, who gets on and off, how many are on board when it leaves.</summary>
public sealed record ShuttleTripStop(ShuttleStop Stop, DateTimeOffset Arrival, DateTimeOffset Departure, int Boarding, int Alighting, int LoadOnDeparture);

/// <summary>One vehicle's trip from its depot and back, with its distance, time in service, cost and emissions.</summary>
public sealed record ShuttleTrip(string Vehicle, VehicleType Type, IReadOnlyList<ShuttleTripStop> Stops, double Kilometres, double Hours, double Cost, double KilogramsCo2);
