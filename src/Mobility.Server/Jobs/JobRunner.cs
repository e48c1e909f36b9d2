using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using Mobility.Data;

namespace Mobility.Server.Jobs;

/// <summary>
/// Runs queued jobs: claims the oldest one it may run with <c>FOR UPDATE SKIP LOCKED</c> (so instances never claim the
/// same job and never wait for each other), at most <see cref="JobOptions.Concurrency"/> at a time, never two of one
/// company (the database's partial unique index refuses a second running row). A running job renews its heartbeat;
/// one whose heartbeat went stale is queued again by whichever instance sees it first.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, IOptions<JobOptions> options,
    IOptions<JsonOptions> json, JobSignal signal, JobPusher pusher, ILogger<JobRunner> log) : BackgroundService
{
    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly JobOptions _options = options.Value;
    private string[] _kinds = [];

    private sealed record Claimed(long Id, string Kind, string Input, long RequestedById, double WaitedSeconds);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        NpgsqlDataSource? database;
        await using (var scope = scopes.CreateAsyncScope())
        {
            database = scope.ServiceProvider.GetService<NpgsqlDataSource>();
            if (database is null) return; // no database: nothing to run, /health still answers
            _kinds = scope.ServiceProvider.GetServices<IJobHandler>().Select(h => h.Kind).ToArray();
        }
        var running = new List<Task>();
        var lastCleanup = DateTimeOffset.MinValue;
        while (!stopping.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            if (DateTimeOffset.UtcNow - lastCleanup >= _options.CleanupInterval)
            {
                try { await CleanUpAsync(database, stopping); }
                catch (Exception error) when (!stopping.IsCancellationRequested) { log.LogWarning(error, "Cleaning finished jobs failed"); }
                lastCleanup = DateTimeOffset.UtcNow;
            }
            Claimed? claimed = null;
            if (running.Count < Math.Max(1, _options.Concurrency))
            {
                try
                {
                    await RequeueStaleAsync(database, stopping);
                    claimed = await ClaimAsync(database, stopping);
                }
                catch (Exception error) when (!stopping.IsCancellationRequested)
                {
                    log.LogWarning(error, "Claiming a job failed; trying again in {Interval}", _options.PollInterval);
                }
            }
            if (claimed is not null)
            {
                running.Add(RunAsync(database, claimed, stopping));
                continue;
            }
            var woken = signal.WaitAsync(_options.PollInterval, stopping);
            try { await (running.Count > 0 ? Task.WhenAny(woken, Task.WhenAny(running)) : woken); }
            catch (OperationCanceledException) { }
        }
        await Task.WhenAll(running);
    }

    private async Task RequeueStaleAsync(NpgsqlDataSource database, CancellationToken cancellation)
    {
        await using var command = database.CreateCommand("""
            UPDATE jobs SET running_on = NULL,
                state = CASE WHEN cancel_requested THEN 'Cancelled' WHEN attempts >= $2 THEN 'Failed' ELSE 'Queued' END,
                error_code = CASE WHEN NOT cancel_requested AND attempts >= $2 THEN $3 ELSE error_code END,
                finished_at = CASE WHEN cancel_requested OR attempts >= $2 THEN now() ELSE NULL END
            WHERE state = 'Running' AND heartbeat_at < now() - make_interval(secs => $1)
            RETURNING id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = _options.StaleAfter.TotalSeconds });
        command.Parameters.Add(new NpgsqlParameter { Value = _options.MaxAttempts });
        command.Parameters.Add(new NpgsqlParameter { Value = Codes.Problem.JobAbandoned });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            log.LogWarning("Job {Job} had a stale heartbeat (its instance stopped): taken back", reader.GetInt64(0));
    }

    /// <summary>Deletes the files of ended jobs (they hold home addresses; a job that ended on a dead instance leaves its
    /// file behind) and the jobs that ended more than <see cref="JobOptions.KeepFinishedFor"/> ago.</summary>
    private async Task CleanUpAsync(NpgsqlDataSource database, CancellationToken cancellation)
    {
        await using (var files = database.CreateCommand("""
            DELETE FROM job_files f USING jobs j WHERE f.job_id = j.id AND j.state IN ('Succeeded', 'Failed', 'Cancelled')
            """))
            await files.ExecuteNonQueryAsync(cancellation);
        await using var jobs = database.CreateCommand("""
            DELETE FROM jobs WHERE state IN ('Succeeded', 'Failed', 'Cancelled') AND finished_at < now() - make_interval(secs => $1)
            """);
        jobs.Parameters.Add(new NpgsqlParameter { Value = _options.KeepFinishedFor.TotalSeconds });
        if (await jobs.ExecuteNonQueryAsync(cancellation) is var deleted and > 0)
        {
            JobMetrics.Deleted.Add(deleted);
            log.LogInformation("Deleted {Count} jobs finished more than {Age} ago", deleted, _options.KeepFinishedFor);
        }
    }

    private async Task<Claimed?> ClaimAsync(NpgsqlDataSource database, CancellationToken cancellation)
    {
        await using var command = database.CreateCommand("""
            WITH next AS (
                SELECT id FROM jobs queued
                WHERE state = 'Queued' AND kind = ANY($2)
                  AND (company_id IS NULL OR NOT EXISTS (
                      SELECT 1 FROM jobs other WHERE other.state = 'Running' AND other.company_id = queued.company_id))
                ORDER BY created_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            UPDATE jobs SET state = 'Running', running_on = $1, started_at = now(), heartbeat_at = now(), attempts = attempts + 1,
                progress = 0, progress_message = NULL
            FROM next WHERE jobs.id = next.id
            RETURNING jobs.id, jobs.kind, jobs.input::text, jobs.requested_by_id, extract(epoch FROM now() - jobs.created_at)::float8
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = _instance });
        command.Parameters.Add(new NpgsqlParameter { Value = _kinds });
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            return await reader.ReadAsync(cancellation) ? new Claimed(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetDouble(4)) : null;
        }
        catch (PostgresException clash) when (clash.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another instance started a job of the same company at this moment: this one waits for the next poll.
            return null;
        }
    }

    private async Task RunAsync(NpgsqlDataSource database, Claimed claimed, CancellationToken stopping)
    {
        var kind = new KeyValuePair<string, object?>("kind", claimed.Kind);
        JobMetrics.WaitSeconds.Record(claimed.WaitedSeconds, kind);
        JobMetrics.Running.Add(1);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var job = new JobContext(claimed.Id, claimed.Input, cancel.Token);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(database, claimed, job, cancel, heartbeatStop.Token);
        string state, result = "null", code = "", parameters = "null";
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().Single(h => h.Kind == claimed.Kind);
            var outcome = await handler.RunAsync(job);
            (state, result) = ("Succeeded", JsonSerializer.Serialize(outcome, json.Value.SerializerOptions));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // This instance stops: give the job back at once rather than after the stale delay.
            state = "Queued";
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            state = "Cancelled";
        }
        catch (JobFailure failure)
        {
            (state, code, parameters) = ("Failed", failure.Code, JsonSerializer.Serialize(failure.Parameters, json.Value.SerializerOptions));
        }
        catch (Exception error)
        {
            log.LogError(error, "Job {Job} ({Kind}) failed", claimed.Id, claimed.Kind);
            (state, code) = ("Failed", Codes.Problem.JobFailed);
        }
        await heartbeatStop.CancelAsync();
        await heartbeat;
        await FinishAsync(database, claimed.Id, state, state == "Succeeded" ? result : null, code.Length > 0 ? code : null,
            code.Length > 0 ? parameters : null, CancellationToken.None);
        JobMetrics.Running.Add(-1);
        if (state == "Queued") return;
        await pusher.PushAsync(claimed.RequestedById, new JobUpdate(claimed.Id, claimed.Kind, state.ToLowerInvariant(),
            state == "Succeeded" ? 1 : job.Progress.Fraction, job.Progress.Message));
        var stateTag = new KeyValuePair<string, object?>("state", state.ToLowerInvariant());
        JobMetrics.Finished.Add(1, kind, stateTag);
        JobMetrics.RunSeconds.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, kind, stateTag);
        log.LogInformation("Job {Job} ({Kind}) {State}", claimed.Id, claimed.Kind, state);
    }

    /// <summary>Renews the heartbeat and saves the progress; cancels the job when its requester asked, or when another
    /// instance took it back (this one was thought dead).</summary>
    private async Task HeartbeatAsync(NpgsqlDataSource database, Claimed claimed, JobContext job, CancellationTokenSource cancel, CancellationToken until)
    {
        JobProgress? pushed = null;
        while (!until.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.HeartbeatInterval, until);
                await using var command = database.CreateCommand("""
                    UPDATE jobs SET heartbeat_at = now(), progress = $2, progress_message = $3
                    WHERE id = $1 AND running_on = $4 AND state = 'Running'
                    RETURNING cancel_requested
                    """);
                var progress = job.Progress;
                command.Parameters.Add(new NpgsqlParameter { Value = job.Id });
                command.Parameters.Add(new NpgsqlParameter { Value = progress.Fraction });
                command.Parameters.Add(new NpgsqlParameter { Value = progress.Message });
                command.Parameters.Add(new NpgsqlParameter { Value = _instance });
                var cancelRequested = await command.ExecuteScalarAsync(until);
                if (cancelRequested is null or true) await cancel.CancelAsync();
                else if (progress != pushed)
                {
                    await pusher.PushAsync(claimed.RequestedById, new JobUpdate(job.Id, claimed.Kind, "running", progress.Fraction, progress.Message));
                    pushed = progress;
                }
            }
            catch (OperationCanceledException) when (until.IsCancellationRequested) { }
            catch (Exception error) when (error is NpgsqlException or TimeoutException)
            {
                // The database is unreachable: the job goes on; if this lasts, another instance takes it back.
                log.LogWarning(error, "Heartbeat of job {Job} failed", job.Id);
            }
        }
    }

    private async Task FinishAsync(NpgsqlDataSource database, long id, string state, string? result, string? code, string? parameters, CancellationToken cancellation)
    {
        // The job's file goes with its end: nothing reads it again.
        await using var command = database.CreateCommand("""
            WITH ended AS (
                UPDATE jobs SET state = $2, result = $3::jsonb, error_code = $4, error_parameters = $5::jsonb, running_on = NULL,
                    progress = CASE WHEN $2 = 'Succeeded' THEN 1 ELSE progress END,
                    finished_at = CASE WHEN $2 = 'Queued' THEN NULL ELSE now() END
                WHERE id = $1 AND running_on = $6 AND state = 'Running'
                RETURNING id, state)
            DELETE FROM job_files WHERE job_id IN (SELECT id FROM ended WHERE state <> 'Queued')
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = state });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)result ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)code ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)parameters ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = _instance });
        try { await command.ExecuteNonQueryAsync(cancellation); }
        catch (NpgsqlException error)
        {
            // Its heartbeat stops too, so the job goes stale and runs again elsewhere.
            log.LogError(error, "Job {Job} ended {State} but could not be saved", id, state);
        }
        signal.Wake(); // a slot (and maybe this company's turn) is free
    }
}
