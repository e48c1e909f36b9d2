using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;

namespace Mobility.Server.Tests;

/// <summary>The employee's iCalendar feed through the real server and PostgreSQL, read back with Ical.Net.</summary>
public sealed class CalendarFeedTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).DateTime);
    /// <summary>Past the days the proposal engine re-matches, so that it leaves the groups stored here alone.</summary>
    private static DateOnly PickupDay => Today.AddDays(10);

    private static async Task<string> MakeFeedAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/me/calendar-feed", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
    }

    /// <summary>The feed as a calendar app reads it: no sign-in, only the address.</summary>
    private async Task<(HttpStatusCode Status, Ical.Net.Calendar? Calendar, HttpResponseMessage Response)> ReadFeedAsync(string url)
    {
        using var anonymous = server.Factory.CreateClient();
        var response = await anonymous.GetAsync(new Uri(url).PathAndQuery);
        if (response.StatusCode != HttpStatusCode.OK) return (response.StatusCode, null, response);
        return (response.StatusCode, Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync()), response);
    }

    /// <summary>Anne works nights, 21:00–05:00, every day; she rides with Paul on <see cref="PickupDay"/> (accepted), and has
    /// a proposal she has not answered and one she declined, which her calendar must not show.</summary>
    private async Task PutAnneOnNightsWithAPickupAsync(DateTimeOffset pickupTime)
    {
        await using var database = server.NewContext();
        if (await database.ShiftPatterns.AnyAsync(p => p.ExternalId == "calendar-nights")) return;
        var nights = TwoNetworkServer.EveryDay(server.Nord, "calendar-nights", new TimeOnly(21, 0), new TimeOnly(5, 0), "Nuits");
        database.ShiftPatterns.Add(nights);
        var monday = Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7) - 28);
        database.ShiftAssignments.Add(new ShiftAssignment { EmployeeId = server.AlphaOne, ShiftPattern = nights, RotationAnchor = monday, ValidFrom = monday });
        CarpoolGroup Group(DateOnly date, CarpoolStatus group, CarpoolStatus anne, DateTimeOffset at) => new()
        {
            NetworkId = server.Nord, Date = date, Direction = CommuteDirection.ToWork, Seats = 3, Status = group,
            Members =
            [
                new CarpoolMember { EmployeeId = server.AlphaTwo, Role = MemberRole.Driver, PickupOrder = 0, DropOffSiteId = server.AlphaPlant,
                    PickupTime = at.AddMinutes(-10), Status = group },
                new CarpoolMember { EmployeeId = server.AlphaOne, Role = MemberRole.Passenger, PickupOrder = 1, DropOffSiteId = server.AlphaPlant,
                    PickupTime = at, Status = anne },
            ],
        };
        database.CarpoolGroups.AddRange(
            Group(PickupDay, CarpoolStatus.Accepted, CarpoolStatus.Accepted, pickupTime),
            Group(PickupDay.AddDays(1), CarpoolStatus.Proposed, CarpoolStatus.Proposed, pickupTime.AddDays(1)),
            Group(PickupDay.AddDays(2), CarpoolStatus.Accepted, CarpoolStatus.Declined, pickupTime.AddDays(2)));
        await database.SaveChangesAsync();
    }

    private static DateTimeOffset Local(DateOnly date, int hour, int minute) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(hour, minute)), Paris), TimeSpan.Zero);

    [Fact]
    public async Task The_feed_holds_the_shifts_at_their_local_times_and_the_accepted_pickup_in_the_employees_language()
    {
        var pickupTime = Local(PickupDay, 20, 5);
        await PutAnneOnNightsWithAPickupAsync(pickupTime);
        using var anne = await server.ClientAsync("anne@test.local");
        var url = await MakeFeedAsync(anne);

        var (status, calendar, response) = await ReadFeedAsync(url);
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        }
        var events = calendar!.Events.ToList();
        var shifts = events.Where(e => e.Summary == "Poste — Usine Alpha").ToList();
        // Every night from a week back to four weeks ahead, 36 in all, each from 21:00 to 05:00 the next morning, Paris time.
        Assert.Equal(36, shifts.Count);
        foreach (var shift in shifts)
        {
            var (start, end) = (TimeZoneInfo.ConvertTime(shift.Start!.AsUtc, Paris), TimeZoneInfo.ConvertTime(shift.End!.AsUtc, Paris));
            Assert.Equal((21, 0), (start.Hour, start.Minute));
            Assert.Equal((5, 0), (end.Hour, end.Minute));
            Assert.Equal(start.Date.AddDays(1), end.Date);
        }
        Assert.Contains(shifts, s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.Start!.AsUtc, Paris)) == Today.AddDays(-7));
        Assert.Contains(shifts, s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.Start!.AsUtc, Paris)) == Today.AddDays(28));

        var pickup = Assert.Single(events, e => e.Summary!.StartsWith("Covoiturage", StringComparison.Ordinal));
        Assert.Equal("Covoiturage vers Usine Alpha (passager)", pickup.Summary);
        Assert.Equal(pickupTime.UtcDateTime, pickup.Start!.AsUtc);
        Assert.Equal("Domicile", pickup.Location);
        Assert.Equal(events.Count, events.Select(e => e.Uid).Distinct().Count());

        // Read again in English: the same events (the same UIDs, so a calendar replaces them), other words.
        using (var english = await anne.PutAsJsonAsync("/api/me/employee", new { preferredLanguage = "en" }))
            Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        var (_, again, second) = await ReadFeedAsync(url);
        second.Dispose();
        Assert.Equal(events.Select(e => e.Uid).Order(), again!.Events.Select(e => e.Uid).Order());
        Assert.Contains(again.Events, e => e.Summary == "Carpool to Usine Alpha (passenger)" && e.Location == "Home");
        Assert.Contains(again.Events, e => e.Summary == "Shift — Usine Alpha");
        using var french = await anne.PutAsJsonAsync("/api/me/employee", new { preferredLanguage = "fr" });
    }

    [Fact]
    public async Task Rotating_ends_the_old_address_revoking_ends_the_new_one_and_the_token_is_never_stored_or_shown_again()
    {
        using var berta = await server.ClientAsync("berta@test.local");
        Assert.False((await berta.GetFromJsonAsync<JsonElement>("/api/me/calendar-feed")).GetProperty("exists").GetBoolean());
        var first = await MakeFeedAsync(berta);
        var second = await MakeFeedAsync(berta);
        Assert.NotEqual(first, second);
        var token = second[(second.LastIndexOf('/') + 1)..^".ics".Length];

        var (old, _, oldResponse) = await ReadFeedAsync(first);
        oldResponse.Dispose();
        Assert.Equal(HttpStatusCode.NotFound, old);
        var (current, _, currentResponse) = await ReadFeedAsync(second);
        currentResponse.Dispose();
        Assert.Equal(HttpStatusCode.OK, current);

        var state = await berta.GetStringAsync("/api/me/calendar-feed");
        Assert.Contains("\"exists\":true", state);
        Assert.DoesNotContain(token, state);
        Assert.DoesNotContain(token, await berta.GetStringAsync("/api/me/export"));
        await using (var database = server.NewContext())
        {
            var stored = await database.CalendarFeeds.SingleAsync(f => f.EmployeeId == server.BetaOne);
            Assert.NotEqual(token, stored.TokenHash);
            Assert.Equal(64, stored.TokenHash.Length);
        }

        using (var revoked = await berta.DeleteAsync("/api/me/calendar-feed")) Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        var (gone, _, goneResponse) = await ReadFeedAsync(second);
        goneResponse.Dispose();
        Assert.Equal(HttpStatusCode.NotFound, gone);
        Assert.False((await berta.GetFromJsonAsync<JsonElement>("/api/me/calendar-feed")).GetProperty("exists").GetBoolean());
    }

    [Fact]
    public async Task One_address_reading_feeds_too_often_is_answered_429()
    {
        using var anne = await server.ClientAsync("anne@test.local");
        var path = new Uri(await MakeFeedAsync(anne)).PathAndQuery;
        await using var strict = server.Instance(("Calendar:RequestsPerAddressPerMinute", "2"));
        using var phone = strict.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await phone.GetAsync(path);
            answers.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task Erasure_ends_the_address()
    {
        var gilles = server.GammaOne;
        await server.AccountForAsync(gilles, "gilles@test.local");
        using var client = await server.ClientAsync("gilles@test.local");
        var url = await MakeFeedAsync(client);
        using (var erased = await client.DeleteAsync("/api/me/employee")) Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        var (status, _, response) = await ReadFeedAsync(url);
        response.Dispose();
        Assert.Equal(HttpStatusCode.NotFound, status);
        await using var after = server.NewContext();
        Assert.False(await after.CalendarFeeds.AnyAsync(f => f.EmployeeId == gilles));
    }
}
