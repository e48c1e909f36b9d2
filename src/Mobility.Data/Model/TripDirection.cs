namespace Mobility.Data.Model;

public enum TripDirection
{
    /// <summary>Home to work, arriving before the shift starts.</summary>
    ToWork,
    /// <summary>Work to home, leaving after the shift ends.</summary>
    ToHome,
}
