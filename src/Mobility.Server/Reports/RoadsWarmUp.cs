using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Privacy;
using Mobility.Server.Carpools;
using Mobility.Server.Statistics;

namespace Mobility.Server.Reports;

/// <summary>
/// With <c>Routing:WarmAtStart</c>, opens the car roads and the accessibility roads (car, bicycle, foot) right after the
/// start, then draws every network's isochrones, in the background: otherwise the first working-group visitor after a
/// restart pays for them (the diagnostic report 20–40 s instead of a few, the first scenario two minutes). Off by default,
/// so a test server or a one-shot command starts without importing an extract; run.sh and compose turn it on.
/// </summary>
public sealed class RoadsWarmUp(IConfiguration configuration, IServiceScopeFactory scopes, TravelTimesSource carTimes,
    AccessibilityRoads roads, TimeProvider clock, ILogger<RoadsWarmUp> log) : BackgroundService
{
    public const string SettingName = "Routing:WarmAtStart";

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!configuration.GetValue<bool>(SettingName)) return;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            // Off the start-up thread: the server answers while the extract is imported.
            await Task.Run(() => carTimes.Router, stopping);
            if (await Task.Run(() => roads.Router, stopping) is null) return;
            await using var scope = scopes.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<MobilityDbContext>();
            var accessibility = scope.ServiceProvider.GetRequiredService<AccessibilityStatistics>();
            var disclosure = scope.ServiceProvider.GetRequiredService<Disclosure>();
            var everyone = new DemandStatisticsEndpoints.FilterQuery(null, null, null, null, null);
            foreach (var networkId in await database.Networks.AsNoTracking().Select(n => n.Id).ToListAsync(stopping))
            {
                var (people, _, _) = await DemandStatisticsEndpoints.PeopleAsync(networkId, everyone, database, clock, stopping);
                if (people is { Count: > 0 }) await accessibility.OfAsync(database, disclosure, networkId, people, stopping);
            }
            log.LogInformation("Roads and isochrones ready in {Seconds:F1} s", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Not fatal: the first request loads what is missing, as without the setting.
            log.LogWarning(error, "Warming the roads at start failed");
        }
    }
}
