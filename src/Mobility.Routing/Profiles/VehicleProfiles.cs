namespace Mobility.Routing.Profiles;

/// <summary>The built-in profiles. Speeds are planning averages (junctions, traffic), not limits.</summary>
public static class VehicleProfiles
{
    public static readonly VehicleProfile Car = new()
    {
        Name = "car",
        DefaultSpeeds = new Dictionary<string, double>
        {
            ["motorway"] = 120, ["motorway_link"] = 60, ["trunk"] = 100, ["trunk_link"] = 50, ["primary"] = 80,
            ["primary_link"] = 50, ["secondary"] = 70, ["secondary_link"] = 45, ["tertiary"] = 60, ["tertiary_link"] = 40,
            ["unclassified"] = 50, ["residential"] = 35, ["living_street"] = 10, ["service"] = 20, ["road"] = 30,
        },
        AccessKeys = ["access", "vehicle", "motor_vehicle", "motorcar"],
        RestrictionKeys = ["motorcar", "motor_vehicle", "vehicle"],
        UsesMaxSpeed = true,
        // What a car drives through (a gate opens, a toll booth is paid); any other barrier (bollard, block, chain,
        // kerb, jersey barrier...) closes the road to it, as in OSRM's car profile.
        PassableBarriers = new HashSet<string> { "cattle_grid", "border_control", "toll_booth", "sally_port", "gate", "lift_gate", "no", "entrance",
            "height_restrictor", "arch" },
    };

    public static readonly VehicleProfile Bicycle = new()
    {
        Name = "bicycle",
        DefaultSpeeds = new Dictionary<string, double>
        {
            ["cycleway"] = 18, ["primary"] = 17, ["primary_link"] = 17, ["secondary"] = 17, ["secondary_link"] = 17,
            ["tertiary"] = 17, ["tertiary_link"] = 17, ["unclassified"] = 17, ["residential"] = 17, ["living_street"] = 12,
            ["service"] = 15, ["road"] = 15, ["track"] = 12, ["path"] = 12,
        },
        SpeedsWhenAllowed = new Dictionary<string, double> { ["footway"] = 10, ["pedestrian"] = 10, ["trunk"] = 17, ["bridleway"] = 10 },
        AccessKeys = ["access", "vehicle", "bicycle"],
        RestrictionKeys = ["bicycle", "vehicle"],
        OnewayExceptionKey = "oneway:bicycle",
        // A bicycle passes bollards and cycle barriers, as in OSRM's bicycle profile.
        PassableBarriers = new HashSet<string> { "sump_buster", "bus_trap", "cycle_barrier", "bollard", "entrance", "cattle_grid", "border_control",
            "toll_booth", "sally_port", "gate", "lift_gate", "no", "block", "bump_gate" },
    };

    public static readonly VehicleProfile Foot = new()
    {
        Name = "foot",
        DefaultSpeeds = new Dictionary<string, double>
        {
            ["footway"] = 5, ["pedestrian"] = 5, ["path"] = 5, ["steps"] = 3, ["living_street"] = 5, ["residential"] = 5,
            ["service"] = 5, ["track"] = 5, ["unclassified"] = 5, ["tertiary"] = 5, ["tertiary_link"] = 5, ["secondary"] = 5,
            ["secondary_link"] = 5, ["primary"] = 5, ["primary_link"] = 5, ["road"] = 5, ["bridleway"] = 5,
        },
        SpeedsWhenAllowed = new Dictionary<string, double> { ["cycleway"] = 5, ["trunk"] = 5 },
        AccessKeys = ["access", "foot"],
        FollowsOneway = false,
    };

    public static IReadOnlyList<VehicleProfile> All { get; } = [Car, Bicycle, Foot];

    public static VehicleProfile ByName(string name) =>
        All.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown profile '{name}': use one of {string.Join(", ", All.Select(p => p.Name))}.");
}
