namespace Mobility.Planning.Carpools;

/// <summary>
/// Both directions of a date. Every passenger carried to work either has a group home in <see cref="ToHome"/> or is
/// listed in <see cref="WithoutRideHome"/> with the reason, so nobody is stranded without the plan saying so.
/// </summary>
/// <param name="SameGroupBothWays">Morning groups whose exact members (same driver) also travel home together.</param>
public sealed record CarpoolDayPlan(
    CarpoolPlan ToWork,
    CarpoolPlan ToHome,
    IReadOnlyList<UnservedPassenger> WithoutRideHome,
    int SameGroupBothWays);
