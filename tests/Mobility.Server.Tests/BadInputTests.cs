using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Mobility.Server.Tests;

/// <summary>Input a client can send that once answered 500: each must be a 400 or 422 problem, with nothing written.</summary>
public sealed class BadInputTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected.Contains(response.StatusCode), $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Site(string externalId, string name) => JsonSerializer.Serialize(new
    {
        externalId, name, kind = "Plant", location = new { type = "Point", coordinates = new[] { 7.8, 48.81 } },
    });

    [Theory]
    [InlineData("externalId")]
    [InlineData("name")]
    public async Task A_NUL_character_in_a_JSON_string_is_a_400_naming_the_field_and_writes_nothing(string field)
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        var marker = "NUL-" + field;
        var site = field == "name" ? Site(marker, "Atelier\u0000 nul") : Site(marker + "\u0000", "Atelier");
        using var response = await client.PostAsync($"/api/companies/{server.Alpha}/sites", Json(site));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        await using var database = server.NewContext();
        Assert.False(await database.Sites.AnyAsync(s => s.ExternalId.StartsWith(marker)));
    }

    [Fact]
    public async Task A_megabyte_external_id_is_a_400_and_writes_nothing()
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        var huge = "BIG-" + new string('x', 1024 * 1024);
        using var response = await client.PostAsync($"/api/companies/{server.Alpha}/sites", Json(Site(huge, "Grand atelier")));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("externalId", out _), problem.ToString()[..Math.Min(500, problem.ToString().Length)]);
        await using var database = server.NewContext();
        Assert.False(await database.Sites.AnyAsync(s => s.ExternalId.StartsWith("BIG-")));
    }

    [Fact]
    public async Task A_null_slot_in_a_roster_is_a_400_and_writes_nothing()
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        using var response = await client.PostAsync($"/api/companies/{server.Alpha}/shift-patterns",
            Json("""{"externalId":"NULL-SLOT","name":"Équipe vide","rotationWeeks":1,"slots":[null]}"""));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("slots[0]", out _), problem.ToString());
        await using var database = server.NewContext();
        Assert.False(await database.ShiftPatterns.AnyAsync(p => p.ExternalId == "NULL-SLOT"));
    }

    [Fact]
    public async Task The_largest_page_number_is_a_400_not_an_overflow()
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        using var response = await client.GetAsync($"/api/companies/{server.Alpha}/employees?page={int.MaxValue}");
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("page", out _), problem.ToString());
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task A_date_at_either_end_of_the_calendar_is_a_400_on_its_field_wherever_a_date_is_taken(string date)
    {
        long pattern;
        await using (var database = server.NewContext())
        {
            var roster = TwoNetworkServer.EveryDay(server.Nord, "CAL-" + date, new TimeOnly(6, 0), new TimeOnly(14, 0));
            database.Add(roster);
            await database.SaveChangesAsync();
            pattern = roster.Id;
        }
        using var admin = await server.ClientAsync("admin@test.local");
        using var workingGroup = await server.ClientAsync("wg.nord@test.local");
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        using var employee = await server.ClientAsync("anne@test.local");
        // The assignment is given twice: the second ends the first the day before it starts.
        using var first = await hr.PutAsJsonAsync($"/api/employees/{server.AlphaTwo}/shift-assignment",
            new { shiftPatternId = pattern, rotationAnchor = "2026-11-02", validFrom = "2026-11-02" });
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        var requests = new (string Field, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("date", () => admin.PostAsync($"/api/networks/{server.Nord}/planning-runs?date={date}", null)),
            ("date", () => workingGroup.GetAsync($"/api/networks/{server.Nord}/statistics/shifts?date={date}")),
            ("from", () => workingGroup.GetAsync($"/api/networks/{server.Nord}/statistics/activity?from={date}&to=2027-01-04")),
            ("from", () => employee.GetAsync($"/api/me/proposals?from={date}")),
            ("date", () => hr.PostAsJsonAsync($"/api/employees/{server.AlphaOne}/shift-exceptions", new { date, kind = "Leave" })),
            ("validFrom", () => hr.PutAsJsonAsync($"/api/employees/{server.AlphaTwo}/shift-assignment",
                new { shiftPatternId = pattern, rotationAnchor = "2026-11-02", validFrom = date })),
            ("date", () => hr.PostAsJsonAsync($"/api/companies/{server.Alpha}/shuttle-plans", new { name = "Fin des temps", date, days = 7 })),
        };
        foreach (var (field, send) in requests)
        {
            using var response = await send();
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{response.RequestMessage!.RequestUri}: {problem}");
        }
        await using var after = server.NewContext();
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(await after.ShiftExceptions.AnyAsync(e => e.Date == day));
        var assignments = await after.ShiftAssignments.Where(a => a.EmployeeId == server.AlphaTwo).ToListAsync();
        Assert.Equal((new DateOnly(2026, 11, 2), (DateOnly?)null), (assignments.Single().ValidFrom, assignments.Single().ValidTo));
        Assert.False(await after.ShuttlePlans.AnyAsync(p => p.Name == "Fin des temps"));
    }
}
