namespace Mobility.Routing.Graphs;

/// <summary>
/// A turn restriction with a via node: arriving at <paramref name="ViaVertex"/> along way <paramref name="FromWay"/>,
/// one may not continue along <paramref name="ToWay"/> (a "no_*" restriction) or may only continue along it (an
/// "only_*" restriction). <paramref name="ProfileMask"/> has bit p set when profile p must obey it.
/// </summary>
public readonly record struct TurnRestriction(long FromWay, int ViaVertex, long ToWay, bool IsMandatory, int ProfileMask);
