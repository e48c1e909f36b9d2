namespace Mobility.Routing.Graphs;

/// <summary>
/// A turn restriction with a via node: arriving at <paramref name="ViaVertex"/> along way <paramref name="FromWay"/>,
/// one may not continue along <paramref name="ToWay"/> (a "no_*" restriction) or may only continue along it (an
/// "only_*" restriction). <paramref name="ProfileMask"/> has bit p set when profile p must obey it.
/// A barrier the profile does not pass (a bollard for cars) is one with no way to continue along: every way arriving
/// at it "may only continue along" <see cref="NoWay"/>, so no route goes through, while one may still start or end there.
public readonly record struct TurnRestriction(long FromWay, int ViaVertex, long ToWay, bool IsMandatory, int ProfileMask)
{
    /// <summary>No OSM way has this id.</summary>
    public const long NoWay = -1;

    public static TurnRestriction Barrier(long wayAt, int vertex, int profileMask) => new(wayAt, vertex, NoWay, true, profileMask);
}
