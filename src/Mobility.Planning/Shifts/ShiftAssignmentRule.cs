namespace Mobility.Planning.Shifts;

/// <summary>
/// Who works which roster, where in its rotation: the rotation week of a date is the number of whole weeks since
/// <paramref name="RotationAnchor"/> (a Monday), plus <paramref name="RotationOffsetWeeks"/>, modulo the rotation.
/// </summary>
public sealed record ShiftAssignmentRule(
    ShiftRoster Roster, DateOnly RotationAnchor, int RotationOffsetWeeks, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool AppliesOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo);

    public int RotationWeekOn(DateOnly date)
    {
        if (RotationAnchor.DayOfWeek != DayOfWeek.Monday)
            throw new ArgumentException($"The rotation anchor {RotationAnchor:yyyy-MM-dd} is not a Monday.");
        var weeks = (int)Math.Floor((date.DayNumber - RotationAnchor.DayNumber) / 7.0);
        var week = (weeks + RotationOffsetWeeks) % Roster.RotationWeeks;
        return week < 0 ? week + Roster.RotationWeeks : week;
    }
}

/// <summary>A change on one date: leave (no shift) or an extra shift that replaces the rostered one.</summary>
public sealed record ShiftExceptionRule(DateOnly Date, TimeOnly? ExtraStart = null, TimeOnly? ExtraEnd = null)
{
    public bool IsLeave => ExtraStart is null;

    public static ShiftExceptionRule Leave(DateOnly date) => new(date);
    public static ShiftExceptionRule ExtraShift(DateOnly date, TimeOnly start, TimeOnly end) => new(date, start, end);
}
