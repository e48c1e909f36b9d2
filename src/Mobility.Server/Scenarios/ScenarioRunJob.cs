using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Server.Jobs;

namespace Mobility.Server.Scenarios;

public sealed record ScenarioRunJobInput(long NetworkId, long ScenarioId, DateOnly From, int Days);

/// <summary>A scenario's run as a job: two matchings (and shuttle plans) per date take seconds of a core, so no request
/// waits for them; the result is the stored run.</summary>
public sealed class ScenarioRunJob(MobilityDbContext database, ScenarioRunner runner, IOptions<JsonOptions> json) : IJobHandler
{
    public const string KindName = "scenario-run";

    public string Kind => KindName;

    public async Task<object> RunAsync(JobContext job)
    {
        var input = JsonSerializer.Deserialize<ScenarioRunJobInput>(job.Input, json.Value.SerializerOptions)!;
        // Read again: it may have been changed or deleted since the run was asked for.
        var scenario = await database.Scenarios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == input.ScenarioId && s.NetworkId == input.NetworkId, job.Cancellation)
            ?? throw new JobFailure(Codes.Problem.NotFound);
        try
        {
            return await runner.RunAsync(scenario, input.From, input.Days, job.Id, job.Report, job.Cancellation);
        }
        catch (KeyNotFoundException)
        {
            // A site or company the scenario names was removed from the network since it was saved.
            throw new JobFailure(Codes.Problem.CannotPlan);
        }
    }
}
