using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Mobility.Server.Tests;

public sealed class ShiftApiTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").Clone();
    }

    [Fact]
    public async Task A_shift_ending_before_it_starts_is_refused_unless_it_is_a_night_shift()
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        using var wrong = await client.PostAsJsonAsync($"/api/companies/{server.Alpha}/shift-patterns", new
        {
            externalId = "2x8-bad", name = "2x8", rotationWeeks = 2,
            slots = new object[] { new { week = 0, days = "Weekdays", start = "05:00", end = "13:00" }, new { week = 1, days = "Weekdays", start = "13:00", end = "05:00" } },
        });
        var errors = await ErrorsAsync(wrong);
        Assert.True(errors.TryGetProperty("slots[1].end", out _));
        using var night = await client.PostAsJsonAsync($"/api/companies/{server.Alpha}/shift-patterns", new
        {
            externalId = "3x8", name = "3x8", rotationWeeks = 3,
            slots = new object[]
            {
                new { week = 0, days = "Weekdays", start = "05:00", end = "13:00" }, new { week = 1, days = "Weekdays", start = "13:00", end = "21:00" },
                new { week = 2, days = "Weekdays", start = "21:00", end = "05:00", endsNextDay = true },
            },
        });
        Assert.Equal(HttpStatusCode.Created, night.StatusCode);
        await using var database = server.NewContext();
        Assert.False(await database.ShiftPatterns.AnyAsync(p => p.ExternalId == "2x8-bad"));
        var pattern = await database.ShiftPatterns.Include(p => p.Slots).SingleAsync(p => p.ExternalId == "3x8");
        Assert.Single(pattern.Slots, s => s.CrossesMidnight);
    }

    [Fact]
    public async Task An_assignment_ending_before_it_starts_writes_nothing_and_a_good_one_replaces_the_current()
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        using var created = await client.PostAsJsonAsync($"/api/companies/{server.Alpha}/shift-patterns", new
        {
            externalId = "jour", name = "Journée", rotationWeeks = 1, slots = new object[] { new { week = 0, days = "Weekdays", start = "08:00", end = "17:00" } },
        });
        var patternId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        using var backwards = await client.PutAsJsonAsync($"/api/employees/{server.AlphaOne}/shift-assignment",
            new { shiftPatternId = patternId, rotationAnchor = "2026-01-05", validFrom = "2026-12-01", validTo = "2026-11-01" });
        Assert.True((await ErrorsAsync(backwards)).TryGetProperty("validTo", out _));
        await using (var database = server.NewContext())
            Assert.False(await database.ShiftAssignments.AnyAsync(a => a.EmployeeId == server.AlphaOne));

        foreach (var from in new[] { "2026-12-01", "2027-01-04" })
            Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/employees/{server.AlphaOne}/shift-assignment",
                new { shiftPatternId = patternId, rotationAnchor = "2026-01-05", validFrom = from })).StatusCode);
        await using var read = server.NewContext();
        var assignments = await read.ShiftAssignments.Where(a => a.EmployeeId == server.AlphaOne).OrderBy(a => a.ValidFrom).ToListAsync();
        Assert.Equal(2, assignments.Count);
        Assert.Equal(new DateOnly(2027, 1, 3), assignments[0].ValidTo);
    }

    [Fact]
    public async Task An_extra_shift_needs_times_that_make_sense()
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        using var response = await client.PostAsJsonAsync($"/api/employees/{server.AlphaOne}/shift-exceptions",
            new { date = "2026-12-02", kind = "ExtraShift", start = "14:00", end = "06:00" });
        Assert.True((await ErrorsAsync(response)).TryGetProperty("end", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/employees/{server.AlphaOne}/shift-exceptions",
            new { date = "2026-12-02", kind = "ExtraShift", start = "22:00", end = "06:00", endsNextDay = true })).StatusCode);
    }

    [Fact]
    public async Task HR_lists_an_employees_days_off_and_extra_shifts_and_removes_one()
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        var url = $"/api/employees/{server.AlphaTwo}/shift-exceptions";
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync(url, new { date = "2031-03-11", kind = "Leave" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync(url,
            new { date = "2031-03-10", kind = "ExtraShift", start = "21:00", end = "05:00", endsNextDay = true })).StatusCode);

        var listed = await client.GetFromJsonAsync<JsonElement>($"{url}?from=2031-03-01");
        Assert.Equal(new[] { ("2031-03-10", "ExtraShift"), ("2031-03-11", "Leave") },
            listed.EnumerateArray().Select(x => (x.GetProperty("date").GetString()!, x.GetProperty("kind").GetString()!)));
        Assert.Equal("21:00:00", listed[0].GetProperty("start").GetString());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"{url}?from=2031-03-12")).EnumerateArray());

        // Beta's HR neither reads nor removes them; the same id under another employee is not found.
        var leave = listed[1].GetProperty("id").GetInt64();
        using var beta = await server.ClientAsync("hr.beta@test.local");
        Assert.Contains((await beta.GetAsync(url)).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Contains((await beta.DeleteAsync($"{url}/{leave}")).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/employees/{server.AlphaOne}/shift-exceptions/{leave}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{url}/{leave}")).StatusCode);
        var left = await client.GetFromJsonAsync<JsonElement>($"{url}?from=2031-03-01");
        Assert.Equal(new[] { "2031-03-10" }, left.EnumerateArray().Select(x => x.GetProperty("date").GetString()));
        // The day is free again for another exception.
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync(url, new { date = "2031-03-11", kind = "Leave" })).StatusCode);
    }
}
