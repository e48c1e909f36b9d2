namespace Mobility.Data.Model;

/// <summary>
/// The PDF a diagnostic report job produced, kept apart from the job's row (a job's result is read at every poll; the
/// document is read once, when downloaded). Deleted with its job. It holds only aggregates, rounded as the dashboard's.
/// </summary>
public class DiagnosticReport
{
    public long JobId { get; set; }
    public Job? Job { get; set; }
    public long NetworkId { get; set; }
    /// <summary>"fr" or "en": the requester's language when the job was queued.</summary>
    public required string Language { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
