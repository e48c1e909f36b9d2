using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mobility.Application.Carpools;
using Mobility.Application.Scenarios;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Data.Privacy;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Planning.Vrp;
using Mobility.Server.Carpools;
using Mobility.Server.Jobs;
using Mobility.Server.Statistics;
using Mobility.Routing;

namespace Mobility.Server.Scenarios;

/// <summary>
/// Runs a scenario over its dates, date by date, in steps the page shows (<see cref="Steps"/>): the date's commutes loaded
/// as the re-match loads them, the baseline matched, the scenario's changes applied to that copy and matched, its shuttle
/// lines planned, and the two compared and published. It reads the network and writes only its own run: no proposal,
/// group, unmatched trip or notification.
/// </summary>
public sealed class ScenarioRunner(MobilityDbContext database, TravelTimesSource travel, Disclosure disclosure,
    IOptions<StatisticsOptions> statistics, IOptions<JobOptions> jobs, TimeProvider clock, ILogger<ScenarioRunner> log)
{
    public const string Loading = "loading", Baseline = "baseline", Carpools = "carpools", Shuttles = "shuttles", Comparison = "comparison";
    public static readonly string[] Steps = [Loading, Baseline, Carpools, Shuttles, Comparison];
    /// <summary>A shuttle line's solver time per wave (shift change) of a date: a line is small (one station, a few
    /// plants), and a day's scenario must stay under 30 s on the demo (docs/benchmarks.md).</summary>
    public static readonly TimeSpan ShuttleSecondsPerWave = TimeSpan.FromSeconds(0.5);

    /// <param name="report">The fraction done and the step (one of <see cref="Steps"/>).</param>
    public async Task<ScenarioRunView> RunAsync(Scenario scenario, DateOnly from, int days, long? jobId, Action<double, string> report,
        CancellationToken cancellation)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var roads = travel.TravelTimes;
        var (baseline, changed, affected) = (new ScenarioTally(), new ScenarioTally(), new HashSet<ScenarioTrip>());
        report(0, Loading);
        var places = await PlacesAsync(scenario.NetworkId, cancellation);
        var shuttleSeconds = Math.Min(ShuttleSecondsPerWave.TotalSeconds, jobs.Value.MaxSolverSeconds);
        var spent = Steps.ToDictionary(s => s, _ => TimeSpan.Zero);
        var (clockStep, lastStep) = (System.Diagnostics.Stopwatch.GetTimestamp(), Loading);
        for (var d = 0; d < days; d++)
        {
            var date = from.AddDays(d);
            void Step(double within, string step)
            {
                cancellation.ThrowIfCancellationRequested();
                spent[lastStep] += System.Diagnostics.Stopwatch.GetElapsedTime(clockStep);
                (clockStep, lastStep) = (System.Diagnostics.Stopwatch.GetTimestamp(), step);
                report(0.95 * (d + within) / days, step);
            }
            Step(0, Loading);
            var commutes = await CarpoolDayPlanning.LoadCommutesAsync(database, scenario.NetworkId, date, cancellation);
            var standing = await StandingAsync(scenario.NetworkId, date, cancellation);
            var keepApart = await NetworkRematch.KeepApartAsync(database, scenario.NetworkId, date, cancellation);
            Step(0.1, Baseline);
            var plain = new ScenarioInput(commutes, []);
            await JobThread.RunAsync(() => ScenarioComputation.Carpools(baseline, plain, roads, standing, NetworkRematch.Restore, keepApart), $"scenario-baseline-{scenario.Id}");
            Step(0.4, Carpools);
            var input = ScenarioInputs.Apply(commutes, places, scenario.Changes);
            var day = await JobThread.RunAsync(() => ScenarioComputation.Carpools(changed, input, roads, standing, NetworkRematch.Restore, keepApart), $"scenario-carpools-{scenario.Id}");
            Step(0.7, Shuttles);
            var limits = new SolverLimits(TimeSpan.FromSeconds(shuttleSeconds), Seed: 1, Searches: 1, Cancellation: cancellation);
            await JobThread.RunAsync(() => { ScenarioComputation.Shuttles(changed, input, day, roads, limits); return true; }, $"scenario-shuttles-{scenario.Id}");
            AddAffected(affected, commutes, input);
            spent[lastStep] += System.Diagnostics.Stopwatch.GetElapsedTime(clockStep);
            (clockStep, lastStep) = (System.Diagnostics.Stopwatch.GetTimestamp(), Loading);
        }
        report(0.95, Comparison);
        cancellation.ThrowIfCancellationRequested();
        var euros = statistics.Value.EurosPerKilometre;
        var withheld = disclosure.Count(affected.Select(t => DashboardStatistics.TripKey(t.EmployeeId, t.Date, t.Direction))) < Disclosure.KilometreMinimumCount;
        var comparison = new ScenarioComparison(from, days, Disclosure.Base, Disclosure.KilometreMinimumCount, withheld,
            ScenarioFigures.Publish(baseline, disclosure, euros, "baseline"),
            withheld ? ScenarioFigures.Withheld : ScenarioFigures.Publish(changed, disclosure, euros, JsonSerializer.Serialize(scenario.Changes, JsonSerializerOptions.Web)));
        var run = new ScenarioRun
        {
            ScenarioId = scenario.Id, JobId = jobId, From = from, Days = days, FinishedAt = clock.GetUtcNow(),
            Result = JsonSerializer.Serialize(comparison, JsonSerializerOptions.Web),
        };
        database.ScenarioRuns.Add(run);
        await database.SaveChangesAsync(cancellation);
        report(1, Comparison);
        log.LogInformation("Scenario {Scenario} of network {Network}: {Days} date(s) from {From} in {Seconds:F1} s ({Steps})",
            scenario.Id, scenario.NetworkId, days, from, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
            string.Join(", ", spent.Where(s => s.Key != Comparison).Select(s => $"{s.Key} {s.Value.TotalSeconds:F1} s")));
        return View(run);
    }

    public static ScenarioRunView View(ScenarioRun run) => new(run.Id, run.ScenarioId, run.JobId, run.From, run.Days, run.FinishedAt,
        JsonSerializer.Deserialize<ScenarioComparison>(run.Result, JsonSerializerOptions.Web)!);

    /// <summary>The trips whose inputs the changes touched (a moved window, a pickup place, a limit) or that a line carries.</summary>
    private static void AddAffected(HashSet<ScenarioTrip> affected, Data.Commutes.DayCommutes before, ScenarioInput after)
    {
        foreach (var (direction, was, now) in new[] { (CommuteDirection.ToWork, before.ToWork, after.Commutes.ToWork), (CommuteDirection.ToHome, before.ToHome, after.Commutes.ToHome) })
        {
            var old = was.ToDictionary(p => p.Id);
            foreach (var person in now)
                if (!old.TryGetValue(person.Id, out var previous) || previous != person || after.ShuttleRiders.Contains(person.Id))
                    affected.Add(new ScenarioTrip(long.Parse(person.Id, CultureInfo.InvariantCulture), before.Date, direction));
        }
    }

    /// <summary>The accepted and confirmed groups of the date, which a re-match keeps while they hold.</summary>
    private async Task<List<(CommuteDirection, GroupPlan)>> StandingAsync(long networkId, DateOnly date, CancellationToken cancellation) =>
        (await database.CarpoolGroups.AsNoTracking()
            .Where(g => g.NetworkId == networkId && g.Date == date && (g.Status == CarpoolStatus.Accepted || g.Status == CarpoolStatus.Confirmed))
            .Select(g => new { g.Direction, g.Explanation }).ToListAsync(cancellation))
        .Where(g => g.Explanation?.Plan is not null).Select(g => (g.Direction, g.Explanation!.Plan!)).ToList();

    private async Task<ScenarioPlaces> PlacesAsync(long networkId, CancellationToken cancellation)
    {
        var network = await database.Networks.AsNoTracking().SingleAsync(n => n.Id == networkId, cancellation);
        var sites = await database.Sites.AsNoTracking().Where(s => s.NetworkId == networkId).ToListAsync(cancellation);
        var companies = await database.Companies.AsNoTracking().Where(c => c.NetworkId == networkId).ToDictionaryAsync(c => c.Id, c => c.ExternalId, cancellation);
        // Only who is picked up at a meeting point: the commutes carry the point in place of their home.
        var homes = await database.Employees.AsNoTracking()
            .Where(e => e.Company!.NetworkId == networkId && e.PreferredMeetingPointId != null && e.Home != null)
            .Select(e => new { e.Id, e.Home }).ToListAsync(cancellation);
        return new ScenarioPlaces(
            sites.ToDictionary(s => s.Id, s => new ScenarioSite(s.Id, s.ExternalId, s.Name, s.Kind, s.Location.ToGeoPoint())), companies,
            TimeZoneInfo.FindSystemTimeZoneById(network.TimeZone),
            homes.ToDictionary(h => h.Id.ToString(CultureInfo.InvariantCulture), h => h.Home!.ToGeoPoint()));
    }
}
