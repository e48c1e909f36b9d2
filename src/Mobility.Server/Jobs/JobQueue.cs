using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Http;

namespace Mobility.Server.Jobs;

/// <summary>The job as the API answers it: the stored result once succeeded, the problem once failed.</summary>
public sealed record JobView(long Id, string Kind, string State, double Progress, string? ProgressMessage, DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, JsonElement Input, JsonElement? Result, JobError? Error);

/// <summary>Why a job failed: its code and parameters (which clients word), and its title and detail in the requester's language.</summary>
public sealed record JobError(string Code, string Title, string? Detail, JsonElement? Parameters);

/// <summary>Queues jobs in PostgreSQL (the only state: any instance may run them) and wakes this instance's runner.</summary>
public sealed class JobQueue(MobilityDbContext database, JobSignal signal, IOptions<JsonOptions> json)
{
    public async Task<Job> EnqueueAsync(string kind, object input, long requestedBy, long? networkId, long? companyId, CancellationToken cancellation,
        byte[]? file = null)
    {
        var job = new Job
        {
            Kind = kind, Input = JsonSerializer.Serialize(input, json.Value.SerializerOptions), RequestedById = requestedBy,
            NetworkId = networkId, CompanyId = companyId, State = JobState.Queued, CreatedAt = DateTimeOffset.UtcNow,
        };
        database.Jobs.Add(job);
        if (file is not null) database.JobFiles.Add(new JobFile { Job = job, Content = file });
        await database.SaveChangesAsync(cancellation);
        signal.Wake();
        return job;
    }

    /// <summary>A queued job is cancelled at once; a running one when its instance next reads the flag (its next heartbeat).</summary>
    public async Task<Job?> CancelAsync(long jobId, CancellationToken cancellation)
    {
        await database.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE jobs SET cancel_requested = true,
                state = CASE WHEN state = 'Queued' THEN 'Cancelled' ELSE state END,
                finished_at = CASE WHEN state = 'Queued' THEN now() ELSE finished_at END
            WHERE id = {jobId} AND state IN ('Queued', 'Running');
            DELETE FROM job_files WHERE job_id = {jobId} AND EXISTS (SELECT 1 FROM jobs WHERE id = {jobId} AND state = 'Cancelled');
            """, cancellation);
        return await FindAsync(jobId, cancellation);
    }

    public Task<Job?> FindAsync(long jobId, CancellationToken cancellation) =>
        database.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellation);

    /// <param name="language">Of the error's words (<see cref="RequestLanguage"/>); a job just queued has none.</param>
    public static JobView View(Job job, string language = RequestLanguage.French)
    {
        JobError? error = null;
        if (job.ErrorCode is { } code)
        {
            JsonElement? parameters = job.ErrorParameters is { } text ? JsonDocument.Parse(text).RootElement : null;
            var (title, detail) = JobProblems.Describe(code, parameters, language);
            error = new JobError(code, title, detail, parameters);
        }
        return new JobView(job.Id, job.Kind, job.State.ToString().ToLowerInvariant(), job.Progress, job.ProgressMessage, job.CreatedAt,
            job.StartedAt, job.FinishedAt, JsonDocument.Parse(job.Input).RootElement,
            job.Result is { } result ? JsonDocument.Parse(result).RootElement : null, error);
    }
}

/// <summary>Wakes the local runner when a job is queued here, so it need not wait for its next poll.</summary>
public sealed class JobSignal
{
    private readonly SemaphoreSlim _wake = new(0);

    public void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellation) => _wake.WaitAsync(timeout, cancellation);
}
