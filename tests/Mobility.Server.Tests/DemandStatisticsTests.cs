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

/// <summary>The working group's demand views: the homes grid, shift hours per plant, all aggregates.</summary>
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
    public async Task Shift_hours_count_the_date_s_shifts_starting_and_ending_per_plant_rounded_and_leave_out_empty_hours()
    {
        var (earlyIds, lateIds) = (new List<long>(), new List<long>());
        await using (var database = server.NewContext())
        {
            var early = Pattern(server.Nord, "early-travel", new TimeOnly(5, 0), new TimeOnly(13, 0));
            var late = Pattern(server.Nord, "late-travel", new TimeOnly(14, 0), new TimeOnly(22, 0));
            var added = new List<Employee>();
            for (var i = 0; i < 14; i++)
            {
                var employee = new Employee
                {
                    CompanyId = server.Alpha, MainSiteId = server.AlphaPlant, ExternalId = $"TRAVEL-{i}", FirstName = "T",
                    Home = Wgs84.CreatePoint(new Coordinate(7.70, 48.85 + i * 0.002)), ConsentToMatching = true,
                };
                employee.ShiftAssignments.Add(On(i < 12 ? early : late, TravelDay));
                added.Add(employee);
            }
            database.Employees.AddRange(added);
            await database.SaveChangesAsync();
            earlyIds.AddRange(added.Take(12).Select(e => e.Id));
            lateIds.AddRange(added.Skip(12).Select(e => e.Id));
        }
        var disclosure = server.Factory.Services.GetRequiredService<Disclosure>();
        using var workingGroup = await server.ClientAsync("wg.nord@test.local");
        using var travel = JsonDocument.Parse(await workingGroup.GetStringAsync($"/api/networks/{server.Nord}/statistics/shifts?date={TravelDay:yyyy-MM-dd}&plant={server.AlphaPlant}"));
        var hours = travel.RootElement.GetProperty("hours").EnumerateArray().ToDictionary(h => h.GetProperty("hour").GetInt32());
        Assert.All(hours.Values, h => Assert.Equal(server.AlphaPlant, h.GetProperty("plantId").GetInt64()));
        // Twelve start at 5 and end at 13 (the same twelve: the same number both times); two start at 14 and end at 22,
        // too few to show (a count is shown from 10).
        int Shown(IEnumerable<long> people) => disclosure.Count(people) is var n && n >= 10 ? n : 0;
        Assert.Equal(10, Shown(earlyIds) / 10 * 10 >= 10 ? 10 : 0);
        var expected = new Dictionary<int, (int Arriving, int Leaving)>
        {
            [5] = (Shown(earlyIds), 0), [13] = (0, Shown(earlyIds)), [14] = (Shown(lateIds), 0), [22] = (0, Shown(lateIds)),
        };
        foreach (var (hour, (arriving, leaving)) in expected)
            if (arriving + leaving == 0) Assert.False(hours.ContainsKey(hour), $"hour {hour} rounds to nothing and is left out");
            else Assert.Equal((arriving, leaving), (hours[hour].GetProperty("starting").ValueKind == JsonValueKind.Null ? 0 : hours[hour].GetProperty("starting").GetInt32(),
                hours[hour].GetProperty("ending").ValueKind == JsonValueKind.Null ? 0 : hours[hour].GetProperty("ending").GetInt32()));
        Assert.Equal(expected.Count(e => e.Value.Arriving + e.Value.Leaving > 0), hours.Count);

        using var noDate = await workingGroup.GetAsync($"/api/networks/{server.Nord}/statistics/shifts");
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.Contains("\"date\"", await noDate.Content.ReadAsStringAsync());
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.GetAsync($"/api/networks/{server.Nord}/statistics/shifts?date={TravelDay:yyyy-MM-dd}")).StatusCode);
    }
}
