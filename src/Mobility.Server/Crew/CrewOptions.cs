namespace Mobility.Server.Crew;

/// <summary>Configuration `Crew:…`: how much one person may write, and how long a group's thread is kept.</summary>
public sealed class CrewOptions
{
    public const string Section = "Crew";
    /// <summary>Messages one author may send per minute, over all their groups.</summary>
    public int MessagesPerMinute { get; set; } = 6;
    /// <summary>Messages one author may send per 24 hours, over all their groups.</summary>
    public int MessagesPerDay { get; set; } = 60;
    /// <summary>Threads of groups whose date is older than this many days are deleted.</summary>
    public int KeepDays { get; set; } = 30;
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
