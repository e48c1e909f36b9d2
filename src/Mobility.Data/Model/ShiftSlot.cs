namespace Mobility.Data.Model;

/// <summary>One line of a roster: in rotation week <see cref="WeekIndex"/>, on these days, from start to end.</summary>
public class ShiftSlot
{
    public long Id { get; set; }
    public long ShiftPatternId { get; set; }
    public ShiftPattern? ShiftPattern { get; set; }
    public int WeekIndex { get; set; }
    public WorkDays Days { get; set; }
    public TimeOnly Start { get; set; }
    /// <summary>An end at or before the start means the shift ends the next day (a night shift).</summary>
    public TimeOnly End { get; set; }

    public bool CrossesMidnight => End <= Start;
}
