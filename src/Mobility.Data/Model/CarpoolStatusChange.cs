namespace Mobility.Data.Model;

/// <summary>One step of a group's history, kept for audit and for replaying missed pushes.</summary>
public class CarpoolStatusChange
{
    public long Id { get; set; }
    public long CarpoolGroupId { get; set; }
    public CarpoolGroup? CarpoolGroup { get; set; }
    /// <summary>The employee who decided, or null when the system did (a re-match).</summary>
    public long? EmployeeId { get; set; }
    public CarpoolStatus Status { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Reason { get; set; }
    /// <summary>Why the employee declined or cancelled, one of <see cref="DecisionReasons.Codes"/>; null when not said.</summary>
    public string? ReasonCode { get; set; }
    /// <summary>The employee's own words beside the reason (at most <see cref="DecisionReasons.NoteLength"/> characters);
    /// personal, so erasure removes it.</summary>
    public string? Note { get; set; }
}
