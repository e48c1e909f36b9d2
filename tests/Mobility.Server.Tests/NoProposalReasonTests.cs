using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mobility.Planning.Carpools;
using Mobility.Server.Carpools;

namespace Mobility.Server.Tests;

/// <summary>Why there is no proposal, as the week shows it: Nord on a day roster (Paul drives, Anne and Berta ride), then no
/// driver at all, then Anne's consent withdrawn.</summary>
public sealed class NoProposalReasonTests : IClassFixture<TwoNetworkServer>
{
    private readonly TwoNetworkServer _server;
    private readonly DateOnly _tomorrow;

    public NoProposalReasonTests(TwoNetworkServer server)
    {
        _server = server;
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        _tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).DateTime).AddDays(1);
        server.PutNordOnADayRoster();
    }

    private async Task<JsonElement> TomorrowAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/me/week?from={_tomorrow:yyyy-MM-dd}&days=1")).GetProperty("dates")[0];

    private static JsonElement Trip(JsonElement day, string direction) =>
        day.GetProperty("trips").EnumerateArray().Single(t => t.GetProperty("direction").GetString() == direction);

    private Task RematchAsync() =>
        _server.Factory.Services.GetRequiredService<ProposalEngine>().RecomputeAsync(_server.Nord, _tomorrow, null, CancellationToken.None);

    [Fact]
    public async Task A_trip_shows_its_group_then_the_matcher_s_reason_then_consent_off()
    {
        await RematchAsync();
        using var anne = await _server.ClientAsync("anne@test.local");
        var day = await TomorrowAsync(anne);
        var morning = Trip(day, "ToWork");
        var groupId = morning.GetProperty("groupId").GetInt64();
        Assert.Equal("Proposed", morning.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, morning.GetProperty("reason").ValueKind);
        // The week names the group the proposals list gives in full.
        var proposals = await anne.GetFromJsonAsync<JsonElement>($"/api/me/proposals?from={_tomorrow:yyyy-MM-dd}");
        Assert.Contains(proposals.EnumerateArray(), g => g.GetProperty("groupId").GetInt64() == groupId);

        // Paul rides too: nobody drives, so the matcher leaves Anne without a driver, and says so.
        await using (var database = _server.NewContext())
        {
            var paul = await database.Employees.SingleAsync(e => e.Id == _server.AlphaTwo);
            (paul.Role, paul.SeatsOffered) = (CarpoolRole.Passenger, 0);
            await database.SaveChangesAsync();
        }
        await RematchAsync();
        day = await TomorrowAsync(anne);
        Assert.Equal("no-compatible-driver", Trip(day, "ToWork").GetProperty("reason").GetString());
        Assert.Equal("no-compatible-driver", Trip(day, "ToHome").GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, Trip(day, "ToWork").GetProperty("groupId").ValueKind);
        await using (var database = _server.NewContext())
            Assert.Equal(2, await database.UnmatchedTrips.CountAsync(t => t.EmployeeId == _server.AlphaOne && t.Date == _tomorrow));

        // Without consent she is not matched at all: the server says so without waiting for the matcher.
        Assert.Equal(HttpStatusCode.OK, (await anne.PutAsJsonAsync("/api/me/employee", new { consentToMatching = false })).StatusCode);
        day = await TomorrowAsync(anne);
        Assert.Equal("consent-off", Trip(day, "ToWork").GetProperty("reason").GetString());
        // A re-match without her drops her old reasons: they were about a trip that is no longer matched.
        await RematchAsync();
        await using (var database = _server.NewContext())
            Assert.False(await database.UnmatchedTrips.AnyAsync(t => t.EmployeeId == _server.AlphaOne && t.Date == _tomorrow));
    }
}
