namespace Mobility.Data.Model;

/// <summary>
/// An employee's secret calendar address: whoever holds the link reads their shifts and pickups, so only the token's
/// SHA-256 is kept, one per employee. Rotating replaces the row; revoking or erasing the employee deletes it.
/// </summary>
public class CalendarFeed
{
    public long EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
