using Mobility.Data.Model;

namespace Mobility.Data.Tests;

public sealed class RosterRulesTests
{
    private static ShiftSlot Slot(int week, WorkDays days, int startHour, int endHour) =>
        new() { WeekIndex = week, Days = days, Start = new TimeOnly(startHour, 0), End = new TimeOnly(endHour, 0) };

    [Fact]
    public void A_three_shift_rotation_with_its_night_shift_holds()
    {
        var slots = new[] { Slot(0, WorkDays.Weekdays, 5, 13), Slot(1, WorkDays.Weekdays, 13, 21), Slot(2, WorkDays.Weekdays, 21, 5) };
        Assert.Empty(RosterRules.Check(3, slots));
    }

    [Theory]
    [InlineData(8, 8, Codes.Field.ShiftZeroLength)]   // ends when it starts: the slot that stopped a whole network's matching
    [InlineData(5, 21, Codes.Field.ShiftTooLong)]     // 16 h
    [InlineData(20, 12, Codes.Field.ShiftTooLong)]    // 16 h overnight
    public void A_shift_of_no_length_or_too_long_is_refused(int start, int end, string code)
    {
        var issue = Assert.Single(RosterRules.Check(1, [Slot(0, WorkDays.Monday, start, end)]));
        Assert.Equal((0, "end", code), (issue.Slot, issue.Field, issue.Code));
    }

    [Fact]
    public void A_night_shift_overlapping_the_next_morning_is_refused()
    {
        var issue = Assert.Single(RosterRules.Check(1, [Slot(0, WorkDays.Weekdays, 22, 6), Slot(0, WorkDays.Tuesday, 5, 13)]));
        Assert.Equal((1, Codes.Field.SlotOverlaps, (object?)1), (issue.Slot, issue.Code, issue.Parameters["slot"]));
        Assert.Contains("slot 1", issue.Message); // the import reports' words
    }

    [Fact]
    public void The_last_sunday_night_of_a_rotation_runs_into_the_first_monday()
    {
        Assert.Single(RosterRules.Check(2, [Slot(0, WorkDays.Monday, 4, 12), Slot(1, WorkDays.Sunday, 21, 5)]));
        // Ending exactly when the next one starts is a change of shift, not an overlap.
        Assert.Empty(RosterRules.Check(2, [Slot(0, WorkDays.Monday, 5, 13), Slot(1, WorkDays.Sunday, 21, 5)]));
    }

    [Fact]
    public void Slots_on_different_days_at_the_same_hour_do_not_overlap_but_the_same_day_does()
    {
        Assert.Empty(RosterRules.Check(1, [Slot(0, WorkDays.Monday, 8, 16), Slot(0, WorkDays.Tuesday, 8, 16)]));
        Assert.Single(RosterRules.Check(1, [Slot(0, WorkDays.Monday | WorkDays.Friday, 8, 16), Slot(0, WorkDays.Friday, 10, 12)]));
    }

    [Fact]
    public void Weeks_outside_the_rotation_days_and_the_count_of_slots_are_checked()
    {
        Assert.Equal("week", Assert.Single(RosterRules.Check(2, [Slot(2, WorkDays.Monday, 8, 16)])).Field);
        Assert.Equal("days", Assert.Single(RosterRules.Check(1, [Slot(0, WorkDays.None, 8, 16)])).Field);
        var weeks = Assert.Single(RosterRules.Check(0, [Slot(0, WorkDays.Monday, 8, 16)]));
        Assert.Equal(("rotationWeeks", Codes.Field.OutOfRange, (object?)RosterRules.MaxRotationWeeks), (weeks.Field, weeks.Code, weeks.Parameters["maximum"]));
        var many = Enumerable.Range(0, RosterRules.MaxSlots + 1).Select(i => Slot(i / 7, (WorkDays)(1 << (i % 7)), 8, 16)).ToList();
        var tooMany = Assert.Single(RosterRules.Check(8, many));
        Assert.Equal(("slots", Codes.Field.AtMost), (tooMany.Field, tooMany.Code));
    }
}
