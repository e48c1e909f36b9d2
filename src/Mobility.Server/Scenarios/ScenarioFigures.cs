using Mobility.Application.Scenarios;
using Mobility.Data.Privacy;
using Mobility.Server.Statistics;

namespace Mobility.Server.Scenarios;

/// <summary>
/// One computation's figures as the working group reads them (both ways, over the run's dates): trips of people who ride
/// with someone (a carpool or a shuttle), cars left home, kilometres driven (cars and shuttles) and saved against
/// everyone who can drive driving alone, CO₂ (docs/emissions.md), cost (cars at the dashboard's €/km, shuttles at their
/// vehicle types' costs), and the shuttle lines' riders and vehicle-kilometres. Null: withheld by the disclosure rule.
/// </summary>
public sealed record ScenarioFigures(int? Trips, int? PassengersServed, int? CarsRemoved, double? KilometresDriven, double? KilometresSaved,
    double? KilogramsCo2, double? KilogramsCo2Saved, double? Euros, double? EurosSaved, int? ShuttleRiders, double? ShuttleVehicleKilometres)
{
    public static readonly ScenarioFigures Withheld = new(null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>Every count through <see cref="Disclosure.Count(IEnumerable{long})"/> (keyed by exactly the trips counted,
    /// as the dashboard keys them), shown from <see cref="Disclosure.KilometreMinimumCount"/>; every quantity through
    /// <see cref="Disclosure.Kilometres"/> keyed by the trips it sums (rounded to 10, withheld for too few trips): CO₂
    /// and euros too, since they are kilometres times factors and would give the kilometres back exactly.</summary>
    /// <param name="variant">What was computed ("baseline", or the scenario's changes): its quantities get coins of their
    /// own, so two scenarios that differ by a small change are not rounded alike and their difference stays blurred
    /// (the same scenario asked again gets the same coins, so nothing averages away).</param>
    public static ScenarioFigures Publish(ScenarioTally tally, Disclosure disclosure, double eurosPerKilometre, string variant)
    {
        static long[] Keys(IEnumerable<ScenarioTrip> trips) => trips.Select(t => DashboardStatistics.TripKey(t.EmployeeId, t.Date, t.Direction)).ToArray();
        int? Count(IEnumerable<ScenarioTrip> trips) => disclosure.Count(Keys(trips)) is var c && c >= Disclosure.KilometreMinimumCount ? c : null;
        var all = Keys(tally.Trips);
        var riders = Keys(tally.ShuttleRiders);
        var euros = tally.CarKilometres * eurosPerKilometre + tally.ShuttleEuros;
        return new ScenarioFigures(
            Count(tally.Trips), Count(tally.Passengers), Count(tally.CarsRemoved),
            disclosure.Kilometres(tally.KilometresDriven, $"scenario-driven:{variant}", all),
            disclosure.Kilometres(tally.AloneKilometres - tally.KilometresDriven, $"scenario-saved:{variant}", all),
            disclosure.Kilometres(tally.KilogramsCo2, $"scenario-co2:{variant}", all),
            disclosure.Kilometres(tally.AloneKilogramsCo2 - tally.KilogramsCo2, $"scenario-co2-saved:{variant}", all),
            disclosure.Kilometres(euros, $"scenario-euros:{variant}", all),
            disclosure.Kilometres(tally.AloneKilometres * eurosPerKilometre - euros, $"scenario-euros-saved:{variant}", all),
            tally.ShuttleRiders.Count == 0 ? null : Count(tally.ShuttleRiders),
            tally.ShuttleRiders.Count == 0 ? null : disclosure.Kilometres(tally.ShuttleKilometres, $"scenario-shuttle-km:{variant}", riders));
    }
}

/// <summary>A run's published comparison: the baseline (the same dates and engines without the changes) beside the
/// scenario. <see cref="Withheld"/>: the changes reach too few people's trips to publish what they change (the difference
/// of the two columns would describe them), so the scenario's column is empty.</summary>
public sealed record ScenarioComparison(DateOnly From, int Days, int RoundingBase, int MinimumShown, bool Withheld,
    ScenarioFigures Baseline, ScenarioFigures Scenario);

/// <summary>A stored run as the API answers it.</summary>
public sealed record ScenarioRunView(long Id, long ScenarioId, long? JobId, DateOnly From, int Days, DateTimeOffset FinishedAt, ScenarioComparison Comparison);
