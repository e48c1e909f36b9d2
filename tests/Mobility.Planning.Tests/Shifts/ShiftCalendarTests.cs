using Mobility.Planning.Shifts;

namespace Mobility.Planning.Tests.Shifts;

public class ShiftCalendarTests
{
    private static readonly IReadOnlySet<DayOfWeek> Weekdays =
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
    private static readonly IReadOnlySet<DayOfWeek> EveryDay = Enum.GetValues<DayOfWeek>().ToHashSet();

    private static ShiftRoster ThreeByEight(IReadOnlySet<DayOfWeek> days) => new ShiftRoster("3x8", 3,
    [
        new RosterSlot(0, days, new(5, 0), new(13, 0)),
        new RosterSlot(1, days, new(13, 0), new(21, 0)),
        new RosterSlot(2, days, new(21, 0), new(5, 0)),
    ]).Validated();

    // 2026-01-05 is a Monday.
    private static ShiftAssignmentRule Assignment(ShiftRoster roster, int offset = 0, DateOnly? validTo = null) =>
        new(roster, new DateOnly(2026, 1, 5), offset, new DateOnly(2026, 1, 5), validTo);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void A_three_week_rotation_cycles_mornings_afternoons_nights_and_the_offset_shifts_the_crew()
    {
        var calendar = ShiftCalendar.Paris;
        var crewA = Assignment(ThreeByEight(Weekdays));
        var crewB = Assignment(ThreeByEight(Weekdays), offset: 1);
        // Mondays of weeks 0..4 after the anchor; January and February are winter time (UTC+1).
        var starts = Enumerable.Range(0, 5)
            .Select(week => calendar.ShiftsStartingOn(new DateOnly(2026, 1, 5).AddDays(7 * week), [crewA]).Single().Start.Hour)
            .ToList();
        Assert.Equal([4, 12, 20, 4, 12], starts); // 05:00, 13:00, 21:00 local
        var crewBFirstMonday = calendar.ShiftsStartingOn(new DateOnly(2026, 1, 5), [crewB]).Single();
        Assert.Equal(Utc(2026, 1, 5, 12), crewBFirstMonday.Start);
    }

    [Fact]
    public void Weeks_before_the_anchor_count_backwards_in_the_rotation()
    {
        var crew = Assignment(ThreeByEight(Weekdays)) with { ValidFrom = new DateOnly(2025, 12, 1) };
        // The week before the anchor is the last week of the rotation: nights.
        Assert.Equal(2, crew.RotationWeekOn(new DateOnly(2025, 12, 29)));
        Assert.Equal(1, crew.RotationWeekOn(new DateOnly(2025, 12, 22)));
    }

    [Fact]
    public void A_night_shift_starts_on_its_date_and_ends_the_next_morning()
    {
        var crew = Assignment(ThreeByEight(Weekdays));
        // Week 2 of the rotation (from 2026-01-19): Friday night ends on Saturday morning.
        var night = ShiftCalendar.Paris.ShiftsStartingOn(new DateOnly(2026, 1, 23), [crew]).Single();
        Assert.Equal(Utc(2026, 1, 23, 20), night.Start);
        Assert.Equal(Utc(2026, 1, 24, 4), night.End);
        Assert.Empty(ShiftCalendar.Paris.ShiftsStartingOn(new DateOnly(2026, 1, 24), [crew]));
    }

    [Fact]
    public void The_night_of_the_spring_clock_change_lasts_seven_hours()
    {
        // Clocks go from 02:00 CET to 03:00 CEST on Sunday 2026-03-29. Week of 2026-03-23 is rotation week 2 (11 weeks after the anchor).
        var crew = Assignment(ThreeByEight(EveryDay));
        var night = ShiftCalendar.Paris.ShiftsStartingOn(new DateOnly(2026, 3, 28), [crew]).Single();
        Assert.Equal(Utc(2026, 3, 28, 20), night.Start); // 21:00 CET
        Assert.Equal(Utc(2026, 3, 29, 3), night.End);    // 05:00 CEST
        Assert.Equal(TimeSpan.FromHours(7), night.Duration);
    }

