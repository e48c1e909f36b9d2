namespace Mobility.Data.Model;

/// <summary>
/// A message for one employee (a new proposal, a group that changed), stored before it is pushed. The sequence
/// number counts per employee from 1 without gaps, so a reconnecting client asks for everything after the last one
/// it saw and gets each message exactly once.
/// </summary>
public class Notification
{
    public long Id { get; set; }
    public long EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public long Sequence { get; set; }
    public required string Kind { get; set; }
    /// <summary>JSON the client renders.</summary>
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
