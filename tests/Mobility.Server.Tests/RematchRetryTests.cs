using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Server.Carpools;
using Mobility.TestSupport;

namespace Mobility.Server.Tests;

/// <summary>
/// Re-matches that fail (PostgreSQL stopped, a network's data the engine cannot use) keep their changes and are tried
/// again until they succeed. The outages stop a cluster of this class's own; each test has a database of its own.
/// </summary>
public sealed class RematchRetryTests(TestCluster cluster) : IClassFixture<TestCluster>
{
    private static readonly DateOnly Tomorrow =
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime).AddDays(1);

    /// <summary>An instance whose log is captured; its engine re-matches at start only when told to.</summary>
    private static (WebApplicationFactory<Program> Instance, CapturedLog Log) Instance(TwoNetworkServer server, params (string, string)[] settings)
    {
        var log = new CapturedLog();
        var instance = server.Instance(settings).WithWebHostBuilder(host => host.ConfigureLogging(logging => logging.AddProvider(log)));
        return (instance, log);
    }

    /// <summary>The people of each morning group proposed on that date.</summary>
    private static async Task<List<long[]>> MorningGroupsAsync(TwoNetworkServer server, DateOnly date)
    {
        await using var database = server.NewContext();
        return (await database.CarpoolGroups.Where(g => g.NetworkId == server.Nord && g.Date == date && g.Direction == CommuteDirection.ToWork && g.Status == CarpoolStatus.Proposed)
            .Select(g => g.Members.Select(m => m.EmployeeId).OrderBy(id => id).ToArray()).ToListAsync());
    }

    private static async Task<long> MorningGroupOfAsync(TwoNetworkServer server, DateOnly date, long employee)
    {
        await using var database = server.NewContext();
        return await database.CarpoolGroups.Where(g => g.NetworkId == server.Nord && g.Date == date && g.Direction == CommuteDirection.ToWork
            && g.Status == CarpoolStatus.Proposed && g.Members.Any(m => m.EmployeeId == employee)).Select(g => g.Id).SingleAsync();
    }

    /// <summary>Waits until the morning groups of the date are these, or fails with what they are.</summary>
    private static async Task WaitForMorningGroupsAsync(TwoNetworkServer server, DateOnly date, TimeSpan patience, params long[][] wanted)
    {
        var expected = wanted.Select(g => string.Join(',', g.Order())).Order().ToList();
        var deadline = DateTime.UtcNow + patience;
        List<string> seen;
        do
        {
            seen = (await MorningGroupsAsync(server, date)).Select(g => string.Join(',', g)).Order().ToList();
            if (seen.SequenceEqual(expected)) return;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        Assert.Fail($"Morning groups of {date}: [{string.Join(" | ", seen)}], wanted [{string.Join(" | ", expected)}]");
    }

    private static bool IsFailureOf(CapturedLog.Entry entry, long network) =>
        entry.Category == typeof(ProposalEngine).FullName && entry.Message.Contains("failed", StringComparison.Ordinal)
        && entry.Values.TryGetValue("Network", out var value) && Equals(value, network);

    private static bool IsRematchOf(CapturedLog.Entry entry, long network) =>
        entry.Category == typeof(ProposalEngine).FullName && entry.Message.Contains("re-matched after", StringComparison.Ordinal)
        && entry.Values.TryGetValue("Network", out var value) && Equals(value, network);

    [Fact]
    public async Task Decisions_acknowledged_right_before_PostgreSQL_stops_are_all_matched_once_it_is_back()
    {
        using var server = new TwoNetworkServer(TestDatabase.On(cluster.AdminConnectionString));
        server.PutNordOnADayRoster();
        var (first, second) = (Tomorrow, Tomorrow.AddDays(1));
        // A second of quiet: both decisions below make one burst, over both dates.
        var (instance, log) = Instance(server, ("Proposals:RecomputeOnStart", "false"), ("Proposals:Quiet", "00:00:01"));
        await using var disposeInstance = instance;
        foreach (var date in new[] { first, second })
        {
            await instance.Services.GetRequiredService<ProposalEngine>().RecomputeAsync(server.Nord, date, null, CancellationToken.None);
        }
        var (anneMorning, bertaMorning) = (await MorningGroupOfAsync(server, first, server.AlphaOne), await MorningGroupOfAsync(server, second, server.BetaOne));
        using var anne = instance.CreateClient();
        anne.DefaultRequestHeaders.Authorization = new("Bearer", await server.TokenAsync("anne@test.local", instance));
        using var berta = instance.CreateClient();
        berta.DefaultRequestHeaders.Authorization = new("Bearer", await server.TokenAsync("berta@test.local", instance));
        log.Entries.Clear();

        // The second date's re-match is held at its lock, as a long one would be when PostgreSQL stops under it.
        var holder = server.NewContext();
        var hold = await holder.Database.BeginTransactionAsync();
        await holder.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({unchecked((int)server.Nord)}, {second.DayNumber})");
        Assert.Equal(HttpStatusCode.OK, (await anne.PostAsync($"/api/me/proposals/{anneMorning}/decline", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await berta.PostAsync($"/api/me/proposals/{bertaMorning}/decline", null)).StatusCode);
        await using (var watcher = server.NewContext())
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await watcher.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").SingleAsync() == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "the re-match never reached the second date");
                await Task.Delay(20);
            }
        }

        cluster.Stop();
        try
        {
            await log.WaitForAsync(entry => IsFailureOf(entry, server.Nord), TimeSpan.FromSeconds(30));
        }
        finally
        {
            cluster.Start();
        }
        // The holder's session ended with the server: its transaction cannot be rolled back any more.
        try { await hold.DisposeAsync(); await holder.DisposeAsync(); }
        catch (Npgsql.NpgsqlException) { }

        // Berta's decline is matched once PostgreSQL is back: Paul and Anne without her; Anne's was matched before it stopped.
        await WaitForMorningGroupsAsync(server, second, TimeSpan.FromSeconds(60), [server.AlphaTwo, server.AlphaOne]);
        await WaitForMorningGroupsAsync(server, first, TimeSpan.Zero, [server.AlphaTwo, server.BetaOne]);
        // The retry did not redo the first date, which had succeeded. (A re-match's log line follows its commit and the
        // making of its messages: the groups can be read a moment before it.)
        await log.WaitForAsync(e => e.Category == typeof(NetworkRematch).FullName && e.Values.TryGetValue("Date", out var date) && Equals(date, second),
            TimeSpan.FromSeconds(10));
        var dates = log.Entries.Where(e => e.Category == typeof(NetworkRematch).FullName && e.Values.ContainsKey("Date"))
            .Select(e => (DateOnly)e.Values["Date"]!).ToList();
        Assert.Equal([first, second], dates);
        var failure = log.Entries.First(entry => IsFailureOf(entry, server.Nord));
        Assert.True(failure.Values.ContainsKey("NextAttempt"), failure.Message);
    }

    [Fact]
    public async Task Changes_made_while_the_server_was_down_are_matched_when_it_starts_before_PostgreSQL()
    {
        using var server = new TwoNetworkServer(TestDatabase.On(cluster.AdminConnectionString));
        server.PutNordOnADayRoster();
        cluster.Stop();
        WebApplicationFactory<Program>? instance = null;
        try
        {
            (instance, var log) = Instance(server);
            _ = instance.Services; // starts the server, and its engine, which re-matches every network at start
            await log.WaitForAsync(entry => entry.Category == typeof(ProposalEngine).FullName && entry.Message.Contains("Could not list", StringComparison.Ordinal),
                TimeSpan.FromSeconds(30));
        }
        finally
        {
            cluster.Start();
        }
        await using var disposeInstance = instance;
        await WaitForMorningGroupsAsync(server, Tomorrow, TimeSpan.FromSeconds(60), [server.AlphaTwo, server.AlphaOne, server.BetaOne]);
    }

    [Fact]
    public async Task A_network_whose_re_match_keeps_failing_holds_up_no_other_and_is_matched_once_its_data_are_fixed()
    {
        using var server = new TwoNetworkServer();
        server.PutNordOnADayRoster();
        // A time zone this machine does not know (written by a newer instance, or by hand): every re-match of Sud throws.
        await using (var database = server.NewContext())
            await database.Networks.Where(n => n.Id == server.Sud).ExecuteUpdateAsync(n => n.SetProperty(x => x.TimeZone, "Europe/Atlantis"));
        var (instance, log) = Instance(server, ("Proposals:RecomputeOnStart", "false"));
        await using var disposeInstance = instance;
        var queue = instance.Services.GetRequiredService<RecomputeQueue>();

        queue.Request(server.Sud, "Sud for the test");
        await log.WaitForAsync(entry => IsFailureOf(entry, server.Sud), TimeSpan.FromSeconds(30));
        queue.Request(server.Nord, "Nord for the test");
        await log.WaitForAsync(entry => IsRematchOf(entry, server.Nord), TimeSpan.FromSeconds(30));
        await WaitForMorningGroupsAsync(server, Tomorrow, TimeSpan.Zero, [server.AlphaTwo, server.AlphaOne, server.BetaOne]);

        // Sud is tried again by itself, with no new change, and shows it each time.
        await log.WaitForAsync(entry => IsFailureOf(entry, server.Sud) && entry.Values.GetValueOrDefault("Failures") is 2, TimeSpan.FromSeconds(30));
        using (var client = instance.CreateClient())
            Assert.Matches(@"mobility_proposals_rematch_failures(_total)?(\{[^}]*\})? [1-9]", await client.GetStringAsync("/metrics"));
        await using (var database = server.NewContext())
            await database.Networks.Where(n => n.Id == server.Sud).ExecuteUpdateAsync(n => n.SetProperty(x => x.TimeZone, "Europe/Paris"));
        var done = await log.WaitForAsync(entry => IsRematchOf(entry, server.Sud), TimeSpan.FromSeconds(60));
        Assert.Contains("Sud for the test", done.Message, StringComparison.Ordinal);
    }
}
