namespace Mobility.Data.Model;

public enum JobState { Queued, Running, Succeeded, Failed, Cancelled }

/// <summary>
/// Heavy work (a shuttle plan today) asked for by one account and run by whichever server instance claims it. The row is
/// the only state: an instance that dies stops renewing <see cref="HeartbeatAt"/>, and another takes the job again.
/// </summary>
public class Job
{
    public long Id { get; set; }
    /// <summary>What to run, e.g. "shuttle-plan"; the runner has one handler per kind.</summary>
    public required string Kind { get; set; }
    public long? NetworkId { get; set; }
    public Network? Network { get; set; }
    /// <summary>The tenant whose jobs run one at a time; null for network-wide work.</summary>
    public long? CompanyId { get; set; }
    public Company? Company { get; set; }
    public long RequestedById { get; set; }
    public UserAccount? RequestedBy { get; set; }
    public JobState State { get; set; }
    /// <summary>0 to 1.</summary>
    public double Progress { get; set; }
    /// <summary>A short code the client translates (e.g. "planning-waves"), never free text.</summary>
    public string? ProgressMessage { get; set; }
    /// <summary>JSON: the request as the handler reads it.</summary>
    public required string Input { get; set; }
    /// <summary>JSON: what the finished job answers.</summary>
    public string? Result { get; set; }
    /// <summary>A problem code ("nobody-to-carry"); exception texts stay in the logs.</summary>
    public string? ErrorCode { get; set; }
    /// <summary>JSON object: the values the error's message is built from.</summary>
    public string? ErrorParameters { get; set; }
    /// <summary>Set by the requester; the instance running the job sees it at its next heartbeat.</summary>
    public bool CancelRequested { get; set; }
    /// <summary>The instance that runs it now.</summary>
    public string? RunningOn { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? HeartbeatAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
