using Mobility.Planning.Shifts;

namespace Mobility.Planning.Shuttles;

/// <summary>
/// How shuttles meet shifts. To work: arrive at the site within [start − margin − slack, start − margin]. Home: leave
/// the site within [end + margin, end + margin + slack]. Nobody rides longer than <see cref="MaxRide"/>.
/// Waves: moves whose shift starts or ends lie within <see cref="WaveSpan"/> of each other are planned together, so a
/// bus that brings the morning shift can take the night shift home.
/// </summary>
public sealed record ShuttleSettings
{
    /// <summary>Local time of the fleet's availability windows.</summary>
    public ShiftCalendar Calendar { get; init; } = ShiftCalendar.Paris;
    public TimeSpan ArrivalMargin { get; init; } = TimeSpan.FromMinutes(10);
    public TimeSpan ArrivalSlack { get; init; } = TimeSpan.FromMinutes(20);
    public TimeSpan DepartureMargin { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan DepartureSlack { get; init; } = TimeSpan.FromMinutes(20);
    public TimeSpan MaxRide { get; init; } = TimeSpan.FromMinutes(45);
    /// <summary>Time at a stop to board or alight, per group of riders.</summary>
    public TimeSpan StopTime { get; init; } = TimeSpan.FromMinutes(1);
    public TimeSpan WaveSpan { get; init; } = TimeSpan.FromHours(2);
    /// <summary>A car driven alone, for the comparison (<see cref="EmissionFactors.CarGramsPerKilometre"/>).</summary>
    public double CarGramsCo2PerKilometre { get; init; } = EmissionFactors.CarGramsPerKilometre;
    /// <summary>Cost of leaving one rider unserved, in cost units: large, so serving comes first.</summary>
    public double UnservedPenaltyPerRider { get; init; } = 10_000;
}
