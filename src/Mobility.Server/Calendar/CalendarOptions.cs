namespace Mobility.Server.Calendar;

/// <summary>Configuration `Calendar:…`: the dates a feed covers and how often one address may read feeds.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";
    public int DaysBefore { get; set; } = 7;
    public int DaysAhead { get; set; } = 28;
    /// <summary>Phones poll every few minutes to hours; a plant's phones often share one address.</summary>
    public int RequestsPerAddressPerMinute { get; set; } = 60;
}
