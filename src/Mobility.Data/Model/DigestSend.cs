namespace Mobility.Data.Model;

/// <summary>That an employee's daily digest of <see cref="Date"/> (the network's local date of the run) was claimed: the
/// primary key lets one instance only send it, however many run the digest.</summary>
public class DigestSend
{
    public long EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public DateOnly Date { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
}
