namespace Mobility.Planning;

/// <summary>Which way a commute goes, for carpools and shuttles alike (stored by name in the database).</summary>
public enum CommuteDirection
{
    /// <summary>Home to the site, arriving within the window before the shift starts.</summary>
    ToWork,
    /// <summary>The site to home, leaving within the window after the shift ends.</summary>
    ToHome,
}
