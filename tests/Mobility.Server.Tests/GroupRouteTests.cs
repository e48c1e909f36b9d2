using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Routing;
using Mobility.Routing.Osm;
using Mobility.Routing.Profiles;
using Mobility.TestSupport;
using NetTopologySuite.Geometries;
using Mobility.Server.Carpools;

namespace Mobility.Server.Tests;

/// <summary>
/// A confirmed carpool's drive on the employee's map, and who may see it: the road through the pickups shows where the
/// others live, so it is given only to confirmed members, and never through the home of someone who left the group.
/// </summary>
public sealed class GroupRouteTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    /// <summary>Paul drives Anne and Berta (ProposeAsync: pickups 0.01° of longitude apart, Paul first).</summary>
    private async Task<long> GroupAsync(params (long Employee, CarpoolStatus Status)[] statuses)
    {
        var group = await server.ProposeAsync(3, server.AlphaTwo, server.AlphaOne, server.BetaOne);
        await using var database = server.NewContext();
        var stored = await database.CarpoolGroups.Include(g => g.Members).SingleAsync(g => g.Id == group);
        foreach (var (employee, status) in statuses) stored.Members.Single(m => m.EmployeeId == employee).Status = status;
        stored.Status = stored.Members.Where(m => m.Status != CarpoolStatus.Declined && m.Status != CarpoolStatus.Cancelled)
            .All(m => m.Status == CarpoolStatus.Confirmed) ? CarpoolStatus.Confirmed : CarpoolStatus.Proposed;
        await database.SaveChangesAsync();
        return group;
    }

    [Fact]
    public async Task A_confirmed_member_gets_the_drive_through_every_confirmed_pickup_in_order_then_the_plant()
    {
        var group = await GroupAsync((server.AlphaTwo, CarpoolStatus.Confirmed), (server.AlphaOne, CarpoolStatus.Confirmed), (server.BetaOne, CarpoolStatus.Confirmed));
        using var anne = await server.ClientAsync("anne@test.local");
        using var route = JsonDocument.Parse(await anne.GetStringAsync($"/api/me/proposals/{group}/route"));
        var line = route.RootElement.GetProperty("geometry").GetProperty("coordinates").EnumerateArray()
            .Select(c => (Longitude: c[0].GetDouble(), Latitude: c[1].GetDouble())).ToList();
        // No road network in these tests: straight legs, and the answer says so.
        Assert.False(route.RootElement.GetProperty("properties").GetProperty("alongRoads").GetBoolean());
        Assert.Equal([(7.70, 48.85), (7.71, 48.85), (7.72, 48.85), (7.79, 48.81)], line);
        Assert.Equal(4, route.RootElement.GetProperty("properties").GetProperty("calls").GetInt32());
    }

    [Fact]
    public async Task Whoever_declined_is_left_off_the_drive_sees_no_exact_home_and_has_theirs_hidden()
    {
        var group = await GroupAsync((server.AlphaTwo, CarpoolStatus.Confirmed), (server.AlphaOne, CarpoolStatus.Confirmed), (server.BetaOne, CarpoolStatus.Declined));
        using var anne = await server.ClientAsync("anne@test.local");
        using var route = JsonDocument.Parse(await anne.GetStringAsync($"/api/me/proposals/{group}/route"));
        var line = route.RootElement.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c[0].GetDouble()).ToList();
        Assert.Equal([7.70, 7.71, 7.79], line);

        using var berta = await server.ClientAsync("berta@test.local");
        using var refused = await berta.GetAsync($"/api/me/proposals/{group}/route");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        // The group is confirmed, yet Berta, who declined, sees Paul and Anne only rounded; Anne sees Berta only rounded.
        foreach (var (client, other) in new[] { (berta, 0), (berta, 1), (anne, 2) })
        {
            var views = await client.GetFromJsonAsync<JsonElement>("/api/me/proposals?from=2026-11-01");
            var member = views.EnumerateArray().Single(g => g.GetProperty("groupId").GetInt64() == group).GetProperty("members").EnumerateArray()
                .Single(m => m.GetProperty("pickupOrder").GetInt32() == other);
            var longitude = member.GetProperty("pickup").GetProperty("coordinates")[0].GetDouble();
            Assert.NotEqual(7.70 + other * 0.01, longitude, 6);
        }
    }

    [Fact]
    public async Task Before_everyone_confirmed_the_drive_is_refused_and_a_stranger_is_refused()
    {
        var group = await GroupAsync((server.AlphaTwo, CarpoolStatus.Accepted), (server.AlphaOne, CarpoolStatus.Accepted));
        using var anne = await server.ClientAsync("anne@test.local");
        using var early = await anne.GetAsync($"/api/me/proposals/{group}/route");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        var theirs = await server.ProposeAsync(3, server.AlphaTwo, server.BetaOne);
        using var stranger = await anne.GetAsync($"/api/me/proposals/{theirs}/route");
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode); // the tenant check, before the endpoint runs
    }

    [Fact]
    public void On_real_roads_the_drive_home_leaves_the_plant_drops_the_passenger_and_ends_at_the_drivers_home()
    {
        var router = Router.Build(OsmImporter.Import(SharedData.OsmFile("heidelberg.osm.pbf"), [VehicleProfiles.Car]), ["car"]);
        Point At(double latitude, double longitude) => Wgs84.CreatePoint(new Coordinate(longitude, latitude));
        var plant = new Site { ExternalId = "P", Name = "Usine", Kind = SiteKind.Plant, Location = At(49.4700, 8.6460) };
        var (driverHome, passengerHome) = (At(49.4093, 8.6940), At(49.3988, 8.6724));
        var group = new CarpoolGroup
        {
            Id = 1, Direction = CommuteDirection.ToHome, Status = CarpoolStatus.Confirmed, Seats = 3,
            Members =
            [
                new CarpoolMember { Role = MemberRole.Driver, Status = CarpoolStatus.Confirmed, PickupOrder = 0, PickupLocation = driverHome, DropOffSite = plant },
                new CarpoolMember { Role = MemberRole.Passenger, Status = CarpoolStatus.Confirmed, PickupOrder = 1, PickupLocation = passengerHome, DropOffSite = plant },
            ],
        };

        var route = GroupRoute.Build(group, router);

        Assert.True(route.Properties.AlongRoads);
        var line = route.Geometry.Coordinates;
        double Metres(double[] a, Point b) => Geo.Metres(a[1], a[0], b.Y, b.X);
        Assert.True(Metres(line[0], plant.Location) < 300, "starts at the plant");
        Assert.True(Metres(line[^1], driverHome) < 300, "ends at the driver's home");
        var passing = line.Select((c, i) => (Metres(c, passengerHome), i)).Min();
        Assert.True(passing.Item1 < 300, "passes the passenger's home");
        // Along the roads: a line of many points, at least as long as the straight legs, and as long as it says.
        var length = line.Zip(line.Skip(1), (a, b) => Geo.Metres(a[1], a[0], b[1], b[0])).Sum() / 1000;
        var straight = (Geo.Metres(plant.Location.Y, plant.Location.X, passengerHome.Y, passengerHome.X)
                        + Geo.Metres(passengerHome.Y, passengerHome.X, driverHome.Y, driverHome.X)) / 1000;
        Assert.True(line.Count > 50, $"{line.Count} points");
        Assert.InRange(length, straight, straight * 2);
        Assert.InRange(route.Properties.Kilometres, length * 0.95, length * 1.05);
        Assert.True(route.Properties.Minutes > straight / 1.5, $"{route.Properties.Minutes} min for {straight:F1} km as the crow flies");
    }
}
