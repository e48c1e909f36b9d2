using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;
using Mobility.Server.Carpools;

namespace Mobility.Server.Tests;

/// <summary>
/// One HR request once stopped matching for a whole network (a slot ending when it started). Rosters are checked at the
/// door, and a bad roster already stored is left out of matching with its people, shown to the HR who can fix it, and
/// changed or removed by that HR only. Paul (Alpha) drives and Anne (Alpha) rides on a good roster; Berta (Beta) is on
/// a roster Beta's HR stored before the check existed.
/// </summary>
public sealed class RosterSafetyTests : IClassFixture<TwoNetworkServer>
{
    private readonly TwoNetworkServer _server;
    private readonly long _broken;

    public RosterSafetyTests(TwoNetworkServer server)
    {
        _server = server;
        using var database = server.NewContext();
        if (database.ShiftPatterns.SingleOrDefault(p => p.ExternalId == "broken") is { } existing) { _broken = existing.Id; return; }
        var good = TwoNetworkServer.EveryDay(server.Nord, "day", new TimeOnly(8, 0), new TimeOnly(16, 0));
        var broken = TwoNetworkServer.EveryDay(server.Nord, "broken", new TimeOnly(8, 0), new TimeOnly(8, 0), "Nuit");
        broken.OwnerCompanyId = server.Beta;
        database.ShiftPatterns.AddRange(good, broken);
        foreach (var (id, pattern, role) in new[] { (server.AlphaTwo, good, CarpoolRole.Driver), (server.AlphaOne, good, CarpoolRole.Passenger), (server.BetaOne, broken, CarpoolRole.Passenger) })
        {
            var employee = database.Employees.Single(e => e.Id == id);
            (employee.Role, employee.SeatsOffered, employee.MaxDetourMinutes, employee.MaxDetourRatio) = (role, role == CarpoolRole.Driver ? 3 : 0, 20, 2.0);
            employee.ShiftAssignments.Add(new ShiftAssignment { ShiftPattern = pattern, RotationAnchor = new DateOnly(2026, 1, 5), ValidFrom = new DateOnly(2026, 1, 5) });
        }
        database.SaveChanges();
        _broken = broken.Id;
    }

    private static object ZeroLengthNight => new
    {
        externalId = "nuit-0", name = "Nuit", rotationWeeks = 1,
        slots = new object[] { new { week = 0, days = "Weekdays", start = "21:00", end = "21:00", endsNextDay = true } },
    };

    [Fact]
    public async Task A_slot_ending_when_it_starts_is_refused_even_as_a_night_shift()
    {
        using var client = await _server.ClientAsync("hr.alpha@test.local");
        using var response = await client.PostAsJsonAsync($"/api/companies/{_server.Alpha}/shift-patterns", ZeroLengthNight);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("slots[0].end", await response.Content.ReadAsStringAsync());
        await using var database = _server.NewContext();
        Assert.False(await database.ShiftPatterns.AnyAsync(p => p.ExternalId == "nuit-0"));
    }

