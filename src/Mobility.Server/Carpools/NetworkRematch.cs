using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mobility.Application.Carpools;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using NetTopologySuite.Geometries;
using Mobility.Server.Live;

namespace Mobility.Server.Carpools;

/// <summary>What a re-match changed: groups proposed and withdrawn, and the messages to push once committed.</summary>
public sealed record RematchOutcome(int Proposed, int Withdrawn, int Kept, IReadOnlyList<(long EmployeeId, NotificationMessage Message)> Messages);

/// <summary>
/// Re-matches one network's date: accepted and confirmed groups are kept (fixed) while they still hold; declines keep
/// their people apart; the open proposals that the new plan keeps stay untouched (no message), the others are withdrawn
/// and the new ones stored. Everyone whose proposals changed gets a message in the same transaction.
/// </summary>
public sealed class NetworkRematch(MobilityDbContext database, NotificationStore notifications, TravelTimesSource travel,
    TimeProvider clock, ILogger<NetworkRematch> log)
{
    public const string ProposalKind = "proposal";
    public const string WithdrawnKind = "proposal-withdrawn";
    /// <summary>How far ahead of a trip's first possible pickup its matching stops: the people must still be able to read
    /// the proposal and answer it.</summary>
    public static readonly TimeSpan StartMargin = TimeSpan.FromMinutes(15);
    /// <summary>The history's reason on a group that took a passenger whose driver left on the day: what they were offered
    /// stands, as an accepted group does, while it holds (a re-match that moved them again a second later would leave
    /// them with nothing they could count on).</summary>
    public const string SeatFoundOnTheDay = "seat found on the day";

    /// <param name="changed">Employees whose data or decisions changed; null re-matches everyone. Given, the open proposals
    /// none of them (or of their co-members, both ways) is in are kept as they are, so the change reaches only whom it must.</param>
    /// <remarks>A re-match of everyone takes seconds on a large network, and the decisions made meanwhile (a decline, a driver
    /// leaving) cannot wait for it: it matches on what it read without holding the date, then holds it only to read the
    /// date's groups again and write its plan, which it applies to the people no decision reached meanwhile (the others keep
    /// what their own re-match gave them). A re-match after a change is short: it holds the date throughout.</remarks>
    public async Task<RematchOutcome> RunAsync(long networkId, DateOnly date, IReadOnlySet<long>? changed, CancellationToken cancellation)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var loadedDay = await CarpoolDayPlanning.LoadAsync(database, networkId, date, travel.TravelTimes, cancellation);
        var commutes = loadedDay.Commutes;
        var loaded = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        foreach (var skipped in commutes.Skipped)
        {
            log.LogWarning("Network {Network}, {Date}: {Kind} {ExternalId} ({Id}) left out of matching: {Reason}",
                networkId, date, skipped.Kind, skipped.ExternalId, skipped.Id, skipped.Reason);
            LiveMetrics.SkippedData.Add(1, new KeyValuePair<string, object?>("kind", skipped.Kind));
        }

        (Stored Stored, CarpoolDayPlan Plan)? draft = null;
        // What each group of the draft's plan would store and show, made before holding the date.
        Dictionary<string, (StoredExplanation Explanation, string Written)>? explained = null;
        IReadOnlyDictionary<string, MissingRideHome>? draftWithoutRideHome = null;
        IReadOnlyList<Notification> repeatedFirst = [];
        if (changed is null)
        {
            // The standing carpools to repeat are stored first, so that the draft keeps them as it keeps accepted groups.
            if (await database.StandingCarpools.AnyAsync(s => s.NetworkId == networkId && s.FirstDate <= date, cancellation))
                repeatedFirst = await RepeatStandingFirstAsync(loadedDay, networkId, date, cancellation);
            var read = await ReadStoredAsync(loadedDay, networkId, date, null, forWriting: false, cancellation);
            draft = (read, Match(read, WholeNetwork));
            var (toWorkAhead, toHomeAhead) = (read.Day.ToWork, read.Day.ToHome);
            var withoutRideHomeAhead = draftWithoutRideHome = await WithoutRideHomeAsync(draft.Value.Plan, cancellation);
            explained = draft.Value.Plan.ToWork.Selection.Groups.Select(g => (Instance: toWorkAhead, Group: g))
                .Concat(draft.Value.Plan.ToHome.Selection.Groups.Select(g => (Instance: toHomeAhead, Group: g)))
                .Select(x => (Signature: Signature(x.Instance, x.Group), Explanation: ExplanationOf(x.Instance, x.Group, withoutRideHomeAhead)))
                .DistinctBy(x => x.Signature)
                .ToDictionary(x => x.Signature, x => (x.Explanation, StoredExplanation.Write(x.Explanation)));
        }
        var drafted = System.Diagnostics.Stopwatch.GetElapsedTime(started);

        await using var transaction = await HoldDateAsync(networkId, date, cancellation);
        // Read, plan the changes, then lock the rows of the groups to withdraw: a decision on one of them between the read and
        // the lock means reading again (the rows locked stay locked, so this ends). The other groups are not locked, so that
        // decisions on them never wait for this re-match.
        for (var reads = 1; ; reads++)
        {
            var stored = await ReadStoredAsync(loadedDay, networkId, date, changed, forWriting: true, cancellation);
            var (live, plans, seatsFound, affected) = (stored.Live, stored.Plans, stored.SeatsFound, stored.Affected);
            // Who a decision (or a trip's start) reached since the draft was read: their groups stay as they are now.
            var decidedMeanwhile = draft is { } d ? ReachedBetween(d.Stored, stored) : [];
            bool DecidedMeanwhile(CarpoolGroup g) => g.Members.Any(m => decidedMeanwhile.Contains(Id(m.EmployeeId)));
            var (plan, planDay) = draft is { } ready ? (ready.Plan, ready.Stored.Day) : (Match(stored), stored.Day);
            var (toWork, toHome) = (planDay.ToWork, planDay.ToHome);
            var withoutRideHome = draftWithoutRideHome ?? await WithoutRideHomeAsync(plan, cancellation);
            var wanted = plan.ToWork.Selection.Groups.Select(g => (Instance: toWork, Group: g))
                .Concat(plan.ToHome.Selection.Groups.Select(g => (Instance: toHome, Group: g)))
                .Where(x => !x.Group.Members.Any(m => decidedMeanwhile.Contains(x.Instance.Participants[m].Id)))
                .ToDictionary(x => Signature(x.Instance, x.Group));
            bool Open(CarpoolGroup g) => g.Status == CarpoolStatus.Proposed && !seatsFound.Contains(g.Id) && !DecidedMeanwhile(g)
                                         && (affected is null || g.Members.Any(m => affected.Contains(m.EmployeeId)));
            var openByPlan = live.Where(g => Open(g) && plans[g.Id] is not null)
                .GroupBy(g => Signature(g.Direction, plans[g.Id]!)).ToDictionary(g => g.Key, g => g.First());
            var fixedSignatures = live.Where(g => !Open(g) && plans[g.Id] is not null)
                .Select(g => Signature(g.Direction, plans[g.Id]!)).ToHashSet();

            // The same members in the same order is not enough to keep a proposal: a changed limit, window or home changes the
            // times and limits its members were shown, so it is proposed again with them.
            (StoredExplanation Explanation, string Written) Explained(string signature, CarpoolInstance instance, MatchedGroup group)
            {
                if (explained is not null && explained.TryGetValue(signature, out var ahead)) return ahead;
                var made = ExplanationOf(instance, group, withoutRideHome);
                return (made, StoredExplanation.Write(made));
            }
            foreach (var signature in openByPlan.Where(o => wanted.TryGetValue(o.Key, out var again)
                         && !(o.Value.Explanation is { } shown && StoredExplanation.Write(shown) == Explained(o.Key, again.Instance, again.Group).Written)).Select(o => o.Key).ToList())
                openByPlan.Remove(signature);
            var reMatched = live.Where(Open).Where(open => !(plans[open.Id] is { } p && wanted.ContainsKey(Signature(open.Direction, p))
                && openByPlan.TryGetValue(Signature(open.Direction, p), out var same) && same == open)).ToList();
            if (!await UnchangedSinceReadAsync(stored.NoLongerHold.Concat(reMatched).ToList(), cancellation))
            {
                database.ChangeTracker.Clear();
                continue;
            }
            var kept = live.Count(Open) - reMatched.Count;
            foreach (var group in stored.NoLongerHold) Withdraw(group, "no longer fits its members' shifts or homes", stored.Withdrawn);
            foreach (var group in reMatched) Withdraw(group, "re-matched", stored.Withdrawn);
            var (sites, standing, begun, withdrawn) = (stored.Sites, stored.Standing, stored.Begun, stored.Withdrawn);
            var planned = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            var newMembers = wanted.Where(w => !openByPlan.ContainsKey(w.Key) && !fixedSignatures.Contains(w.Key))
                .SelectMany(w => w.Value.Group.Members.Select(m => long.Parse(w.Value.Instance.Participants[m].Id, CultureInfo.InvariantCulture))).ToList();
            var homes = await database.Employees.Where(e => newMembers.Contains(e.Id) && e.Home != null)
                .Select(e => new { e.Id, e.Home }).ToDictionaryAsync(e => e.Id, e => e.Home!, cancellation);
            var created = new List<CarpoolGroup>();
            foreach (var (signature, (instance, group)) in wanted)
            {
                if (openByPlan.ContainsKey(signature) || fixedSignatures.Contains(signature)) continue;
                created.Add(NewGroup(clock.GetUtcNow(), networkId, date, instance, group, Explained(signature, instance, group).Explanation, sites, homes, commutes.MeetingPoints));
            }
            AcceptForWhoRepeats(created, standing.Where(s => !s.Complete).ToList());
            var built = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            await database.SaveChangesAsync(cancellation);
            await InsertGroupsAsync(created, cancellation);
            var untouched = begun.ToDictionary(b => b.Key, b => b.Value.Union(decidedMeanwhile).ToHashSet());
            await ReplaceUnmatchedTripsAsync(networkId, date, plan, untouched, cancellation);
            var saved = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            var announced = created.Concat(stored.Repeated).ToList();
            var storedMessages = await AnnounceAsync(withdrawn, announced, cancellation);
            var told = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            await transaction.CommitAsync(cancellation);
            // What is pushed (each group as its members may see it) is made once the date is no longer held.
            var messages = await notifications.MessagesOfAsync([.. repeatedFirst, .. storedMessages], cancellation);
            var made = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            log.LogInformation("Network {Network}, {Date}: {Participants} trips, {Proposed} groups proposed, {Withdrawn} withdrawn, {Kept} kept, " +
                "{Fixed} kept as they are (accepted, or untouched by the change), {DecidedMeanwhile} people left as decisions made meanwhile left them; " +
                "load and matrices {Load:F2} s, matching without holding the date {Draft:F2} s, holding the date: stored groups read {Reads} time(s), " +
                "matched and compared {Plan:F2} s, writing {Write:F2} s (groups built {Built:F2} s, stored {Saved:F2} s, messages {Told:F2} s); " +
                "messages made to push once the date was let go {Made:F2} s",
                networkId, date, commutes.ToWork.Count, created.Count, withdrawn.Count, kept,
                stored.FixedToWork.Count + stored.FixedToHome.Count, decidedMeanwhile.Count, loaded.TotalSeconds, (drafted - loaded).TotalSeconds,
                reads, (planned - drafted).TotalSeconds, (told - planned).TotalSeconds,
                (built - planned).TotalSeconds, (saved - built).TotalSeconds, (told - saved).TotalSeconds, (made - told).TotalSeconds);
            return new RematchOutcome(created.Count, withdrawn.Count, kept, messages);
        }
    }

    /// <summary>A transaction holding the network's date: one re-match (or same-day rescue) at a time across every server
    /// instance. Decisions do not take it: they lock their group's row.</summary>
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> HoldDateAsync(long networkId, DateOnly date, CancellationToken cancellation)
    {
        var transaction = await database.Database.BeginTransactionAsync(cancellation);
        await database.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({unchecked((int)networkId)}, {date.DayNumber})", cancellation);
        return transaction;
    }

    /// <summary>Locks these groups' rows until the commit, as a decision does, and tells whether they are still as they were read
    /// (no decision came in between): a decision on one of them then waits, and finds it as this re-match leaves it.</summary>
    private async Task<bool> UnchangedSinceReadAsync(List<CarpoolGroup> groups, CancellationToken cancellation)
    {
        if (groups.Count == 0) return true;
        var ids = groups.Select(g => g.Id).Order().ToArray();
        await database.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM carpool_groups WHERE id = ANY({ids}) ORDER BY id FOR NO KEY UPDATE", cancellation);
        var now = await database.CarpoolGroups.AsNoTracking().Include(g => g.Members).Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, cancellation);
        return groups.All(g => now.TryGetValue(g.Id, out var again) && StateOf(again) == StateOf(g));
    }

    /// <summary>A group's status and its members' (who, which, in what order), to tell whether it changed between two reads.</summary>
    private static string StateOf(CarpoolGroup g) =>
        g.Status + ";" + string.Join(",", g.Members.OrderBy(m => m.EmployeeId).Select(m => $"{m.EmployeeId}:{m.Status}:{m.PickupOrder}"));

    /// <summary>The standing carpools due on the date, stored and committed on their own (a short hold of the date).</summary>
    private async Task<IReadOnlyList<Notification>> RepeatStandingFirstAsync(CarpoolDay loadedDay, long networkId, DateOnly date,
        CancellationToken cancellation)
    {
        IReadOnlyList<Notification> messages = [];
        await using (var transaction = await HoldDateAsync(networkId, date, cancellation))
        {
            var stored = await ReadStoredAsync(loadedDay, networkId, date, null, forWriting: true, cancellation);
            if (stored.Repeated.Count > 0)
            {
                messages = await AnnounceAsync(stored.Withdrawn, stored.Repeated, cancellation);
                await transaction.CommitAsync(cancellation);
            }
        }
        // The draft and the final read see the stored state, not what this context tracked.
        database.ChangeTracker.Clear();
        return messages;
    }

    /// <summary>New groups with their members and history, copied (not tracked): a planning run for a whole network stores
    /// thousands, which INSERT statements took seconds to write while the date was held.</summary>
    private async Task InsertGroupsAsync(List<CarpoolGroup> created, CancellationToken cancellation)
    {
        await database.InsertAsync(created, cancellation);
        foreach (var group in created)
        {
            foreach (var member in group.Members) member.CarpoolGroupId = group.Id;
            foreach (var change in group.StatusHistory) change.CarpoolGroupId = group.Id;
        }
        await database.InsertAsync(created.SelectMany(g => g.Members).ToList(), cancellation);
        await database.InsertAsync(created.SelectMany(g => g.StatusHistory).ToList(), cancellation);
    }

    /// <summary>Every message of a re-match stored in one batch: withdrawals first, so a client reads the old group gone before the new.</summary>
    private Task<IReadOnlyList<Notification>> AnnounceAsync(List<CarpoolGroup> withdrawn, List<CarpoolGroup> announced, CancellationToken cancellation) =>
        notifications.StoreManyAsync(
            withdrawn.SelectMany(group => group.Members.Select(member => (member.EmployeeId, WithdrawnKind, group.Id)))
                .Concat(announced.SelectMany(group => group.Members.Select(member => (member.EmployeeId, ProposalKind, group.Id))))
                .ToList(), cancellation);

    /// <summary>The date's stored state as a re-match reads it: the live groups not under way, the day without the trips that
    /// have begun, who must be kept apart, and the groups kept as they are.</summary>
    /// <param name="NoLongerHold">Groups that would be kept but no longer fit their members (withdrawn when writing).</param>
    /// <param name="Withdrawn">Groups withdrawn while reading (a standing carpool repeated in their place).</param>
    private sealed record Stored(CarpoolDay Day, List<CarpoolGroup> Live, Dictionary<long, GroupPlan?> Plans,
        Dictionary<CommuteDirection, HashSet<string>> Begun, List<(string, string)> KeepApart, Dictionary<string, long> Sites,
        List<StandingCarpool> Standing, List<CarpoolGroup> Repeated, List<MatchedGroup> FixedToWork, List<MatchedGroup> FixedToHome,
        List<MatchedGroup> ProposedToWork, List<MatchedGroup> ProposedToHome, HashSet<long> SeatsFound, HashSet<long>? Affected, List<CarpoolGroup> NoLongerHold, List<CarpoolGroup> Withdrawn);

    /// <param name="forWriting">Tracked, with the standing carpools repeated (stored): the read the re-match writes after.
    /// Otherwise nothing is tracked nor stored (a draft, read without holding the date).</param>
    private async Task<Stored> ReadStoredAsync(CarpoolDay loadedDay, long networkId, DateOnly date, IReadOnlySet<long>? changed, bool forWriting,
        CancellationToken cancellation)
    {
        // Only the live groups with their members (the names and places of a view are read for the few groups that
        // change): the date's withdrawn groups pile up with every re-match and are needed only for who declined whom.
        var query = database.CarpoolGroups.Include(g => g.Members)
            .Where(g => g.NetworkId == networkId && g.Date == date
                        && (g.Status == CarpoolStatus.Proposed || g.Status == CarpoolStatus.Accepted || g.Status == CarpoolStatus.Confirmed));
        var live = await (forWriting ? query : query.AsNoTracking()).ToListAsync(cancellation);
        // A trip that may begin before the margin is over is left as it is, and so is a group of which one member's is:
        // nobody could be told in time, and a car may be on its way. Their people are in no new group that way.
        var notBefore = clock.GetUtcNow() + StartMargin;
        var begun = new Dictionary<CommuteDirection, HashSet<string>>
        {
            [CommuteDirection.ToWork] = loadedDay.StartingBefore(notBefore.ToUnixTimeSeconds(), CommuteDirection.ToWork).ToHashSet(),
            [CommuteDirection.ToHome] = loadedDay.StartingBefore(notBefore.ToUnixTimeSeconds(), CommuteDirection.ToHome).ToHashSet(),
        };
        var underWay = live.Where(g => g.Members.Any(m => m.PickupTime < notBefore || begun[g.Direction].Contains(Id(m.EmployeeId)))).ToList();
        foreach (var group in underWay) begun[group.Direction].UnionWith(group.Members.Select(m => Id(m.EmployeeId)));
        live = live.Except(underWay).ToList();
        var day = loadedDay.WithoutMatching(begun[CommuteDirection.ToWork], begun[CommuteDirection.ToHome]);
        var (toWork, toHome) = (day.ToWork, day.ToHome);
        var plans = live.ToDictionary(g => g.Id, PlanOf);
        var keepApart = await KeepApartAsync(database, networkId, date, cancellation);

        var withdrawn = new List<CarpoolGroup>();
        var sites = await database.Sites.Where(s => s.NetworkId == networkId).ToDictionaryAsync(s => s.ExternalId, s => s.Id, cancellation);
        var standing = await database.StandingCarpools.AsNoTracking().Include(s => s.People)
            .Where(s => s.NetworkId == networkId && s.FirstDate <= date).ToListAsync(cancellation);
        var repeated = forWriting
            ? await RepeatStandingAsync(networkId, date, standing.Where(s => s.Complete).ToList(), live, plans, keepApart, begun,
                toWork, toHome, sites, loadedDay.Commutes.MeetingPoints, withdrawn, cancellation)
            : [];
        if (repeated.Count > 0) plans = live.ToDictionary(g => g.Id, PlanOf);
        var fixedToWork = new List<MatchedGroup>();
        var fixedToHome = new List<MatchedGroup>();
        // Who decided on one of the date's groups (a decline, a cancel) is matched as a decision is, not as a new commuter.
        var changedIds = changed?.ToList() ?? [];
        var decided = changed is null ? [] : (await database.CarpoolStatusChanges.AsNoTracking()
            .Where(c => c.EmployeeId != null && changedIds.Contains(c.EmployeeId.Value) && c.CarpoolGroup!.NetworkId == networkId && c.CarpoolGroup.Date == date)
            .Select(c => c.EmployeeId!.Value).Distinct().ToListAsync(cancellation)).ToHashSet();
        var liveIds = live.Select(g => g.Id).ToList();
        var seatsFound = (await database.CarpoolStatusChanges.AsNoTracking()
            .Where(c => c.Reason == SeatFoundOnTheDay && liveIds.Contains(c.CarpoolGroupId)).Select(c => c.CarpoolGroupId).ToListAsync(cancellation)).ToHashSet();
        var affected = changed is null ? null : Affected(live, changed, decided, toWork, toHome);
        var noLongerHold = new List<CarpoolGroup>();
        var (proposedToWork, proposedToHome) = (new List<MatchedGroup>(), new List<MatchedGroup>());
        foreach (var group in live)
        {
            var instance = group.Direction == CommuteDirection.ToWork ? toWork : toHome;
            var planned = Restore(instance, plans[group.Id]);
            if (group.Status != CarpoolStatus.Proposed || seatsFound.Contains(group.Id) || (affected is not null && !group.Members.Any(m => affected.Contains(m.EmployeeId))))
            {
                if (planned is not null) (group.Direction == CommuteDirection.ToWork ? fixedToWork : fixedToHome).Add(planned);
                else noLongerHold.Add(group);
            }
            // An open proposal the re-match may change: kept unless another plan serves more (CarpoolSettings.KeepProposedSeconds).
            else if (planned is not null)
                (group.Direction == CommuteDirection.ToWork ? proposedToWork : proposedToHome).Add(planned);
        }
        return new Stored(day, live, plans, begun, keepApart, sites, standing, repeated, fixedToWork, fixedToHome, proposedToWork, proposedToHome,
            seatsFound, affected, noLongerHold, withdrawn);
    }

    /// <summary>A whole-network re-match leaves a core to the decisions' re-matches, which people are waiting for.</summary>
    private static readonly CarpoolSettings WholeNetwork = new(Workers: Math.Max(1, Environment.ProcessorCount - 1));

    private static CarpoolDayPlan Match(Stored stored, CarpoolSettings? settings = null) =>
        stored.Day.Match(settings, fixedToWork: stored.FixedToWork, fixedToHome: stored.FixedToHome, keepApart: stored.KeepApart,
            proposedToWork: stored.ProposedToWork, proposedToHome: stored.ProposedToHome);

    /// <summary>Everyone in a live group that changed, appeared or went between two reads (a decision, a seat found on the day,
    /// a re-match after a change), who began a trip, or who was kept apart from someone, in between; and everyone sharing a
    /// live group with them.</summary>
    private static HashSet<string> ReachedBetween(Stored before, Stored after)
    {
        var was = before.Live.ToDictionary(g => g.Id, StateOf);
        var now = after.Live.ToDictionary(g => g.Id, StateOf);
        var reached = new HashSet<string>();
        foreach (var group in before.Live.Where(g => now.GetValueOrDefault(g.Id) != was[g.Id])
                     .Concat(after.Live.Where(g => was.GetValueOrDefault(g.Id) != now[g.Id])))
            reached.UnionWith(group.Members.Select(m => Id(m.EmployeeId)));
        foreach (var (direction, ids) in after.Begun) reached.UnionWith(ids.Except(before.Begun[direction]));
        foreach (var (a, b) in after.KeepApart.Except(before.KeepApart)) reached.UnionWith([a, b]);
        // A group with someone reached stays as it is, so its other members are out of the plan too (either way: a group
        // to work and one home often share people), or one of them could be put in a second car.
        bool grew;
        do
        {
            grew = false;
            foreach (var group in after.Live)
                if (group.Members.Any(m => reached.Contains(Id(m.EmployeeId))))
                    foreach (var member in group.Members) grew |= reached.Add(Id(member.EmployeeId));
        } while (grew);
        return reached;
    }

    /// <summary>
    /// The standing carpools all of whose people chose to repeat them, stored on the date, confirmed, before matching (which
    /// then keeps them as it keeps accepted groups): each where it holds on the date's shifts, homes and limits, and none of
    /// its people has begun the trip, declined or cancelled one of them that day, or accepted another car that way. A group
    /// of the date with the same plan is confirmed instead; their other open proposals that way are withdrawn.
    /// </summary>
    /// <returns>The groups stored or confirmed, whose people are told.</returns>
    private async Task<List<CarpoolGroup>> RepeatStandingAsync(long networkId, DateOnly date, IReadOnlyList<StandingCarpool> complete,
        List<CarpoolGroup> live, IReadOnlyDictionary<long, GroupPlan?> plans, IReadOnlyList<(string, string)> keepApart,
        IReadOnlyDictionary<CommuteDirection, HashSet<string>> begun, CarpoolInstance toWork, CarpoolInstance toHome,
        IReadOnlyDictionary<string, long> sites, IReadOnlyDictionary<string, long> meetingPoints, List<CarpoolGroup> withdrawn,
        CancellationToken cancellation)
    {
        var repeated = new List<CarpoolGroup>();
        if (complete.Count == 0) return repeated;
        var apart = keepApart.ToHashSet();
        var now = clock.GetUtcNow();
        var everyone = complete.SelectMany(s => s.People).Select(p => p.EmployeeId).Distinct().ToList();
        var homes = await database.Employees.Where(e => everyone.Contains(e.Id) && e.Home != null)
            .Select(e => new { e.Id, e.Home }).ToDictionaryAsync(e => e.Id, e => e.Home!, cancellation);
        foreach (var standing in complete.OrderBy(s => s.Id))
        {
            var people = standing.People.Select(p => Id(p.EmployeeId)).ToList();
            if (people.Any(begun[standing.Direction].Contains) || people.Any(a => people.Any(b => apart.Contains((a, b))))) continue;
            var same = live.FirstOrDefault(g => g.Direction == standing.Direction && plans.GetValueOrDefault(g.Id)?.Signature(g.Direction) == standing.Signature);
            if (same is not null)
            {
                if (same.Status != CarpoolStatus.Confirmed && ConfirmRepeated(same, now)) repeated.Add(same);
                continue;
            }
            var ids = standing.People.Select(p => p.EmployeeId).ToHashSet();
            var elsewhere = live.Where(g => g.Direction == standing.Direction && g.Members.Any(m => ids.Contains(m.EmployeeId)
                && m.Status is CarpoolStatus.Proposed or CarpoolStatus.Accepted or CarpoolStatus.Confirmed)).ToList();
            // Someone committed to another car that way that day keeps it; the repeat waits for another date.
            if (elsewhere.Any(g => g.Status != CarpoolStatus.Proposed)) continue;
            var instance = standing.Direction == CommuteDirection.ToWork ? toWork : toHome;
            if (Restore(instance, standing.Plan) is not { } planned) continue;
            foreach (var open in elsewhere)
            {
                Withdraw(open, "re-matched", withdrawn);
                live.Remove(open);
            }
            var made = NewGroup(now, networkId, date, instance, planned, ExplanationOf(instance, planned, null), sites, homes, meetingPoints);
            ConfirmRepeated(made, now);
            database.CarpoolGroups.Add(made);
            live.Add(made);
            repeated.Add(made);
        }
        // The stored groups need their ids before matching keeps them.
        if (repeated.Count > 0) await database.SaveChangesAsync(cancellation);
        return repeated;
    }

    /// <summary>Confirms a repeated group for each of its people still in it, each with the reason the undo looks for.</summary>
    /// <returns>Whether anyone's state changed.</returns>
    private static bool ConfirmRepeated(CarpoolGroup group, DateTimeOffset now)
    {
        var changed = false;
        foreach (var member in group.Members.Where(m => m.Status is CarpoolStatus.Proposed or CarpoolStatus.Accepted))
        {
            member.Status = CarpoolStatus.Confirmed;
            group.StatusHistory.Add(new CarpoolStatusChange { EmployeeId = member.EmployeeId, Status = CarpoolStatus.Confirmed, At = now, Reason = StandingCarpools.RepeatReason });
            changed = true;
        }
        group.Status = CarpoolStatus.Confirmed;
        return changed;
    }

    /// <summary>A new proposal that a standing carpool plans, not everyone of whom chose to repeat it: accepted for those who did.</summary>
    private void AcceptForWhoRepeats(IReadOnlyList<CarpoolGroup> created, IReadOnlyList<StandingCarpool> partial)
    {
        if (partial.Count == 0) return;
        var bySignature = partial.ToDictionary(s => s.Signature);
        foreach (var group in created)
        {
            if (group.Explanation?.Plan is not { } plan || !bySignature.TryGetValue(plan.Signature(group.Direction), out var standing)) continue;
            var joined = standing.People.Where(p => p.JoinedAt is not null).Select(p => p.EmployeeId).ToHashSet();
            foreach (var member in group.Members.Where(m => joined.Contains(m.EmployeeId)))
            {
                member.Status = CarpoolStatus.Accepted;
                group.StatusHistory.Add(new CarpoolStatusChange { EmployeeId = member.EmployeeId, Status = CarpoolStatus.Accepted, At = clock.GetUtcNow(), Reason = StandingCarpools.RepeatReason });
            }
            if (group.Members.Any(m => m.Status == CarpoolStatus.Accepted)) group.Status = CarpoolStatus.Accepted;
        }
    }

    /// <summary>The changed people and everyone sharing a live group with them, either way, until nothing is added: a person
    /// cannot be re-matched one way while a group the other way still counts on them. A changed person who commutes that
    /// day but is in no live group (a driver who rides again, a new shift) may fit any open proposal, with a seat left or a
    /// better driver: then every open proposal is re-matched, or they could only be matched with whoever has none. Not so
    /// for who left a group by deciding (a driver's decline ends the group): a decision re-matches only its people.</summary>
    private static HashSet<long> Affected(IReadOnlyList<CarpoolGroup> live, IReadOnlySet<long> changed, IReadOnlySet<long> decided,
        CarpoolInstance toWork, CarpoolInstance toHome)
    {
        var affected = changed.ToHashSet();
        var grouped = live.SelectMany(g => g.Members).Select(m => m.EmployeeId).Concat(decided).ToHashSet();
        if (changed.Any(id => !grouped.Contains(id) && (toWork.IndexOf(Id(id)) >= 0 || toHome.IndexOf(Id(id)) >= 0)))
            affected.UnionWith(live.Where(g => g.Status == CarpoolStatus.Proposed).SelectMany(g => g.Members).Select(m => m.EmployeeId));
        bool grew;
        do
        {
            grew = false;
            foreach (var group in live.Where(g => g.Status == CarpoolStatus.Proposed))
                if (group.Members.Any(m => affected.Contains(m.EmployeeId)))
                    foreach (var member in group.Members) grew |= affected.Add(member.EmployeeId);
        } while (grew);
        return affected;
    }

    /// <summary>Who must not share a new car on the date: whoever declined or cancelled a group, with each other member of it.</summary>
    public static async Task<List<(string, string)>> KeepApartAsync(MobilityDbContext database, long networkId, DateOnly date, CancellationToken cancellation) =>
        (await database.CarpoolMembers.AsNoTracking()
            .Where(leaver => leaver.CarpoolGroup!.NetworkId == networkId && leaver.CarpoolGroup.Date == date
                && (leaver.Status == CarpoolStatus.Declined || (leaver.Status == CarpoolStatus.Cancelled
                    && leaver.CarpoolGroup.StatusHistory.Any(c => c.EmployeeId == leaver.EmployeeId && c.Status == CarpoolStatus.Cancelled))))
            .SelectMany(leaver => leaver.CarpoolGroup!.Members.Where(other => other.EmployeeId != leaver.EmployeeId),
                (leaver, other) => new { Leaver = leaver.EmployeeId, Other = other.EmployeeId })
            .ToListAsync(cancellation)).Select(pair => (Id(pair.Leaver), Id(pair.Other))).ToList();

    /// <summary>The morning check: each passenger carried to work with no group home, by id, with their company's fallback.</summary>
    private async Task<IReadOnlyDictionary<string, MissingRideHome>> WithoutRideHomeAsync(CarpoolDayPlan plan, CancellationToken cancellation)
    {
        var ids = plan.WithoutRideHome.Select(u => long.Parse(u.Id, CultureInfo.InvariantCulture)).ToList();
        var fallbacks = await database.Employees.Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Company!.RideHomeKind })
            .ToDictionaryAsync(e => Id(e.Id), e => e.RideHomeKind, cancellation);
        return plan.WithoutRideHome.ToDictionary(u => u.Id, u => new MissingRideHome(u.Id, u.Reason, fallbacks.GetValueOrDefault(u.Id)));
    }

    /// <summary>What a group of the plan stores: how to find it again, why it works, and on a trip to work which of its
    /// passengers have no group home (none: null, as in groups stored before the check).</summary>
    internal static StoredExplanation ExplanationOf(CarpoolInstance instance, MatchedGroup group, IReadOnlyDictionary<string, MissingRideHome>? withoutRideHome)
    {
        var missing = withoutRideHome is null || instance.Direction != CommuteDirection.ToWork ? []
            : group.Pickups.Select(p => instance.Participants[p].Id).Where(withoutRideHome.ContainsKey).Select(id => withoutRideHome[id]).ToList();
        return new StoredExplanation(PlanOf(instance, group), GroupExplainer.Explain(instance, group), missing.Count == 0 ? null : missing);
    }


    private static string Id(long employeeId) => employeeId.ToString(CultureInfo.InvariantCulture);

    private static GroupPlan? PlanOf(CarpoolGroup group) => group.Explanation?.Plan;

    private static string Signature(CommuteDirection direction, GroupPlan plan) => plan.Signature(direction);

    private static string Signature(CarpoolInstance instance, MatchedGroup group) =>
        Signature(instance.Direction, PlanOf(instance, group));

    private static GroupPlan PlanOf(CarpoolInstance instance, MatchedGroup group) => new(
        instance.Participants[group.Driver].Id,
        group.Pickups.Select(p => instance.Participants[p].Id).ToList(),
        group.DropLocations.Select(l => instance.SiteIds[l - instance.Participants.Count]).ToList());

    /// <summary>An accepted group on today's data, or null when it no longer holds (a member's shift or home changed).</summary>
    internal static MatchedGroup? Restore(CarpoolInstance instance, GroupPlan? plan)
    {
        if (plan is null) return null;
        var driver = instance.IndexOf(plan.Driver);
        var pickups = plan.Pickups.Select(instance.IndexOf).ToList();
        var drops = plan.Drops.Select(instance.LocationOfSite).ToList();
        if (driver < 0 || pickups.Contains(-1) || drops.Contains(-1)) return null;
        return new GroupEvaluator(instance).Evaluate(driver, pickups, drops);
    }

    /// <summary>Marks a group withdrawn (saved with the re-match's other changes); its members are told in the batch.</summary>
    private void Withdraw(CarpoolGroup group, string reason, List<CarpoolGroup> withdrawn)
    {
        group.Status = CarpoolStatus.Cancelled;
        foreach (var member in group.Members.Where(m => m.Status is CarpoolStatus.Proposed or CarpoolStatus.Accepted or CarpoolStatus.Confirmed))
            member.Status = CarpoolStatus.Cancelled;
        database.CarpoolStatusChanges.Add(new CarpoolStatusChange { CarpoolGroupId = group.Id, Status = CarpoolStatus.Cancelled, At = clock.GetUtcNow(), Reason = reason });
        withdrawn.Add(group);
    }

    /// <summary>Replaces the date's reasons for trips left without a group, but for the trips this re-match could not touch
    /// (begun, or in a car under way): they keep what the last re-match said.</summary>
    private async Task ReplaceUnmatchedTripsAsync(long networkId, DateOnly date, CarpoolDayPlan plan,
        IReadOnlyDictionary<CommuteDirection, HashSet<string>> untouched, CancellationToken cancellation)
    {
        var keptToWork = untouched[CommuteDirection.ToWork].Select(id => long.Parse(id, CultureInfo.InvariantCulture)).ToList();
        var keptToHome = untouched[CommuteDirection.ToHome].Select(id => long.Parse(id, CultureInfo.InvariantCulture)).ToList();
        await database.UnmatchedTrips.Where(t => t.NetworkId == networkId && t.Date == date
                && !(t.Direction == CommuteDirection.ToWork && keptToWork.Contains(t.EmployeeId))
                && !(t.Direction == CommuteDirection.ToHome && keptToHome.Contains(t.EmployeeId)))
            .ExecuteDeleteAsync(cancellation);
        // On the way home, a morning passenger's reason is the one the round trip gives (they have no car there).
        var home = plan.ToHome.WithoutGroup.ToDictionary(u => u.Id, u => u.Reason);
        foreach (var stranded in plan.WithoutRideHome) home[stranded.Id] = stranded.Reason;
        await database.InsertAsync(
            plan.ToWork.WithoutGroup.Where(u => !untouched[CommuteDirection.ToWork].Contains(u.Id))
                .Select(u => Unmatched(networkId, date, CommuteDirection.ToWork, u.Id, u.Reason))
                .Concat(home.Where(u => !untouched[CommuteDirection.ToHome].Contains(u.Key))
                    .Select(u => Unmatched(networkId, date, CommuteDirection.ToHome, u.Key, u.Value))).ToList(), cancellation);
    }

    private static UnmatchedTrip Unmatched(long networkId, DateOnly date, CommuteDirection direction, string id, NoRideReason reason) => new()
    {
        EmployeeId = long.Parse(id, CultureInfo.InvariantCulture), Date = date, Direction = direction, NetworkId = networkId, Reason = reason,
    };

    internal static CarpoolGroup NewGroup(DateTimeOffset now, long networkId, DateOnly date, CarpoolInstance instance, MatchedGroup group,
        StoredExplanation explanation, IReadOnlyDictionary<string, long> sites, IReadOnlyDictionary<long, Point> homes,
        IReadOnlyDictionary<string, long>? meetingPoints = null)
    {
        var driver = instance.Participants[group.Driver];
        return new CarpoolGroup
        {
            NetworkId = networkId, Date = date, Direction = instance.Direction,
            Status = CarpoolStatus.Proposed, Seats = driver.Seats, CreatedAt = now,
            Explanation = explanation,
            Members = explanation.Explanation.Members.Select(m => MemberOf(m, instance.Direction, sites, homes, instance, meetingPoints)).ToList(),
        };
    }

    /// <summary>A member as the explanation places them: role, order, site, pickup time and place (the home, exact, or the
    /// meeting point the passenger chose, which is then the matcher's place for them).</summary>
    internal static CarpoolMember MemberOf(MemberExplanation m, CommuteDirection direction, IReadOnlyDictionary<string, long> sites,
        IReadOnlyDictionary<long, Point> homes, CarpoolInstance? instance = null, IReadOnlyDictionary<string, long>? meetingPoints = null)
    {
        var employeeId = long.Parse(m.Id, CultureInfo.InvariantCulture);
        var atMeetingPoint = instance is not null && meetingPoints is not null && meetingPoints.TryGetValue(m.Id, out _);
        return new CarpoolMember
        {
            EmployeeId = employeeId, Role = m.Role,
            PickupOrder = m.HomeOrder, DropOffSiteId = sites[m.SiteId], Status = CarpoolStatus.Proposed,
            PickupTime = PickupTimeOf(m, direction),
            PickupLocation = atMeetingPoint ? instance!.Participants[instance.IndexOf(m.Id)].Home.ToStoredPoint()
                : homes.TryGetValue(employeeId, out var home) ? home.ToGeoPoint().ToStoredPoint() : null,
            MeetingPointSiteId = atMeetingPoint ? meetingPoints![m.Id] : null,
        };
    }

    /// <summary>When the car takes the member: at home to work, at the site home.</summary>
    internal static DateTimeOffset PickupTimeOf(MemberExplanation m, CommuteDirection direction) =>
        DateTimeOffset.FromUnixTimeSeconds((long)Math.Round(direction == CommuteDirection.ToWork ? m.AtHome : m.AtSite));
}
