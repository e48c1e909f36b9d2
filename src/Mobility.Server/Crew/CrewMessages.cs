using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;
using Mobility.Server.Carpools;

namespace Mobility.Server.Crew;

/// <summary>The author as the other members see them in the group (ProposalView's rules): never an id. The role is written
/// by name over the hub too, whose serializer is not the API's.</summary>
public sealed record CrewAuthorView(string Handle, string? FirstName, string Company,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MemberRole>))] MemberRole Role);

/// <summary>A message as one member reads it; <see cref="Id"/> is the paging cursor, <see cref="Mine"/> marks the reader's own.</summary>
public sealed record CrewMessageView(long Id, long GroupId, CrewAuthorView? Author, bool Mine, string? Text, string? QuickMessage, DateTimeOffset SentAt);

/// <summary>Older messages come with <see cref="HasMore"/>: ask again with <c>before</c> the first item's id.</summary>
public sealed record CrewMessagePage(IReadOnlyList<CrewMessageView> Items, bool HasMore);

public abstract record PostOutcome
{
    public sealed record Posted(CrewMessageView Message) : PostOutcome;
    /// <summary>No such group, or the author is not in it: the same answer, so that groups cannot be probed.</summary>
    public sealed record NotFound : PostOutcome;
    public sealed record RateLimited(TimeSpan RetryAfter, int Limit, string Per) : PostOutcome;
}

/// <summary>
/// A group's thread: read and written by the group's members only (whatever their decision), each new message pushed at
/// once as <see cref="PushMethod"/> to the members' own hub connections. The per-author limits are counted in the
/// database under a lock on the author's row, so they hold across server instances and two posts at once.
/// </summary>
public sealed class CrewMessages(MobilityDbContext database, IHubContext<CommuteHub> hub, IOptions<CrewOptions> options, TimeProvider clock,
    ILogger<CrewMessages> log)
{
    public const string PushMethod = "crewMessage";
    public const int DefaultPageSize = 50, MaximumPageSize = 100;

    /// <summary>The page of messages before <paramref name="before"/> (the newest when null), newest last; null when the
    /// reader is not a member of such a group.</summary>
    public async Task<CrewMessagePage?> ReadAsync(long readerId, long groupId, long? before, int limit, CancellationToken cancellation)
    {
        var group = await GroupOfMemberAsync(readerId, groupId, cancellation);
        if (group is null) return null;
        var rows = await database.CrewMessages.AsNoTracking()
            .Where(m => m.CarpoolGroupId == groupId && (before == null || m.Id < before))
            .OrderByDescending(m => m.Id).Take(limit + 1).ToListAsync(cancellation);
        var items = rows.Take(limit).Reverse().Select(m => View(m, group, readerId)).ToList();
        return new CrewMessagePage(items, rows.Count > limit);
    }

    public async Task<PostOutcome> PostAsync(long authorId, long groupId, string? text, string? quickMessage, CancellationToken cancellation)
    {
        var strategy = database.Database.CreateExecutionStrategy();
        var (outcome, group) = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await database.Database.BeginTransactionAsync(cancellation);
            // One author's posts are counted and written one at a time, whichever instance takes them.
            await database.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM employees WHERE id = {authorId} FOR NO KEY UPDATE", cancellation);
            var group = await GroupOfMemberAsync(authorId, groupId, cancellation);
            if (group is null) return ((PostOutcome)new PostOutcome.NotFound(), (CarpoolGroup?)null);
            var now = clock.GetUtcNow();
            if (await LimitReachedAsync(authorId, now, cancellation) is { } limited) return (limited, null);
            var message = new CrewMessage { CarpoolGroupId = groupId, AuthorEmployeeId = authorId, Text = text, QuickMessage = quickMessage, SentAt = now };
            database.CrewMessages.Add(message);
            await database.SaveChangesAsync(cancellation);
            await transaction.CommitAsync(cancellation);
            return (new PostOutcome.Posted(View(message, group, authorId)), group);
        });
        if (outcome is PostOutcome.Posted { Message: var posted } && group is not null) await PushAsync(posted, group, authorId, cancellation);
        return outcome;
    }

    private Task<CarpoolGroup?> GroupOfMemberAsync(long employeeId, long groupId, CancellationToken cancellation) =>
        ProposalView.WithMembers(database.CarpoolGroups.AsNoTracking())
            .Where(g => g.Id == groupId && g.Members.Any(m => m.EmployeeId == employeeId))
            .AsSplitQuery().SingleOrDefaultAsync(cancellation);

    /// <summary>The refusal when one more message would pass a limit, with when the oldest message counted leaves its window.</summary>
    private async Task<PostOutcome.RateLimited?> LimitReachedAsync(long authorId, DateTimeOffset now, CancellationToken cancellation)
    {
        var settings = options.Value;
        var day = TimeSpan.FromDays(1);
        var sent = await database.CrewMessages.Where(m => m.AuthorEmployeeId == authorId && m.SentAt > now - day)
            .OrderBy(m => m.SentAt).Select(m => m.SentAt).ToListAsync(cancellation);
        foreach (var (limit, window, per) in new[] { (settings.MessagesPerDay, day, "day"), (settings.MessagesPerMinute, TimeSpan.FromMinutes(1), "minute") })
        {
            var inWindow = sent.Where(at => at > now - window).ToList();
            if (inWindow.Count < limit) continue;
            var retry = inWindow[inWindow.Count - limit] + window - now;
            return new PostOutcome.RateLimited(retry > TimeSpan.Zero ? retry : TimeSpan.FromSeconds(1), limit, per);
        }
        return null;
    }

    /// <summary>Each member gets the message as they may see it (their own marked), on their own connections only. A lost
    /// push loses nothing: the thread is read again on reconnection.</summary>
    private async Task PushAsync(CrewMessageView message, CarpoolGroup group, long authorId, CancellationToken cancellation)
    {
        foreach (var member in group.Members.Where(m => m.Employee?.ErasedAt is null).Select(m => m.EmployeeId).Distinct())
        {
            try
            {
                await hub.Clients.Group(CommuteHub.GroupOf(member)).SendAsync(PushMethod, message with { Mine = member == authorId }, cancellation);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                log.LogWarning(error, "Push of crew message {Message} to employee {Employee} failed", message.Id, member);
            }
        }
    }

    private static CrewMessageView View(CrewMessage message, CarpoolGroup group, long readerId)
    {
        var author = group.Members.FirstOrDefault(m => m.EmployeeId == message.AuthorEmployeeId);
        return new CrewMessageView(message.Id, message.CarpoolGroupId,
            author is null ? null : new CrewAuthorView(ProposalView.HandleOf(author), author.Employee?.FirstName, author.Employee?.Company?.Name ?? "", author.Role),
            message.AuthorEmployeeId == readerId, message.Text, message.QuickMessage, message.SentAt);
    }
}
