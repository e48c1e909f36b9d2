using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Server.Live;
using Mobility.Server.Accounts;
using Mobility.Server.Http;

namespace Mobility.Server.Carpools;

public enum Decision { Accept, Decline, Cancel }

public enum DecisionOutcome
{
    Accepted,
    Declined,
    Cancelled,
    /// <summary>Another passenger took the last seat first.</summary>
    SeatTaken,
    /// <summary>The decision does not apply to the member's current state (e.g. cancelling what was never accepted).</summary>
    NotApplicable,
}

/// <summary>Why someone declines or cancels: one of <see cref="DecisionReasons.Codes"/> and their own short note, both optional.</summary>
public sealed record DecisionReason(string? Code, string? Note);

/// <summary>A driver left a group (a cancel, or a decline): who was riding with them, and who of those had accepted.</summary>
public sealed record DriverLeft(long NetworkId, long GroupId, DateOnly Date, CommuteDirection Direction, long DriverId,
    IReadOnlyList<long> Passengers, IReadOnlyList<long> Committed);

/// <summary>What follows a driver's leaving before the decision is answered (the guaranteed ride home); registered by
/// the feature that does it, so that decisions know no such feature.</summary>
public interface IDriverLeftHandler
{
    Task HandleAsync(DriverLeft left, CancellationToken cancellation);
}

/// <summary>What a decision did: its outcome, and a code saying it more precisely (<see cref="Codes.Decision"/> when it went
/// through, else a problem code such as <see cref="Codes.Problem.SeatTaken"/>).</summary>
public sealed record DecisionResult(long GroupId, DecisionOutcome Outcome, CarpoolStatus GroupStatus, string Code);

/// <summary>A decision's result as the hub and the REST API answer it: with its code, which clients word, and its message in
/// the requester's language for API users.</summary>
public sealed record DecisionAnswer(long GroupId, DecisionOutcome Outcome, CarpoolStatus GroupStatus, string Code, string Message)
{
    public static DecisionAnswer For(DecisionResult result, string language) =>
        new(result.GroupId, result.Outcome, result.GroupStatus, result.Code, CodeTexts.Decision(result.Code, language));
}

