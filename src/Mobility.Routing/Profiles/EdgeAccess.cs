namespace Mobility.Routing.Profiles;

/// <summary>What a profile makes of one way: whether it may go along it forwards and backwards, and how fast (km/h); a
/// way whose limit differs by direction (maxspeed:forward, maxspeed:backward) has its own speed backwards.</summary>
public readonly record struct EdgeAccess(bool Forward, bool Backward, double KilometresPerHour, double? BackwardKilometresPerHour = null)
{
    public static readonly EdgeAccess None = new(false, false, 0);
    public bool IsRoutable => (Forward || Backward) && KilometresPerHour > 0;
    public double BackwardSpeed => BackwardKilometresPerHour ?? KilometresPerHour;
}
