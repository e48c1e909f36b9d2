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
    /// <summary>Starts a job may have; one that keeps killing its instance fails instead of taking down the next.</summary>
    public int MaxAttempts { get; set; } = 3;
}
