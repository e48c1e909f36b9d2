using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;

namespace Mobility.Server.Live;

/// <summary>A message as a client receives it; <see cref="Sequence"/> counts per employee from 1 without gaps.</summary>
public sealed record NotificationMessage(long Sequence, string Kind, System.Text.Json.JsonElement Payload, DateTimeOffset CreatedAt);

/// <summary>
/// Durable messages per employee. Adding one takes a lock on the employee's row, so two writers never hand out the
/// same sequence number and none is skipped: a client that remembers the last number it saw misses nothing and gets
/// nothing twice.
/// </summary>
public sealed class NotificationStore(MobilityDbContext database, TimeProvider clock)
{
    /// <summary>Adds a message inside the caller's transaction (which must be open); push it only after commit.</summary>
    public async Task<NotificationMessage> AddAsync(long employeeId, string kind, object payload, CancellationToken cancellation)
    {
        if (database.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Notifications are written inside the transaction of the change they announce.");
        await database.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM employees WHERE id = {employeeId} FOR UPDATE", cancellation);
        var last = await database.Notifications.Where(n => n.EmployeeId == employeeId).MaxAsync(n => (long?)n.Sequence, cancellation) ?? 0;
        var json = System.Text.Json.JsonSerializer.Serialize(payload, JsonOptions);
        var notification = new Notification
        {
            EmployeeId = employeeId, Sequence = last + 1, Kind = kind, Payload = json, CreatedAt = clock.GetUtcNow(),
        };
        database.Notifications.Add(notification);
        await database.SaveChangesAsync(cancellation);
        return ToMessage(notification);
    }

    /// <summary>Everything after <paramref name="afterSequence"/>, oldest first.</summary>
    public async Task<IReadOnlyList<NotificationMessage>> SinceAsync(long employeeId, long afterSequence, int limit, CancellationToken cancellation)
    {
        var rows = await database.Notifications.AsNoTracking()
            .Where(n => n.EmployeeId == employeeId && n.Sequence > afterSequence)
            .OrderBy(n => n.Sequence).Take(limit).ToListAsync(cancellation);
        return rows.Select(ToMessage).ToList();
    }

    internal static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static NotificationMessage ToMessage(Notification n) =>
        new(n.Sequence, n.Kind, System.Text.Json.JsonDocument.Parse(n.Payload).RootElement.Clone(), n.CreatedAt);
}
