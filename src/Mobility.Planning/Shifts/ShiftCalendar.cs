namespace Mobility.Planning.Shifts;

/// <summary>
/// Turns rosters into the shifts of a date, as instants, in the network's time zone (Europe/Paris by default).
/// Daylight-saving rule, written down because a shift can start or end inside a clock change:
/// a local time that does not exist (spring, 02:00–03:00) is read with the offset in force before the change, so it
/// moves forward by the gap (02:30 becomes 03:30 summer time); a local time that occurs twice (autumn, 02:00–03:00)
/// is its first occurrence, still in summer time. So a 21:00–05:00 night lasts 7 h across the spring change and 9 h
/// across the autumn one: the clock on the wall decides, as it does for the workers.
/// </summary>
public sealed class ShiftCalendar(TimeZoneInfo timeZone)
{
    public static ShiftCalendar Paris { get; } = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));

    public TimeZoneInfo TimeZone { get; } = timeZone;

    /// <summary>The shifts starting on <paramref name="date"/>: those of the rosters, unless an exception replaces them.</summary>
    public IReadOnlyList<ShiftInstance> ShiftsStartingOn(DateOnly date, IEnumerable<ShiftAssignmentRule> assignments,
        IEnumerable<ShiftExceptionRule>? exceptions = null)
    {
        var exception = exceptions?.LastOrDefault(x => x.Date == date);
        if (exception is not null)
            return exception.IsLeave ? [] : [Instance(date, exception.ExtraStart!.Value, exception.ExtraEnd!.Value)];

        var shifts = new List<ShiftInstance>();
        foreach (var assignment in assignments.Where(a => a.AppliesOn(date)))
        {
            var week = assignment.RotationWeekOn(date);
            foreach (var slot in assignment.Roster.Slots)
                if (slot.Week == week && slot.Days.Contains(date.DayOfWeek))
                    shifts.Add(Instance(date, slot.Start, slot.End));
        }
        return shifts.OrderBy(s => s.Start).ToList();
    }

    public ShiftInstance Instance(DateOnly date, TimeOnly start, TimeOnly end)
    {
        var endDate = end <= start ? date.AddDays(1) : date;
        return new ShiftInstance(date, ToInstant(date, start), ToInstant(endDate, end));
    }

    /// <summary>The instant a wall-clock time of a date denotes, by the rule in this class's summary.</summary>
    public DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (TimeZone.IsInvalidTime(local))
            offset = TimeZone.GetUtcOffset(local.AddDays(-1)); // the offset before the spring change
        else if (TimeZone.IsAmbiguousTime(local))
            offset = TimeZone.GetAmbiguousTimeOffsets(local).Max(); // summer time: the first occurrence
        else
            offset = TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }
}
