using OsmSharp.Tags;

namespace Mobility.Routing.Profiles;

/// <summary>
/// A vehicle profile as data: which highway classes it uses and at what default speed, which access tags speak to it
/// (from the most general to the most specific, the most specific present wins), and whether one-way streets bind it.
/// </summary>
public sealed class VehicleProfile
{
    private static readonly HashSet<string> Refusing = ["no", "private", "agricultural", "forestry", "delivery", "emergency", "military"];
    private static readonly HashSet<string> Allowing = ["yes", "permissive", "designated", "destination", "customers", "official", "use_sidepath"];

    public required string Name { get; init; }
    /// <summary>highway=* value → default speed in km/h. A class absent from the table is not used by this profile.</summary>
    public required IReadOnlyDictionary<string, double> DefaultSpeeds { get; init; }
    /// <summary>Highway classes used only when an access tag explicitly allows them (e.g. footway for bicycles).</summary>
    public IReadOnlyDictionary<string, double> SpeedsWhenAllowed { get; init; } = new Dictionary<string, double>();
    /// <summary>Access keys from general to specific, e.g. access, vehicle, motor_vehicle, motorcar.</summary>
    public required IReadOnlyList<string> AccessKeys { get; init; }
    public bool FollowsOneway { get; init; } = true;
    /// <summary>A key such as oneway:bicycle that, when "no", lifts the oneway for this profile.</summary>
    public string? OnewayExceptionKey { get; init; }
    public bool UsesMaxSpeed { get; init; }
    /// <summary>restriction:KEY tags that speak to this profile (e.g. motorcar), besides the plain restriction tag;
    /// empty when the profile ignores turn restrictions (walkers).</summary>
    public IReadOnlyList<string> RestrictionKeys { get; init; } = [];
    public double MaximumSpeed { get; init; } = 130;
    /// <summary>barrier=* values this profile passes through; any other closes the way at that node. Null: every barrier
    /// is passed (walkers), unless the node's access tags refuse this profile.</summary>
    public IReadOnlySet<string>? PassableBarriers { get; init; }

    /// <summary>Whether a node with these tags closes the way to this profile there: a barrier it does not pass (a
    /// lowered or flat kerb and a rising bollard are passed), or a node whose access tags refuse it (a gate tagged
    /// access=private).</summary>
    public bool IsBlockedAt(TagsCollectionBase nodeTags)
    {
        if (SpecificAccess(nodeTags) is { } access)
            return Refusing.Contains(access);
        if (PassableBarriers is null || !nodeTags.TryGetValue("barrier", out var barrier)) return false;
        if (barrier == "kerb" && ((nodeTags.TryGetValue("kerb", out var kerb) && kerb is "flush" or "lowered" or "no")
                                  || (nodeTags.TryGetValue("highway", out var highway) && highway == "crossing"))) return false;
        if (barrier == "bollard" && nodeTags.TryGetValue("bollard", out var bollard) && bollard == "rising") return false;
        return !PassableBarriers.Contains(barrier);
    }

    public EdgeAccess Evaluate(TagsCollectionBase tags)
    {
        if (!tags.TryGetValue("highway", out var highway)) return EdgeAccess.None;
        // Access may differ by direction (vehicle:backward=agricultural: a lane open to cars one way only).
        var (forwardAccess, backwardAccess) = (SpecificAccess(tags, "forward"), SpecificAccess(tags, "backward"));
        bool Refused(string? access) => access is { } value && Refusing.Contains(value);
        bool Allowed(string? access) => access is { } value && Allowing.Contains(value);
        double speed;
        bool mayForward, mayBackward;
        if (DefaultSpeeds.TryGetValue(highway, out var defaultSpeed))
        {
            (mayForward, mayBackward) = (!Refused(forwardAccess), !Refused(backwardAccess));
            speed = defaultSpeed;
        }
        else if (SpeedsWhenAllowed.TryGetValue(highway, out var allowedSpeed))
        {
            (mayForward, mayBackward) = (Allowed(forwardAccess), Allowed(backwardAccess));
            speed = allowedSpeed;
        }
        else return EdgeAccess.None;
        if (!mayForward && !mayBackward) return EdgeAccess.None;
        if (tags.TryGetValue("area", out var area) && area == "yes") return EdgeAccess.None;

        var backwardSpeed = speed;
        if (UsesMaxSpeed)
        {
            // A limit per direction wins over the way's (OSM: maxspeed:forward, maxspeed:backward, often without maxspeed).
            if (tags.TryGetValue("maxspeed", out var maxSpeedText) && MaxSpeed.Parse(maxSpeedText) is { } limit) speed = backwardSpeed = limit;
            if (tags.TryGetValue("maxspeed:forward", out var forwardText) && MaxSpeed.Parse(forwardText) is { } forwardLimit) speed = forwardLimit;
            if (tags.TryGetValue("maxspeed:backward", out var backwardText) && MaxSpeed.Parse(backwardText) is { } backwardLimit) backwardSpeed = backwardLimit;
        }
        speed = Math.Min(speed, MaximumSpeed);
        backwardSpeed = Math.Min(backwardSpeed, MaximumSpeed);

        var (forward, backward) = (true, true);
        if (FollowsOneway && !(OnewayExceptionKey != null && tags.TryGetValue(OnewayExceptionKey, out var exception) && exception == "no"))
        {
            tags.TryGetValue("oneway", out var oneway);
            var impliedOneway = highway is "motorway" || (tags.TryGetValue("junction", out var junction) && junction is "roundabout" or "circular");
            switch (oneway)
            {
                case "yes" or "true" or "1": backward = false; break;
                case "-1" or "reverse": forward = false; break;
                case "reversible" or "alternating": return EdgeAccess.None; // direction changes with time: unusable for planning
                case "no" or "false" or "0": break;
                default: if (impliedOneway) backward = false; break;
            }
        }
        (forward, backward) = (forward && mayForward, backward && mayBackward);
        if (!forward && !backward) return EdgeAccess.None;
        return new EdgeAccess(forward, backward, speed, backwardSpeed == speed ? null : backwardSpeed);
    }

    /// <summary>The restriction value ("no_left_turn", "only_straight_on") this profile obeys in a relation's tags, if any.</summary>
    public string? Restriction(TagsCollectionBase tags)
    {
        if (RestrictionKeys.Count == 0) return null;
        if (tags.TryGetValue("except", out var except)
            && except.Split(';', StringSplitOptions.TrimEntries).Any(v => RestrictionKeys.Contains(v) || v == Name))
            return null;
        foreach (var key in RestrictionKeys)
            if (tags.TryGetValue("restriction:" + key, out var specific)) return specific;
        return tags.TryGetValue("restriction", out var general) ? general : null;
    }

    /// <summary>The most specific access value that speaks to this profile; with a direction ("forward", "backward"),
    /// a key's value for that direction wins over the key's own.</summary>
    private string? SpecificAccess(TagsCollectionBase tags, string? direction = null)
    {
        string? result = null;
        foreach (var key in AccessKeys)
            if ((direction is not null && tags.TryGetValue(key + ":" + direction, out var value)) || tags.TryGetValue(key, out value)) result = value;
        return result;
    }
}
