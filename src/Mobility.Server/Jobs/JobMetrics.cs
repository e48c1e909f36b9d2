using System.Diagnostics.Metrics;

namespace Mobility.Server.Jobs;

/// <summary>What the job runners do, for the operator (meter "Mobility", scraped at /metrics): counts and times, no content.</summary>
public static class JobMetrics
{
    private static readonly Meter Meter = new(Telemetry.MeterName);

    public static readonly Counter<long> Finished = Meter.CreateCounter<long>("mobility.jobs.finished",
        description: "Jobs that ended, by kind and state (succeeded, failed, cancelled).");
    public static readonly Histogram<double> RunSeconds = Meter.CreateHistogram<double>("mobility.jobs.run.duration", "s",
        "Time from a job's start on this instance to its end, by kind and state.");
    public static readonly Histogram<double> WaitSeconds = Meter.CreateHistogram<double>("mobility.jobs.wait.duration", "s",
        "Time a job waited in the queue before this instance started it, by kind.");
    public static readonly UpDownCounter<long> Running = Meter.CreateUpDownCounter<long>("mobility.jobs.running",
        description: "Jobs running on this instance.");
    public static readonly Counter<long> Deleted = Meter.CreateCounter<long>("mobility.jobs.deleted",
        description: "Finished jobs deleted after Jobs:KeepFinishedFor.");
}
