using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Server.Carpools;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Tests;

/// <summary>Meeting points as a pickup: the list near home, a choice checked and stored, and the next proposals picking
/// Anne up there (Nord on a day roster: Paul drives, Anne and Berta ride; Anne lives at 48.85, 7.70).</summary>
public sealed class MeetingPointTests : IClassFixture<TwoNetworkServer>
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private readonly TwoNetworkServer _server;
    private readonly DateOnly _tomorrow;
    private readonly long _near, _farther, _tooFar, _foreign, _plant;

    public MeetingPointTests(TwoNetworkServer server)
    {
        _server = server;
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        _tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).DateTime).AddDays(1);
        server.PutNordOnADayRoster();
        using var database = server.NewContext();
        long Place(long network, string id, string name, double lat, double lon, SiteKind kind = SiteKind.MeetingPoint)
        {
            if (database.Sites.SingleOrDefault(s => s.NetworkId == network && s.ExternalId == id) is { } existing) return existing.Id;
            var site = new Site { NetworkId = network, ExternalId = id, Name = name, Kind = kind, Location = Wgs84.CreatePoint(new Coordinate(lon, lat)) };
            database.Sites.Add(site);
            database.SaveChanges();
            return site.Id;
        }
        _near = Place(server.Nord, "MP-NEAR", "Parking de l'église", 48.852, 7.705);   // ~400 m from Anne
        _farther = Place(server.Nord, "MP-FARTHER", "Place du marché", 48.87, 7.70);    // ~2.2 km
        _tooFar = Place(server.Nord, "MP-FAR", "Aire du col", 48.95, 7.70);             // ~11 km
        _foreign = Place(server.Sud, "MP-SUD", "Parking SECRET-SUD", 48.851, 7.701);   // another network's, next to her
        _plant = Place(server.Nord, "MP-NOT", "Dépôt", 48.851, 7.702, SiteKind.CarPark); // not a meeting point
    }

    private static string? FieldCode(JsonElement problem, string field) =>
        problem.GetProperty("fieldCodes").GetProperty(field)[0].GetProperty("code").GetString();

    [Fact]
    public async Task The_list_holds_the_network_s_meeting_points_within_reach_nearest_first()
    {
        using var anne = await _server.ClientAsync("anne@test.local");
        var points = (await anne.GetFromJsonAsync<JsonElement>("/api/me/meeting-points")).EnumerateArray().ToList();
        Assert.Equal([_near, _farther], points.Select(p => p.GetProperty("id").GetInt64()));
        Assert.Equal("Parking de l'église", points[0].GetProperty("name").GetString());
        Assert.InRange(points[0].GetProperty("distanceMetres").GetInt32(), 300, 500);
        Assert.Equal([7.705, 48.852], points[0].GetProperty("location").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
    }

    [Fact]
    public async Task A_choice_outside_the_network_s_meeting_points_in_reach_is_refused_with_its_code()
    {
        using var anne = await _server.ClientAsync("anne@test.local");
        foreach (var (id, code) in new[] { (_tooFar, "meeting-point-too-far"), (_foreign, "unknown-reference"), (_plant, "unknown-reference"), (999_999L, "unknown-reference") })
        {
            using var response = await anne.PutAsJsonAsync("/api/me/employee", new { preferredMeetingPointId = id });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(code, FieldCode(await response.Content.ReadFromJsonAsync<JsonElement>(), "preferredMeetingPointId"));
        }
        var profile = await anne.GetFromJsonAsync<JsonElement>("/api/me/employee");
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("preferredMeetingPointId").ValueKind); // nothing refused was stored
        // The other network's point and its name leave no trace in the answer.
        using var foreign = await anne.PutAsJsonAsync("/api/me/employee", new { preferredMeetingPointId = _foreign });
        Assert.DoesNotContain("SECRET", await foreign.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_chosen_meeting_point_becomes_the_pickup_of_the_next_proposals_and_co_members_see_its_name()
    {
        await _server.Factory.Services.GetRequiredService<ProposalEngine>().RecomputeAsync(_server.Nord, _tomorrow, null, CancellationToken.None);
        var anne = new HubListener();
        await using var hub = await _server.HubAsync("anne@test.local");
        anne.Attach(hub);
        await hub.StartAsync();
        using var client = await _server.ClientAsync("anne@test.local");

        using (var response = await client.PutAsJsonAsync("/api/me/employee", new { preferredMeetingPointId = _near }))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(_near, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("preferredMeetingPointId").GetInt64());
        }
        Assert.Equal(_near, (await client.GetFromJsonAsync<JsonElement>("/api/me/employee")).GetProperty("preferredMeetingPointId").GetInt64());

        // The engine re-matches on its own, as for any other profile change.
        var proposal = await anne.NextWhereAsync(m => m.Kind == NetworkRematch.ProposalKind
            && m.Payload.GetProperty("date").GetString() == _tomorrow.ToString("yyyy-MM-dd") && m.Payload.GetProperty("direction").GetString() == "ToWork");
        var me = proposal.Payload.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("isMe").GetBoolean());
        Assert.Equal("Parking de l'église", me.GetProperty("meetingPoint").GetString());
        Assert.Equal([7.705, 48.852], me.GetProperty("pickup").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        var groupId = proposal.Payload.GetProperty("groupId").GetInt64();
        await using (var database = _server.NewContext())
        {
            var stored = await database.CarpoolMembers.SingleAsync(m => m.CarpoolGroupId == groupId && m.EmployeeId == _server.AlphaOne);
            Assert.Equal(_near, stored.MeetingPointSiteId);
            Assert.Equal((7.705, 48.852), (stored.PickupLocation!.X, stored.PickupLocation.Y));
        }

        // Berta, in the same car, sees where Anne is picked up by its name and place.
        using var berta = await _server.ClientAsync("berta@test.local");
        var group = (await berta.GetFromJsonAsync<JsonElement>($"/api/me/proposals?from={_tomorrow:yyyy-MM-dd}")).EnumerateArray()
            .Single(g => g.GetProperty("groupId").GetInt64() == groupId);
        var anneSeenByBerta = group.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("meetingPoint").ValueKind == JsonValueKind.String);
        Assert.Equal("Parking de l'église", anneSeenByBerta.GetProperty("meetingPoint").GetString());
        Assert.Equal("Anne", anneSeenByBerta.GetProperty("firstName").GetString());

        // Pickup at home again: 0.
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/me/employee", new { preferredMeetingPointId = 0 })).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await client.GetFromJsonAsync<JsonElement>("/api/me/employee")).GetProperty("preferredMeetingPointId").ValueKind);
    }
}

