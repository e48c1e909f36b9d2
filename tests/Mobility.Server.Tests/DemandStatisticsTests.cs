using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Planning.TravelTimes;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Tests;

/// <summary>The working group's demand views: the homes grid, travel per hour and carpool savings, all aggregates.</summary>
public sealed class DemandStatisticsTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private static readonly DateOnly TravelDay = new(2027, 3, 1);   // a Monday
    private static readonly DateOnly CarpoolDay = new(2027, 3, 8);  // the next Monday

    private static ShiftPattern Pattern(long network, string id, TimeOnly start, TimeOnly end) => TwoNetworkServer.EveryDay(network, id, start, end, id);

    private static ShiftAssignment On(ShiftPattern pattern, DateOnly date) =>
        new() { ShiftPattern = pattern, RotationAnchor = new DateOnly(2027, 1, 4), ValidFrom = date, ValidTo = date };

    [Fact]
    public async Task Homes_are_squares_of_at_least_five_people_and_the_rest_is_only_counted()
    {
        await using (var database = server.NewContext())
        {
            // In the Sud network: six neighbours in one street (three consenting), and the fixture's one employee elsewhere.
            for (var i = 0; i < 6; i++)
                database.Employees.Add(new Employee
                {
                    CompanyId = server.Gamma, MainSiteId = server.GammaPlant, ExternalId = $"GRID-{i}", FirstName = "X", LastName = $"Voisin{i}",
                    Home = Wgs84.CreatePoint(new Coordinate(7.6201 + i * 0.0001, 48.4001)), ConsentToMatching = i % 2 == 0,
                });
            await database.SaveChangesAsync();
        }
        using var admin = await server.ClientAsync("admin@test.local");
        using var response = await admin.GetAsync($"/api/networks/{server.Sud}/statistics/homes");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var map = JsonDocument.Parse(text);
        var square = Assert.Single(map.RootElement.GetProperty("features").EnumerateArray());
        Assert.Equal(6, square.GetProperty("properties").GetProperty("employees").GetInt32());
        Assert.Equal(JsonValueKind.Null, square.GetProperty("properties").GetProperty("consenting").ValueKind); // 3: too few
        Assert.Equal(1, map.RootElement.GetProperty("withheld").GetInt32());
        // A 1 km square around the neighbours: about 0.009° of latitude, 0.0136° of longitude at 48.4°N.
        var corners = square.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray()
            .Select(c => (Lon: c[0].GetDouble(), Lat: c[1].GetDouble())).ToList();
        Assert.InRange(corners.Min(c => c.Lon), 7.60, 7.6201);
        Assert.InRange(corners.Max(c => c.Lon), 7.6206, 7.64);
        Assert.InRange(corners.Min(c => c.Lat), 48.39, 48.4001);
        Assert.InRange(corners.Max(c => c.Lat), 48.4002, 48.41);
        Assert.DoesNotContain("Voisin", text);

        using var tooFine = await admin.GetAsync($"/api/networks/{server.Sud}/statistics/homes?cellMetres=100");
        Assert.Equal(HttpStatusCode.BadRequest, tooFine.StatusCode);
        Assert.Contains("cellMetres", await tooFine.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Travel_per_hour_counts_the_date_s_shifts_starting_and_ending_and_hides_small_hours()
    {
        await using (var database = server.NewContext())
        {
            var early = Pattern(server.Nord, "early-travel", new TimeOnly(5, 0), new TimeOnly(13, 0));
            var late = Pattern(server.Nord, "late-travel", new TimeOnly(14, 0), new TimeOnly(22, 0));
            for (var i = 0; i < 8; i++)
            {
                var employee = new Employee
                {
                    CompanyId = server.Alpha, MainSiteId = server.AlphaPlant, ExternalId = $"TRAVEL-{i}", FirstName = "T",
                    Home = Wgs84.CreatePoint(new Coordinate(7.70, 48.85 + i * 0.002)), ConsentToMatching = true,
                };
                employee.ShiftAssignments.Add(On(i < 6 ? early : late, TravelDay));
                database.Employees.Add(employee);
            }
            await database.SaveChangesAsync();
        }
        using var workingGroup = await server.ClientAsync("wg.nord@test.local");
        using var travel = JsonDocument.Parse(await workingGroup.GetStringAsync($"/api/networks/{server.Nord}/statistics/travel?date={TravelDay:yyyy-MM-dd}"));
        Assert.Equal(8, travel.RootElement.GetProperty("people").GetInt32());
        var hours = travel.RootElement.GetProperty("hours").EnumerateArray().ToDictionary(h => h.GetProperty("hour").GetInt32());
        Assert.Equal(6, hours[5].GetProperty("arriving").GetInt32());
        Assert.Equal(6, hours[13].GetProperty("leaving").GetInt32());
        Assert.Equal(JsonValueKind.Null, hours[14].GetProperty("arriving").ValueKind); // two people: withheld
        Assert.Equal(JsonValueKind.Null, hours[22].GetProperty("leaving").ValueKind);

        using var noDate = await workingGroup.GetAsync($"/api/networks/{server.Nord}/statistics/travel");
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.Contains("\"date\"", await noDate.Content.ReadAsStringAsync());
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.GetAsync($"/api/networks/{server.Nord}/statistics/travel?date={TravelDay:yyyy-MM-dd}")).StatusCode);
    }

    [Fact]
    public async Task Carpool_savings_add_up_the_date_s_groups_against_their_members_driving_alone()
    {
        var people = new[] { server.AlphaTwo, server.AlphaOne, server.BetaOne };
        var trips = new List<(GeoPoint Home, GeoPoint Site)>();
        await using (var database = server.NewContext())
        {
            var day = Pattern(server.Nord, "day-savings", new TimeOnly(8, 0), new TimeOnly(16, 0));
            foreach (var id in people)
            {
                var employee = await database.Employees.Include(e => e.MainSite).SingleAsync(e => e.Id == id);
                var isDriver = id == server.AlphaTwo;
                (employee.Role, employee.SeatsOffered) = (isDriver ? CommuteRole.Driver : CommuteRole.Passenger, isDriver ? 3 : 0);
                (employee.MaxDetourMinutes, employee.MaxDetourRatio) = (20, 2.0);
                employee.ShiftAssignments.Add(On(day, CarpoolDay));
                trips.Add((new GeoPoint(employee.Home!.Y, employee.Home.X), new GeoPoint(employee.MainSite!.Location.Y, employee.MainSite.Location.X)));
            }
            await database.SaveChangesAsync();
        }
        using var admin = await server.ClientAsync("admin@test.local");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/networks/{server.Nord}/planning-runs?date={CarpoolDay:yyyy-MM-dd}", null)).StatusCode);

        using var workingGroup = await server.ClientAsync("wg.nord@test.local");
        using var savings = JsonDocument.Parse(await workingGroup.GetStringAsync($"/api/networks/{server.Nord}/statistics/carpools?date={CarpoolDay:yyyy-MM-dd}"));
        var root = savings.RootElement;
        // Paul takes Anne and Berta both ways: two groups of three, two cars off the road each way.
        Assert.Equal((2, 6, 4), (root.GetProperty("groups").GetInt32(), root.GetProperty("people").GetInt32(), root.GetProperty("carsRemoved").GetInt32()));
        // Driving alone: each one's own trip, there and back, on the same straight-line estimate the server uses.
        var estimate = new CrowFlyTravelTimes();
        var alone = 2 * trips.Sum(t => estimate.Matrix([t.Home], [t.Site]).Metres(0, 0)) / 1000;
        Assert.Equal(alone, root.GetProperty("aloneKilometres").GetDouble(), 0.2);
        var route = root.GetProperty("routeKilometres").GetDouble();
        Assert.True(route < alone, $"route {route} km, alone {alone} km");
        Assert.Equal(alone - route, root.GetProperty("kilometresSaved").GetDouble(), 0.3);
        Assert.Equal((alone - route) * 0.120, root.GetProperty("kilogramsCo2Saved").GetDouble(), 0.1);
        // Three people an hour is under the threshold: the hour's counts are withheld, its kilometres are not.
        var hour = root.GetProperty("byHour").EnumerateArray().First();
        Assert.Equal(JsonValueKind.Null, hour.GetProperty("people").ValueKind);
    }
}
