using Microsoft.EntityFrameworkCore;
using System.Diagnostics;

namespace Mobility.Server.Proposals;

/// <summary>Which dates the engine keeps proposals for, and how it waits for changes to settle.</summary>
public sealed class ProposalEngineOptions
{
    /// <summary>Dates from tomorrow (network time) on, e.g. 2: tomorrow and the day after.</summary>
    public int DaysAhead { get; set; } = 2;
    /// <summary>A recompute starts once no request came for this long…</summary>
    public TimeSpan Quiet { get; set; } = TimeSpan.FromMilliseconds(100);
    /// <summary>…or this long after the first request, however busy it is.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Re-match every network once when the server starts (changes made while it was down).</summary>
    public bool RecomputeOnStart { get; set; } = true;
}

/// <summary>
/// Recomputes proposals in the background when inputs change (<see cref="RecomputeQueue"/>): debounced, so that an HR
/// import of 500 rows causes one re-match, not 500; each network once per burst, for each date ahead; then pushes.
/// </summary>
public sealed class ProposalEngine(RecomputeQueue queue, IServiceScopeFactory scopes, Live.NotificationPusher pusher, TravelTimesSource travel, TimeProvider clock,
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
        if (settings.RecomputeOnStart) await RequestAllAsync(stopping);
        while (!stopping.IsCancellationRequested)
        {
            var pending = new Dictionary<long, PendingNetwork>();
            while (_deferred.TryDequeue(out var early)) PendingNetwork.Add(pending, early);
            if (pending.Count == 0) PendingNetwork.Add(pending, await queue.Reader.ReadAsync(stopping));
            var deadline = clock.GetUtcNow() + settings.MaxDelay;
            while (clock.GetUtcNow() < deadline)
            {
                using var quiet = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                quiet.CancelAfter(Min(settings.Quiet, deadline - clock.GetUtcNow()));
                try { PendingNetwork.Add(pending, await queue.Reader.ReadAsync(quiet.Token)); }
                catch (OperationCanceledException) when (!stopping.IsCancellationRequested) { break; }
            }
            foreach (var (network, what) in pending)
                await RecomputeNetworkAsync(network, what, settings, decisionsBetweenDates: true, stopping);
        }
    }

    /// <summary>Requests read between the dates of a re-match that were not decisions: they start the next burst.
    /// Only the engine's loop touches it.</summary>
    private readonly Queue<RecomputeRequest> _deferred = new();

    /// <summary>
    /// Decisions (a decline or cancel, on one date) that came while a re-match ran are matched now, before its next date:
    /// a whole-network re-match (an HR import, a planning run) takes seconds per date, and the person who declined is
    /// waiting. Everything else waits for the next burst, where it is debounced as usual.
    /// </summary>
    private async Task DecisionsMeanwhileAsync(ProposalEngineOptions settings, CancellationToken stopping)
    {
        var decisions = new Dictionary<long, PendingNetwork>();
        while (queue.Reader.TryRead(out var request))
            if (request is { Date: not null, Employees: not null }) PendingNetwork.Add(decisions, request);
            else _deferred.Enqueue(request);
        foreach (var (network, what) in decisions)
            await RecomputeNetworkAsync(network, what, settings, decisionsBetweenDates: false, stopping);
    }

    private async Task RequestAllAsync(CancellationToken stopping)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<Data.MobilityDbContext>();
            foreach (var network in await database.Networks.Select(n => n.Id).ToListAsync(stopping)) queue.Request(network, "server start");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            log.LogWarning(error, "Could not list the networks to re-match at start");
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

        public List<string> Reasons { get; } = [];
        public HashSet<long> Employees { get; } = [];
        public bool Everyone { get; set; }
        /// <summary>Dates named by the requests; all the dates ahead when one request named none.</summary>
        public HashSet<DateOnly> Dates { get; } = [];
        public bool AllDates { get; set; }
    }

    private async Task RecomputeNetworkAsync(long networkId, PendingNetwork what, ProposalEngineOptions settings, bool decisionsBetweenDates,
        CancellationToken stopping)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<Data.MobilityDbContext>();
            var timeZone = await database.Networks.Where(n => n.Id == networkId).Select(n => n.TimeZone).SingleOrDefaultAsync(stopping);
            if (timeZone is null) return;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
            // The dates the engine keeps, or only those the requests named (a decline on a date a planning run covered
            // beyond them included); never today or earlier, whose trips may have begun.
            var dates = (what.AllDates ? Enumerable.Range(1, settings.DaysAhead).Select(today.AddDays) : [])
                .Union(what.Dates.Where(d => d > today)).Order();
            foreach (var date in dates)
            {
                await RecomputeAsync(scope.ServiceProvider, networkId, date, what.Everyone ? null : what.Employees, stopping);
                if (decisionsBetweenDates) await DecisionsMeanwhileAsync(settings, stopping);
            }
            log.LogInformation("Network {Network} re-matched after {Count} change(s): {Reasons}", networkId, what.Reasons.Count, string.Join("; ", what.Reasons.Take(5)));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // One network's failure must not stop the engine for the others; the next change retries.
            log.LogError(error, "Re-matching network {Network} failed", networkId);
        }
    }

    /// <summary>One network and date: re-match, commit, push. Public for the CLI and tests, which choose the date.</summary>
    public async Task<RematchOutcome> RecomputeAsync(IServiceProvider services, long networkId, DateOnly date, IReadOnlySet<long>? changed,
        CancellationToken cancellation)
    {
        var clockStart = Stopwatch.GetTimestamp();
        var outcome = await services.GetRequiredService<NetworkRematch>().RunAsync(networkId, date, changed, cancellation);
        Live.LiveMetrics.RecomputeSeconds.Record(Stopwatch.GetElapsedTime(clockStart).TotalSeconds);
        await pusher.PushAsync(outcome.Messages, cancellation);
        return outcome;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? (a > TimeSpan.Zero ? a : TimeSpan.Zero) : (b > TimeSpan.Zero ? b : TimeSpan.Zero);
}
