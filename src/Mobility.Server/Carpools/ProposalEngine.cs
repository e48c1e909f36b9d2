using Microsoft.EntityFrameworkCore;
using System.Diagnostics;
using Mobility.Server.Live;

namespace Mobility.Server.Carpools;

/// <summary>Which dates the engine keeps proposals for, and how it waits for changes to settle.</summary>
public sealed class ProposalEngineOptions
{
    /// <summary>Dates after today (network time), e.g. 2: today's remaining trips, tomorrow and the day after.</summary>
    public int DaysAhead { get; set; } = 2;
    /// <summary>A recompute starts once no request came for this long…</summary>
    public TimeSpan Quiet { get; set; } = TimeSpan.FromMilliseconds(100);
    /// <summary>…or this long after the first request, however busy it is.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Re-match every network once when the server starts (changes made while it was down).</summary>
    public bool RecomputeOnStart { get; set; } = true;
    /// <summary>A failed re-match is tried again after this, doubling with each failure…</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>…up to this.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Recomputes proposals in the background when inputs change (<see cref="RecomputeQueue"/>): debounced, so that an HR
/// import of 500 rows causes one re-match, not 500; each network once per burst, for each date ahead; then pushes.
/// Decisions (a decline or cancel, on one date) have a lane of their own: a whole-network re-match (an HR import, the
/// server's start) takes seconds per date, and the person who declined is waiting, so the two lanes run side by side (a
/// whole-network re-match holds a date only to write it, see <see cref="NetworkRematch.RunAsync"/>).
/// </summary>
public sealed class ProposalEngine(RecomputeQueue queue, IServiceScopeFactory scopes, NotificationPusher pusher, TravelTimesSource travel, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ProposalEngineOptions> options, ILogger<ProposalEngine> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var settings = options.Value;
        // Load the road network now rather than in the first re-match, which a user is waiting for.
        try { await Task.Run(() => travel.TravelTimes, stopping); }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            log.LogError(error, "The road network could not be loaded: re-matches will fail until the configuration is fixed");
        }
        var decisions = new Lane(this, settings, clock, scopes, log);
        var others = new Lane(this, settings, clock, scopes, log);
        var lanes = Task.WhenAll(Task.Run(() => decisions.RunAsync(stopping), stopping), Task.Run(() => others.RunAsync(stopping), stopping));
        if (settings.RecomputeOnStart) await RequestAllAsync(settings, stopping);
        try
        {
            await foreach (var request in queue.Reader.ReadAllAsync(stopping))
                (request is { Date: not null, Employees: not null } ? decisions : others).Requests.Writer.TryWrite(request);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
        await lanes;
    }

    /// <summary>One sequence of re-matches: its requests, debounced, and its failed re-matches waiting to be tried again.
    /// Only its own loop touches its state.</summary>
    private sealed class Lane(ProposalEngine engine, ProposalEngineOptions settings, TimeProvider clock, IServiceScopeFactory scopes, ILogger log)
    {
        public System.Threading.Channels.Channel<RecomputeRequest> Requests { get; } =
            System.Threading.Channels.Channel.CreateUnbounded<RecomputeRequest>(new() { SingleReader = true });

