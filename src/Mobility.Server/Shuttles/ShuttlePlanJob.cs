using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Mobility.Application.Shuttles;
using Mobility.Data;
using Mobility.Data.Shuttles;
using Mobility.Planning.Vrp;
using Mobility.Server.Carpools;
using Mobility.Server.Jobs;

namespace Mobility.Server.Shuttles;

/// <summary>A queued shuttle plan: the request (its time limit already clamped to the server's cap) and its tenant.</summary>
public sealed record ShuttlePlanJobInput(long NetworkId, long CompanyId, ShuttlePlanRequest Request);

/// <summary>
/// Plans a company's shuttles as a job: the demand read again (it may have changed since the request), the waves solved
/// one after another on a thread of the job's own with one search each (one core), the plan stored, and the answer the
/// synchronous endpoint used to give kept as the job's result.
/// </summary>
public sealed class ShuttlePlanJob(MobilityDbContext database, TravelTimesSource travelTimes, IOptions<JobOptions> options,
    IOptions<JsonOptions> json, ILogger<ShuttlePlanJob> log) : IJobHandler
{
    public const string KindName = "shuttle-plan";

    public string Kind => KindName;

    public static ShuttlePlanQuery Query(long networkId, long companyId, ShuttlePlanRequest request) =>
        new(networkId.ToString(CultureInfo.InvariantCulture), request.Date!.Value, request.Days,
            new ShuttleDemandOptions(request.MinDistanceKm, request.Minibuses, request.Coaches, companyId,
                request.Communes is { Count: > 0 } communes ? communes : null));

    /// <summary>The parameters of <see cref="Codes.Problem.NobodyToCarry"/>.</summary>
    public static Dictionary<string, object?> NobodyParameters(ShuttlePlanRequest request) => new() { ["minDistanceKm"] = request.MinDistanceKm };

    public async Task<object> RunAsync(JobContext job)
    {
        var input = JsonSerializer.Deserialize<ShuttlePlanJobInput>(job.Input, json.Value.SerializerOptions)!;
        var request = input.Request;
        job.Report(0, "loading-demand");
        var query = Query(input.NetworkId, input.CompanyId, request);
        ShuttleDemand demand;
        try { demand = await ShuttlePlanning.LoadDemandAsync(database, query, cancellation: job.Cancellation); }
        catch (ArgumentException) { throw new JobFailure(Codes.Problem.CannotPlan); }
        if (demand.Case.Riders.Count == 0)
            throw new JobFailure(Codes.Problem.NobodyToCarry, NobodyParameters(request));

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var roads = travelTimes.TravelTimes;
        // Clamped again: the cap may have been lowered since the job was queued.
        var seconds = Math.Min(request.TimeLimitSeconds, options.Value.MaxSolverSeconds);
        var limits = new SolverLimits(TimeSpan.FromSeconds(seconds), Seed: 1, Searches: 1, Cancellation: job.Cancellation);
        job.Report(0.05, "planning-waves");
        var (plan, comparison) = await JobThread.RunAsync(() => ShuttlePlanning.Plan(demand, roads, limits,
            (done, all) => job.Report(0.05 + 0.85 * done / all, "planning-waves"), () => job.Report(0.9, "comparing")), $"shuttle-plan-{job.Id}");

        job.Report(0.95, "saving");
        var (from, to) = (query.From, query.To);
        var name = request.Name!.Trim();
        var planId = await ShuttlePlanning.SaveAsync(database, query, input.NetworkId, name, plan, job.Cancellation);
        log.LogInformation("Company {Company}: shuttle plan {Plan} for {From}..{To}, {Riders} riders, {Seconds:F1} s",
            input.CompanyId, planId, from, to, demand.Case.Riders.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        return new ShuttlePlanOutcome(planId, name, from, to, demand.Case.Riders.Count, plan.Waves.Count,
            plan.Waves.Sum(w => w.Trips.Count), Math.Round(plan.Kilometres, 1), Math.Round(plan.Hours, 2), Math.Round(plan.Cost, 0),
            Math.Round(plan.KilogramsCo2, 1), plan.UnservedCount,
            plan.Waves.SelectMany(w => w.Unserved).GroupBy(u => u.Reason).Select(g => new UnservedCount(g.Key.ToString(), g.Sum(u => u.Count))).ToList(),
            comparison.Select(a => a with { VehicleKilometres = Math.Round(a.VehicleKilometres, 1), KilogramsCo2 = Math.Round(a.KilogramsCo2, 1) }).ToList());
    }
}
