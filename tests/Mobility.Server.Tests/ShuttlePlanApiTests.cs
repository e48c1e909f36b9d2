using System.Net;
using System.Text.Json;
using Mobility.Data.Model;

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
                    Vehicle = vehicle, Direction = TripDirection.ToWork, Days = WorkDays.Weekdays, Kilometres = 6.2,
                    Stops =
                    [
                        new ShuttleStop { Sequence = 1, SiteId = server.AlphaPlant, Arrival = new TimeOnly(4, 52), Departure = new TimeOnly(4, 53), Alighting = 5 },
                        new ShuttleStop { Sequence = 0, SiteId = server.NordStation, Arrival = new TimeOnly(4, 40), Departure = new TimeOnly(4, 42), Boarding = 5, LoadAfter = 5 },
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
}
