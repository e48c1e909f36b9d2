using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Accounts;
using Mobility.Server.Http;
using Mobility.Server.Jobs;

namespace Mobility.Server.Scenarios;

/// <summary>A scenario as the API answers it, with its latest run when it has one.</summary>
public sealed record ScenarioView(long Id, string Name, IReadOnlyList<ScenarioChange> Changes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    ScenarioRunView? LatestRun);

/// <summary>What a run is asked for: a date, or a week (7 days) from it.</summary>
public sealed record ScenarioRunRequest(DateOnly? Date, int Days = 1);

/// <summary>Two scenarios' runs on the same dates beside one baseline; <see cref="SameBaseline"/> false when the network's
/// data changed between the two runs (run them again to compare like for like).</summary>
public sealed record ScenarioSide(long Id, string Name, bool Withheld, ScenarioFigures Figures, long RunId, DateTimeOffset FinishedAt);
public sealed record ScenarioComparisonView(DateOnly From, int Days, int RoundingBase, int MinimumShown, ScenarioFigures Baseline,
    IReadOnlyList<ScenarioSide> Scenarios, bool SameBaseline);

/// <summary>
/// The working group's (and administrators') what-if scenarios of a network: saved, run as jobs (202 and the job to
/// follow), their runs read afterwards, two compared beside the same baseline. A run never touches the network's live data.
/// </summary>
public static class ScenarioEndpoints
{
    public const int MaxRunDays = 7;

