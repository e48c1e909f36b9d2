using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mobility.Application.Statistics;
using Mobility.Data;

namespace Mobility.Server.Statistics;

/// <summary>
/// Takes the daily activity snapshots (<see cref="ActivitySnapshots"/>): every <see cref="StatisticsOptions.CheckInterval"/>,
/// for each network, the days of the last <see cref="StatisticsOptions.CatchUpDays"/> that have none, yesterday only once
/// the network's local clock has passed <see cref="StatisticsOptions.SnapshotHour"/>. Every instance may run it: taking a
/// date twice replaces it with the same content.
/// </summary>
public sealed class ActivitySnapshotService(IServiceScopeFactory scopes, IOptions<StatisticsOptions> options, TimeProvider clock,
    ILogger<ActivitySnapshotService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!options.Value.SnapshotsEnabled) return;
        using var timer = new PeriodicTimer(options.Value.CheckInterval, clock);
        do
        {
            try { await TakeMissingAsync(stopping); }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The database may be down or not migrated yet: the next round tries again.
                log.LogWarning(error, "Taking the activity snapshots failed");
            }
        } while (await timer.WaitForNextTickAsync(stopping));
    }

    /// <summary>Takes every missing snapshot due now; returns how many were taken.</summary>
    public async Task<int> TakeMissingAsync(CancellationToken cancellation)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<MobilityDbContext>();
        var networks = await database.Networks.AsNoTracking().Select(n => new { n.Id, n.TimeZone }).ToListAsync(cancellation);
        var taken = 0;
        foreach (var network in networks)
        {
            var now = clock.GetUtcNow();
            var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(network.TimeZone));
            var today = DateOnly.FromDateTime(local.DateTime);
            var yesterday = today.AddDays(-1);
            foreach (var date in await ActivitySnapshots.MissingAsync(database, network.Id, today, options.Value.CatchUpDays, cancellation))
            {
                if (date == yesterday && local.Hour < options.Value.SnapshotHour) continue;
                await ActivitySnapshots.TakeAsync(database, network.Id, date, now, cancellation);
                taken++;
            }
        }
        if (taken > 0) log.LogInformation("Took {Count} activity snapshots", taken);
        return taken;
    }
}
