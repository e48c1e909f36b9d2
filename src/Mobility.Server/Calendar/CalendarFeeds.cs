using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Accounts;

namespace Mobility.Server.Calendar;

/// <summary>An employee's secret calendar address: made (or made again, which ends the previous one), asked about, revoked,
/// and the employee it opens. The token is answered once, inside the address; only its SHA-256 is stored.</summary>
public sealed class CalendarFeeds(MobilityDbContext database, TimeProvider clock)
{
    /// <summary>Longer than any token <see cref="SecretTokens.New"/> makes: anything longer is not worth hashing.</summary>
    private const int LongestToken = 64;

    /// <returns>The new token; the old one, if any, no longer opens anything.</returns>
    public async Task<(string Token, DateTimeOffset CreatedAt)> RotateAsync(long employeeId, CancellationToken cancellation)
    {
        var token = SecretTokens.New();
        var now = clock.GetUtcNow();
        // One statement, so that two rotations at once leave exactly one feed.
        await database.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO calendar_feeds (employee_id, token_hash, created_at) VALUES ({employeeId}, {SecretTokens.Hash(token)}, {now})
            ON CONFLICT (employee_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at
            """, cancellation);
        return (token, now);
    }

    public async Task<DateTimeOffset?> CreatedAtAsync(long employeeId, CancellationToken cancellation) =>
        await database.CalendarFeeds.Where(f => f.EmployeeId == employeeId).Select(f => (DateTimeOffset?)f.CreatedAt).SingleOrDefaultAsync(cancellation);

    public Task RevokeAsync(long employeeId, CancellationToken cancellation) =>
        database.CalendarFeeds.Where(f => f.EmployeeId == employeeId).ExecuteDeleteAsync(cancellation);

    /// <summary>The feed the token opens, or null (unknown, revoked, rotated, or the employee erased).</summary>
    public async Task<CalendarFeed?> OpenAsync(string token, CancellationToken cancellation)
    {
        if (token.Length is 0 or > LongestToken) return null;
        var hash = SecretTokens.Hash(token);
        return await database.CalendarFeeds.AsNoTracking()
            .SingleOrDefaultAsync(f => f.TokenHash == hash && f.Employee!.ErasedAt == null, cancellation);
    }
}
