using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;

namespace Mobility.Server.Carpools;

/// <summary>A message as a client receives it; <see cref="Sequence"/> counts per employee from 1 without gaps.</summary>
public sealed record NotificationMessage(long Sequence, string Kind, System.Text.Json.JsonElement Payload, DateTimeOffset CreatedAt);

/// <summary>
/// Durable messages per employee. Adding one takes a lock on the employee's row, so two writers never hand out the
/// same sequence number and none is skipped: a client that remembers the last number it saw misses nothing and gets
/// nothing twice. A stored message names its group only; its payload (the group as the employee may see it) is made when
/// it is pushed and again when it is read back, so no message keeps a copy of other people's data that erasure or a
/// change of privacy rules could not reach.
/// </summary>
public sealed class NotificationStore(MobilityDbContext database, TimeProvider clock)
{

    /// <summary>Adds messages (<see cref="StoreManyAsync"/>) and makes them as they are pushed, from the groups given.</summary>
    public async Task<IReadOnlyList<(long EmployeeId, NotificationMessage Message)>> AddManyAsync(
        IReadOnlyList<(long EmployeeId, string Kind, CarpoolGroup Group)> messages, CancellationToken cancellation)
    {
        var stored = await StoreManyAsync(messages.Select(m => (m.EmployeeId, m.Kind, m.Group.Id)).ToList(), cancellation);
        return stored.Select((row, i) => (row.EmployeeId, ToMessage(row, messages[i].Group))).ToList();
    }

    /// <summary>
    /// Stores messages in one round of statements: the employees' rows are locked in id order (so two writers never wait on
    /// each other in a cycle), their last sequence numbers read in one query, the rows copied in one batch (a planning run
    /// has tens of thousands). The caller's pending changes are saved first: the messages announce them.
    /// The lock is FOR NO KEY UPDATE, not FOR UPDATE: the caller's transaction has usually inserted rows that reference
    /// these employees (group members), which takes FOR KEY SHARE on them; FOR UPDATE would wait on another writer's key
    /// share while it waits on ours (a deadlock seen with two dates of one network re-matched at once).
    /// </summary>
    /// <returns>The rows stored, in the order given; <see cref="MessagesOfAsync"/> makes what is pushed.</returns>
    public async Task<IReadOnlyList<Notification>> StoreManyAsync(IReadOnlyList<(long EmployeeId, string Kind, long GroupId)> messages,
        CancellationToken cancellation)
    {
        if (database.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Notifications are written inside the transaction of the change they announce.");
        if (messages.Count == 0) return [];
        var employees = messages.Select(m => m.EmployeeId).Distinct().Order().ToArray();
        await database.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT 1 FROM employees WHERE id = ANY({employees}) ORDER BY id FOR NO KEY UPDATE", cancellation);
        var last = await database.Notifications.Where(n => employees.Contains(n.EmployeeId)).GroupBy(n => n.EmployeeId)
            .Select(g => new { g.Key, Last = g.Max(n => n.Sequence) }).ToDictionaryAsync(x => x.Key, x => x.Last, cancellation);
        var now = clock.GetUtcNow();
        var rows = messages.Select(m => new Notification
        {
            EmployeeId = m.EmployeeId, Sequence = last[m.EmployeeId] = last.GetValueOrDefault(m.EmployeeId) + 1, Kind = m.Kind,
            Payload = System.Text.Json.JsonSerializer.Serialize(new StoredPayload(m.GroupId), JsonOptions), CreatedAt = now,
        }).ToList();
        await database.SaveChangesAsync(cancellation);
        await database.InsertAsync(rows, cancellation);
        return rows;
    }

    /// <summary>What a message keeps: the group it is about.</summary>
    private sealed record StoredPayload(long GroupId);

    /// <summary>Everything after <paramref name="afterSequence"/>, oldest first.</summary>
    public async Task<IReadOnlyList<NotificationMessage>> SinceAsync(long employeeId, long afterSequence, int limit, CancellationToken cancellation)
    {
        var rows = await database.Notifications.AsNoTracking()
            .Where(n => n.EmployeeId == employeeId && n.Sequence > afterSequence)
            .OrderBy(n => n.Sequence).Take(limit).ToListAsync(cancellation);
        return (await MessagesOfAsync(rows, cancellation)).Select(m => m.Message).ToList();
    }

    /// <summary>Stored messages as they are pushed, each with its group as the employee may see it now, read in one go.</summary>
    public async Task<IReadOnlyList<(long EmployeeId, NotificationMessage Message)>> MessagesOfAsync(IReadOnlyList<Notification> rows,
        CancellationToken cancellation)
    {
        var groupIds = rows.Select(GroupOf).Distinct().ToList();
        var groups = await ProposalView.WithMembers(database.CarpoolGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)))
            .AsSplitQuery().ToDictionaryAsync(g => g.Id, cancellation);
        // A message whose group is gone (its network removed) has nothing left to show.
        return rows.Where(n => groups.ContainsKey(GroupOf(n))).Select(n => (n.EmployeeId, ToMessage(n, groups[GroupOf(n)]))).ToList();
    }

    private static long GroupOf(Notification n) =>
        System.Text.Json.JsonSerializer.Deserialize<StoredPayload>(n.Payload, JsonOptions)?.GroupId ?? 0;

    internal static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static NotificationMessage ToMessage(Notification n, CarpoolGroup group) =>
        new(n.Sequence, n.Kind, System.Text.Json.JsonSerializer.SerializeToElement(ProposalView.For(group, n.EmployeeId), JsonOptions), n.CreatedAt);
}
