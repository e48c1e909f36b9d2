using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Mobility.Server.Carpools;

namespace Mobility.Server.Tests;

/// <summary>A change to one's commute profile reaches the background engine, and its next proposals use the new values.
/// Everyone of Nord on a day roster: Paul drives, Anne and Berta ride (<see cref="TwoNetworkServer.PutNordOnADayRoster"/>).</summary>
public sealed class ProfileRematchTests : IClassFixture<TwoNetworkServer>
{
    private readonly TwoNetworkServer _server;
    private readonly DateOnly _tomorrow;

    public ProfileRematchTests(TwoNetworkServer server)
    {
        _server = server;
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        _tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).DateTime).AddDays(1);
        server.PutNordOnADayRoster();
    }

    private static bool MorningOf(NotificationMessage message, string kind, DateOnly date) => message.Kind == kind
        && message.Payload.GetProperty("date").GetString() == date.ToString("yyyy-MM-dd") && message.Payload.GetProperty("direction").GetString() == "ToWork";

    private static string MyRole(NotificationMessage message) =>
        message.Payload.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("isMe").GetBoolean()).GetProperty("role").GetString()!;

    private async Task<HubListener> ListenAsAnneAsync(List<IAsyncDisposable> hubs)
    {
        await _server.Factory.Services.GetRequiredService<ProposalEngine>().RecomputeAsync(_server.Nord, _tomorrow, null, CancellationToken.None);
        var anne = new HubListener();
        var hub = await _server.HubAsync("anne@test.local");
        hubs.Add(hub);
        anne.Attach(hub);
        await hub.StartAsync();
        return anne;
    }

    [Fact]
    public async Task A_driver_who_rides_again_is_offered_a_free_seat_in_a_car_already_proposed_to_others()
    {
        var hubs = new List<IAsyncDisposable>();
        var anne = await ListenAsAnneAsync(hubs);
        using var client = await _server.ClientAsync("anne@test.local");
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/me/employee", new { role = "Driver", seatsOffered = 3 })).StatusCode);
        // Anne cannot ride any more: the car she rode in goes on with Berta alone.
        await anne.NextWhereAsync(m => MorningOf(m, NetworkRematch.WithdrawnKind, _tomorrow));

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/me/employee", new { role = "Passenger" })).StatusCode);
        // Paul's car has a free seat again for her, although Anne was in no group when she changed.
        var proposal = await anne.NextWhereAsync(m => MorningOf(m, NetworkRematch.ProposalKind, _tomorrow));
        Assert.Equal("Passenger", MyRole(proposal));
        foreach (var hub in hubs) await hub.DisposeAsync();
    }

    [Fact]
    public async Task A_new_flexibility_reaches_the_proposal_that_keeps_the_same_members()
    {
        var hubs = new List<IAsyncDisposable>();
        var anne = await ListenAsAnneAsync(hubs);
        using var client = await _server.ClientAsync("anne@test.local");
        var before = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me/employee");
        var flexibility = before.GetProperty("flexibilityMinutes").GetInt32() + 30;
        var earliest = (await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/me/proposals?from={_tomorrow:yyyy-MM-dd}")).EnumerateArray()
            .Single(g => g.GetProperty("date").GetString() == _tomorrow.ToString("yyyy-MM-dd") && g.GetProperty("direction").GetString() == "ToWork"
                && g.GetProperty("status").GetString() == "Proposed")
            .GetProperty("mine").GetProperty("windowEarliest").GetDateTimeOffset();

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/me/employee", new { flexibilityMinutes = flexibility })).StatusCode);
        var proposal = await anne.NextWhereAsync(m => MorningOf(m, NetworkRematch.ProposalKind, _tomorrow));
        Assert.Equal(earliest.AddMinutes(-30), proposal.Payload.GetProperty("mine").GetProperty("windowEarliest").GetDateTimeOffset());
        foreach (var hub in hubs) await hub.DisposeAsync();
    }
}
