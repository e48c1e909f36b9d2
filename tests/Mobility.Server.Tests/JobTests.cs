using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;

namespace Mobility.Server.Tests;

/// <summary>
/// Shuttle plans as jobs on one server instance with two job slots and a 30 s solver cap, on the two-network fixture
/// (Anne and Paul of Alpha, Berta of Beta, at work on the shuttle Monday and Tuesday: four waves). A "long" plan asks
/// for 30 s per wave, two minutes in all, so it is still running when the test looks at it; nothing here measures time.
/// </summary>
public sealed class JobTests : IClassFixture<TwoNetworkServer>, IDisposable
{
    private static readonly DateOnly Monday = TwoNetworkServer.ShuttleMonday;
    private readonly TwoNetworkServer _server;
    private readonly WebApplicationFactory<Program> _instance;

    public JobTests(TwoNetworkServer server)
    {
        _server = server;
        server.PutNordOnAShuttleDay();
        _instance = server.Instance(("Jobs:Concurrency", "2"), ("Jobs:MaxSolverSeconds", "30"),
            ("Jobs:PollInterval", "00:00:00.2"), ("Jobs:HeartbeatInterval", "00:00:00.2"));
    }

    public void Dispose() => _instance.Dispose();

    private async Task<HttpClient> ClientAsync(string email, WebApplicationFactory<Program>? instance = null)
    {
        var client = (instance ?? _instance).CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _server.TokenAsync(email, instance ?? _instance));
        return client;
    }

    private static async Task<string> PlanAsync(HttpClient hr, long company, string name, double seconds, int days = 2)
    {
        using var response = await hr.PostAsJsonAsync($"/api/companies/{company}/shuttle-plans",
            new { name, date = Monday, days, minDistanceKm = 5, timeLimitSeconds = seconds });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.ToString();
    }

    /// <summary>A shuttle-plan job of Alpha, requested by its HR, written straight into the table as another instance would leave it.</summary>
    private async Task<long> InsertJobAsync(JobState state, object request, Action<Job>? adjust = null)
    {
        await using var database = _server.NewContext();
        var job = new Job
        {
            Kind = "shuttle-plan", NetworkId = _server.Nord, CompanyId = _server.Alpha, State = state, CreatedAt = DateTimeOffset.UtcNow.AddHours(-1),
            RequestedById = await database.Users.Where(u => u.Email == "hr.alpha@test.local").Select(u => u.Id).SingleAsync(),
            Input = JsonSerializer.Serialize(new { networkId = _server.Nord, companyId = _server.Alpha, request }),
        };
        adjust?.Invoke(job);
        database.Jobs.Add(job);
        await database.SaveChangesAsync();
        return job.Id;
    }

    private static string State(JsonElement job) => job.GetProperty("state").GetString()!;

    [Fact]
    public async Task A_second_job_of_a_company_waits_while_another_companys_job_runs_beside_the_first()
    {
        using var alpha = await ClientAsync("hr.alpha@test.local");
        using var beta = await ClientAsync("hr.beta@test.local");
        var first = await PlanAsync(alpha, _server.Alpha, "Longue", 30);
        await TwoNetworkServer.JobAsync(alpha, first, job => State(job) == "running");
        var second = await PlanAsync(alpha, _server.Alpha, "Seconde", 0.2);
        var other = await PlanAsync(beta, _server.Beta, "Beta", 0.2);

        var done = await TwoNetworkServer.FinishedJobAsync(beta, other);
        Assert.True(State(done) == "succeeded", done.ToString());
        // Two slots, one free: still Alpha's second job may not take it.
        Assert.Equal("queued", State(await alpha.GetFromJsonAsync<JsonElement>(second)));
        Assert.Equal("running", State(await alpha.GetFromJsonAsync<JsonElement>(first)));

        // Cancelling the first lets the second run.
        using var cancelled = await alpha.DeleteAsync(first);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("succeeded", State(await TwoNetworkServer.FinishedJobAsync(alpha, second)));
    }

    [Fact]
    public async Task A_cancelled_job_stops_its_solver_and_ends_cancelled_with_no_plan_stored()
    {
        using var hr = await ClientAsync("hr.alpha@test.local");
        var location = await PlanAsync(hr, _server.Alpha, "Annulée", 30);
        var running = await TwoNetworkServer.JobAsync(hr, location, job => State(job) == "running" && job.GetProperty("progressMessage").GetString() == "planning-waves");
        Assert.InRange(running.GetProperty("progress").GetDouble(), 0, 1);

        using var cancel = await hr.DeleteAsync(location);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var job = await TwoNetworkServer.FinishedJobAsync(hr, location);
        Assert.Equal("cancelled", State(job));
        Assert.Equal(JsonValueKind.Null, job.GetProperty("result").ValueKind);
        await using var database = _server.NewContext();
        Assert.False(await database.ShuttlePlans.AnyAsync(p => p.Name == "Annulée"));
        // Cancelling again changes nothing; another company's HR may not cancel it.
        Assert.Equal("cancelled", State(await (await hr.DeleteAsync(location)).Content.ReadFromJsonAsync<JsonElement>()));
        using var beta = await ClientAsync("hr.beta@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await beta.DeleteAsync(location)).StatusCode);
    }

    [Fact]
    public async Task A_job_left_running_by_an_instance_that_died_is_run_again()
    {
        var id = await InsertJobAsync(JobState.Running, new { name = "Reprise", date = Monday, days = 1, minDistanceKm = 5, timeLimitSeconds = 0.2, minibuses = 6, coaches = 2 },
            job => (job.RunningOn, job.Attempts, job.Progress, job.HeartbeatAt) = ("an-instance-that-died", 1, 0.4, DateTimeOffset.UtcNow.AddHours(-1)));
        using var hr = await ClientAsync("hr.alpha@test.local");
        var done = await TwoNetworkServer.FinishedJobAsync(hr, $"/api/jobs/{id}");
        Assert.True(State(done) == "succeeded", done.ToString());
        Assert.Equal(2, done.GetProperty("result").GetProperty("riders").GetInt32());
        await using var after = _server.NewContext();
        var stored = await after.Jobs.SingleAsync(j => j.Id == id);
        Assert.Equal((2, (string?)null), (stored.Attempts, stored.RunningOn));
        Assert.True(await after.ShuttlePlans.AnyAsync(p => p.Name == "Reprise" && p.CompanyId == _server.Alpha));
    }

    [Fact]
    public async Task A_time_limit_above_the_servers_cap_is_clamped_to_it()
    {
        using var capped = _server.Instance(("Jobs:MaxSolverSeconds", "0.5"));
        using var hr = await ClientAsync("hr.alpha@test.local", capped);
        var location = await PlanAsync(hr, _server.Alpha, "Plafonnée", 30, days: 1);
        var job = await TwoNetworkServer.FinishedJobAsync(hr, location);
        Assert.Equal(0.5, job.GetProperty("input").GetProperty("request").GetProperty("timeLimitSeconds").GetDouble());
        Assert.True(State(job) == "succeeded", job.ToString());
    }

    [Fact]
    public async Task A_plan_that_finds_nobody_when_it_runs_fails_with_a_problem_code_and_no_exception_text()
    {
        using var hr = await ClientAsync("hr.alpha@test.local");
        // Queued while people qualified; by the time it runs nobody does (here: a date nobody works).
        var id = await InsertJobAsync(JobState.Queued, new { name = "Vide", date = Monday.AddDays(30), days = 1, minDistanceKm = 5, timeLimitSeconds = 0.2, minibuses = 6, coaches = 2 });
        var done = await TwoNetworkServer.FinishedJobAsync(hr, $"/api/jobs/{id}");
        Assert.Equal("failed", State(done));
        var error = done.GetProperty("error");
        Assert.Equal("nobody-to-carry", error.GetProperty("code").GetString());
        Assert.Equal(5, error.GetProperty("parameters").GetProperty("minDistanceKm").GetDouble());
        // Worded for API users in the requester's language alone (HR accounts have none saved: French).
        Assert.Contains("5 km", error.GetProperty("detail").GetString());
        Assert.Equal("Personne à transporter", error.GetProperty("title").GetString());
    }
}
