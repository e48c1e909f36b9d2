using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mobility.Data;

namespace Mobility.Server.Crew;

/// <summary>Deletes the threads of groups older than <see cref="CrewOptions.KeepDays"/>, at start and then every
/// <see cref="CrewOptions.CleanupInterval"/>. Every instance may run it: deleting twice is harmless.</summary>
public sealed class CrewMessageCleanup(IServiceScopeFactory scopes, IOptions<CrewOptions> options, TimeProvider clock, ILogger<CrewMessageCleanup> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, clock);
        do
        {
            try { await DeleteOldAsync(stopping); }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The database may be down or not configured: the next round tries again.
                log.LogWarning(error, "Deleting old crew messages failed");
            }
        } while (await timer.WaitForNextTickAsync(stopping));
    }

    public async Task<int> DeleteOldAsync(CancellationToken cancellation)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<MobilityDbContext>();
        var oldest = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-options.Value.KeepDays);
        var deleted = await database.CrewMessages.Where(m => m.CarpoolGroup!.Date < oldest).ExecuteDeleteAsync(cancellation);
        if (deleted > 0) log.LogInformation("Deleted {Count} crew messages of groups before {Date}", deleted, oldest);
        return deleted;
    }
}