    [Fact]
    public void The_night_of_the_autumn_clock_change_lasts_nine_hours()
    {
        // Clocks go from 03:00 CEST back to 02:00 CET on Sunday 2026-10-25. 2026-10-24 is 292 days (41 whole weeks)
        // after the anchor: 41 mod 3 = rotation week 2, nights.
        var crew = Assignment(ThreeByEight(EveryDay));
        var night = ShiftCalendar.Paris.ShiftsStartingOn(new DateOnly(2026, 10, 24), [crew]).Single();
        Assert.Equal(Utc(2026, 10, 24, 19), night.Start); // 21:00 CEST
        Assert.Equal(Utc(2026, 10, 25, 4), night.End);    // 05:00 CET
        Assert.Equal(TimeSpan.FromHours(9), night.Duration);
    }

    [Fact]
    public void Times_inside_a_clock_change_follow_the_documented_rule()
    {
        var calendar = ShiftCalendar.Paris;
        // 02:30 does not exist on 2026-03-29: it moves forward by the gap, to 03:30 CEST = 01:30 UTC.
        Assert.Equal(Utc(2026, 3, 29, 1, 30), calendar.ToInstant(new DateOnly(2026, 3, 29), new TimeOnly(2, 30)));
        // 02:30 occurs twice on 2026-10-25: the first time, in summer time, = 00:30 UTC.
        Assert.Equal(Utc(2026, 10, 25, 0, 30), calendar.ToInstant(new DateOnly(2026, 10, 25), new TimeOnly(2, 30)));
    }

    [Fact]
    public void Leave_removes_the_shift_and_an_extra_shift_replaces_it()
    {
        var crew = Assignment(ThreeByEight(Weekdays));
        var monday = new DateOnly(2026, 1, 5);
        Assert.Empty(ShiftCalendar.Paris.ShiftsStartingOn(monday, [crew], [ShiftExceptionRule.Leave(monday)]));
        var saturday = new DateOnly(2026, 1, 10);
        var extra = ShiftCalendar.Paris.ShiftsStartingOn(saturday, [crew],
            [ShiftExceptionRule.ExtraShift(saturday, new TimeOnly(6, 0), new TimeOnly(12, 0))]).Single();
        Assert.Equal((Utc(2026, 1, 10, 5), Utc(2026, 1, 10, 11)), (extra.Start, extra.End));
    }

    [Fact]
    public void No_shift_outside_the_assignment_validity()
    {
        var crew = Assignment(ThreeByEight(Weekdays), validTo: new DateOnly(2026, 1, 6));
        Assert.Single(ShiftCalendar.Paris.ShiftsStartingOn(new DateOnly(2026, 1, 6), [crew]));
        Assert.Empty(ShiftCalendar.Paris.ShiftsStartingOn(new DateOnly(2026, 1, 7), [crew]));
        Assert.Empty(ShiftCalendar.Paris.ShiftsStartingOn(new DateOnly(2026, 1, 2), [crew with { ValidTo = null }]));
    }

    [Fact]
    public void A_slot_outside_its_rotation_is_refused()
    {
        var roster = new ShiftRoster("bad", 2, [new RosterSlot(2, Weekdays, new(8, 0), new(16, 0))]);
        Assert.Throws<ArgumentException>(() => roster.Validated());
    }

    [Fact]
    public void Commute_windows_arrive_before_the_start_and_leave_after_the_end()
    {
        var night = ShiftCalendar.Paris.Instance(new DateOnly(2026, 1, 5), new TimeOnly(21, 0), new TimeOnly(5, 0));
        var toWork = CommuteWindow.ToWork(night, flexibility: TimeSpan.FromMinutes(20), margin: TimeSpan.FromMinutes(10));
        Assert.Equal((Utc(2026, 1, 5, 19, 30), Utc(2026, 1, 5, 19, 50)), (toWork.Earliest, toWork.Latest));
        var toHome = CommuteWindow.ToHome(night, flexibility: TimeSpan.FromMinutes(20), margin: TimeSpan.FromMinutes(10));
        Assert.Equal((Utc(2026, 1, 6, 4, 10), Utc(2026, 1, 6, 4, 30)), (toHome.Earliest, toHome.Latest));
        Assert.False(toWork.Contains(night.Start));
    }
}
