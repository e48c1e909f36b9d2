using Mobility.Data.Demo;
using Mobility.Planning.Shuttles;
using Mobility.Planning.TravelTimes;
using Mobility.Planning.Vrp;
using Mobility.Planning.Vrp.PickupDelivery;
using Mobility.TestSupport;

namespace Mobility.Data.Tests.Demo;

public class HeidelbergShuttleTests
{
    [Fact]
    public void A_3x8_day_of_shuttles_from_the_stations_to_the_demo_plants_passes_the_checker_on_real_roads()
    {
        var stations = DemoShuttleSources.Stations(SharedData.OsmFile("heidelberg.osm.pbf"));
        var plants = DemoShuttleSources.ThreeShiftPlants(DemoScenario.Load("heidelberg"));
        Assert.True(stations.Count >= 3, $"{stations.Count} stations in the extract");
        Assert.True(plants.Count >= 3, $"{plants.Count} plants with a 3x8 roster");
        var shuttleCase = DemoShuttleCase.Build(stations, plants, new DateOnly(2026, 3, 2), days: 1);
        var plan = ShuttlePlanner.Plan(shuttleCase, new RoadTravelTimes(HeidelbergRoads.Router), new SolverLimits(TimeSpan.MaxValue, MaxIterations: 300, Seed: 1));

        Assert.Equal(4, plan.Waves.Count); // 5:00, 13:00, 21:00 and the night shift home at 5:00
        foreach (var wave in plan.Waves)
        {
            var (violations, _) = PickupDeliveryChecker.Check(wave.Problem, wave.Solution);
            Assert.True(violations.Count == 0, $"wave {wave.Instant}: {string.Join("; ", violations.Take(3))}");
            // Every leg a trip drives is on the road network (unreachable legs carry a sentinel distance).
            Assert.All(wave.Trips, t => Assert.InRange(t.Kilometres, 0.1, 500));
        }
        var riders = plan.Waves.Sum(w => w.RidersToSite + w.RidersHome);
        var served = riders - plan.UnservedCount;
        Assert.True(served >= riders / 2, $"{plan.UnservedCount} of {riders} rides unserved");
        // The fleet is sized for the demand: a rider goes unserved only when their plant lies off the extract's roads.
        foreach (var unserved in plan.Waves.SelectMany(w => w.Unserved))
        {
            Assert.Equal(NoSeatReason.Unreachable, unserved.Reason);
            var plant = shuttleCase.Stops.Single(s => s.Id == unserved.Rider.SiteStopId).Location;
            Assert.False(HeidelbergRoads.Router.Snap("car", plant).IsSuccess);
        }
        Assert.True(plan.WithShuttlesKilogramsCo2 < plan.DriveAloneKilogramsCo2);
    }
}
