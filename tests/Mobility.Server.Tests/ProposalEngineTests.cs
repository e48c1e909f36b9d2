using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Server.Live;
using Mobility.Server.Carpools;

namespace Mobility.Server.Tests;

/// <summary>
/// The background proposal engine on the two-network fixture, with everyone of Nord on a day roster
/// (<see cref="TwoNetworkServer.PutNordOnADayRoster"/>). Without a road network configured, the engine uses straight-line estimates.
/// </summary>
public sealed class ProposalEngineTests : IClassFixture<TwoNetworkServer>
{
    private readonly TwoNetworkServer _server;
    private readonly DateOnly _tomorrow;

    public ProposalEngineTests(TwoNetworkServer server)
    {
        _server = server;
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        _tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).DateTime).AddDays(1);
        server.PutNordOnADayRoster();
    }

    /// <summary>Each test works on its own date (the fixture's database is shared); tomorrow is the background engine's.</summary>
    private async Task<RematchOutcome> RecomputeAsync(DateOnly date) =>
        await _server.Factory.Services.GetRequiredService<ProposalEngine>().RecomputeAsync(_server.Nord, date, changed: null, CancellationToken.None);

    /// <summary>A second server instance whose log is captured and whose engine only re-matches on request, Berta's
    /// morning proposal of the date on it, and a client signed in as Berta there (the decline must reach this engine).</summary>
    private async Task<(WebApplicationFactory<Program> Instance, CapturedLog Log, HttpClient Berta, long Morning)> InstanceWithBertasProposalAsync(DateOnly date)
    {
        var log = new CapturedLog();
        var instance = _server.Instance(("Proposals:RecomputeOnStart", "false"))
            .WithWebHostBuilder(host => host.ConfigureLogging(logging => logging.AddProvider(log)));
        await instance.Services.GetRequiredService<ProposalEngine>().RecomputeAsync(_server.Nord, date, null, CancellationToken.None);
        await using var database = _server.NewContext();
        var morning = await database.CarpoolGroups.Where(g => g.NetworkId == _server.Nord && g.Date == date && g.Direction == CommuteDirection.ToWork
            && g.Status == CarpoolStatus.Proposed && g.Members.Any(m => m.EmployeeId == _server.BetaOne)).Select(g => g.Id).SingleAsync();
        var berta = instance.CreateClient();
        berta.DefaultRequestHeaders.Authorization = new("Bearer", await _server.TokenAsync("berta@test.local", instance));
        log.Entries.Clear();
        return (instance, log, berta, morning);
    }

    private static IEnumerable<long> MembersOf(NotificationMessage message) =>
        message.Payload.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("pickupOrder").GetInt64());

    [Fact]
    public async Task Proposals_reach_their_members_and_an_unchanged_network_re_matches_to_no_change()
    {
        var anne = new HubListener();
        await using var hub = await _server.HubAsync("anne@test.local");
        anne.Attach(hub);
        await hub.StartAsync();

        var first = await RecomputeAsync(_tomorrow.AddDays(5));
        Assert.Equal(2, first.Proposed); // to work and home, Paul driving both ways
        var proposal = await anne.NextWhereAsync(m => m.Kind == NetworkRematch.ProposalKind);
        Assert.True(MembersOf(proposal).Count() == 3, proposal.Payload.ToString());
        // Anne rides: her own limit, not the driver's detour; her ride passes the others' homes, so it waits for everyone's yes.
        var mine = proposal.Payload.GetProperty("mine");
        Assert.True(mine.GetProperty("rideLimitMinutes").GetDouble() > 0, mine.ToString());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("rideMinutes").ValueKind);
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("detourMinutes").ValueKind);

        var again = await RecomputeAsync(_tomorrow.AddDays(5));
        Assert.Equal((0, 0, 2), (again.Proposed, again.Withdrawn, again.Kept));
        Assert.Empty(again.Messages);
    }

    [Fact]
    public async Task Several_dates_of_one_network_re_match_at_the_same_time_without_a_deadlock()
    {
        // Each re-match inserts members (a key-share lock on their employees) and then locks the same employees to
        // number their messages: with FOR UPDATE there, two dates at once deadlocked.
        var dates = Enumerable.Range(10, 4).Select(d => _tomorrow.AddDays(d)).ToList();
        var outcomes = await Task.WhenAll(dates.Select(RecomputeAsync));
        Assert.All(outcomes, o => Assert.Equal(2, o.Proposed));
        await using var database = _server.NewContext();
        var sequences = await database.Notifications.Where(n => n.EmployeeId == _server.AlphaOne).Select(n => n.Sequence).OrderBy(s => s).ToListAsync();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task A_decline_triggers_a_re_match_that_reaches_the_people_affected()
    {
        await RecomputeAsync(_tomorrow);
        await using var database = _server.NewContext();
        var morning = await database.CarpoolGroups.Where(g => g.NetworkId == _server.Nord && g.Date == _tomorrow && g.Direction == CommuteDirection.ToWork
            && g.Status == CarpoolStatus.Proposed && g.Members.Any(m => m.EmployeeId == _server.AlphaOne)).Select(g => g.Id).SingleAsync();

        var berta = new HubListener();
        await using var bertaHub = await _server.HubAsync("berta@test.local");
        berta.Attach(bertaHub);
        await bertaHub.StartAsync();
        using var anne = await _server.ClientAsync("anne@test.local");
        Assert.Equal(HttpStatusCode.OK, (await anne.PostAsync($"/api/me/proposals/{morning}/decline", null)).StatusCode);

        // The engine (in the background, debounced) withdraws the group Anne declined and proposes Paul and Berta alone.
        var fresh = await berta.NextWhereAsync(m => m.Kind == NetworkRematch.ProposalKind
            && m.Payload.GetProperty("direction").GetString() == "ToWork");
        Assert.Equal(2, MembersOf(fresh).Count());
        await using var read = _server.NewContext();
        Assert.Equal(CarpoolStatus.Cancelled, (await read.CarpoolGroups.SingleAsync(g => g.Id == morning)).Status);
        Assert.False(await read.CarpoolMembers.AnyAsync(m => m.EmployeeId == _server.AlphaOne && m.CarpoolGroup!.Date == _tomorrow
            && m.CarpoolGroup.Direction == CommuteDirection.ToWork && m.CarpoolGroup.Status == CarpoolStatus.Proposed
            && m.CarpoolGroup.Members.Any(o => o.EmployeeId == _server.AlphaTwo)));
    }

    [Fact]
    public async Task A_decline_re_matches_its_own_date_only_even_beyond_the_dates_the_engine_keeps()
    {
        // A date a planning run covered, past the two days the engine keeps by itself.
        var date = _tomorrow.AddDays(7);
        var (instance, log, client, morning) = await InstanceWithBertasProposalAsync(date);
        await using var disposeInstance = instance;
        using var disposeClient = client;
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/me/proposals/{morning}/decline", null)).StatusCode);

        // The engine says when it is done with a burst of changes; by then every date it re-matched is logged.
        await log.WaitForAsync(e => e.Message.Contains("re-matched after", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var rematched = log.Entries.Where(e => e.Category == typeof(NetworkRematch).FullName && e.Values.ContainsKey("Date"))
            .Select(e => (DateOnly)e.Values["Date"]!).ToList();
        Assert.Equal([date], rematched);
        await using var read = _server.NewContext();
        Assert.Equal(CarpoolStatus.Cancelled, (await read.CarpoolGroups.SingleAsync(g => g.Id == morning)).Status);
        Assert.True(await read.CarpoolGroups.AnyAsync(g => g.NetworkId == _server.Nord && g.Date == date && g.Direction == CommuteDirection.ToWork
            && g.Status == CarpoolStatus.Proposed && g.Members.Any(m => m.EmployeeId == _server.AlphaOne)),
            "Paul and Anne are proposed again without Berta");
    }

    [Fact]
    public async Task A_decline_made_during_a_whole_network_re_match_is_matched_without_waiting_for_it()
    {
        var (first, second) = (_tomorrow, _tomorrow.AddDays(1));
        var (instance, log, client, morning) = await InstanceWithBertasProposalAsync(second);
        await using var disposeInstance = instance;
        using var disposeClient = client;

        // Hold the whole-network re-match on its first date (the lock it takes per network and date to write), as a long
        // one would; the decline is on its second date.
        await using var holder = _server.NewContext();
        await using (var hold = await holder.Database.BeginTransactionAsync())
        {
            await holder.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({unchecked((int)_server.Nord)}, {first.DayNumber})");
            instance.Services.GetRequiredService<RecomputeQueue>().Request(_server.Nord, "whole network for the test");
            await using var watcher = _server.NewContext();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await watcher.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").SingleAsync() == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "the re-match never waited for the lock");
                await Task.Delay(20);
            }
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/me/proposals/{morning}/decline", null)).StatusCode);
            // Matched while the whole network is still held.
            await log.WaitForAsync(e => e.Message.Contains("re-matched after", StringComparison.Ordinal) && e.Message.Contains("Decline", StringComparison.Ordinal),
                TimeSpan.FromSeconds(30));
            Assert.DoesNotContain(log.Entries, e => e.Message.Contains("whole network for the test", StringComparison.Ordinal));
        }

        await log.WaitForAsync(e => e.Message.Contains("whole network for the test", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        // Today's remaining trips of the whole network, the decline's date, then the whole network's first and second dates.
        var dates = log.Entries.Where(e => e.Category == typeof(NetworkRematch).FullName && e.Values.ContainsKey("Date"))
            .Select(e => (DateOnly)e.Values["Date"]!).ToList();
        Assert.Equal([first.AddDays(-1), second, first, second], dates);
    }

    [Fact]
    public async Task A_decline_made_while_a_whole_network_re_match_matches_leaves_its_people_to_the_decline()
    {
        var date = _tomorrow.AddDays(9);
        await RecomputeAsync(date);
        await using var database = _server.NewContext();
        var evening = await database.CarpoolGroups.Include(g => g.Members).FirstAsync(g => g.NetworkId == _server.Nord && g.Date == date
            && g.Direction == CommuteDirection.ToHome && g.Status == CarpoolStatus.Proposed && g.Members.Count > 1);
        var driver = evening.Members.Single(m => m.Role == MemberRole.Driver).EmployeeId;
        var members = evening.Members.Select(m => m.EmployeeId).ToList();

        // The re-match has read and matched (the group still proposed) and waits to write, the date held as by another
        // re-match, when the driver declines (which ends the group).
        await using var holder = _server.NewContext();
        Task<RematchOutcome> rematch;
        await using (var hold = await holder.Database.BeginTransactionAsync())
        {
            await holder.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({unchecked((int)_server.Nord)}, {date.DayNumber})");
            rematch = RecomputeAsync(date);
            await using var watcher = _server.NewContext();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await watcher.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").SingleAsync() == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "the re-match never waited for the date");
                await Task.Delay(20);
            }
            await using var scope = _server.Factory.Services.CreateAsyncScope();
            var decided = await scope.ServiceProvider.GetRequiredService<CarpoolDecisions>().DecideAsync(driver, evening.Id, Decision.Decline, CancellationToken.None);
            Assert.Equal(DecisionOutcome.Declined, decided.Outcome);
        }
        var outcome = await rematch;

        // Its plan, made before the decline, holds the same car again: its people are left to the decline's re-match.
        Assert.DoesNotContain(outcome.Messages, m => members.Contains(m.EmployeeId));
        await using var read = _server.NewContext();
        Assert.False(await read.CarpoolGroups.AnyAsync(g => g.Id != evening.Id && g.NetworkId == _server.Nord && g.Date == date && g.Direction == CommuteDirection.ToHome
            && g.CreatedAt < DateTimeOffset.UtcNow && g.Members.Any(m => m.EmployeeId == driver)
            && g.Members.Count(m => members.Contains(m.EmployeeId)) == members.Count));
        // Nobody is in two live groups one way.
        var riding = await read.CarpoolMembers.Where(m => m.CarpoolGroup!.NetworkId == _server.Nord && m.CarpoolGroup.Date == date
                && (m.CarpoolGroup.Status == CarpoolStatus.Proposed || m.CarpoolGroup.Status == CarpoolStatus.Accepted || m.CarpoolGroup.Status == CarpoolStatus.Confirmed)
                && m.Status != CarpoolStatus.Declined && m.Status != CarpoolStatus.Cancelled)
            .Select(m => new { m.EmployeeId, m.CarpoolGroup!.Direction }).ToListAsync();
        Assert.Equal(riding.Count, riding.Distinct().Count());
    }

    [Fact]
    public async Task An_accepted_group_is_kept_when_the_rest_is_re_matched()
    {
        var date = _tomorrow.AddDays(6);
        await RecomputeAsync(date);
        await using var database = _server.NewContext();
        var evening = await database.CarpoolGroups.Where(g => g.NetworkId == _server.Nord && g.Date == date && g.Direction == CommuteDirection.ToHome
            && g.Status == CarpoolStatus.Proposed && g.Members.Any(m => m.EmployeeId == _server.BetaOne)).Select(g => g.Id).FirstAsync();
        using var berta = await _server.ClientAsync("berta@test.local");
        Assert.Equal(HttpStatusCode.OK, (await berta.PostAsync($"/api/me/proposals/{evening}/accept", null)).StatusCode);

        var outcome = await RecomputeAsync(date);
        await using var read = _server.NewContext();
        Assert.Equal(CarpoolStatus.Accepted, (await read.CarpoolGroups.SingleAsync(g => g.Id == evening)).Status);
        Assert.DoesNotContain(outcome.Messages, m => m.Message.Payload.GetProperty("groupId").GetInt64() == evening);
    }

    [Fact]
    public async Task An_administrator_runs_a_planning_run_for_a_date_and_the_working_group_may_not()
    {
        var date = _tomorrow.AddDays(8);
        using var admin = await _server.ClientAsync("admin@test.local");
        var result = await TwoNetworkServer.PlanningRunAsync(admin, _server.Nord, date);
        Assert.Equal(2, result.GetProperty("proposed").GetInt32());
        // The date's mix, proposed apart from ridden: checked against the stored groups' members.
        await using (var database = _server.NewContext())
        {
            var groups = await database.CarpoolGroups.Where(g => g.NetworkId == _server.Nord && g.Date == date && g.Status == CarpoolStatus.Proposed)
                .Select(g => new { Companies = g.Members.Select(m => m.Employee!.CompanyId).Distinct().Count(), Plants = g.Members.Select(m => m.DropOffSiteId).Distinct().Count() })
                .ToListAsync();
            var proposed = result.GetProperty("mix").GetProperty("proposed");
            Assert.Equal(2, proposed.GetProperty("groups").GetInt32());
            Assert.Equal(groups.Count(g => g.Companies > 1), proposed.GetProperty("acrossCompanies").GetInt32());
            Assert.Equal(groups.Count(g => g.Plants > 1), proposed.GetProperty("atTwoPlantsOrMore").GetInt32());
            // Berta (Beta) rides with Alpha's people: both groups cross companies and drop at the two plants.
            Assert.Equal(2, proposed.GetProperty("acrossCompanies").GetInt32());
            Assert.Equal(0, result.GetProperty("mix").GetProperty("riding").GetProperty("groups").GetInt32());
        }
        using var workingGroup = await _server.ClientAsync("wg.nord@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await workingGroup.PostAsync($"/api/networks/{_server.Nord}/planning-runs", null)).StatusCode);
    }
}
