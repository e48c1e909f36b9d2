using Microsoft.EntityFrameworkCore;

namespace Mobility.Server.Carpools;

/// <summary>
/// Re-matches each network when its date changes (midnight in its time zone): the engine keeps proposals for a few dates
/// ahead, so a server that runs for days must reach each new date (and repeat the standing carpools on it) by itself.
/// </summary>
public sealed class NewDayRematch(RecomputeQueue queue, IServiceScopeFactory scopes, TimeProvider clock, ILogger<NewDayRematch> log) : BackgroundService
{
    /// <summary>How often the dates are looked at: a new date is matched at most this long after midnight.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        // The dates at start are matched by the engine's own start re-match.
        var seen = new Dictionary<long, DateOnly>();
        using var timer = new PeriodicTimer(Period, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var networks = await scope.ServiceProvider.GetRequiredService<Data.MobilityDbContext>().Networks
                    .Select(n => new { n.Id, n.TimeZone }).ToListAsync(stopping);
                foreach (var network in networks)
                {
                    var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(network.TimeZone)).DateTime);
                    if (seen.TryGetValue(network.Id, out var before) && before != today) queue.Request(network.Id, $"new day {today:yyyy-MM-dd}");
                    seen[network.Id] = today;
                }
            }
            catch (Exception error) when (!stopping.IsCancellationRequested)
            {
                // The next tick tries again; a missed midnight is matched then.
                log.LogError(error, "Could not read the networks' dates");
            }
        } while (await timer.WaitForNextTickAsync(stopping));
    }
}
