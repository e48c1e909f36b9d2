namespace Mobility.Planning.Shifts;

/// <summary>
/// A shift pattern as planning sees it: a rotation of <see cref="RotationWeeks"/> weeks whose slots say, for each
/// week of the rotation, on which days a shift runs and from when to when (local times).
/// </summary>
public sealed record ShiftRoster(string Id, int RotationWeeks, IReadOnlyList<RosterSlot> Slots)
{
    public ShiftRoster Validated()
    {
        if (RotationWeeks < 1) throw new ArgumentException($"Roster {Id}: a rotation lasts at least one week.");
        foreach (var slot in Slots)
        {
            if (slot.Week < 0 || slot.Week >= RotationWeeks)
                throw new ArgumentException($"Roster {Id}: week {slot.Week} is outside its {RotationWeeks}-week rotation.");
            if (slot.Start == slot.End)
                throw new ArgumentException($"Roster {Id}: a shift cannot end when it starts.");
        }
        return this;
    }
}

/// <summary>In rotation week <paramref name="Week"/> (from 0), on <paramref name="Days"/>, from start to end; an end at or
/// before the start ends the next day.</summary>
public sealed record RosterSlot(int Week, IReadOnlySet<DayOfWeek> Days, TimeOnly Start, TimeOnly End)
{
    public bool CrossesMidnight => End <= Start;
}
