using OpenTelemetry.Metrics;

namespace Mobility.Server;

/// <summary>
/// Metrics (OpenTelemetry): HTTP requests, hub connections, pushes, recompute durations. Scraped at /metrics in the
/// Prometheus format, and sent by OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set. Logs are JSON lines outside
/// development, one object per event with its fields, for a log collector. /metrics shows counts only, no personal
/// data; put it behind the internal network in production.
/// </summary>
public static class Telemetry
{
    public const string ScrapePath = "/metrics";
    /// <summary>The service's own meter (System.Diagnostics.Metrics), shared by its parts.</summary>
    public const string MeterName = "Mobility";

    public static WebApplicationBuilder AddMobilityTelemetry(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(json => json.IncludeScopes = true);
        }
        builder.Services.AddOpenTelemetry().WithMetrics(meters =>
        {
            meters.AddAspNetCoreInstrumentation().AddMeter(MeterName).AddPrometheusExporter();
            if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) meters.AddOtlpExporter();
        });
        return builder;
    }
}
