using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Planning;

namespace Mobility.Server.Tests;

/// <summary>
/// HR plans shuttles through the API on the two-network fixture: Anne and Paul (Alpha) and Berta (Beta) live 7–8 km
/// from their plants near Haguenau, whose station is the only one; all three work a day shift on the planned Monday.
/// </summary>
public sealed class ShuttlePlanningApiTests : IClassFixture<TwoNetworkServer>
{
    private static readonly DateOnly Monday = TwoNetworkServer.ShuttleMonday;
    private readonly TwoNetworkServer _server;

    public ShuttlePlanningApiTests(TwoNetworkServer server)
    {
        _server = server;
        server.PutNordOnAShuttleDay();
    }

    [Fact]
    public async Task HR_plans_shuttles_for_its_own_employees_and_the_plan_is_stored_as_the_companys()
    {
        using var hr = await _server.ClientAsync("hr.alpha@test.local");
        using var response = await hr.PostAsJsonAsync($"/api/companies/{_server.Alpha}/shuttle-plans",
            new { name = "Navette gare", date = Monday, days = 2, minDistanceKm = 5, timeLimitSeconds = 0.2 });
        var text = await response.Content.ReadAsStringAsync();
        // The plan is a job: the request answers at once with where to follow it.
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        var accepted = JsonDocument.Parse(text).RootElement;
        var location = response.Headers.Location!.ToString();
        Assert.Equal($"/api/jobs/{accepted.GetProperty("id").GetInt64()}", location);
        Assert.Equal("queued", accepted.GetProperty("state").GetString());
        var job = await TwoNetworkServer.FinishedJobAsync(hr, location);
        Assert.True(job.GetProperty("state").GetString() == "succeeded", job.ToString());
        Assert.Equal(1.0, job.GetProperty("progress").GetDouble());
        var root = job.GetProperty("result");
        // Anne and Paul on both days; Berta works there too but for Beta.
        Assert.Equal(4, root.GetProperty("riders").GetInt32());
        Assert.Equal(0, root.GetProperty("unservedRides").GetInt32());
        var alternatives = root.GetProperty("comparison").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.Equal(["everyone driving alone", "carpools", "shuttles", "shuttles, door to door"], alternatives);
        var planId = root.GetProperty("planId").GetInt64();

        await using var database = _server.NewContext();
        var stored = await database.ShuttlePlans.Include(p => p.Trips).ThenInclude(t => t.Calls).SingleAsync(p => p.Id == planId);
        Assert.Equal((_server.Alpha, Monday, Monday.AddDays(1)), (stored.CompanyId, stored.ValidFrom, stored.ValidTo!.Value));
        // Every trip calls at the station, then at Alpha's plant, never at Beta's.
        Assert.NotEmpty(stored.Trips);
        Assert.All(stored.Trips, t => Assert.DoesNotContain(t.Calls, s => s.SiteId == _server.BetaPlant));
        Assert.Equal(4, stored.Trips.Where(t => t.Direction == CommuteDirection.ToWork).SelectMany(t => t.Calls).Where(s => s.SiteId == _server.AlphaPlant).Sum(s => s.Alighting));

        // The same name again replaces the company's plan; Beta's HR cannot read it.
        using var again = await hr.PostAsJsonAsync($"/api/companies/{_server.Alpha}/shuttle-plans",
            new { name = "Navette gare", date = Monday, minDistanceKm = 5, timeLimitSeconds = 0.2 });
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var replaced = (await TwoNetworkServer.FinishedJobAsync(hr, again.Headers.Location!.ToString())).GetProperty("result").GetProperty("planId").GetInt64();
        Assert.Equal(1, await database.ShuttlePlans.CountAsync(p => p.CompanyId == _server.Alpha && p.Name == "Navette gare"));
        using var beta = await _server.ClientAsync("hr.beta@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await beta.GetAsync($"/api/shuttle-plans/{replaced}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await beta.GetAsync(location)).StatusCode);
    }

    [Fact]
    public async Task Bad_requests_name_their_fields_and_nobody_to_carry_is_a_clear_refusal_that_writes_nothing()
    {
        using var hr = await _server.ClientAsync("hr.alpha@test.local");
        using var bad = await hr.PostAsJsonAsync($"/api/companies/{_server.Alpha}/shuttle-plans",
            new { name = "", date = (DateOnly?)null, days = 9, minDistanceKm = -1, timeLimitSeconds = 100, minibuses = 0, coaches = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToList();
        Assert.Equal(["date", "days", "minDistanceKm", "minibuses", "name", "timeLimitSeconds"], fields);

        await using var database = _server.NewContext();
        var before = await database.ShuttlePlans.CountAsync();
        var jobsBefore = await database.Jobs.CountAsync();
        using var nobody = await hr.PostAsJsonAsync($"/api/companies/{_server.Alpha}/shuttle-plans",
            new { name = "Personne", date = Monday, minDistanceKm = 90 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nobody.StatusCode);
        Assert.Contains("90 km", await nobody.Content.ReadAsStringAsync());
        Assert.Equal(before, await database.ShuttlePlans.CountAsync());
        // Close enough, but nobody lives in the communes asked for.
        using var elsewhere = await hr.PostAsJsonAsync($"/api/companies/{_server.Alpha}/shuttle-plans",
            new { name = "Ailleurs", date = Monday, minDistanceKm = 5, communes = new[] { "Wissembourg" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, elsewhere.StatusCode);
        Assert.Equal(before, await database.ShuttlePlans.CountAsync());
        // Refused before any job was queued.
        Assert.Equal(jobsBefore, await database.Jobs.CountAsync());
    }

    [Fact]
    public async Task Employees_and_the_working_group_may_not_plan_shuttles()
    {
        foreach (var account in new[] { "anne@test.local", "wg.nord@test.local" })
        {
            using var client = await _server.ClientAsync(account);
            using var response = await client.PostAsJsonAsync($"/api/companies/{_server.Alpha}/shuttle-plans", new { name = "x", date = Monday });
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }
}