/// <summary>Erasure takes the chosen meeting point and the stored reasons with the rest; removing the site clears the choice.</summary>
public sealed class MeetingPointErasureTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private async Task<long> MeetingPointAsync(string id)
    {
        await using var database = server.NewContext();
        var site = new Site { NetworkId = server.Nord, ExternalId = id, Name = id, Kind = SiteKind.MeetingPoint, Location = Wgs84.CreatePoint(new Coordinate(7.72, 48.871)) };
        database.Sites.Add(site);
        await database.SaveChangesAsync();
        return site.Id;
    }

    [Fact]
    public async Task Erasure_removes_the_reasons_and_the_meeting_point_choice()
    {
        var point = await MeetingPointAsync("MP-BERTA");
        using var berta = await server.ClientAsync("berta@test.local");
        Assert.Equal(HttpStatusCode.OK, (await berta.PutAsJsonAsync("/api/me/employee", new { preferredMeetingPointId = point })).StatusCode);
        await using (var database = server.NewContext())
        {
            database.UnmatchedTrips.Add(new UnmatchedTrip
            {
                EmployeeId = server.BetaOne, NetworkId = server.Nord, Date = new DateOnly(2026, 11, 30), Direction = CommuteDirection.ToWork,
                Reason = Mobility.Planning.Carpools.NoRideReason.NoCompatibleDriver,
            });
            await database.SaveChangesAsync();
        }
        var export = await berta.GetFromJsonAsync<JsonElement>("/api/me/export");
        Assert.Equal(point, export.GetProperty("employee").GetProperty("preferredMeetingPointId").GetInt64());
        Assert.Equal("NoCompatibleDriver", export.GetProperty("unmatchedTrips")[0].GetProperty("reason").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await berta.DeleteAsync("/api/me/employee")).StatusCode);
        await using (var database = server.NewContext())
        {
            Assert.False(await database.UnmatchedTrips.AnyAsync(t => t.EmployeeId == server.BetaOne));
            Assert.Null(await database.Employees.Where(e => e.Id == server.BetaOne).Select(e => e.PreferredMeetingPointId).SingleAsync());
        }
    }

    [Fact]
    public async Task Removing_the_meeting_point_clears_the_choice()
    {
        var point = await MeetingPointAsync("MP-GONE");
        using var anne = await server.ClientAsync("anne@test.local");
        Assert.Equal(HttpStatusCode.OK, (await anne.PutAsJsonAsync("/api/me/employee", new { preferredMeetingPointId = point })).StatusCode);
        using var admin = await server.ClientAsync("admin@test.local");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/sites/{point}")).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await anne.GetFromJsonAsync<JsonElement>("/api/me/employee")).GetProperty("preferredMeetingPointId").ValueKind);
    }
}
