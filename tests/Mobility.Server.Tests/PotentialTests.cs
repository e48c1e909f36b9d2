using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mobility.Application.Carpools;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;
using Mobility.Server.Carpools;
using Mobility.Server.Statistics;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Tests;

/// <summary>The carpool potential is the matcher's own compatibility, on a hand-made case; a network of a few people gets
/// every count withheld; without a road network there are no isochrones, said so.</summary>
public sealed class PotentialTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static readonly DateOnly Date = new(2027, 6, 15); // a Tuesday

    /// <summary>Nord's three on the day roster (Paul drives, Anne and Berta ride), and Nina alone on a night shift: no
    /// window of hers meets theirs.</summary>
    private async Task<long> AddNightWorkerAsync()
    {
        server.PutNordOnADayRoster();
        await using var database = server.NewContext();
        if (database.Employees.FirstOrDefault(e => e.ExternalId == "A-NIGHT") is { } known) return known.Id;
        var night = TwoNetworkServer.EveryDay(server.Nord, "night-only", new TimeOnly(22, 0), new TimeOnly(6, 0), "Nuit");
        var nina = new Employee
        {
            CompanyId = server.Alpha, MainSiteId = server.AlphaPlant, ExternalId = "A-NIGHT", FirstName = "Nina",
            Home = TwoNetworkServer.Wgs84.CreatePoint(new Coordinate(7.705, 48.855)), Role = CarpoolRole.Either, SeatsOffered = 3, ConsentToMatching = true,
            ShiftAssignments = [new ShiftAssignment { ShiftPattern = night, RotationAnchor = new DateOnly(2026, 1, 5), ValidFrom = new DateOnly(2026, 1, 5) }],
        };
        database.Employees.Add(nina);
        await database.SaveChangesAsync();
        return nina.Id;
    }

    [Fact]
    public async Task Who_could_carpool_is_who_the_matcher_can_pair_and_the_night_worker_alone_is_not()
    {
        var nina = await AddNightWorkerAsync();
        var times = server.Factory.Services.GetRequiredService<TravelTimesSource>().TravelTimes;
        await using var database = server.NewContext();
        var carpoolers = await PotentialStatistics.CarpoolersAsync(database, server.Nord, Date, times, CancellationToken.None);

        var day = await CarpoolDayPlanning.LoadAsync(database, server.Nord, Date, times, CancellationToken.None);
        var plan = day.Match();
        var matched = plan.ToWork.Selection.Groups.Concat(plan.ToHome.Selection.Groups).Where(g => g.Pickups.Count >= 1)
            .SelectMany(g => g.Members.Select(m => long.Parse((g.Direction == Mobility.Planning.CommuteDirection.ToWork ? day.ToWork : day.ToHome).Participants[m].Id, CultureInfo.InvariantCulture)))
            .ToHashSet();
        Assert.Equal(new[] { server.AlphaOne, server.AlphaTwo, server.BetaOne }.Order(), carpoolers.Order());
        // Everyone the matcher put in a group has a partner by the potential's test, and here the matcher seats them all.
        Assert.Subset(carpoolers, matched);
        Assert.Equal(carpoolers.Order(), matched.Order());
        Assert.Contains(day.ToWork.Participants, p => p.Id == nina.ToString(CultureInfo.InvariantCulture));
        Assert.DoesNotContain(nina, carpoolers);
    }

    [Fact]
    public async Task A_network_of_a_few_people_gets_every_potential_count_withheld_and_no_isochrones_without_roads()
    {
        await AddNightWorkerAsync();
        using var workingGroup = await server.ClientAsync("wg.nord@test.local");
        using (var potential = JsonDocument.Parse(await workingGroup.GetStringAsync($"/api/networks/{server.Nord}/statistics/potential?date={Date:yyyy-MM-dd}")))
        {
            var plants = potential.RootElement.GetProperty("plants").EnumerateArray().ToList();
            Assert.NotEmpty(plants);
            foreach (var plant in plants)
            {
                Assert.Equal(JsonValueKind.Null, plant.GetProperty("employees").ValueKind);
                foreach (var mode in new[] { "carpool", "bicycle", "shuttle" })
                {
                    Assert.Equal(JsonValueKind.Null, plant.GetProperty(mode).GetProperty("people").ValueKind);
                    Assert.Equal(JsonValueKind.Null, plant.GetProperty(mode).GetProperty("share").ValueKind);
                }
            }
            Assert.Empty(potential.RootElement.GetProperty("stops").EnumerateArray());
        }
        using (var access = JsonDocument.Parse(await workingGroup.GetStringAsync($"/api/networks/{server.Nord}/statistics/accessibility")))
        {
            Assert.False(access.RootElement.GetProperty("roadNetwork").GetBoolean());
            Assert.Empty(access.RootElement.GetProperty("features").EnumerateArray());
        }
        using (var savings = JsonDocument.Parse(await workingGroup.GetStringAsync($"/api/networks/{server.Nord}/statistics/savings?date={Date:yyyy-MM-dd}")))
            Assert.Equal(JsonValueKind.Null, savings.RootElement.GetProperty("potential").GetProperty("kilometres").ValueKind);
        // The filters are checked as on every dashboard route, and the date is required.
        using var missing = await workingGroup.GetAsync($"/api/networks/{server.Nord}/statistics/potential");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, missing.StatusCode);
        using var foreign = await workingGroup.GetAsync($"/api/networks/{server.Nord}/statistics/potential?date={Date:yyyy-MM-dd}&company={server.Gamma}");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, foreign.StatusCode);
        using var otherNetwork = await workingGroup.GetAsync($"/api/networks/{server.Sud}/statistics/accessibility");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, otherNetwork.StatusCode);
    }
}
