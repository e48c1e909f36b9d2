namespace Mobility.Data.Model;

/// <summary>
/// A message in a carpool group's thread, written by one of its members: a free text or a quick message (a code the
/// client words, such as <c>on-my-way</c>), never both. It goes with its group, and with its author's erasure.
/// </summary>
public class CrewMessage
{
    /// <summary>The longest free text, in characters (Unicode code points, as PostgreSQL counts them).</summary>
    public const int TextLength = 500;
    public const int QuickMessageLength = 40;

    public long Id { get; set; }
    public long CarpoolGroupId { get; set; }
    public CarpoolGroup? CarpoolGroup { get; set; }
    public long AuthorEmployeeId { get; set; }
    public Employee? Author { get; set; }
    public string? Text { get; set; }
    public string? QuickMessage { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
