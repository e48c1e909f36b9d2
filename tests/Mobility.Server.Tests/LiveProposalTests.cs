using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Data.Privacy;
using Mobility.Planning.Carpools;
using Mobility.Server.Live;
using Mobility.Server.Carpools;

namespace Mobility.Server.Tests;

/// <summary>The commute hub with the .NET SignalR client against a real server and PostGIS.</summary>
public sealed class LiveProposalTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static CarpoolStatus StatusOf(NotificationMessage message, bool me) =>
        Enum.Parse<CarpoolStatus>(message.Payload.GetProperty("members").EnumerateArray()
            .Single(m => m.GetProperty("isMe").GetBoolean() == me && (me || m.GetProperty("role").GetString() == "Passenger"))
            .GetProperty("status").GetString()!);

    [Fact]
    public async Task A_decision_reaches_the_members_of_the_group_and_nobody_else()
    {
        var group = await server.ProposeAsync(3, server.AlphaTwo, server.AlphaOne);
        var (anne, berta) = (new HubListener(), new HubListener());
        await using var anneHub = await server.HubAsync("anne@test.local");
        await using var bertaHub = await server.HubAsync("berta@test.local");
        anne.Attach(anneHub);
        berta.Attach(bertaHub);
        await anneHub.StartAsync();
        await bertaHub.StartAsync();

        var result = await anneHub.InvokeAsync<DecisionAnswer>("Accept", group);
        Assert.Equal(DecisionOutcome.Accepted, result.Outcome);
        var message = await anne.NextAsync();
        Assert.Equal(CarpoolDecisions.GroupChanged, message.Kind);
        Assert.Equal(group, message.Payload.GetProperty("groupId").GetInt64());
        Assert.Equal(CarpoolStatus.Accepted, StatusOf(message, me: true));
        // Berta is in no such group: nothing may reach her. Her own decision then arrives, proving her connection works.
        var bertaGroup = await server.ProposeAsync(3, server.AlphaTwo, server.BetaOne);
        await bertaHub.InvokeAsync<DecisionAnswer>("Decline", bertaGroup);
        var hers = await berta.NextAsync();
        Assert.Equal(bertaGroup, hers.Payload.GetProperty("groupId").GetInt64());
        Assert.True(berta.Received.IsEmpty);
        Assert.DoesNotContain(anne.Received, m => m.Payload.GetProperty("groupId").GetInt64() == bertaGroup);
    }

    [Fact]
    public async Task Another_members_home_is_never_shown_only_a_place_400_to_700_m_from_it()
    {
        var group = await server.ProposeAsync(3, server.AlphaTwo, server.AlphaOne, server.BetaOne);
        using var anne = await server.ClientAsync("anne@test.local");
        using var proposals = JsonDocument.Parse(await anne.GetStringAsync("/api/me/proposals?from=2026-11-01"));
        var members = proposals.RootElement.EnumerateArray().Single(g => g.GetProperty("groupId").GetInt64() == group).GetProperty("members").EnumerateArray().ToList();
        await using var database = server.NewContext();
        var exact = await database.CarpoolMembers.Where(m => m.CarpoolGroupId == group).ToDictionaryAsync(m => m.PickupOrder, m => m.PickupLocation!);
        var homes = await database.CarpoolMembers.Where(m => m.CarpoolGroupId == group).Select(m => new { m.PickupOrder, m.Employee!.Home })
            .ToDictionaryAsync(m => m.PickupOrder, m => m.Home!);
        foreach (var member in members)
        {
            var shown = member.GetProperty("pickup").GetProperty("coordinates");
            var isMe = member.GetProperty("isMe").GetBoolean();
            // Her own pickup as stored; the others' place is drawn around their home.
            var truth = (isMe ? exact : homes)[member.GetProperty("pickupOrder").GetInt32()];
            var (dx, dy) = ((shown[0].GetDouble() - truth.X) * 111_320 * Math.Cos(truth.Y * Math.PI / 180), (shown[1].GetDouble() - truth.Y) * 111_320);
            var offset = Math.Sqrt(dx * dx + dy * dy);
            if (isMe) Assert.True(offset < 0.01);
            else
            {
                // Rounded to about 10 m, so a few metres either side of the ring.
                Assert.InRange(offset, ApproximatePlace.NearestMetres - 15, ApproximatePlace.FarthestMetres + 15);
            }
            Assert.False(member.TryGetProperty("lastName", out _));
        }
    }

    [Fact]
    public async Task Two_passengers_racing_for_the_last_seat_exactly_one_wins_and_the_other_is_told()
    {
        for (var round = 0; round < 5; round++)
        {
            var group = await server.ProposeAsync(1, server.AlphaTwo, server.AlphaOne, server.BetaOne);
            await using var anneHub = await server.HubAsync("anne@test.local");
            await using var bertaHub = await server.HubAsync("berta@test.local");
            await Task.WhenAll(anneHub.StartAsync(), bertaHub.StartAsync());
            var results = await Task.WhenAll(anneHub.InvokeAsync<DecisionAnswer>("Accept", group), bertaHub.InvokeAsync<DecisionAnswer>("Accept", group));
            Assert.True(1 == results.Count(r => r.Outcome == DecisionOutcome.Accepted), string.Join(", ", results.Select(r => r.ToString())));
            Assert.Equal(1, results.Count(r => r.Outcome == DecisionOutcome.SeatTaken));
            var lost = results.Single(r => r.Outcome == DecisionOutcome.SeatTaken);
            // The code for clients, and the words in the employee's saved language (French) for API users.
            Assert.Equal((Mobility.Data.Codes.Problem.SeatTaken, "La dernière place vient d'être prise."), (lost.Code, lost.Message));
            await using var database = server.NewContext();
            Assert.Equal(1, await database.CarpoolMembers.CountAsync(m => m.CarpoolGroupId == group && m.Role == MemberRole.Passenger
                && (m.Status == CarpoolStatus.Accepted || m.Status == CarpoolStatus.Confirmed)));
        }
    }

    [Fact]
    public async Task A_client_that_reconnects_gets_what_it_missed_once_and_in_order()
    {
        var listener = new HubListener();
        var hub = await server.HubAsync("anne@test.local");
        listener.Attach(hub);
        await hub.StartAsync();
        var first = await server.ProposeAsync(3, server.AlphaTwo, server.AlphaOne);
        await hub.InvokeAsync<DecisionAnswer>("Accept", first);
        var lastSeen = (await listener.NextAsync()).Sequence;
        await hub.DisposeAsync();

        // While Anne is offline, Berta's decisions in a shared group produce messages for her.
        var shared = await server.ProposeAsync(3, server.AlphaTwo, server.AlphaOne, server.BetaOne);
        using var berta = await server.ClientAsync("berta@test.local");
        Assert.Equal(HttpStatusCode.OK, (await berta.PostAsync($"/api/me/proposals/{shared}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await berta.PostAsync($"/api/me/proposals/{shared}/cancel", null)).StatusCode);

        await using var again = await server.HubAsync("anne@test.local");
        await again.StartAsync();
        var missed = await again.InvokeAsync<List<NotificationMessage>>("Replay", lastSeen);
        Assert.Equal([lastSeen + 1, lastSeen + 2], missed.Select(m => m.Sequence));
        Assert.All(missed, m => Assert.Equal(shared, m.Payload.GetProperty("groupId").GetInt64()));
        Assert.Empty(await again.InvokeAsync<List<NotificationMessage>>("Replay", lastSeen + 2));
    }

    [Fact]
    public async Task Metrics_count_pushes_connections_and_requests()
    {
        var group = await server.ProposeAsync(3, server.AlphaTwo, server.AlphaOne);
        await using var hub = await server.HubAsync("anne@test.local");
        await hub.StartAsync();
        await hub.InvokeAsync<DecisionAnswer>("Accept", group);
        using var client = server.Factory.CreateClient();
        // The exporter reads the meters when scraped; a push counted before is in this scrape.
        var text = await client.GetStringAsync("/metrics");
        Assert.Matches(@"mobility_notifications_pushed(_total)?(\{[^}]*\})? [1-9]", text);
        Assert.Contains("mobility_hub_connections", text);
        Assert.Contains("http_server_request_duration_seconds", text);
    }

    [Fact]
    public async Task Only_employees_may_connect_to_the_hub()
    {
        await using var hr = await server.HubAsync("hr.alpha@test.local");
        await Assert.ThrowsAnyAsync<Exception>(() => hr.StartAsync());
    }
}
