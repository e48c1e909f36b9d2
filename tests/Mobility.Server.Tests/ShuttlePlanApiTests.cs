using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mobility.Data.Model;
using Mobility.Data.Privacy;
using Mobility.Planning;

namespace Mobility.Server.Tests;

public sealed class ShuttlePlanApiTests : IClassFixture<TwoNetworkServer>
{
    private readonly TwoNetworkServer _server;
    private readonly long _alphaPlan, _nordPlan;

    public ShuttlePlanApiTests(TwoNetworkServer server)
    {
        _server = server;
        using var database = server.NewContext();
        ShuttlePlan Plan(string name, long? company)
        {
            var vehicle = new ShuttleVehicle { Name = "Minibus 1", Capacity = 8, CostPerKilometre = 0.45m, CostPerHour = 32 };
            return new ShuttlePlan
            {
                NetworkId = server.Nord, CompanyId = company, Name = name, ValidFrom = new DateOnly(2026, 12, 1), Vehicles = [vehicle],
                Trips = [new ShuttleTrip
                {
                    Vehicle = vehicle, Direction = CommuteDirection.ToWork, Days = WorkDays.Weekdays, Kilometres = 6.2,
                    Calls =
                    [
                        new ShuttleCall { Sequence = 1, SiteId = server.AlphaPlant, Arrival = new TimeOnly(4, 52), Departure = new TimeOnly(4, 53), Alighting = 5 },
                        new ShuttleCall { Sequence = 0, SiteId = server.NordStation, Arrival = new TimeOnly(4, 40), Departure = new TimeOnly(4, 42), Boarding = 5, LoadAfter = 5 },
                    ],
                }],
            };
        }
        var alpha = Plan("Navette Alpha", server.Alpha);
        var nord = Plan("Navette du réseau", null);
        database.AddRange(alpha, nord);
        database.SaveChanges();
        (_alphaPlan, _nordPlan) = (alpha.Id, nord.Id);
    }

    [Fact]
    public async Task HR_lists_its_companys_plans_and_the_networks_and_reads_the_timetable_in_order()
    {
        using var client = await _server.ClientAsync("hr.alpha@test.local");
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/shuttle-plans"));
        var ids = list.RootElement.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ToHashSet();
        Assert.Contains(_alphaPlan, ids);
        Assert.Contains(_nordPlan, ids);
        Assert.DoesNotContain(_server.SudPlan, ids);
        using var plan = JsonDocument.Parse(await client.GetStringAsync($"/api/shuttle-plans/{_alphaPlan}"));
        var stops = plan.RootElement.GetProperty("trips")[0].GetProperty("stops").EnumerateArray().ToList();
        Assert.Equal(["Gare de Haguenau", "Usine Alpha"], stops.Select(s => s.GetProperty("site").GetString()));
        Assert.Equal(7.785, stops[0].GetProperty("location").GetProperty("coordinates")[0].GetDouble(), 6);
    }

    [Fact]
    public async Task Another_company_reads_the_network_plan_but_not_Alphas_and_HR_cannot_delete_the_network_plan()
    {
        using var beta = await _server.ClientAsync("hr.beta@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await beta.GetAsync($"/api/shuttle-plans/{_alphaPlan}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await beta.GetAsync($"/api/shuttle-plans/{_nordPlan}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await beta.DeleteAsync($"/api/shuttle-plans/{_nordPlan}")).StatusCode);
        using var anne = await _server.ClientAsync("anne@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await anne.GetAsync($"/api/shuttle-plans/{_nordPlan}")).StatusCode);
    }

    [Fact]
    public async Task Loads_are_exact_for_the_plan_s_own_HR_and_rounded_for_the_working_group_and_other_companies()
    {
        long planId;
        await using (var database = _server.NewContext())
        {
            var vehicle = new ShuttleVehicle { Name = "Minibus 2", Capacity = 8 };
            var plan = new ShuttlePlan
            {
                NetworkId = _server.Nord, CompanyId = _server.Alpha, Name = "Navette Alpha petite", ValidFrom = new DateOnly(2026, 12, 1), Vehicles = [vehicle],
                Trips = [new ShuttleTrip
                {
                    Vehicle = vehicle, Direction = CommuteDirection.ToWork, Days = WorkDays.Weekdays, Kilometres = 7,
                    Calls =
                    [
                        new ShuttleCall { Sequence = 0, SiteId = _server.NordStation, Arrival = new TimeOnly(5, 40), Departure = new TimeOnly(5, 42), Boarding = 3, LoadAfter = 3 },
                        new ShuttleCall { Sequence = 1, SiteId = _server.AlphaPlant, Arrival = new TimeOnly(5, 52), Departure = new TimeOnly(5, 53), Alighting = 3 },
                    ],
                }],
            };
            database.Add(plan);
            await database.SaveChangesAsync();
            planId = plan.Id;
        }
        static (JsonElement Root, List<int> Counts) Read(JsonDocument plan) => (plan.RootElement, plan.RootElement.GetProperty("trips")[0].GetProperty("stops").EnumerateArray()
            .SelectMany(s => new[] { s.GetProperty("boarding").GetInt32(), s.GetProperty("alighting").GetInt32(), s.GetProperty("loadAfter").GetInt32() }).ToList());

        using var hr = await _server.ClientAsync("hr.alpha@test.local");
        using var own = JsonDocument.Parse(await hr.GetStringAsync($"/api/shuttle-plans/{planId}"));
        var (ownRoot, exact) = Read(own);
        Assert.Equal(JsonValueKind.Null, ownRoot.GetProperty("roundingBase").ValueKind);
        Assert.Equal([3, 0, 3, 0, 3, 0], exact);

        var disclosure = _server.Factory.Services.GetRequiredService<Disclosure>();
        using var workingGroup = await _server.ClientAsync("wg.nord@test.local");
        using var seen = JsonDocument.Parse(await workingGroup.GetStringAsync($"/api/shuttle-plans/{planId}"));
        var (root, rounded) = Read(seen);
        Assert.Equal(5, root.GetProperty("roundingBase").GetInt32());
        var trip = root.GetProperty("trips")[0].GetProperty("id").GetInt64();
        // The three riders are one number wherever they appear (boarding, aboard, alighting), so no two of them disagree.
        Assert.Equal(exact.Select(n => disclosure.Count(n, $"shuttle-trip:{trip}")), rounded);
        Assert.Single(rounded.Where(n => n > 0).Distinct().DefaultIfEmpty(0));
    }
}
