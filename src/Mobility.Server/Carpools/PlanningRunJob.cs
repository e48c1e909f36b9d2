using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Mobility.Server.Jobs;

namespace Mobility.Server.Carpools;

public sealed record PlanningRunJobInput(long NetworkId, DateOnly Date);

/// <summary>An administrator's re-match of one date as a job: a network's matching takes seconds to minutes of a core,
/// so no request waits for it; the result is the run's counts.</summary>
public sealed class PlanningRunJob(ProposalEngine engine, Data.MobilityDbContext database, IOptions<JsonOptions> json) : IJobHandler
{
    public const string KindName = "planning-run";

    public string Kind => KindName;

    public async Task<object> RunAsync(JobContext job)
    {
        var input = JsonSerializer.Deserialize<PlanningRunJobInput>(job.Input, json.Value.SerializerOptions)!;
        job.Report(0, "matching");
        var outcome = await engine.RecomputeAsync(input.NetworkId, input.Date, changed: null, job.Cancellation);
        var mix = await Data.Queries.CarpoolMix.OfAsync(database, input.NetworkId, input.Date, job.Cancellation);
        return new PlanningRunResult(input.NetworkId, input.Date, outcome.Proposed, outcome.Withdrawn, outcome.Kept, outcome.Messages.Count, mix);
    }
}
