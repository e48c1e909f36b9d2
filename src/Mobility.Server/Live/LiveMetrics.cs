using System.Diagnostics.Metrics;

namespace Mobility.Server.Live;

/// <summary>The service's own OpenTelemetry-compatible meters (System.Diagnostics.Metrics, meter "Mobility").</summary>
public static class LiveMetrics
{
    private static readonly Meter Meter = new(Telemetry.MeterName);

    public static readonly Counter<long> NotificationsPushed = Meter.CreateCounter<long>("mobility.notifications.pushed", description: "Messages pushed to employees.");
    public static readonly UpDownCounter<long> ConnectedClients = Meter.CreateUpDownCounter<long>("mobility.hub.connections", description: "Open hub connections.");
    public static readonly Counter<long> SkippedData = Meter.CreateCounter<long>("mobility.proposals.skipped_data",
        description: "Rosters and employees left out of a re-match because their data is invalid (shown to their HR).");
    public static readonly Counter<long> RematchFailures = Meter.CreateCounter<long>("mobility.proposals.rematch_failures",
        description: "Re-match attempts that failed (each is retried with back-off, its changes kept).");
    public static readonly UpDownCounter<long> RematchesWaiting = Meter.CreateUpDownCounter<long>("mobility.proposals.rematches_waiting",
        description: "Networks whose last re-match failed and that wait for their next attempt.");
    public static readonly Histogram<double> RecomputeSeconds = Meter.CreateHistogram<double>("mobility.proposals.recompute.duration", "s", "Time to recompute a network's proposals.");
}
