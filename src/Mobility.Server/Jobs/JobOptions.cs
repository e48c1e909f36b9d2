namespace Mobility.Server.Jobs;

/// <summary>The `Jobs` settings: how much heavy work one instance runs, and for how long.</summary>
public sealed class JobOptions
{
    /// <summary>Jobs one instance runs at a time. Each takes a whole core (the solver is CPU-bound), so on 2 cores one
    /// job leaves the other core to the requests.</summary>
    public int Concurrency { get; set; } = 1;
    /// <summary>The solver's time per wave, whatever the request asks (its timeLimitSeconds is clamped to this).</summary>
    public double MaxSolverSeconds { get; set; } = 5;
    /// <summary>How often an idle runner looks for queued jobs other instances added (its own wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>How often a running job renews its heartbeat, saves its progress and reads a cancellation.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>A running job whose heartbeat is older than this was left by an instance that died: it is queued again.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>An import file larger than this is imported as a job rather than inside its request (about 3,000 employees).</summary>
    public long ImportInRequestMaxBytes { get; set; } = 256 * 1024;
    /// <summary>Finished jobs (their results and error reports) are deleted this long after they ended.</summary>
    public TimeSpan KeepFinishedFor { get; set; } = TimeSpan.FromDays(14);
    /// <summary>How often a runner deletes old finished jobs and the files of ended ones.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Starts a job may have; one that keeps killing its instance fails instead of taking down the next.</summary>
    public int MaxAttempts { get; set; } = 3;
}
