using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;
using Mobility.Server.Scenarios;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Tests;

/// <summary>
/// The working group's scenarios over HTTP: every field checked with its code, saved per network and for the working
/// group only, run as a job whose result is read afterwards and compared with another scenario's, on a network where
/// moving a shift makes carpools; and a run writes nothing of the live network (groups, members, their history,
/// unmatched trips, notifications).
/// </summary>
public sealed class ScenarioApiTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    /// <summary>A Tuesday far from the engine's horizon, so no background re-match touches it.</summary>
    internal static readonly DateOnly Date = new(2027, 5, 4);

    /// <summary>24 Alpha employees on a road south of Alpha's plant: 8 drivers on an 8:00 shift, 16 on 8:30 who drive
    /// but take nobody (no detour at all), whose windows miss the drivers' by a quarter of an hour both ways. Done once
    /// per database.</summary>
    internal static void PutShiftWorkers(TwoNetworkServer server)
    {
        using var database = server.NewContext();
        if (database.ShiftPatterns.Any(p => p.ExternalId == "scn-0800")) return;
        var early = TwoNetworkServer.EveryDay(server.Nord, "scn-0800", new TimeOnly(8, 0), new TimeOnly(16, 0), "Matin 8 h");
        var late = TwoNetworkServer.EveryDay(server.Nord, "scn-0830", new TimeOnly(8, 30), new TimeOnly(16, 30), "Matin 8 h 30");
        database.ShiftPatterns.AddRange(early, late);
        for (var i = 0; i < 24; i++)
        {
            var driver = i % 3 == 0;
            database.Employees.Add(new Employee
            {
                CompanyId = server.Alpha, MainSiteId = server.AlphaPlant, ExternalId = $"SCN-{i}", FirstName = "S", ConsentToMatching = true,
                Home = TwoNetworkServer.Wgs84.CreatePoint(new Coordinate(7.79 + 0.002 * (i % 3), 48.70 + 0.004 * (i / 3))),
                Role = driver ? CarpoolRole.Driver : CarpoolRole.Either, SeatsOffered = 3, MaxDetourMinutes = driver ? 15 : 0,
                ShiftAssignments = [new ShiftAssignment { ShiftPattern = driver ? early : late, RotationAnchor = Date.AddDays(-1), ValidFrom = Date.AddDays(-1) }],
            });
        }
        database.SaveChanges();
    }

    private string Scenarios => $"/api/networks/{server.Nord}/scenarios";

    private static object MoveLateShift(long plant) => new { kind = "shift-start", plantId = plant, shiftStart = "08:30", offsetMinutes = -30 };

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldCodes");
    }

    private static string Code(JsonElement fieldCodes, string field) =>
        fieldCodes.TryGetProperty(field, out var codes) ? codes[0].GetProperty("code").GetString()! : $"(no error for {field}: {fieldCodes})";

    [Fact]
    public async Task Every_field_of_every_kind_is_checked_with_a_code_and_another_networks_places_are_unknown()
    {
        using var group = await server.ClientAsync("wg.nord@test.local");
        using var response = await group.PostAsJsonAsync(Scenarios, new
        {
            name = " ",
            changes = new object[]
            {
                new { kind = "shift-start", plantId = server.GammaPlant, shiftStart = "8h", offsetMinutes = 20 },
                new { kind = "add-meeting-point", latitude = 95.0, longitude = 7.8, catchmentKilometres = 50 },
                new { kind = "remove-meeting-point", meetingPointId = server.AlphaPlant },
                new { kind = "shuttle-line", stationId = server.SudStation, plantIds = new[] { server.AlphaPlant, server.AlphaPlant }, shiftStarts = new[] { "25:00" }, minibuses = 0, coaches = 0 },
                new { kind = "detour-policy", companyId = server.Gamma, maxDetourMinutes = 90 },
                new { kind = "teleport" },
            },
        });
        var codes = await ProblemAsync(response);
        Assert.Equal("required", Code(codes, "name"));
        Assert.Equal("unknown-reference", Code(codes, "changes[0].plantId"));
        Assert.Equal("unreadable-value", Code(codes, "changes[0].shiftStart"));
        Assert.Equal("unknown-choice", Code(codes, "changes[0].offsetMinutes"));
        Assert.Equal([-30, -15, 15, 30], codes.GetProperty("changes[0].offsetMinutes")[0].GetProperty("parameters").GetProperty("allowed").EnumerateArray().Select(a => a.GetInt32()));
        Assert.Equal("required", Code(codes, "changes[1].name"));
        Assert.Equal("coordinates-out-of-range", Code(codes, "changes[1].location"));
        Assert.Equal("out-of-range", Code(codes, "changes[1].catchmentKilometres"));
        Assert.Equal("unknown-reference", Code(codes, "changes[2].meetingPointId"));
        Assert.Equal("unknown-reference", Code(codes, "changes[3].stationId"));
        Assert.Equal("already-exists", Code(codes, "changes[3].plantIds"));
        Assert.Equal("unreadable-value", Code(codes, "changes[3].shiftStarts[0]"));
        Assert.Equal("at-least", Code(codes, "changes[3].minibuses"));
        Assert.Equal("unknown-reference", Code(codes, "changes[4].companyId"));
        Assert.Equal("out-of-range", Code(codes, "changes[4].maxDetourMinutes"));
        Assert.Equal("unknown-choice", Code(codes, "changes[5].kind"));

        using var empty = await group.PostAsJsonAsync(Scenarios, new { name = "Rien", changes = Array.Empty<object>() });
        Assert.Equal("required", Code(await ProblemAsync(empty), "changes"));
        using var run = await group.PostAsJsonAsync($"{Scenarios}/{await CreateAsync(group, "Valide", MoveLateShift(server.AlphaPlant))}/runs", new { days = 9 });
        var runCodes = await ProblemAsync(run);
        Assert.Equal("required", Code(runCodes, "date"));
        Assert.Equal("out-of-range", Code(runCodes, "days"));
    }

    private async Task<long> CreateAsync(HttpClient client, string name, params object[] changes)
    {
        using var response = await client.PostAsJsonAsync(Scenarios, new { name, changes });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Scenarios_belong_to_their_network_and_to_the_working_group_and_an_update_replaces_the_changes_and_drops_the_runs()
    {
        using var group = await server.ClientAsync("wg.nord@test.local");
        var id = await CreateAsync(group, "Politique Alpha", new { kind = "detour-policy", companyId = server.Alpha, maxDetourMinutes = 25, plantId = server.AlphaPlant });
        var read = await group.GetFromJsonAsync<JsonElement>($"{Scenarios}/{id}");
        var change = read.GetProperty("changes")[0];
        Assert.Equal(25, change.GetProperty("maxDetourMinutes").GetInt32());
        // Only the kind's own fields are kept.
        Assert.Equal(JsonValueKind.Null, change.GetProperty("plantId").ValueKind);
        Assert.Contains((await group.GetFromJsonAsync<JsonElement>(Scenarios)).EnumerateArray(), s => s.GetProperty("id").GetInt64() == id);

        using var hr = await server.ClientAsync("hr.alpha@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.GetAsync(Scenarios)).StatusCode);
        using var admin = await server.ClientAsync("admin@test.local");
        // The same id under another network is not there.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/networks/{server.Sud}/scenarios/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await group.GetAsync($"/api/networks/{server.Sud}/scenarios")).StatusCode);

        await using (var database = server.NewContext())
        {
            database.ScenarioRuns.Add(new ScenarioRun { ScenarioId = id, From = Date, Days = 1, FinishedAt = DateTimeOffset.UtcNow, Result = "{}" });
            await database.SaveChangesAsync();
        }
        using var update = await group.PutAsJsonAsync($"{Scenarios}/{id}", new { name = "Décalage", changes = new[] { MoveLateShift(server.AlphaPlant) } });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var updated = await update.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Décalage", updated.GetProperty("name").GetString());
        Assert.Equal("shift-start", updated.GetProperty("changes")[0].GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("latestRun").ValueKind);
        await using (var database = server.NewContext()) Assert.False(await database.ScenarioRuns.AnyAsync(r => r.ScenarioId == id));

        Assert.Equal(HttpStatusCode.NoContent, (await group.DeleteAsync($"{Scenarios}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await group.GetAsync($"{Scenarios}/{id}")).StatusCode);
    }

    /// <summary>An object's fields in name order (a job's stored result comes back from jsonb in its own order).</summary>
    private static string Fields(JsonElement figures) =>
        string.Join(",", figures.EnumerateObject().OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => $"{f.Name}={f.Value.GetRawText()}"));

    /// <summary>Everything a re-match writes, as it stands.</summary>
    private async Task<string> LiveStateAsync()
    {
        await using var database = server.NewContext();
        var state = new
        {
            Groups = await database.CarpoolGroups.OrderBy(g => g.Id).Select(g => new { g.Id, g.Status, g.Date }).ToListAsync(),
            Members = await database.CarpoolMembers.OrderBy(m => m.Id).Select(m => new { m.Id, m.Status, m.PickupTime }).ToListAsync(),
            History = await database.CarpoolStatusChanges.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(),
            Unmatched = await database.UnmatchedTrips.OrderBy(t => t.EmployeeId).ThenBy(t => t.Date).Select(t => new { t.EmployeeId, t.Date, t.Direction, t.Reason }).ToListAsync(),
            Notifications = await database.Notifications.OrderBy(n => n.Id).Select(n => n.Id).ToListAsync(),
            Sites = await database.Sites.CountAsync(),
            Detours = await database.Employees.OrderBy(e => e.Id).Select(e => e.MaxDetourMinutes).ToListAsync(),
        };
        return JsonSerializer.Serialize(state);
    }

    [Fact]
    public async Task A_run_is_a_job_whose_published_comparison_is_read_afterwards_and_beside_another_scenario_and_nothing_live_changes()
    {
        PutShiftWorkers(server);
        using var group = await server.ClientAsync("wg.nord@test.local");
        var moved = await CreateAsync(group, "8 h 30 à 8 h", MoveLateShift(server.AlphaPlant));
        var policy = await CreateAsync(group, "Détours Alpha",
            new { kind = "detour-policy", companyId = server.Alpha, maxDetourMinutes = 30 },
            new { kind = "add-meeting-point", name = "Parking <b>Sud</b>", latitude = 48.70, longitude = 7.79, catchmentKilometres = 1 },
            new { kind = "shuttle-line", stationId = server.NordStation, plantIds = new[] { server.AlphaPlant }, catchmentKilometres = 10, minibuses = 1, coaches = 0 });
        var before = await LiveStateAsync();

        JsonElement result = default;
        foreach (var id in new[] { moved, policy })
        {
            using var response = await group.PostAsJsonAsync($"{Scenarios}/{id}/runs", new { date = Date, days = 1 });
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
            var job = await TwoNetworkServer.FinishedJobAsync(group, response.Headers.Location!.ToString());
            Assert.True(job.GetProperty("state").GetString() == "succeeded", job.ToString());
            if (id == moved) result = job.GetProperty("result");
        }
        Assert.Equal(before, await LiveStateAsync());

        var comparison = result.GetProperty("comparison");
        Assert.False(comparison.GetProperty("withheld").GetBoolean());
        var (baseline, scenario) = (comparison.GetProperty("baseline"), comparison.GetProperty("scenario"));
        // Two shifts that missed each other: nobody rides; moved together, the late ones ride with the drivers both ways
        // and leave their cars home.
        Assert.Equal(JsonValueKind.Null, baseline.GetProperty("passengersServed").ValueKind);
        Assert.True(scenario.GetProperty("passengersServed").GetInt32() >= 25, scenario.ToString());
        Assert.Equal(0, scenario.GetProperty("passengersServed").GetInt32() % 5);
        Assert.True(scenario.GetProperty("carsRemoved").GetInt32() >= 25, scenario.ToString());
        // The same people travel in both columns; fewer kilometres are driven, published in tens.
        Assert.Equal(baseline.GetProperty("trips").GetInt32(), scenario.GetProperty("trips").GetInt32());
        Assert.True(scenario.GetProperty("kilometresDriven").GetDouble() < baseline.GetProperty("kilometresDriven").GetDouble());
        Assert.Equal(0, scenario.GetProperty("kilometresDriven").GetDouble() % 10);
        Assert.True(scenario.GetProperty("kilogramsCo2Saved").GetDouble() > 0);
        Assert.True(scenario.GetProperty("eurosSaved").GetDouble() > 0);

        var runs = await group.GetFromJsonAsync<JsonElement>($"{Scenarios}/{moved}/runs");
        Assert.Equal(result.GetProperty("id").GetInt64(), runs[0].GetProperty("id").GetInt64());
        var side = await group.GetFromJsonAsync<JsonElement>($"{Scenarios}/comparison?scenarios={moved},{policy}&from={Date:yyyy-MM-dd}&days=1");
        Assert.True(side.GetProperty("sameBaseline").GetBoolean());
        Assert.Equal(Fields(baseline), Fields(side.GetProperty("baseline")));
        Assert.Equal(["8 h 30 à 8 h", "Détours Alpha"], side.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(Fields(scenario), Fields(side.GetProperty("scenarios")[0].GetProperty("figures")));
        Assert.Equal(HttpStatusCode.NotFound, (await group.GetAsync($"{Scenarios}/comparison?scenarios={moved}&from={Date.AddDays(1):yyyy-MM-dd}&days=1")).StatusCode);
    }

    [Fact]
    public async Task Changes_that_reach_fewer_than_ten_trips_are_withheld_since_the_two_columns_difference_would_describe_those_people()
    {
        server.PutNordOnADayRoster();
        using var group = await server.ClientAsync("wg.nord@test.local");
        // Beta's one employee on the day roster.
        var id = await CreateAsync(group, "Beta seul", new { kind = "detour-policy", companyId = server.Beta, maxDetourMinutes = 59 });
        using var response = await group.PostAsJsonAsync($"{Scenarios}/{id}/runs", new { date = new DateOnly(2027, 6, 1) });
        var job = await TwoNetworkServer.FinishedJobAsync(group, response.Headers.Location!.ToString());
        var comparison = job.GetProperty("result").GetProperty("comparison");
        Assert.True(comparison.GetProperty("withheld").GetBoolean(), comparison.ToString());
        Assert.All(comparison.GetProperty("scenario").EnumerateObject(), f => Assert.Equal(JsonValueKind.Null, f.Value.ValueKind));
    }

    [Fact]
    public async Task A_run_reports_its_steps_in_order_for_each_date_and_stops_when_cancelled_storing_nothing()
    {
        PutShiftWorkers(server);
        long id;
        using var group = await server.ClientAsync("wg.nord@test.local");
        id = await CreateAsync(group, "Pas à pas", MoveLateShift(server.AlphaPlant));
        using var scope = server.Factory.Services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<ScenarioRunner>();
        var scenario = await scope.ServiceProvider.GetRequiredService<MobilityDbContext>().Scenarios.AsNoTracking().SingleAsync(s => s.Id == id);

        var steps = new List<(double Fraction, string Step)>();
        await runner.RunAsync(scenario, Date, 2, null, (fraction, step) => steps.Add((fraction, step)), default);
        var day = new[] { "loading", "baseline", "carpools", "shuttles" };
        Assert.Equal(["loading", .. day, .. day, "comparison", "comparison"], steps.Select(s => s.Step));
        Assert.Equal(steps.Select(s => s.Fraction).Order(), steps.Select(s => s.Fraction));
        Assert.Equal(1, steps[^1].Fraction);

        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(scenario, Date, 2, null, (_, step) =>
        {
            if (step == "carpools") cancel.Cancel();
        }, cancel.Token));
        await using var database = server.NewContext();
        Assert.Equal(1, await database.ScenarioRuns.CountAsync(r => r.ScenarioId == id));
    }
}
