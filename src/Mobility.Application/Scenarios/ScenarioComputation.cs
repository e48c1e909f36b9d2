using System.Globalization;
using Mobility.Application.Carpools;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Planning.Shuttles;
using Mobility.Planning.TravelTimes;
using Mobility.Planning.Vrp;

namespace Mobility.Application.Scenarios;

/// <summary>
/// A date of a scenario, or of its baseline (no change), with the real engines: the carpool matcher on the day as the
/// re-match builds it (<see cref="CarpoolDay"/>, the same matrix both ways, accepted groups kept while they hold, who
/// declined whom kept apart), and the shuttle planner for the scenario's lines. Nothing is stored: figures are added to
/// a <see cref="ScenarioTally"/>.
/// </summary>
public static class ScenarioComputation
{
    /// <param name="standing">Accepted and confirmed groups of the date (their plans), kept fixed where they still hold.</param>
    /// <param name="restore">The re-match's own reading of a stored plan on a day (null when it no longer holds there).</param>
    /// <returns>The day as matched (the shuttle step reads its direct trips).</returns>
    public static CarpoolDay Carpools(ScenarioTally tally, ScenarioInput input, ITravelTimes roads,
        IReadOnlyList<(CommuteDirection Direction, GroupPlan Plan)> standing, Func<CarpoolInstance, GroupPlan, MatchedGroup?> restore,
        IReadOnlyCollection<(string, string)> keepApart)
    {
        var day = CarpoolDay.On(input.Commutes, roads);
        var riders = input.ShuttleRiders;
        var matched = day.WithoutMatching(riders, riders);
        List<MatchedGroup> Fixed(CarpoolInstance instance, CommuteDirection direction) => standing
            .Where(s => s.Direction == direction && !s.Plan.Pickups.Prepend(s.Plan.Driver).Any(riders.Contains))
            .Select(s => restore(instance, s.Plan)).OfType<MatchedGroup>()
            .Where(g => CarpoolChecker.Violations(instance, [g]).Count == 0).ToList();
        var fixedToWork = Disjoint(Fixed(matched.ToWork, CommuteDirection.ToWork));
        var fixedToHome = Disjoint(Fixed(matched.ToHome, CommuteDirection.ToHome));
        var plan = matched.Match(fixedToWork: fixedToWork, fixedToHome: fixedToHome, keepApart: keepApart);
        foreach (var (instance, original, directionPlan) in new[] { (matched.ToWork, day.ToWork, plan.ToWork), (matched.ToHome, day.ToHome, plan.ToHome) })
        {
            var date = input.Commutes.Date;
            ScenarioTrip Trip(string id) => new(long.Parse(id, CultureInfo.InvariantCulture), date, instance.Direction);
            foreach (var person in instance.Participants) tally.Trips.Add(Trip(person.Id));
            foreach (var group in directionPlan.Selection.Groups)
            foreach (var pickup in group.Pickups)
            {
                tally.Passengers.Add(Trip(instance.Participants[pickup].Id));
                if (instance.Participants[pickup].CanDrive) tally.CarsRemoved.Add(Trip(instance.Participants[pickup].Id));
            }
            tally.AloneKilometres += directionPlan.VehicleKilometresAlone;
            tally.CarKilometres += directionPlan.VehicleKilometresPlanned;
            // Shuttle riders are out of the matching (idle): their cars still count alone, as in the baseline.
            foreach (var rider in riders)
                if (original.IndexOf(rider) is var i and >= 0 && original.Participants[i].CanDrive && double.IsFinite(original.DirectMetres(i)))
                    tally.AloneKilometres += original.DirectMetres(i) / 1000;
        }
        return day;
    }

    /// <summary>Plans each line; a rider seated one way rides with someone that way, one left without a seat drives alone
    /// (when they can drive).</summary>
    public static void Shuttles(ScenarioTally tally, ScenarioInput input, CarpoolDay day, ITravelTimes roads, SolverLimits limits)
    {
        foreach (var line in input.ShuttleLines)
        {
            limits.Cancellation.ThrowIfCancellationRequested();
            var plan = ShuttlePlanner.Plan(line.Case, roads, limits);
            var unserved = plan.Waves.SelectMany(w => w.Unserved).Select(u => (u.Rider.Id, u.Direction)).ToHashSet();
            tally.ShuttleKilometres += plan.Kilometres;
            tally.ShuttleKilogramsCo2 += plan.KilogramsCo2;
            tally.ShuttleEuros += plan.Cost;
            foreach (var rider in line.Case.Riders)
            foreach (var instance in new[] { day.ToWork, day.ToHome })
            {
                var i = instance.IndexOf(rider.Id);
                if (i < 0) continue;
                var trip = new ScenarioTrip(long.Parse(rider.Id, CultureInfo.InvariantCulture), input.Commutes.Date, instance.Direction);
                var canDrive = instance.Participants[i].CanDrive;
                if (unserved.Contains((rider.Id, instance.Direction)))
                {
                    if (canDrive && double.IsFinite(instance.DirectMetres(i))) tally.CarKilometres += instance.DirectMetres(i) / 1000;
                    continue;
                }
                tally.ShuttleRiders.Add(trip);
                tally.Passengers.Add(trip);
                if (canDrive) tally.CarsRemoved.Add(trip);
            }
        }
    }

    /// <summary>Fixed groups sharing nobody (the stored ones do; a guard, since the matcher refuses overlaps).</summary>
    private static List<MatchedGroup> Disjoint(List<MatchedGroup> groups)
    {
        var seen = new HashSet<int>();
        return groups.Where(g => g.Members.All(m => !seen.Contains(m)) && g.Members.All(seen.Add)).ToList();
    }
}
