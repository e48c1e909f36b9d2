using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;
using Mobility.Server.Accounts;
using Mobility.Server.Http;

namespace Mobility.Server.Carpools;

/// <summary>A standing carpool as one of its people sees the group it repeats: whether they repeat it, and whether all do.</summary>
public sealed record StandingView(long Id, bool Mine, bool Everyone);

/// <summary>What choosing to repeat a group did: the decision on this date, and the standing carpool (none when refused).</summary>
public sealed record RepeatResult(DecisionResult Decision, StandingView? Standing);

/// <summary>
/// Standing carpools (<see cref="StandingCarpool"/>): one accepts a group and asks for it on every date it fits again; the
/// engine (<see cref="NetworkRematch"/>) repeats it. Undoing it ends it for the person, and the dates it had accepted for
/// them become proposals again, to answer one by one.
/// </summary>
public sealed class StandingCarpools(MobilityDbContext database, CarpoolDecisions decisions, NotificationStore notifications,
    NotificationPusher pusher, RecomputeQueue recompute, TimeProvider clock)
{
    /// <summary>The history's reason on a member the engine accepted or confirmed for a standing carpool.</summary>
    public const string RepeatReason = "standing carpool";
    public const string RepeatStoppedReason = "standing carpool stopped";

    /// <summary>Accepts the group for the date (as any accept: the seat may be gone) and repeats it.</summary>
    public async Task<RepeatResult> RepeatAsync(long employeeId, long groupId, CancellationToken cancellation)
    {
        var decision = await decisions.DecideAsync(employeeId, groupId, Decision.Accept, cancellation);
        if (decision.Outcome != DecisionOutcome.Accepted) return new RepeatResult(decision, null);
        var group = await database.CarpoolGroups.AsNoTracking().Where(g => g.Id == groupId)
            .Select(g => new { g.NetworkId, g.Direction, g.Date, g.Explanation }).SingleAsync(cancellation);
        // A group stored without matching has no plan to repeat.
        if (group.Explanation?.Plan is not { } plan) return new RepeatResult(decision, null);
        var signature = plan.Signature(group.Direction);
        var standing = await FindOrAddAsync(group.NetworkId, group.Direction, group.Date, plan, signature, cancellation);
        var me = standing.People.Single(p => p.EmployeeId == employeeId);
        me.JoinedAt ??= clock.GetUtcNow();
        await database.SaveChangesAsync(cancellation);
        // The dates after it: their groups may be this one again.
        recompute.Request(group.NetworkId, $"standing carpool by employee {employeeId}", standing.People.Select(p => p.EmployeeId).ToArray());
        return new RepeatResult(decision, new StandingView(standing.Id, true, standing.Complete));
    }

    private async Task<StandingCarpool> FindOrAddAsync(long networkId, Mobility.Planning.CommuteDirection direction, DateOnly date,
        GroupPlan plan, string signature, CancellationToken cancellation)
    {
        for (var attempt = 0; ; attempt++)
        {
            var standing = await database.StandingCarpools.Include(s => s.People)
                .SingleOrDefaultAsync(s => s.NetworkId == networkId && s.Signature == signature, cancellation);
            if (standing is not null) return standing;
            standing = new StandingCarpool
            {
                NetworkId = networkId, Direction = direction, Plan = plan, Signature = signature, FirstDate = date, CreatedAt = clock.GetUtcNow(),
                People = plan.Pickups.Prepend(plan.Driver).Distinct()
                    .Select(id => new StandingCarpoolPerson { EmployeeId = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) }).ToList(),
            };
            database.StandingCarpools.Add(standing);
            try
            {
                await database.SaveChangesAsync(cancellation);
                return standing;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another member of the group chose it at the same moment: theirs is the one.
                database.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Ends the standing carpool for the person; the groups it accepted for them ahead become proposals again.</summary>
    /// <returns>False when the person does not repeat it.</returns>
    public async Task<bool> StopAsync(long employeeId, long standingId, CancellationToken cancellation)
    {
        await using var transaction = await database.Database.BeginTransactionAsync(cancellation);
        var standing = await database.StandingCarpools.Include(s => s.People).SingleOrDefaultAsync(s => s.Id == standingId, cancellation);
        var me = standing?.People.SingleOrDefault(p => p.EmployeeId == employeeId && p.JoinedAt is not null);
        if (standing is null || me is null) return false;
        me.JoinedAt = null;
        if (standing.People.All(p => p.JoinedAt is null)) database.StandingCarpools.Remove(standing);

        var notBefore = clock.GetUtcNow() + NetworkRematch.StartMargin;
        var repeatedForMe = await ProposalView.WithMembers(database.CarpoolGroups)
            .Where(g => g.NetworkId == standing.NetworkId && g.Direction == standing.Direction
                && (g.Status == CarpoolStatus.Accepted || g.Status == CarpoolStatus.Confirmed)
                && g.StatusHistory.Any(c => c.EmployeeId == employeeId && c.Reason == RepeatReason)
                && g.Members.Any(m => m.EmployeeId == employeeId && m.PickupTime > notBefore
                    && (m.Status == CarpoolStatus.Accepted || m.Status == CarpoolStatus.Confirmed)))
            .ToListAsync(cancellation);
        foreach (var group in repeatedForMe.Where(g => g.Explanation?.Plan?.Signature(g.Direction) == standing.Signature))
        {
            var member = group.Members.Single(m => m.EmployeeId == employeeId);
            member.Status = CarpoolStatus.Proposed;
            // Confirmed means everyone agreed; the others keep their word, the group waits for this person's again.
            if (group.Status == CarpoolStatus.Confirmed) group.Status = CarpoolStatus.Accepted;
            database.CarpoolStatusChanges.Add(new CarpoolStatusChange
            {
                CarpoolGroupId = group.Id, EmployeeId = employeeId, Status = CarpoolStatus.Proposed, At = clock.GetUtcNow(), Reason = RepeatStoppedReason,
            });
        }
        await database.SaveChangesAsync(cancellation);
        var changed = repeatedForMe.Where(g => g.Members.Any(m => m.EmployeeId == employeeId && m.Status == CarpoolStatus.Proposed)).ToList();
        var messages = await notifications.AddManyAsync(changed.SelectMany(g => g.Members.Select(m => (m.EmployeeId, CarpoolDecisions.GroupChanged, g)))
            .ToList(), cancellation);
        await transaction.CommitAsync(cancellation);
        await pusher.PushAsync(messages, cancellation, causedBy: employeeId);
        return true;
    }

    /// <summary>The standing carpools of the viewer's groups, by group id, for the list of their proposals.</summary>
    public async Task<IReadOnlyDictionary<long, StandingView>> ForGroupsAsync(long viewer, IReadOnlyList<CarpoolGroup> groups, CancellationToken cancellation)
    {
        var networks = groups.Select(g => g.NetworkId).Distinct().ToList();
        var standing = await database.StandingCarpools.AsNoTracking().Include(s => s.People)
            .Where(s => networks.Contains(s.NetworkId) && s.People.Any(p => p.EmployeeId == viewer))
            .ToListAsync(cancellation);
        if (standing.Count == 0) return new Dictionary<long, StandingView>();
        var bySignature = standing.ToDictionary(s => (s.NetworkId, s.Signature));
        var views = new Dictionary<long, StandingView>();
        foreach (var group in groups)
            if (group.Explanation?.Plan is { } plan && bySignature.TryGetValue((group.NetworkId, plan.Signature(group.Direction)), out var s)
                && s.People.Any(p => p.JoinedAt is not null))
                views[group.Id] = new StandingView(s.Id, s.People.Any(p => p.EmployeeId == viewer && p.JoinedAt is not null), s.Complete);
        return views;
    }
}

/// <summary>Repeat a group on every date it fits, and stop, over REST.</summary>
public static class StandingCarpoolEndpoints
{
    public static IEndpointRouteBuilder MapStandingCarpoolEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup("/api/me").WithTags("My carpools")
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.EmployeeOnly);
        me.MapPost("/proposals/{groupId:long}/repeat", RepeatAsync)
            .WithSummary("Accept a carpool and repeat it: the same group on every date its people's shifts fit it again.");
        me.MapDelete("/standing-carpools/{standingId:long}", StopAsync)
            .WithSummary("Stop repeating a carpool; the dates it had accepted for me become proposals again.");
        return endpoints;
    }

    private static async Task<IResult> RepeatAsync(long groupId, HttpContext http, StandingCarpools standing, CancellationToken cancellation)
    {
        var result = await standing.RepeatAsync(CurrentUser.From(http.User)!.EmployeeId!.Value, groupId, cancellation);
        return result.Decision.Outcome is DecisionOutcome.SeatTaken or DecisionOutcome.NotApplicable
            ? CodedProblem.Create(StatusCodes.Status409Conflict, result.Decision.Code)
            : Results.Ok(result);
    }

    private static async Task<IResult> StopAsync(long standingId, HttpContext http, StandingCarpools standing, CancellationToken cancellation) =>
        await standing.StopAsync(CurrentUser.From(http.User)!.EmployeeId!.Value, standingId, cancellation)
            ? Results.NoContent()
            : CodedProblem.Create(StatusCodes.Status404NotFound, Mobility.Data.Codes.Problem.StandingCarpoolUnknown);
}
