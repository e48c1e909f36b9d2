namespace Mobility.Planning.Shuttles;

/// <summary>
/// One way of moving the same people on a date (to work and home): the vehicle-kilometres it drives, their CO2,
/// how many people are counted (all of them; kilometres only for known road trips) and how many of them it serves (rides with someone:
/// in a carpool group, or seated in a shuttle at least one way; driving alone serves nobody).
/// </summary>
public sealed record CommuteAlternative(string Name, double VehicleKilometres, double KilogramsCo2, int PeopleCounted, int PeopleServed);
