using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;

namespace Mobility.Server.Tests;

/// <summary>The employee's week (`GET /api/me/week`): a 3x8 rotation with a night shift, a leave and an extra shift, far
/// enough ahead that nothing is matched yet.</summary>
public sealed class MyWeekTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static readonly DateOnly Anchor = new(2027, 1, 4); // a Monday: rotation week 0
    private static readonly DateOnly NightWeek = Anchor.AddDays(14);

    private void PutAnneOnA3x8()
    {
        using var database = server.NewContext();
        if (database.ShiftPatterns.Any(p => p.ExternalId == "3x8-week")) return;
        var slots = new[] { (5, 13), (13, 21), (21, 5) }.Select((t, week) => new ShiftSlot
        {
            WeekIndex = week, Days = WorkDays.Weekdays, Start = new TimeOnly(t.Item1, 0), End = new TimeOnly(t.Item2, 0),
        }).ToList();
        var pattern = new ShiftPattern { NetworkId = server.Nord, ExternalId = "3x8-week", Name = "3x8", RotationWeeks = 3, Slots = slots };
        database.ShiftPatterns.Add(pattern);
        database.ShiftAssignments.Add(new ShiftAssignment { EmployeeId = server.AlphaOne, ShiftPattern = pattern, RotationAnchor = Anchor, ValidFrom = Anchor });
        database.ShiftExceptions.AddRange(
            new ShiftException { EmployeeId = server.AlphaOne, Date = NightWeek.AddDays(2), Kind = ShiftExceptionKind.Leave },
            new ShiftException { EmployeeId = server.AlphaOne, Date = NightWeek.AddDays(5), Kind = ShiftExceptionKind.ExtraShift,
                Start = new TimeOnly(6, 0), End = new TimeOnly(14, 0) });
        database.SaveChanges();
    }

    [Fact]
    public async Task The_week_of_a_3x8_shows_the_night_shift_ending_the_next_day_the_leave_and_the_extra_shift()
    {
        PutAnneOnA3x8();
        using var anne = await server.ClientAsync("anne@test.local");
        var week = await anne.GetFromJsonAsync<JsonElement>($"/api/me/week?from={NightWeek:yyyy-MM-dd}");
        var dates = week.GetProperty("dates").EnumerateArray().ToList();
        Assert.Equal(7, dates.Count);
        Assert.Equal(NightWeek.ToString("yyyy-MM-dd"), dates[0].GetProperty("date").GetString());

        var monday = Assert.Single(dates[0].GetProperty("shifts").EnumerateArray());
        // Local times with the winter offset; the night ends on Tuesday morning.
        Assert.Equal("2027-01-18T21:00:00+01:00", monday.GetProperty("start").GetString());
        Assert.Equal("2027-01-19T05:00:00+01:00", monday.GetProperty("end").GetString());
        Assert.Equal("Usine Alpha", monday.GetProperty("site").GetProperty("name").GetString());
        Assert.Equal(server.AlphaPlant, monday.GetProperty("site").GetProperty("id").GetInt64());
        Assert.Equal(["ToWork", "ToHome"], dates[0].GetProperty("trips").EnumerateArray().Select(t => t.GetProperty("direction").GetString()));
        // Nothing is matched that far ahead.
        Assert.All(dates[0].GetProperty("trips").EnumerateArray(), t => Assert.Equal("not-planned-yet", t.GetProperty("reason").GetString()));

        var wednesday = dates[2];
        Assert.True(wednesday.GetProperty("onLeave").GetBoolean());
        Assert.Empty(wednesday.GetProperty("shifts").EnumerateArray());
        Assert.All(wednesday.GetProperty("trips").EnumerateArray(), t => Assert.Equal("on-leave", t.GetProperty("reason").GetString()));

        var saturday = Assert.Single(dates[5].GetProperty("shifts").EnumerateArray());
        Assert.True(saturday.GetProperty("extra").GetBoolean());
        Assert.Equal("2027-01-23T06:00:00+01:00", saturday.GetProperty("start").GetString());
        var sunday = dates[6];
        Assert.Empty(sunday.GetProperty("shifts").EnumerateArray());
        Assert.Empty(sunday.GetProperty("trips").EnumerateArray());

        // Week 0 of the rotation is mornings.
        var first = await anne.GetFromJsonAsync<JsonElement>($"/api/me/week?from={Anchor:yyyy-MM-dd}&days=1");
        Assert.Equal("2027-01-04T05:00:00+01:00", first.GetProperty("dates")[0].GetProperty("shifts")[0].GetProperty("start").GetString());
    }

    [Fact]
    public async Task Without_a_date_the_week_starts_today_in_the_network_time_zone()
    {
        using var anne = await server.ClientAsync("anne@test.local");
        var week = await anne.GetFromJsonAsync<JsonElement>("/api/me/week");
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).DateTime);
        Assert.Equal(today.ToString("yyyy-MM-dd"), week.GetProperty("from").GetString());
        Assert.Equal(7, week.GetProperty("dates").GetArrayLength());
        Assert.True(week.GetProperty("dates")[0].GetProperty("isToday").GetBoolean());
    }

    [Theory]
    [InlineData("days=0", "days", "out-of-range")]
    [InlineData("days=32", "days", "out-of-range")]
    [InlineData("days=abc", "days", "out-of-range")]
    [InlineData("from=2027-13-01", "from", "date-unreadable")]
    [InlineData("from=1999-12-31", "from", "out-of-range")]
    public async Task A_bad_range_is_a_field_error_with_its_code(string query, string field, string code)
    {
        using var anne = await server.ClientAsync("anne@test.local");
        using var response = await anne.GetAsync($"/api/me/week?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid-fields", problem.GetProperty("code").GetString());
        Assert.Equal(code, problem.GetProperty("fieldCodes").GetProperty(field)[0].GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Only_employees_have_a_week()
    {
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.GetAsync("/api/me/week")).StatusCode);
    }

    [Fact]
    public async Task A_roster_breaking_the_rules_is_reported_on_its_days()
    {
        using (var database = server.NewContext())
        {
            if (!await database.ShiftPatterns.AnyAsync(p => p.ExternalId == "broken-week"))
            {
                // Two slots at the same time: RosterRules refuses it, so the matcher leaves its people out.
                var broken = new ShiftPattern { NetworkId = server.Nord, ExternalId = "broken-week", Name = "Cassé", Slots =
                [
                    new ShiftSlot { WeekIndex = 0, Days = WorkDays.All, Start = new TimeOnly(8, 0), End = new TimeOnly(16, 0) },
                    new ShiftSlot { WeekIndex = 0, Days = WorkDays.All, Start = new TimeOnly(9, 0), End = new TimeOnly(17, 0) },
                ] };
                database.ShiftPatterns.Add(broken);
                database.ShiftAssignments.Add(new ShiftAssignment
                {
                    EmployeeId = server.BetaOne, ShiftPattern = broken, RotationAnchor = Anchor, ValidFrom = new DateOnly(2028, 1, 3), ValidTo = new DateOnly(2028, 1, 9),
                });
                await database.SaveChangesAsync();
            }
        }
        using var berta = await server.ClientAsync("berta@test.local");
        var week = await berta.GetFromJsonAsync<JsonElement>("/api/me/week?from=2028-01-02&days=2");
        Assert.Empty(week.GetProperty("dates")[0].GetProperty("trips").EnumerateArray()); // before the assignment
        Assert.All(week.GetProperty("dates")[1].GetProperty("trips").EnumerateArray(), t => Assert.Equal("roster-invalid", t.GetProperty("reason").GetString()));
        Assert.Equal(2, week.GetProperty("dates")[1].GetProperty("trips").GetArrayLength());
        Assert.True(week.GetProperty("hasRoster").GetBoolean());
        // The week before the assignment has no roster at all: its empty days are not rest days.
        var before = await berta.GetFromJsonAsync<JsonElement>("/api/me/week?from=2027-12-20&days=7");
        Assert.False(before.GetProperty("hasRoster").GetBoolean());
    }
}
