namespace Mobility.Routing.Profiles;

/// <summary>What a profile makes of one way: whether it may go along it forwards and backwards, and how fast (km/h).</summary>
public readonly record struct EdgeAccess(bool Forward, bool Backward, double KilometresPerHour)
{
    public static readonly EdgeAccess None = new(false, false, 0);
    public bool IsRoutable => (Forward || Backward) && KilometresPerHour > 0;
}
