using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Mobility.Cli.Commands;
using Mobility.Data;
using Mobility.Data.Accounts;
using Mobility.Data.Demo;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;

namespace Mobility.Bench;

/// <summary>
/// `mobility-bench hub`: load test of the live channel against a running server: a demo network of N employees, each
/// signed in and connected to /hubs/commute over loopback WebSockets, then one planning run that re-matches them all.
/// Measures the time from the run's request to each message's arrival, and checks every message stored for a connected
/// employee arrived exactly once. Then passengers decline, one after another: the time to each acknowledgement and to the other
/// members' new proposals.
/// </summary>
internal sealed class HubLoadBenchmark(Uri server, string connectionString, string osmFile, int clients, DateOnly date, int declines = 20)
{
    private const string Password = "banc-d-essai-hub";
    private const string NetworkName = "Banc d'essai du hub (démo)";
    private sealed record Received(long EmployeeId, long Sequence, string Kind, long GroupId, DateOnly Date, long Ticks);

    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The running server.", DefaultValueFactory = _ => "http://127.0.0.1:5080/" };
        var osm = new Option<string?>("--osm") { Description = $"OSM extract for the bench network's homes; default: {DemoCommands.OsmFileVariable}." };
        var clients = new Option<int>("--clients") { Description = "Employees signed in and connected.", DefaultValueFactory = _ => 2000 };
        var date = new Option<DateOnly?>("--date") { Description = "Date of the planning run (default: tomorrow, one of the days the engine keeps up to date)." };
        var declines = new Option<int>("--declines") { Description = "Declines timed one after another once the run is pushed.", DefaultValueFactory = _ => 20 };
        var command = new Command("hub", "Connects N employees to /hubs/commute, runs one re-match of them all, and prints push latency and lost messages.");
        foreach (var option in new Option[] { url, osm, clients, date, declines, DbCommands.DatabaseOption }) command.Options.Add(option);
        command.SetAction((parse, cancellation) =>
        {
            var osmFile = parse.GetValue(osm) ?? Environment.GetEnvironmentVariable(DemoCommands.OsmFileVariable)
                ?? throw new InvalidOperationException($"No OSM extract given: pass --osm FILE or set {DemoCommands.OsmFileVariable}.");
            var today = DateOnly.FromDateTime(DateTime.Today);
            var runDate = parse.GetValue(date) ?? today.AddDays(1);
            return new HubLoadBenchmark(new Uri(parse.GetValue(url)!.TrimEnd('/') + "/"), MobilityDatabase.ResolveConnectionString(parse.GetValue(DbCommands.DatabaseOption)),
                osmFile, parse.GetValue(clients), runDate, parse.GetValue(declines)).RunAsync(cancellation);
        });
        return command;
    }

    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        await using var dataSource = MobilityDatabase.CreateDataSource(connectionString);
        var (networkId, employees) = await SeedAsync(dataSource, cancellation);
        Console.Error.WriteLine($"{employees.Count} employees with an account; signing in...");

        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(10) };
        var tokens = new ConcurrentDictionary<long, string>();
        await Parallel.ForEachAsync(employees, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellation }, async (employee, ct) =>
            tokens[employee.EmployeeId] = await SignInAsync(http, employee.Email, ct));

        Console.Error.WriteLine("connecting...");
        var received = new ConcurrentBag<Received>();
        var connections = new ConcurrentBag<HubConnection>();
        var hubs = new ConcurrentDictionary<long, HubConnection>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(employees, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellation }, async (employee, ct) =>
        {
            var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(server, "hubs/commute"), options =>
                {
                    options.Transports = HttpTransportType.WebSockets;
                    options.SkipNegotiation = true;
                    options.AccessTokenProvider = () => Task.FromResult<string?>(tokens[employee.EmployeeId]);
                })
                .Build();
            hub.On<JsonElement>("notification", message =>
                received.Add(new Received(employee.EmployeeId, message.GetProperty("sequence").GetInt64(), message.GetProperty("kind").GetString()!,
                    message.GetProperty("payload").GetProperty("groupId").GetInt64(),
                    DateOnly.Parse(message.GetProperty("payload").GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture), clock.ElapsedTicks)));
            await hub.StartAsync(ct);
            connections.Add(hub);
            hubs[employee.EmployeeId] = hub;
        });
        Console.Error.WriteLine($"{connections.Count} clients connected in {clock.Elapsed.TotalSeconds:F1} s; planning run for {date:yyyy-MM-dd}...");

        var admin = await SignInAsync(http, $"admin@{DemoAccounts.Domain}", cancellation, DemoAccounts.Password);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/networks/{networkId}/planning-runs?date={date:yyyy-MM-dd}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        var start = clock.ElapsedTicks;
        var startedAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var response = await http.SendAsync(request, cancellation);
        response.EnsureSuccessStatusCode();
        // A run of one date is a job: the run's time is until the job has ended.
        var run = await FinishedJobAsync(http, admin, response.Headers.Location!, cancellation);
        var runMilliseconds = Milliseconds(clock.ElapsedTicks - start);
        // Pushes are sent before the run answers; wait for the last to land, until nothing arrives for 2 s.
        var count = -1;
        while (count != received.Count) { count = received.Count; await Task.Delay(2000, cancellation); }

        var connected = employees.Select(e => e.EmployeeId).ToHashSet();
        await using var database = new MobilityDbContext(MobilityDatabase.Options(dataSource));
        var stored = await database.Notifications.Where(n => n.CreatedAt >= startedAt && connected.Contains(n.EmployeeId))
            .Select(n => new { n.EmployeeId, n.Sequence }).ToListAsync(cancellation);
        var got = received.GroupBy(r => (r.EmployeeId, r.Sequence)).ToDictionary(g => g.Key, g => g.Count());
        var lost = stored.Count(n => !got.ContainsKey((n.EmployeeId, n.Sequence)));
        var duplicates = got.Values.Sum(c => c - 1);
        var latencies = received.Select(r => Milliseconds(r.Ticks - start)).Order().ToArray();
        var reached = received.Select(r => r.EmployeeId).Distinct().Count();

        Console.WriteLine($"clients connected: {connections.Count:N0}; planning run (a job) ended after {runMilliseconds:F0} ms " +
                          $"({run.GetProperty("proposed").GetInt32():N0} groups proposed, {run.GetProperty("messages").GetInt32():N0} messages)");
        Console.WriteLine($"messages stored for connected clients: {stored.Count:N0}; received: {received.Count:N0}; lost: {lost}; duplicates: {duplicates}");
        Console.WriteLine($"clients reached: {reached:N0} of {connections.Count:N0} (the others got no group this date)");
        if (latencies.Length > 0)
            Console.WriteLine($"request to push: p50 {Percentile(latencies, 0.50):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {latencies[^1]:F0} ms");
        // The engine keeps the next days up to date after every change; the bench's server skips its start-up re-match, so
        // the day after is computed here first, as it would have been at start, rather than inside the first decline.
        using (var dayAfter = new HttpRequestMessage(HttpMethod.Post, $"api/networks/{networkId}/planning-runs?date={date.AddDays(1):yyyy-MM-dd}"))
        {
            dayAfter.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            using var queued = await http.SendAsync(dayAfter, cancellation);
            queued.EnsureSuccessStatusCode();
            await FinishedJobAsync(http, admin, queued.Headers.Location!, cancellation);
            count = -1;
            while (count != received.Count) { count = received.Count; await Task.Delay(2000, cancellation); }
        }
        var touched = new HashSet<long>();
        var declineOk = await DeclineAsync(database, networkId, hubs, received, clock, touched, "one at a time", () => null, cancellation);
        // The same, while planning runs of the same date re-match everyone, one after another: a decline must not wait for them.
        Task<JsonElement>? running = null;
        async Task<JsonElement> PlanningRunAsync()
        {
            using var again = new HttpRequestMessage(HttpMethod.Post, $"api/networks/{networkId}/planning-runs?date={date:yyyy-MM-dd}");
            again.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            using var queued = await http.SendAsync(again, cancellation);
            queued.EnsureSuccessStatusCode();
            return await FinishedJobAsync(http, admin, queued.Headers.Location!, cancellation);
        }
        var runs = 0;
        Task? During()
        {
            if (running is null || running.IsCompleted) { running = PlanningRunAsync(); runs++; }
            return running;
        }
        declineOk &= await DeclineAsync(database, networkId, hubs, received, clock, touched, "during planning runs of the same date", During, cancellation);
        if (running is not null) await running;
        Console.WriteLine($"  ({runs} planning runs of {date:yyyy-MM-dd} started during those declines)");
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        return lost == 0 && duplicates == 0 && declineOk ? 0 : 1;
    }

    /// <summary>Polls a job until it has ended; answers its result (the planning run's counts).</summary>
    private static async Task<JsonElement> FinishedJobAsync(HttpClient http, string token, Uri location, CancellationToken cancellation)
    {
        while (true)
        {
            using var poll = new HttpRequestMessage(HttpMethod.Get, location);
            poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var answer = await http.SendAsync(poll, cancellation);
            answer.EnsureSuccessStatusCode();
            var job = await answer.Content.ReadFromJsonAsync<JsonElement>(cancellation);
            if (job.GetProperty("state").GetString() is not ("queued" or "running"))
                return job.GetProperty("state").GetString() == "succeeded"
                    ? job.GetProperty("result")
                    : throw new InvalidOperationException($"The planning run ended {job}");
            await Task.Delay(100, cancellation);
        }
    }

    /// <summary>
    /// Passengers decline morning proposals shared with others, one at a time (each in a group nobody before touched):
    /// the time until each decision is acknowledged, and until the background re-match has told every other member of
    /// that group (a withdrawal and, where one exists, a new proposal), debounce included.
    /// </summary>
    /// <param name="touched">Employees of the groups declined so far (none is declined twice), added to.</param>
    /// <param name="alongside">Called before each decline: the work it runs alongside (a planning run), or null.</param>
    private async Task<bool> DeclineAsync(MobilityDbContext database, long networkId, ConcurrentDictionary<long, HubConnection> hubs,
        ConcurrentBag<Received> received, Stopwatch clock, HashSet<long> touched, string how, Func<Task?> alongside, CancellationToken cancellation)
    {
        var acknowledged = new List<double>();
        var reachedAll = new List<double>();
        var whileRunning = 0;
        for (var i = 0; i < declines; i++)
        {
            var work = alongside();
            // Once it is under way (its job claimed), not while it waits in the queue.
            if (work is not null) await Task.Delay(300, cancellation);
            var candidates = await database.CarpoolGroups.AsNoTracking().Where(g => g.NetworkId == networkId && g.Date == date
                    && g.Direction == CommuteDirection.ToWork && g.Status == CarpoolStatus.Proposed && g.Members.Count(m => m.Role == MemberRole.Passenger) >= 2)
                .OrderBy(g => g.Id).Select(g => new { g.Id, Members = g.Members.Select(m => new { m.EmployeeId, m.Role }).ToList() }).ToListAsync(cancellation);
            var group = candidates.FirstOrDefault(g => g.Members.All(m => hubs.ContainsKey(m.EmployeeId) && !touched.Contains(m.EmployeeId)));
            if (group is null) { Console.WriteLine($"decline {i + 1}: no untouched group of three or more with every member connected"); break; }
            touched.UnionWith(group.Members.Select(m => m.EmployeeId));
            var decliner = group.Members.First(m => m.Role == MemberRole.Passenger).EmployeeId;
            var others = group.Members.Select(m => m.EmployeeId).Where(id => id != decliner).ToHashSet();
            var start = clock.ElapsedTicks;
            await hubs[decliner].InvokeAsync<JsonElement>("Decline", group.Id, cancellation);
            acknowledged.Add(Milliseconds(clock.ElapsedTicks - start));
            var timeout = Stopwatch.StartNew();
            bool Withdrawn(long id) => received.Any(r => r.EmployeeId == id && r.Kind == "proposal-withdrawn" && r.GroupId == group.Id && r.Ticks > start);
            while (!others.All(Withdrawn) && timeout.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(10, cancellation);
            if (!others.All(Withdrawn)) { Console.WriteLine($"decline {i + 1}: the re-match did not reach every member within 60 s"); return false; }
            // Messages of one re-match arrive together; a short pause lets the last of them land before timing them.
            await Task.Delay(300, cancellation);
            if (work is { IsCompleted: false }) whileRunning++;
            reachedAll.Add(received.Where(r => others.Contains(r.EmployeeId) && r.Ticks > start && r.Date == date && r.Kind is "proposal" or "proposal-withdrawn")
                .GroupBy(r => r.EmployeeId).Select(g => Milliseconds(g.Max(r => r.Ticks) - start)).Max());
            // Let the engine's debounce window close, so that the next decline starts a re-match of its own.
            await Task.Delay(500, cancellation);
        }
        if (acknowledged.Count == 0) return true;
        double[] Sorted(List<double> values) => values.Order().ToArray();
        var (ack, reach) = (Sorted(acknowledged), Sorted(reachedAll));
        Console.WriteLine($"{ack.Length} declines, {how}: acknowledged p50 {Percentile(ack, 0.5):F0} ms, p99 {Percentile(ack, 0.99):F0} ms, max {ack[^1]:F0} ms; " +
                          $"the other members' new proposals p50 {Percentile(reach, 0.5):F0} ms, p99 {Percentile(reach, 0.99):F0} ms, max {reach[^1]:F0} ms " +
                          "(debounce of the engine included)" + (whileRunning > 0 ? $"; {whileRunning} of them answered while the run was still running" : ""));
        return true;
    }

    private async Task<(long NetworkId, List<(long EmployeeId, string Email)> Employees)> SeedAsync(Npgsql.NpgsqlDataSource dataSource,
        CancellationToken cancellation)
    {
        await using var database = new MobilityDbContext(MobilityDatabase.Options(dataSource));
        var scenario = DemoScenario.Load("heidelberg") with { Name = NetworkName, Employees = clients };
        var seeded = await new DemoNetworkSeeder(database, message => Console.Error.WriteLine(message)).SeedAsync(scenario, osmFile, cancellation: cancellation);
        await DemoAccounts.EnsureAsync(database, seeded.NetworkId, cancellation);
        var employees = await database.Employees.Where(e => e.Company!.NetworkId == seeded.NetworkId && e.ConsentToMatching && e.ErasedAt == null)
            .OrderBy(e => e.Id).Select(e => new { e.Id, e.ExternalId }).ToListAsync(cancellation);
        var withAccount = await database.Users.Where(u => u.EmployeeId != null).Select(u => u.EmployeeId!.Value).ToListAsync(cancellation);
        var have = withAccount.ToHashSet();
        foreach (var employee in employees.Where(e => !have.Contains(e.Id)))
            database.Users.Add(AccountFactory.Create(Email(employee.ExternalId), Password, AccountRole.Employee, employeeId: employee.Id, cheapHashForLoadTests: true));
        await database.SaveChangesAsync(cancellation);
        var emails = await database.Users.Where(u => u.EmployeeId != null && u.Employee!.Company!.NetworkId == seeded.NetworkId)
            .Select(u => new { EmployeeId = u.EmployeeId!.Value, u.Email }).ToListAsync(cancellation);
        // Demo accounts (a few per company) keep the demo password; the others the bench one.
        return (seeded.NetworkId, emails.Select(e => (e.EmployeeId, e.Email!)).ToList());
    }

    private static string Email(string externalId) => $"bench.{externalId.ToLowerInvariant()}@{DemoAccounts.Domain}";

    private static async Task<string> SignInAsync(HttpClient http, string email, CancellationToken cancellation, string? password = null)
    {
        password ??= email.StartsWith("bench.", StringComparison.Ordinal) ? Password : DemoAccounts.Password;
        using var response = await http.PostAsJsonAsync("api/auth/login", new { email, password }, cancellation);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("accessToken").GetString()!;
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static double Percentile(double[] sorted, double fraction) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
}
