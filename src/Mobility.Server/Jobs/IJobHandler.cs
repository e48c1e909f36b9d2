namespace Mobility.Server.Jobs;

/// <summary>What a running job sees: its input, its cancellation, and where to report its progress.</summary>
public sealed class JobContext(long id, string input, CancellationToken cancellation)
{
    private volatile JobProgress _progress = new(0, "started");

    public long Id { get; } = id;
    /// <summary>The JSON stored when the job was queued.</summary>
    public string Input { get; } = input;
    public CancellationToken Cancellation { get; } = cancellation;
    /// <summary>The latest progress; the runner saves it at each heartbeat, so reporting often costs nothing.</summary>
    public JobProgress Progress => _progress;

    /// <param name="message">A short code the page translates, never free text.</param>
    public void Report(double fraction, string message) => _progress = new JobProgress(Math.Clamp(fraction, 0, 1), message);
}

public sealed record JobProgress(double Fraction, string Message);

/// <summary>Runs the jobs of one kind. Registered scoped: each job gets a handler of its own scope, with its own database
/// context. Throws <see cref="JobFailure"/> for a reason the requester should read.</summary>
public interface IJobHandler
{
    string Kind { get; }

    /// <summary>Returns the result, serialised as the API's JSON.</summary>
    Task<object> RunAsync(JobContext job);
}
