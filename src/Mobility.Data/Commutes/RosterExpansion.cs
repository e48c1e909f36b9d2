using Mobility.Data.Model;
using Mobility.Planning.Shifts;

namespace Mobility.Data.Commutes;

/// <summary>
/// A network's rosters as planning reads them, and the one way an employee's assignments and exceptions become the shift
/// of a date: what the matcher loads (<see cref="CommuteLoader"/>) and what the employee's week shows are the same shifts.
/// A roster breaking <see cref="RosterRules"/> is left out, and so are the people working it on that date.
/// </summary>
public sealed class RosterExpansion
{
    private readonly Dictionary<long, ShiftRoster> _rosters = [];
    private readonly List<(ShiftPattern Pattern, RosterIssue Issue)> _invalid = [];

    /// <param name="patterns">The network's rosters, with their slots.</param>
    public RosterExpansion(IEnumerable<ShiftPattern> patterns)
    {
        foreach (var pattern in patterns)
        {
            if (RosterRules.Check(pattern.RotationWeeks, pattern.Slots) is [var first, ..]) _invalid.Add((pattern, first));
            else _rosters[pattern.Id] = Roster(pattern);
        }
    }

    /// <summary>The rosters left out, with their first problem.</summary>
    public IReadOnlyList<(ShiftPattern Pattern, RosterIssue Issue)> Invalid => _invalid;

    /// <summary>The assignment of those that applies on the date and names a roster left out, if any.</summary>
    public ShiftAssignment? OnInvalidRoster(IEnumerable<ShiftAssignment> assignments, DateOnly date) =>
        assignments.FirstOrDefault(a => a.ValidFrom <= date && (a.ValidTo is null || a.ValidTo >= date) && !_rosters.ContainsKey(a.ShiftPatternId));

    /// <summary>The shift starting on the date, or null on a rest day or a leave. Call <see cref="OnInvalidRoster"/> first.</summary>
    /// <param name="exceptions">Null: the rostered shift, as if no leave or extra shift were recorded.</param>
    /// <exception cref="ArgumentException">Odd data of one person (a rotation anchor that is not a Monday).</exception>
    public ShiftInstance? ShiftOn(ShiftCalendar calendar, DateOnly date, IEnumerable<ShiftAssignment> assignments, IEnumerable<ShiftException>? exceptions)
    {
        var rules = assignments.Where(a => _rosters.ContainsKey(a.ShiftPatternId)).Select(a => new ShiftAssignmentRule(
            _rosters[a.ShiftPatternId], a.RotationAnchor, a.RotationOffsetWeeks, a.ValidFrom, a.ValidTo));
        var rulesOfExceptions = exceptions?.Select(x => x.Kind == ShiftExceptionKind.Leave || x.Start is null || x.End is null
            ? ShiftExceptionRule.Leave(x.Date) : ShiftExceptionRule.ExtraShift(x.Date, x.Start.Value, x.End.Value));
        // One commute a day: the first shift starting on it.
        return calendar.ShiftsStartingOn(date, rules, rulesOfExceptions).FirstOrDefault();
    }

    private static ShiftRoster Roster(ShiftPattern pattern) => new ShiftRoster(pattern.ExternalId, pattern.RotationWeeks,
        pattern.Slots.Select(s => new RosterSlot(s.WeekIndex, Days(s.Days), s.Start, s.End)).ToList()).Validated();

    private static IReadOnlySet<DayOfWeek> Days(WorkDays days)
    {
        var set = new HashSet<DayOfWeek>();
        foreach (var day in Enum.GetValues<DayOfWeek>())
            if (days.HasFlag(day switch
            {
                DayOfWeek.Monday => WorkDays.Monday, DayOfWeek.Tuesday => WorkDays.Tuesday, DayOfWeek.Wednesday => WorkDays.Wednesday,
                DayOfWeek.Thursday => WorkDays.Thursday, DayOfWeek.Friday => WorkDays.Friday, DayOfWeek.Saturday => WorkDays.Saturday,
                _ => WorkDays.Sunday,
            })) set.Add(day);
        return set;
    }
}
