using Mobility.Planning;

namespace Mobility.Application.Scenarios;

/// <summary>One person's trip one way on one date: what the figures count, so a week counts each trip once.</summary>
public readonly record struct ScenarioTrip(long EmployeeId, DateOnly Date, CommuteDirection Direction);

/// <summary>
/// A computation's raw figures over its dates, summed as the dates are computed: who travels, who rides with someone
/// (a carpool or a shuttle), whose car stays home, and the kilometres. Exact, so never shown as they are: the host
/// publishes them through the disclosure rule.
/// </summary>
public sealed class ScenarioTally
{
    /// <summary>Every trip to work or home of the dates' commuters.</summary>
    public HashSet<ScenarioTrip> Trips { get; } = [];
    /// <summary>Trips someone else drives: a carpool's passengers, a shuttle's riders.</summary>
    public HashSet<ScenarioTrip> Passengers { get; } = [];
    /// <summary>Of those, the trips of people who could have driven: a car fewer on the road each.</summary>
    public HashSet<ScenarioTrip> CarsRemoved { get; } = [];
    public HashSet<ScenarioTrip> ShuttleRiders { get; } = [];
    /// <summary>Everyone who can drive driving alone.</summary>
    public double AloneKilometres { get; set; }
    /// <summary>The cars that still drive: carpools' routes, drivers alone, shuttle riders left without a seat.</summary>
    public double CarKilometres { get; set; }
    public double ShuttleKilometres { get; set; }
    public double ShuttleKilogramsCo2 { get; set; }
    /// <summary>The shuttles' operating cost (vehicle types' per-km and per-hour costs), in euros.</summary>
    public double ShuttleEuros { get; set; }

    public double KilometresDriven => CarKilometres + ShuttleKilometres;
    public double KilogramsCo2 => CarKilometres * EmissionFactors.CarGramsPerKilometre / 1000 + ShuttleKilogramsCo2;
    public double AloneKilogramsCo2 => AloneKilometres * EmissionFactors.CarGramsPerKilometre / 1000;
}
