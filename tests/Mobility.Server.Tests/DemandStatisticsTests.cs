using Mobility.Planning;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mobility.Data.Model;
using Mobility.Data.Privacy;
using Mobility.Planning.Carpools;
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
    public async Task Homes_are_one_grid_of_1_km_squares_with_rounded_counts_and_the_rest_only_counted()
    {
        List<Employee> neighbours;
        await using (var database = server.NewContext())
        {
            // In the Sud network: six neighbours in one street (three consenting), and the fixture's one employee elsewhere.
            neighbours = Enumerable.Range(0, 6).Select(i => new Employee
            {
                CompanyId = server.Gamma, MainSiteId = server.GammaPlant, ExternalId = $"GRID-{i}", FirstName = "X", LastName = $"Voisin{i}",
                Home = Wgs84.CreatePoint(new Coordinate(7.6201 + i * 0.0001, 48.4001)), ConsentToMatching = i % 2 == 0,
            }).ToList();
            database.Employees.AddRange(neighbours);
            await database.SaveChangesAsync();
        }
        var disclosure = server.Factory.Services.GetRequiredService<Disclosure>();
        var street = neighbours.Select(e => e.Id).ToList();
        using var admin = await server.ClientAsync("admin@test.local");
        using var response = await admin.GetAsync($"/api/networks/{server.Sud}/statistics/homes");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var map = JsonDocument.Parse(text);
        Assert.Equal(1000, map.RootElement.GetProperty("cellMetres").GetInt32());
        var features = map.RootElement.GetProperty("features").EnumerateArray().ToList();
        // Gilles, alone in his square, is a square only if his count rounds to 5; otherwise he is the withheld one.
        var gillesShown = disclosure.Count([server.GammaOne]) > 0;
        Assert.Equal(gillesShown ? 2 : 1, features.Count);
        Assert.Equal(gillesShown ? 0 : disclosure.Count([server.GammaOne]), map.RootElement.GetProperty("withheld").GetInt32());
        // A 1 km square around the neighbours: about 0.009° of latitude, 0.0136° of longitude at 48.4°N.
        var square = features.Single(f => f.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray().Any(c => c[1].GetDouble() > 48.39));
        Assert.Equal(disclosure.Count(street), square.GetProperty("properties").GetProperty("employees").GetInt32());
        Assert.Equal(disclosure.Count(street.Where((_, i) => i % 2 == 0)), square.GetProperty("properties").GetProperty("consenting").GetInt32());
        var corners = square.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray()
            .Select(c => (Lon: c[0].GetDouble(), Lat: c[1].GetDouble())).ToList();
        Assert.InRange(corners.Min(c => c.Lon), 7.60, 7.6201);
        Assert.InRange(corners.Max(c => c.Lon), 7.6206, 7.64);
        Assert.InRange(corners.Min(c => c.Lat), 48.39, 48.4001);
        Assert.InRange(corners.Max(c => c.Lat), 48.4002, 48.41);
        Assert.DoesNotContain("Voisin", text);

        // One grid only: another square size, finer or coarser, is refused with the reason.
        foreach (var size in new[] { 100, 250, 500, 2000 })
        {
            using var other = await admin.GetAsync($"/api/networks/{server.Sud}/statistics/homes?cellMetres={size}");
            Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
            Assert.Contains("cellMetres", await other.Content.ReadAsStringAsync());
        }
        using var same = await admin.GetAsync($"/api/networks/{server.Sud}/statistics/homes?cellMetres=1000");
        Assert.Equal(text, await same.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Travel_per_hour_counts_the_date_s_shifts_starting_and_ending_rounded_and_leaves_out_empty_hours()
    {
        var (earlyIds, lateIds) = (new List<long>(), new List<long>());
        await using (var database = server.NewContext())
        {
            var early = Pattern(server.Nord, "early-travel", new TimeOnly(5, 0), new TimeOnly(13, 0));
            var late = Pattern(server.Nord, "late-travel", new TimeOnly(14, 0), new TimeOnly(22, 0));
            var added = new List<Employee>();
            for (var i = 0; i < 8; i++)
            {
                var employee = new Employee
                {
                    CompanyId = server.Alpha, MainSiteId = server.AlphaPlant, ExternalId = $"TRAVEL-{i}", FirstName = "T",
                    Home = Wgs84.CreatePoint(new Coordinate(7.70, 48.85 + i * 0.002)), ConsentToMatching = true,
                };
                employee.ShiftAssignments.Add(On(i < 6 ? early : late, TravelDay));
                added.Add(employee);
            }
            database.Employees.AddRange(added);
            await database.SaveChangesAsync();
            earlyIds.AddRange(added.Take(6).Select(e => e.Id));
            lateIds.AddRange(added.Skip(6).Select(e => e.Id));
        }
        var disclosure = server.Factory.Services.GetRequiredService<Disclosure>();
        using var workingGroup = await server.ClientAsync("wg.nord@test.local");
        using var travel = JsonDocument.Parse(await workingGroup.GetStringAsync($"/api/networks/{server.Nord}/statistics/travel?date={TravelDay:yyyy-MM-dd}"));
        Assert.Equal(disclosure.Count(earlyIds.Concat(lateIds)), travel.RootElement.GetProperty("people").GetInt32());
        var hours = travel.RootElement.GetProperty("hours").EnumerateArray().ToDictionary(h => h.GetProperty("hour").GetInt32());
        // Six start at 5 and end at 13 (the same six: the same number both times); two start at 14 and end at 22.
        var expected = new Dictionary<int, (int Arriving, int Leaving)>
        {
            [5] = (disclosure.Count(earlyIds), 0), [13] = (0, disclosure.Count(earlyIds)),
            [14] = (disclosure.Count(lateIds), 0), [22] = (0, disclosure.Count(lateIds)),
        };
        foreach (var (hour, (arriving, leaving)) in expected)
            if (arriving + leaving == 0) Assert.False(hours.ContainsKey(hour), $"hour {hour} rounds to nothing and is left out");
            else Assert.Equal((arriving, leaving), (hours[hour].GetProperty("arriving").GetInt32(), hours[hour].GetProperty("leaving").GetInt32()));
        Assert.Equal(expected.Count(e => e.Value.Arriving + e.Value.Leaving > 0), hours.Count);

        using var noDate = await workingGroup.GetAsync($"/api/networks/{server.Nord}/statistics/travel");
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.Contains("\"date\"", await noDate.Content.ReadAsStringAsync());
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.GetAsync($"/api/networks/{server.Nord}/statistics/travel?date={TravelDay:yyyy-MM-dd}")).StatusCode);
    }

    [Fact]
    public async Task Carpool_savings_add_up_the_hours_that_publish_kilometres_against_their_members_driving_alone()
    {
        await using (var database = server.NewContext())
        {
            var day = Pattern(server.Nord, "day-savings", new TimeOnly(8, 0), new TimeOnly(16, 0));
            // Paul drives Anne and Berta; nine neighbours more (three drivers) make hours large enough to show kilometres.
            foreach (var id in new[] { server.AlphaTwo, server.AlphaOne, server.BetaOne })
            {
                var employee = await database.Employees.SingleAsync(e => e.Id == id);
                var isDriver = id == server.AlphaTwo;
                (employee.Role, employee.SeatsOffered) = (isDriver ? CarpoolRole.Driver : CarpoolRole.Passenger, isDriver ? 3 : 0);
                (employee.MaxDetourMinutes, employee.MaxDetourRatio) = (20, 2.0);
                employee.ShiftAssignments.Add(On(day, CarpoolDay));
            }
            for (var i = 0; i < 9; i++)
            {
                var employee = new Employee
                {
                    CompanyId = server.Alpha, MainSiteId = server.AlphaPlant, ExternalId = $"SAVE-{i}", FirstName = "S",
                    Home = Wgs84.CreatePoint(new Coordinate(7.70 + 0.004 * (i % 3), 48.86 + 0.004 * (i / 3))), ConsentToMatching = true,
                    Role = i % 3 == 0 ? CarpoolRole.Driver : CarpoolRole.Passenger, SeatsOffered = i % 3 == 0 ? 3 : 0, MaxDetourMinutes = 20, MaxDetourRatio = 2.0,
                };
                employee.ShiftAssignments.Add(On(day, CarpoolDay));
                database.Employees.Add(employee);
            }
            await database.SaveChangesAsync();
        }
        using var admin = await server.ClientAsync("admin@test.local");
        await TwoNetworkServer.PlanningRunAsync(admin, server.Nord, CarpoolDay);
        List<CarpoolTruth> truth;
        await using (var database = server.NewContext()) truth = await CarpoolTruth.ReadAsync(database, server.Nord, CarpoolDay);
        Assert.True(truth.Count >= 4, $"{truth.Count} groups");
        var disclosure = server.Factory.Services.GetRequiredService<Disclosure>();

        using var workingGroup = await server.ClientAsync("wg.nord@test.local");
        using var savings = JsonDocument.Parse(await workingGroup.GetStringAsync($"/api/networks/{server.Nord}/statistics/carpools?date={CarpoolDay:yyyy-MM-dd}"));
        var root = savings.RootElement;
        var (people, groups) = (disclosure.Count(truth.SelectMany(g => g.Members)), disclosure.Count(truth.Select(g => g.Id)));
        Assert.Equal((groups, people, Math.Max(0, people - groups)),
            (root.GetProperty("groups").GetInt32(), root.GetProperty("people").GetInt32(), root.GetProperty("carsRemoved").GetInt32()));

        var (route, alone, shown) = (0.0, 0.0, 0);
        foreach (var hour in root.GetProperty("byHour").EnumerateArray())
        {
            var inHour = truth.Where(g => g.Direction.ToString() == hour.GetProperty("direction").GetString() && g.Hour == hour.GetProperty("hour").GetInt32()).ToList();
            var members = inHour.SelectMany(g => g.Members).ToList();
            Assert.Equal(disclosure.Count(members), hour.GetProperty("people").GetInt32());
            Assert.Equal(disclosure.Count(inHour.Select(g => g.Id)), hour.GetProperty("groups").GetInt32());
            var expectedRoute = disclosure.Kilometres(inHour.Sum(g => g.RouteKilometres), "route", members);
            var expectedAlone = disclosure.Kilometres(inHour.Sum(g => g.AloneKilometres!.Value), "alone", members);
            Assert.Equal(expectedRoute, hour.GetProperty("routeKilometres").ValueKind == JsonValueKind.Null ? null : hour.GetProperty("routeKilometres").GetDouble());
            Assert.Equal(expectedAlone, hour.GetProperty("aloneKilometres").ValueKind == JsonValueKind.Null ? null : hour.GetProperty("aloneKilometres").GetDouble());
            if (expectedRoute is null) continue;
            (route, alone, shown) = (route + expectedRoute.Value, alone + expectedAlone!.Value, shown + 1);
        }
        Assert.True(shown > 0, "no hour large enough to publish kilometres: the data set is too small for this test");
        // Driving alone is longer than sharing, and the day's figures are the sums of the hours that publish kilometres.
        Assert.True(truth.Sum(g => g.RouteKilometres) < truth.Sum(g => g.AloneKilometres!.Value));
        Assert.Equal(route, root.GetProperty("routeKilometres").GetDouble(), 0.001);
        Assert.Equal(alone, root.GetProperty("aloneKilometres").GetDouble(), 0.001);
        Assert.Equal(alone - route, root.GetProperty("kilometresSaved").GetDouble(), 0.001);
        Assert.Equal((alone - route) * EmissionFactors.CarGramsPerKilometre / 1000, root.GetProperty("kilogramsCo2Saved").GetDouble(), 0.051);
    }
}
