using System.Diagnostics.Metrics;

namespace Mobility.Server.Reach;

/// <summary>Meters of the pushes and mails that reach people outside the app (meter "Mobility", like <see cref="Live.LiveMetrics"/>).</summary>
public static class ReachMetrics
{
    private static readonly Meter Meter = new(Telemetry.MeterName);

    public static readonly Counter<long> PushSent = Meter.CreateCounter<long>("mobility.push.sent", description: "Web Push messages a push service accepted.");
    public static readonly Counter<long> PushFailed = Meter.CreateCounter<long>("mobility.push.failed",
        description: "Web Push messages given up (tag reason: gone, refused, unreachable).");
    public static readonly Counter<long> DigestsSent = Meter.CreateCounter<long>("mobility.digest.sent", description: "Daily digest mails sent.");
    public static readonly Counter<long> DigestsFailed = Meter.CreateCounter<long>("mobility.digest.failed", description: "Daily digest mails that could not be sent.");
}
