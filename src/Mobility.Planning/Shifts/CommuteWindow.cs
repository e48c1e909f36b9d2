namespace Mobility.Planning.Shifts;

/// <summary>When a commute may happen: arrive (to work) or leave (to home) between the two instants.</summary>
public sealed record CommuteWindow(DateTimeOffset Earliest, DateTimeOffset Latest)
{
    /// <summary>
    /// To work: arrive within [start − flexibility − margin, start − margin], the margin being the time from the car
    /// park to the workstation (changing, clocking in).
    /// </summary>
    public static CommuteWindow ToWork(ShiftInstance shift, TimeSpan flexibility, TimeSpan margin)
    {
        Check(flexibility, margin);
        return new CommuteWindow(shift.Start - flexibility - margin, shift.Start - margin);
    }

    /// <summary>Home: leave within [end + margin, end + margin + flexibility].</summary>
    public static CommuteWindow ToHome(ShiftInstance shift, TimeSpan flexibility, TimeSpan margin)
    {
        Check(flexibility, margin);
        return new CommuteWindow(shift.End + margin, shift.End + margin + flexibility);
    }

    public bool Contains(DateTimeOffset instant) => instant >= Earliest && instant <= Latest;

    private static void Check(TimeSpan flexibility, TimeSpan margin)
    {
        if (flexibility < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(flexibility), "Flexibility cannot be negative.");
        if (margin < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(margin), "Margin cannot be negative.");
    }
}