        public async Task RunAsync(CancellationToken stopping)
        {
            try
            {
                while (!stopping.IsCancellationRequested)
                {
                    var pending = new Dictionary<long, PendingNetwork>();
                    if (await NextRequestAsync(stopping) is { } first)
                    {
                        PendingNetwork.Add(pending, first);
                        await DebounceAsync(pending, stopping);
                    }
                    foreach (var (network, what) in TakeDue(pending))
                        await RecomputeNetworkAsync(network, what, stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
        }

        /// <summary>Reads the requests that follow the first until the lane is quiet, or the longest delay has passed.</summary>
        private async Task DebounceAsync(Dictionary<long, PendingNetwork> pending, CancellationToken stopping)
        {
            var deadline = clock.GetUtcNow() + settings.MaxDelay;
            while (clock.GetUtcNow() < deadline)
            {
                using var quiet = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                quiet.CancelAfter(Min(settings.Quiet, deadline - clock.GetUtcNow()));
                try { PendingNetwork.Add(pending, await Requests.Reader.ReadAsync(quiet.Token)); }
                catch (OperationCanceledException) when (!stopping.IsCancellationRequested) { break; }
            }
        }

        /// <summary>The next request, or null when a failed re-match is due for another try first.</summary>
        private async Task<RecomputeRequest?> NextRequestAsync(CancellationToken stopping)
        {
            if (_retries.Count == 0) return await Requests.Reader.ReadAsync(stopping);
            var wait = _retries.Values.Min(r => r.Due) - clock.GetUtcNow();
            if (wait <= TimeSpan.Zero) return null;
            using var due = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            due.CancelAfter(wait);
            try { return await Requests.Reader.ReadAsync(due.Token); }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested) { return null; }
        }

        /// <summary>Failed re-matches waiting for their next try, by network: what is left of them, merged with what came since.</summary>
        private readonly Dictionary<long, (PendingNetwork Work, DateTimeOffset Due)> _retries = [];
        /// <summary>Failures in a row, by network, until a re-match of it succeeds.</summary>
        private readonly Dictionary<long, int> _failures = [];

        /// <summary>What to re-match now: the requests and the retries that are due. A request for a network that is waiting
        /// to retry joins that retry rather than try sooner: the failure was a moment ago, and a network whose data make it
        /// fail must not be tried at every change.</summary>
        private Dictionary<long, PendingNetwork> TakeDue(Dictionary<long, PendingNetwork> requested)
        {
            foreach (var (network, retry) in _retries)
                if (requested.Remove(network, out var more)) retry.Work.Merge(more);
            var now = clock.GetUtcNow();
            foreach (var (network, retry) in _retries.Where(r => r.Value.Due <= now).ToList())
            {
                _retries.Remove(network);
                requested[network] = retry.Work;
            }
            return requested;
        }

        private async Task RecomputeNetworkAsync(long networkId, PendingNetwork what, CancellationToken stopping)
        {
            // The dates not re-matched yet, once known: a retry does not redo those that succeeded.
            Queue<DateOnly>? left = null;
            try
            {
                string? timeZone;
                await using (var scope = scopes.CreateAsyncScope())
                    timeZone = await scope.ServiceProvider.GetRequiredService<Data.MobilityDbContext>().Networks
                        .Where(n => n.Id == networkId).Select(n => n.TimeZone).SingleOrDefaultAsync(stopping);
                if (timeZone is null)
                {
                    Succeeded(networkId); // removed meanwhile: nothing is left to retry
                    return;
                }
                var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
                // The dates the engine keeps, today's remaining trips first, or only those the requests named (a decline on a
                // date a planning run covered beyond them included); never an earlier date. The re-match leaves out the trips
                // that have begun or begin within its margin (NetworkRematch.StartMargin), and yesterday's night shifts, whose
                // trips to work have begun, keep their groups home as they are.
                left = new Queue<DateOnly>((what.AllDates ? Enumerable.Range(0, settings.DaysAhead + 1).Select(today.AddDays) : [])
                    .Union(what.Dates.Where(d => d >= today)).Order());
                while (left.TryPeek(out var date))
                {
                    await engine.RecomputeAsync(networkId, date, what.Everyone ? null : what.Employees, stopping);
                    left.Dequeue();
                }
                log.LogInformation("Network {Network} re-matched after {Count} change(s): {Reasons}", networkId, what.Reasons.Count, string.Join("; ", what.Reasons.Take(5)));
                Succeeded(networkId);
            }
            catch (Exception error) when (!stopping.IsCancellationRequested)
            {
                // Kept and retried, so that an outage or one network's bad data neither loses changes nor stops the others.
                Postpone(networkId, left is null ? what : what.On(left), error);
            }
        }

        private void Succeeded(long networkId)
        {
            if (!_failures.Remove(networkId, out var failures)) return;
            LiveMetrics.RematchesWaiting.Add(-1);
            log.LogInformation("Network {Network} re-matched again after {Failures} failed attempt(s)", networkId, failures);
        }

        private void Postpone(long networkId, PendingNetwork left, Exception error)
        {
            if (!_failures.TryGetValue(networkId, out var failures)) LiveMetrics.RematchesWaiting.Add(1);
            _failures[networkId] = ++failures;
            var due = clock.GetUtcNow() + Backoff(failures, settings);
            _retries[networkId] = (left, due);
            LiveMetrics.RematchFailures.Add(1);
            log.LogError(error, "Re-matching network {Network} failed (attempt {Failures}); its {Count} change(s) are kept, next attempt at {NextAttempt:O}",
                networkId, failures, left.Reasons.Count, due);
        }
    }

    /// <summary>Requests every network, trying again with back-off while the database cannot list them: the changes made
    /// while the server was down (or that an earlier run had not matched yet) are matched by this alone.</summary>
    private async Task RequestAllAsync(ProposalEngineOptions settings, CancellationToken stopping)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var database = scope.ServiceProvider.GetRequiredService<Data.MobilityDbContext>();
                foreach (var network in await database.Networks.Select(n => n.Id).ToListAsync(stopping)) queue.Request(network, "server start");
                return;
            }
            catch (Exception error) when (!stopping.IsCancellationRequested)
            {
                // Nothing can be matched while the networks cannot even be listed, so the engine waits here.
                var delay = Backoff(failures, settings);
                LiveMetrics.RematchFailures.Add(1);
                log.LogError(error, "Could not list the networks to re-match at start (attempt {Failures}); next attempt at {NextAttempt:O}",
                    failures, clock.GetUtcNow() + delay);
                await Task.Delay(delay, clock, stopping);
            }
        }
    }

    private sealed class PendingNetwork
    {
        public static void Add(Dictionary<long, PendingNetwork> pending, RecomputeRequest request)
        {
            if (!pending.TryGetValue(request.NetworkId, out var network)) pending[request.NetworkId] = network = new PendingNetwork();
            network.Reasons.Add(request.Reason);
            if (request.Date is { } date) network.Dates.Add(date);
            else network.AllDates = true;
            if (request.Employees is null) network.Everyone = true;
            else network.Employees.UnionWith(request.Employees);
        }

        public void Merge(PendingNetwork other)
        {
            Reasons.AddRange(other.Reasons);
            Employees.UnionWith(other.Employees);
            Everyone |= other.Everyone;
            Dates.UnionWith(other.Dates);
            AllDates |= other.AllDates;
        }

        /// <summary>The same changes, on these dates only: what is left of a re-match that failed after its first dates.</summary>
        public PendingNetwork On(IEnumerable<DateOnly> dates)
        {
            var left = new PendingNetwork { Everyone = Everyone };
            left.Reasons.AddRange(Reasons);
            left.Employees.UnionWith(Employees);
            left.Dates.UnionWith(dates);
            return left;
        }

        public List<string> Reasons { get; } = [];
        public HashSet<long> Employees { get; } = [];
        public bool Everyone { get; set; }
        /// <summary>Dates named by the requests; all the dates ahead when one request named none.</summary>
        public HashSet<DateOnly> Dates { get; } = [];
        public bool AllDates { get; set; }
    }

    /// <summary>1 s, 2 s, 4 s… up to the longest delay, each ±20 % so that instances that failed together do not retry together.</summary>
    private static TimeSpan Backoff(int failures, ProposalEngineOptions settings)
    {
        var delay = Math.Min(settings.MaxRetryDelay.TotalSeconds, settings.RetryDelay.TotalSeconds * Math.Pow(2, Math.Min(failures - 1, 20)));
        return TimeSpan.FromSeconds(delay * (0.8 + 0.4 * Random.Shared.NextDouble()));
    }

    /// <summary>One network and date, in a scope of its own: re-match, commit, push. Public for the planning-run endpoint and
    /// tests, which choose the date.</summary>
    public async Task<RematchOutcome> RecomputeAsync(long networkId, DateOnly date, IReadOnlySet<long>? changed, CancellationToken cancellation)
    {
        var clockStart = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<NetworkRematch>().RunAsync(networkId, date, changed, cancellation);
        LiveMetrics.RecomputeSeconds.Record(Stopwatch.GetElapsedTime(clockStart).TotalSeconds);
        await pusher.PushAsync(outcome.Messages, cancellation);
        return outcome;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? (a > TimeSpan.Zero ? a : TimeSpan.Zero) : (b > TimeSpan.Zero ? b : TimeSpan.Zero);
}