    public static IEndpointRouteBuilder MapScenarioEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/networks/{networkId:long}/scenarios")
            .RequireAuthorization(ScenarioNetworkRequirement.Policy).WithTags("Scenarios");
        group.MapGet("", ListScenariosAsync).WithSummary("The network's scenarios, each with its latest run.");
        group.MapPost("", CreateScenarioAsync).WithSummary("Saves a scenario: a name and its changes (shift-start, add-meeting-point, remove-meeting-point, shuttle-line, detour-policy).");
        group.MapGet("/comparison", CompareAsync).WithSummary("Up to two scenarios' latest runs on ?from=&days= beside the baseline (?scenarios=1,2).");
        group.MapGet("/{scenarioId:long}", ReadScenarioAsync).WithSummary("One scenario with its latest run.");
        group.MapPut("/{scenarioId:long}", UpdateScenarioAsync).WithSummary("Replaces a scenario's name and changes; its runs, which described the old changes, are dropped.");
        group.MapDelete("/{scenarioId:long}", DeleteScenarioAsync).WithSummary("Deletes a scenario and its runs.");
        group.MapPost("/{scenarioId:long}/runs", QueueRunAsync).WithSummary("Runs a scenario on a date (days=1) or a week (days=7) as a job: 202 and the job to follow (GET /api/jobs/{jobId}).");
        group.MapGet("/{scenarioId:long}/runs", ListRunsAsync).WithSummary("A scenario's finished runs, newest first.");
        return endpoints;
    }

    private static IResult NotFound() => CodedProblem.Create(StatusCodes.Status404NotFound, Codes.Problem.NotFound);

    private static async Task<ScenarioNetwork> NetworkAsync(MobilityDbContext database, long networkId, CancellationToken cancellation)
    {
        var sites = await database.Sites.AsNoTracking().Where(s => s.NetworkId == networkId).ToDictionaryAsync(s => s.Id, cancellation);
        var companies = await database.Companies.AsNoTracking().Where(c => c.NetworkId == networkId).ToDictionaryAsync(c => c.Id, cancellation);
        return new ScenarioNetwork(sites, companies, CoordinateCheck.ForArea(sites.Values.Select(s => s.Location.ToGeoPoint())));
    }

    private static async Task<ScenarioView> ViewAsync(MobilityDbContext database, Scenario scenario, CancellationToken cancellation)
    {
        var latest = await database.ScenarioRuns.AsNoTracking().Where(r => r.ScenarioId == scenario.Id)
            .OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellation);
        return new ScenarioView(scenario.Id, scenario.Name, scenario.Changes, scenario.CreatedAt, scenario.UpdatedAt,
            latest is null ? null : ScenarioRunner.View(latest));
    }

    private static async Task<IResult> ListScenariosAsync(long networkId, MobilityDbContext database, CancellationToken cancellation)
    {
        var scenarios = await database.Scenarios.AsNoTracking().Where(s => s.NetworkId == networkId).OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(cancellation);
        var views = new List<ScenarioView>();
        foreach (var scenario in scenarios) views.Add(await ViewAsync(database, scenario, cancellation));
        return Results.Ok(views);
    }

    private static async Task<IResult> CreateScenarioAsync(long networkId, ScenarioRequest request, HttpContext http, MobilityDbContext database,
        TimeProvider clock, CancellationToken cancellation)
    {
        // An administrator may name any network: one that does not exist has no scenarios.
        if (!await database.Networks.AnyAsync(n => n.Id == networkId, cancellation)) return NotFound();
        var errors = new FieldErrors();
        request.Validate(errors, await NetworkAsync(database, networkId, cancellation));
        if (errors.Any) return errors.Problem();
        var now = clock.GetUtcNow();
        var scenario = new Scenario
        {
            NetworkId = networkId, Name = request.Name!.Trim(), Changes = request.Stored(), CreatedById = CurrentUser.From(http.User)!.AccountId,
            CreatedAt = now, UpdatedAt = now,
        };
        database.Scenarios.Add(scenario);
        await database.SaveChangesAsync(cancellation);
        return Results.Created($"/api/networks/{networkId}/scenarios/{scenario.Id}", await ViewAsync(database, scenario, cancellation));
    }

    private static async Task<IResult> ReadScenarioAsync(long networkId, long scenarioId, MobilityDbContext database, CancellationToken cancellation) =>
        await database.Scenarios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == scenarioId && s.NetworkId == networkId, cancellation) is { } scenario
            ? Results.Ok(await ViewAsync(database, scenario, cancellation)) : NotFound();

    private static async Task<IResult> UpdateScenarioAsync(long networkId, long scenarioId, ScenarioRequest request, MobilityDbContext database,
        TimeProvider clock, CancellationToken cancellation)
    {
        if (await database.Scenarios.SingleOrDefaultAsync(s => s.Id == scenarioId && s.NetworkId == networkId, cancellation) is not { } scenario) return NotFound();
        var errors = new FieldErrors();
        request.Validate(errors, await NetworkAsync(database, networkId, cancellation));
        if (errors.Any) return errors.Problem();
        (scenario.Name, scenario.Changes, scenario.UpdatedAt) = (request.Name!.Trim(), request.Stored(), clock.GetUtcNow());
        await database.ScenarioRuns.Where(r => r.ScenarioId == scenarioId).ExecuteDeleteAsync(cancellation);
        await database.SaveChangesAsync(cancellation);
        return Results.Ok(await ViewAsync(database, scenario, cancellation));
    }

    private static async Task<IResult> DeleteScenarioAsync(long networkId, long scenarioId, MobilityDbContext database, CancellationToken cancellation) =>
        await database.Scenarios.Where(s => s.Id == scenarioId && s.NetworkId == networkId).ExecuteDeleteAsync(cancellation) == 0
            ? NotFound() : Results.NoContent();

    private static async Task<IResult> QueueRunAsync(long networkId, long scenarioId, ScenarioRunRequest request, HttpContext http,
        MobilityDbContext database, JobQueue jobs, CancellationToken cancellation)
    {
        if (!await database.Scenarios.AnyAsync(s => s.Id == scenarioId && s.NetworkId == networkId, cancellation)) return NotFound();
        var errors = new FieldErrors();
        DateField.Check(errors, "date", request.Date, required: true);
        if (request.Days is < 1 or > MaxRunDays) errors.Add("days", Codes.Field.OutOfRange, CodeParameters.Range(1, MaxRunDays));
        if (errors.Any) return errors.Problem();
        var job = await jobs.EnqueueAsync(ScenarioRunJob.KindName, new ScenarioRunJobInput(networkId, scenarioId, request.Date!.Value, request.Days),
            CurrentUser.From(http.User)!.AccountId, networkId, companyId: null, cancellation);
        return Results.Accepted(JobEndpoints.Location(job.Id), JobQueue.View(job, RequestLanguage.Of(http)));
    }

    private static async Task<IResult> ListRunsAsync(long networkId, long scenarioId, MobilityDbContext database, CancellationToken cancellation)
    {
        if (!await database.Scenarios.AnyAsync(s => s.Id == scenarioId && s.NetworkId == networkId, cancellation)) return NotFound();
        var runs = await database.ScenarioRuns.AsNoTracking().Where(r => r.ScenarioId == scenarioId)
            .OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.Id).Take(50).ToListAsync(cancellation);
        return Results.Ok(runs.Select(ScenarioRunner.View).ToList());
    }

    private static async Task<IResult> CompareAsync(long networkId, string? scenarios, DateOnly? from, int? days, MobilityDbContext database,
        CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        DateField.Check(errors, "from", from, required: true);
        if (days is < 1 or > MaxRunDays) errors.Add("days", Codes.Field.OutOfRange, CodeParameters.Range(1, MaxRunDays));
        var ids = new List<long>();
        foreach (var part in (scenarios ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (long.TryParse(part, out var id)) ids.Add(id);
            else errors.Add("scenarios", Codes.Field.WholeNumberExpected);
        if (!errors.Any && ids.Count is < 1 or > 2) errors.Add("scenarios", Codes.Field.OutOfRange, CodeParameters.Range(1, 2));
        if (errors.Any) return errors.Problem();
        var length = days ?? 1;
        var found = await database.Scenarios.AsNoTracking().Where(s => s.NetworkId == networkId && ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellation);
        if (ids.Any(id => !found.ContainsKey(id))) return NotFound();
        var sides = new List<(ScenarioSide Side, ScenarioFigures Baseline)>();
        foreach (var id in ids.Distinct())
        {
            var run = await database.ScenarioRuns.AsNoTracking().Where(r => r.ScenarioId == id && r.From == from && r.Days == length)
                .OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellation);
            if (run is null) return NotFound();
            var view = ScenarioRunner.View(run);
            sides.Add((new ScenarioSide(id, found[id].Name, view.Comparison.Withheld, view.Comparison.Scenario, run.Id, run.FinishedAt), view.Comparison.Baseline));
        }
        return Results.Ok(new ScenarioComparisonView(from!.Value, length, Data.Privacy.Disclosure.Base, Data.Privacy.Disclosure.KilometreMinimumCount,
            sides[0].Baseline, sides.Select(s => s.Side).ToList(), sides.All(s => s.Baseline == sides[0].Baseline)));
    }
}
