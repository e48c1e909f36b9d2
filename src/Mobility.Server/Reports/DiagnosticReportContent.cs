using Mobility.Server.Statistics;

namespace Mobility.Server.Reports;

/// <summary>A place drawn on the report's maps: a plant, a station or a meeting point.</summary>
public sealed record ReportPlace(string Name, string Kind, double Latitude, double Longitude);

/// <summary>Everything the diagnostic report prints, each figure as the dashboard publishes it (already rounded or withheld
/// by <see cref="Data.Privacy.Disclosure"/>): the report adds no number of its own but sums of published ones.</summary>
public sealed record DiagnosticReportContent(
    string Language, string Network, DateOnly Date, DateTimeOffset MadeAt, IReadOnlyList<string> Companies, IReadOnlyList<ReportPlace> Places,
    Accessibility Accessibility, DistanceBands Distances, Flows Flows, HomeGrid Homes, ShiftHours Shifts, Potential Potential, Savings Savings);