    [Theory]
    [InlineData("""{"externalId":"x2","name":"x","rotationWeeks":1,"slots":[{"week":0,"days":"Weekdays","start":"22:00","end":"06:00","endsNextDay":true},{"week":0,"days":"Tuesday","start":"05:00","end":"13:00"}]}""", "slots[1].start")]
    [InlineData("""{"externalId":"x3","name":"x","rotationWeeks":2,"slots":[{"week":2,"days":"Monday","start":"08:00","end":"16:00"}]}""", "slots[0].week")]
    public async Task Overlapping_and_out_of_rotation_slots_are_refused_by_field(string body, string field)
    {
        using var client = await _server.ClientAsync("hr.alpha@test.local");
        using var response = await client.PostAsync($"/api/companies/{_server.Alpha}/shift-patterns",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_stored_invalid_roster_leaves_out_its_people_and_the_rest_of_the_network_is_matched()
    {
        var date = new DateOnly(2027, 3, 2);
        await _server.Factory.Services.GetRequiredService<ProposalEngine>().RecomputeAsync(_server.Nord, date, null, CancellationToken.None);
        await using var database = _server.NewContext();
        var matched = await database.CarpoolMembers.Where(m => m.CarpoolGroup!.Date == date && m.CarpoolGroup.NetworkId == _server.Nord)
            .Select(m => m.EmployeeId).Distinct().ToListAsync();
        Assert.Contains(_server.AlphaOne, matched);
        Assert.Contains(_server.AlphaTwo, matched);
        Assert.DoesNotContain(_server.BetaOne, matched);
    }

    [Fact]
    public async Task The_invalid_roster_is_shown_to_the_HR_concerned_only()
    {
        using var beta = await _server.ClientAsync("hr.beta@test.local");
        using var problems = JsonDocument.Parse(await beta.GetStringAsync($"/api/companies/{_server.Beta}/roster-problems"));
        var problem = Assert.Single(problems.RootElement.EnumerateArray(), p => p.GetProperty("shiftPatternId").GetInt64() == _broken);
        Assert.Equal(1, problem.GetProperty("employees").GetInt32());
        Assert.Equal("end", problem.GetProperty("problems")[0].GetProperty("field").GetString());
        // A code with its parameters, which HR's page words: no prose in either language.
        Assert.Equal("shift-zero-length", problem.GetProperty("problems")[0].GetProperty("code").GetString());
        Assert.False(problem.GetProperty("problems")[0].TryGetProperty("message", out _));
        using var alpha = await _server.ClientAsync("hr.alpha@test.local");
        Assert.Equal("[]", await alpha.GetStringAsync($"/api/companies/{_server.Alpha}/roster-problems"));
    }

    [Fact]
    public async Task HR_sees_on_its_page_which_roster_is_left_out_and_why()
    {
        await using var instance = _server.Instance(("Proposals:RecomputeOnStart", "false"));
        var address = RealServer.Serve(instance);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        foreach (var (width, height) in new[] { (390, 844), (1280, 800) })
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
            await page.GotoAsync(address + "/");
            await page.FillAsync("#sign-in-form input[name=email]", "hr.beta@test.local");
            await page.FillAsync("#sign-in-form input[name=password]", TwoNetworkServer.Password);
            await page.ClickAsync("#sign-in-form button[type=submit]");
            await page.WaitForSelectorAsync("#roster-problems", new() { State = WaitForSelectorState.Visible });
            var warning = await page.TextContentAsync("#roster-problems ul");
            Assert.Contains("(broken)", warning);
            Assert.Contains("finit quand il commence", warning);
            Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"roster-problems-{width}.png") });
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task Only_the_company_that_created_a_roster_changes_it_and_a_roster_in_use_is_not_removed()
    {
        long broken;
        await using (var setup = _server.NewContext())
        {
            // Its own bad roster (the others' tests keep theirs), which Berta is to work on from 2030.
            var pattern = TwoNetworkServer.EveryDay(_server.Nord, "broken-2", new TimeOnly(6, 0), new TimeOnly(6, 0));
            pattern.OwnerCompanyId = _server.Beta;
            setup.ShiftPatterns.Add(pattern);
            setup.ShiftAssignments.Add(new ShiftAssignment { EmployeeId = _server.BetaOne, ShiftPattern = pattern,
                RotationAnchor = new DateOnly(2030, 1, 7), ValidFrom = new DateOnly(2030, 1, 7) });
            await setup.SaveChangesAsync();
            broken = pattern.Id;
        }
        var fixedSlots = new
        {
            externalId = "broken-2", name = "Nuit", rotationWeeks = 1,
            slots = new object[] { new { week = 0, days = "All", start = "21:00", end = "05:00", endsNextDay = true } },
        };
        using var alpha = await _server.ClientAsync("hr.alpha@test.local");
        Assert.Equal(HttpStatusCode.OK, (await alpha.GetAsync($"/api/shift-patterns/{broken}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alpha.PutAsJsonAsync($"/api/shift-patterns/{broken}", fixedSlots)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alpha.DeleteAsync($"/api/shift-patterns/{broken}")).StatusCode);
        using var workingGroup = await _server.ClientAsync("wg.nord@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await workingGroup.PutAsJsonAsync($"/api/shift-patterns/{broken}", fixedSlots)).StatusCode);

        using var beta = await _server.ClientAsync("hr.beta@test.local");
        using var inUse = await beta.DeleteAsync($"/api/shift-patterns/{broken}");
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Contains("roster-in-use", await inUse.Content.ReadAsStringAsync());
        using var stillInvalid = await beta.PutAsJsonAsync($"/api/shift-patterns/{broken}", ZeroLengthNight);
        Assert.Equal(HttpStatusCode.BadRequest, stillInvalid.StatusCode);
        using var repaired = await beta.PutAsJsonAsync($"/api/shift-patterns/{broken}", fixedSlots);
        Assert.Equal(HttpStatusCode.OK, repaired.StatusCode);
        await using var database = _server.NewContext();
        var slot = Assert.Single((await database.ShiftPatterns.Include(p => p.Slots).SingleAsync(p => p.Id == broken)).Slots);
        Assert.Equal((new TimeOnly(21, 0), new TimeOnly(5, 0)), (slot.Start, slot.End));
        Assert.DoesNotContain($"\"shiftPatternId\":{broken},", await beta.GetStringAsync($"/api/companies/{_server.Beta}/roster-problems"));

        // Once nobody works on it, its company may remove it.
        await database.ShiftAssignments.Where(a => a.ShiftPatternId == broken).ExecuteDeleteAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await beta.DeleteAsync($"/api/shift-patterns/{broken}")).StatusCode);
    }
}
