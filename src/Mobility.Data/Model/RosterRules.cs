namespace Mobility.Data.Model;

/// <summary>What is wrong with a roster: the slot it concerns (null for the roster itself), the field, and why as a code of
/// <see cref="Codes.Field"/> with its parameters (which clients word), and in English for the import reports.</summary>
public sealed record RosterIssue(int? Slot, string Field, string Code, IReadOnlyDictionary<string, object?> Parameters, string Message);

/// <summary>Why a shift's length is refused (<see cref="RosterRules.DurationProblem"/>).</summary>
public sealed record ShiftLengthProblem(string Code, IReadOnlyDictionary<string, object?> Parameters, string Message);

/// <summary>
/// The one rule a roster must obey wherever it comes from (REST, CSV import) and before the engine uses it: a rotation of
/// 1 to <see cref="MaxRotationWeeks"/> weeks, at most <see cref="MaxSlots"/> slots, each in a week of the rotation, on at
/// least one day, lasting more than nothing and at most <see cref="LongestShiftHours"/> h, and no two slots at the same
/// time for the same person (a night shift counts into the next morning, and the rotation's last Sunday night into week 0).
/// A single bad roster once stopped matching for a whole network: the engine skips what fails here instead.
/// </summary>
public static class RosterRules
{
    public const int MaxRotationWeeks = 52;
    public const int MaxSlots = 50;
    public const int LongestShiftHours = 14;
    private const int MinutesPerDay = 24 * 60;
    private const int MinutesPerWeek = 7 * MinutesPerDay;

    /// <summary>How long a shift from <paramref name="start"/> to <paramref name="end"/> lasts: an end at or before the
    /// start is the next day, so an end equal to the start is 24 h.</summary>
    public static TimeSpan Duration(TimeOnly start, TimeOnly end) => end == start ? TimeSpan.FromDays(1) : end - start; // TimeOnly's minus wraps past midnight

    /// <summary>A shift of that length is refused: nothing (an end equal to the start) or over <see cref="LongestShiftHours"/> h.</summary>
    public static ShiftLengthProblem? DurationProblem(TimeOnly start, TimeOnly end) =>
        start == end ? new(Codes.Field.ShiftZeroLength, NoParameters, "The shift ends when it starts.")
        : Duration(start, end) > TimeSpan.FromHours(LongestShiftHours)
            ? new(Codes.Field.ShiftTooLong, new Dictionary<string, object?> { ["maximumHours"] = LongestShiftHours },
                $"A shift lasts at most {LongestShiftHours} h.")
            : null;

    private static readonly IReadOnlyDictionary<string, object?> NoParameters = new Dictionary<string, object?>();

    public static IReadOnlyList<RosterIssue> Check(int rotationWeeks, IReadOnlyList<ShiftSlot> slots)
    {
        var issues = new List<RosterIssue>();
        if (rotationWeeks is < 1 or > MaxRotationWeeks)
        {
            issues.Add(new(null, "rotationWeeks", Codes.Field.OutOfRange, CodeParameters.Range(1, MaxRotationWeeks),
                $"Between 1 and {MaxRotationWeeks} weeks."));
            return issues;
        }
        if (slots.Count == 0)
            issues.Add(new(null, "slots", Codes.Field.AtLeast, CodeParameters.Minimum(1), "At least one slot."));
        if (slots.Count > MaxSlots)
            issues.Add(new(null, "slots", Codes.Field.AtMost, CodeParameters.Maximum(MaxSlots), $"At most {MaxSlots} slots."));
        var timed = new List<(int Slot, int From, int To)>();
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var before = issues.Count;
            if (slot.WeekIndex < 0 || slot.WeekIndex >= rotationWeeks)
                issues.Add(new(i, "week", Codes.Field.WeekOutsideRotation, new Dictionary<string, object?> { ["rotationWeeks"] = rotationWeeks },
                    $"Week outside the {rotationWeeks}-week rotation."));
            if (slot.Days == WorkDays.None || (slot.Days & ~WorkDays.All) != 0)
                issues.Add(new(i, "days", Codes.Field.Required, NoParameters, "At least one day."));
            if (DurationProblem(slot.Start, slot.End) is { } duration) issues.Add(new(i, "end", duration.Code, duration.Parameters, duration.Message));
            if (issues.Count == before) timed.AddRange(Occurrences(i, slot));
        }
        if (issues.Count == 0) issues.AddRange(Overlaps(timed, rotationWeeks * MinutesPerWeek));
        return issues;
    }

    /// <summary>Each working day of the slot as minutes from the rotation's first Monday 00:00.</summary>
    private static IEnumerable<(int Slot, int From, int To)> Occurrences(int index, ShiftSlot slot)
    {
        var length = (int)Duration(slot.Start, slot.End).TotalMinutes;
        var start = slot.Start.Hour * 60 + slot.Start.Minute;
        for (var day = 0; day < 7; day++)
            if (((int)slot.Days & (1 << day)) != 0) // Monday = bit 0 … Sunday = bit 6
            {
                var from = slot.WeekIndex * MinutesPerWeek + day * MinutesPerDay + start;
                yield return (index, from, from + length);
            }
    }

    private static IEnumerable<RosterIssue> Overlaps(List<(int Slot, int From, int To)> occurrences, int rotationMinutes)
    {
        // The rotation repeats: a shift that runs past its end overlaps the first ones of the next turn.
        if (occurrences.Count == 0) yield break;
        var all = occurrences.Concat(occurrences.Select(o => (o.Slot, From: o.From + rotationMinutes, To: o.To + rotationMinutes)))
            .OrderBy(o => o.From).ToList();
        var reported = new HashSet<(int, int)>();
        // Against the occurrence that ends last so far: it overlaps every later one that starts before its end.
        var longest = all[0];
        foreach (var later in all.Skip(1))
        {
            if (later.From < longest.To)
            {
                var pair = (Math.Min(longest.Slot, later.Slot), Math.Max(longest.Slot, later.Slot));
                if (reported.Add(pair))
                    yield return pair.Item1 == pair.Item2
                        ? new(pair.Item2, "start", Codes.Field.SlotOverlapsItself, NoParameters, "The slot overlaps its own next occurrence.")
                        : new(pair.Item2, "start", Codes.Field.SlotOverlaps, new Dictionary<string, object?> { ["slot"] = pair.Item1 + 1 },
                            $"Overlaps slot {pair.Item1 + 1}.");
            }
            if (later.To > longest.To) longest = later;
        }
    }
}