/// <summary>
/// Accept, decline and cancel, for the hub and the REST API alike. Each decision is one transaction that locks the
/// group's row, so two passengers racing for the last seat are served one after the other: exactly one gets it and the
/// other is told. The decision and the messages it causes are committed before anyone is told, then pushed.
/// </summary>
public sealed class CarpoolDecisions(MobilityDbContext database, NotificationStore notifications, NotificationPusher pusher,
    RecomputeQueue recompute, TimeProvider clock, IEnumerable<IDriverLeftHandler> driverLeft, ILogger<CarpoolDecisions> log)
{
    public const string GroupChanged = "group-changed";

    public async Task<DecisionResult> DecideAsync(long employeeId, long groupId, Decision decision, CancellationToken cancellation,
        DecisionReason? reason = null)
    {
        var strategy = database.Database.CreateExecutionStrategy();
        DriverLeft? left = null;
        var (result, messages, toRecompute) = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await database.Database.BeginTransactionAsync(cancellation);
            await database.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM carpool_groups WHERE id = {groupId} FOR NO KEY UPDATE", cancellation);
            var group = await ProposalView.WithMembers(database.CarpoolGroups)
                .SingleOrDefaultAsync(g => g.Id == groupId, cancellation);
            var member = group?.Members.SingleOrDefault(m => m.EmployeeId == employeeId);
            if (group is null || member is null)
                return (new DecisionResult(groupId, DecisionOutcome.NotApplicable, CarpoolStatus.Cancelled, Codes.Problem.CarpoolUnknown),
                    new List<(long, NotificationMessage)>(), ((long, DateOnly)?)null);

            var before = group.Members.Select(m => m.Status).Append(group.Status).ToList();
            var riding = group.Members.Where(m => m.Role == MemberRole.Passenger
                && m.Status is CarpoolStatus.Proposed or CarpoolStatus.Accepted or CarpoolStatus.Confirmed).ToList();
            var (outcome, code) = Apply(group, member, decision);
            var changed = !before.SequenceEqual(group.Members.Select(m => m.Status).Append(group.Status));
            var sent = new List<(long, NotificationMessage)>();
            if (changed)
            {
                database.CarpoolStatusChanges.Add(new CarpoolStatusChange
                {
                    CarpoolGroupId = group.Id, EmployeeId = employeeId, Status = member.Status, At = clock.GetUtcNow(),
                    Reason = $"{decision}: {outcome}", ReasonCode = reason?.Code, Note = reason?.Note,
                });
                await database.SaveChangesAsync(cancellation);
                // Everyone in the group learns of it, the decider included (their other devices).
                sent.AddRange(await notifications.AddManyAsync(group.Members.Select(m => m.EmployeeId).Distinct()
                    .Select(recipient => (recipient, GroupChanged, group)).ToList(), cancellation));
            }
            await transaction.CommitAsync(cancellation);
            left = changed && member.Role == MemberRole.Driver && outcome is DecisionOutcome.Declined or DecisionOutcome.Cancelled
                ? new DriverLeft(group.NetworkId, group.Id, group.Date, group.Direction, employeeId, riding.Select(m => m.EmployeeId).ToList(),
                    riding.Where(m => before[group.Members.IndexOf(m)] is CarpoolStatus.Accepted or CarpoolStatus.Confirmed).Select(m => m.EmployeeId).ToList())
                : null;
            var rematch = outcome is DecisionOutcome.Declined or DecisionOutcome.Cancelled ? (group.NetworkId, group.Date) : ((long, DateOnly)?)null;
            return (new DecisionResult(group.Id, outcome, group.Status, code), sent, rematch);
        });
        await pusher.PushAsync(messages, cancellation, causedBy: employeeId);
        // Its passengers are answered at once, before the re-match below (which keeps what this did).
        if (left is not null)
            foreach (var handler in driverLeft)
                try { await handler.HandleAsync(left, cancellation); }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // The decision is stored; the re-match below still looks for their seats.
                    log.LogError(error, "Answering the passengers of group {Group} after its driver left failed", left.GroupId);
                }
        // A decision only changes its group's date: the other dates the engine keeps are left alone.
        if (toRecompute is var (network, date)) recompute.RequestForDate(network, date, $"{decision} by employee {employeeId}", employeeId);
        return result;
    }

    private static (DecisionOutcome, string) Apply(CarpoolGroup group, CarpoolMember member, Decision decision)
    {
        var live = group.Status is CarpoolStatus.Proposed or CarpoolStatus.Accepted or CarpoolStatus.Confirmed;
        switch (decision)
        {
            case Decision.Accept when member.Status is CarpoolStatus.Accepted or CarpoolStatus.Confirmed:
                return (DecisionOutcome.Accepted, Codes.Decision.AlreadyAccepted);
            // Checked before the state: the loser of a race may already have been withdrawn by the winner's decision.
            case Decision.Accept when live && member.Role == MemberRole.Passenger && TakenSeats(group) >= group.Seats
                                      && member.Status is CarpoolStatus.Proposed or CarpoolStatus.Cancelled:
                member.Status = CarpoolStatus.Cancelled;
                return (DecisionOutcome.SeatTaken, Codes.Problem.SeatTaken);
            case Decision.Accept when !live || member.Status != CarpoolStatus.Proposed:
                return (DecisionOutcome.NotApplicable, Codes.Problem.ProposalClosed);
            case Decision.Accept:
                member.Status = CarpoolStatus.Accepted;
                if (member.Role == MemberRole.Passenger && TakenSeats(group) >= group.Seats)
                    foreach (var waiting in group.Members.Where(m => m.Role == MemberRole.Passenger && m.Status == CarpoolStatus.Proposed))
                        waiting.Status = CarpoolStatus.Cancelled; // the seat they were offered is gone
                var everyone = group.Members.Where(m => m.Status != CarpoolStatus.Cancelled && m.Status != CarpoolStatus.Declined).ToList();
                // A passenger who joined a confirmed group on the day (a seat found after a driver cancelled) confirms it again.
                group.Status = everyone.All(m => m.Status is CarpoolStatus.Accepted or CarpoolStatus.Confirmed) && everyone.Count > 1
                    ? CarpoolStatus.Confirmed : CarpoolStatus.Accepted;
                if (group.Status == CarpoolStatus.Confirmed) foreach (var m in everyone) m.Status = CarpoolStatus.Confirmed;
                return (DecisionOutcome.Accepted, Codes.Decision.Accepted);
            case Decision.Decline when member.Status == CarpoolStatus.Proposed && live:
                member.Status = CarpoolStatus.Declined;
                Detach(group, member);
                return (DecisionOutcome.Declined, Codes.Decision.Declined);
            case Decision.Cancel when member.Status is CarpoolStatus.Accepted or CarpoolStatus.Confirmed:
                member.Status = CarpoolStatus.Cancelled;
                Detach(group, member);
                return (DecisionOutcome.Cancelled, Codes.Decision.Cancelled);
            default:
                return (DecisionOutcome.NotApplicable, Codes.Problem.NothingToDo);
        }
    }

    private static int TakenSeats(CarpoolGroup group) =>
        group.Members.Count(m => m.Role == MemberRole.Passenger && m.Status is CarpoolStatus.Accepted or CarpoolStatus.Confirmed);

    /// <summary>Without its driver a group is over; without a passenger it goes on, unconfirmed until the rest agree again.</summary>
    private static void Detach(CarpoolGroup group, CarpoolMember leaving)
    {
        if (leaving.Role == MemberRole.Driver)
        {
            group.Status = CarpoolStatus.Cancelled;
            foreach (var m in group.Members.Where(m => m.Status is CarpoolStatus.Proposed or CarpoolStatus.Accepted or CarpoolStatus.Confirmed))
                m.Status = CarpoolStatus.Cancelled;
        }
        else if (!group.Members.Any(m => m.Role == MemberRole.Passenger && m.Status is CarpoolStatus.Proposed or CarpoolStatus.Accepted or CarpoolStatus.Confirmed))
            group.Status = CarpoolStatus.Cancelled;
        else if (group.Status == CarpoolStatus.Confirmed)
            group.Status = CarpoolStatus.Accepted;
    }
}
