using Mobility.Data.Demo;

namespace Mobility.Data.Tests;

/// <summary>
/// The Heidelberg scenarios' plants and meeting points against the extract's roads: a place more than a few hundred
/// metres from any car road is never matched nor shuttled (two demo plants were, once, and nobody noticed for a day).
/// </summary>
public class DemoScenarioPlacesTests
{
    [Theory]
    [InlineData("heidelberg")]
    [InlineData("heidelberg-20-plants")]
    [InlineData("network-20k")]
    public void Every_plant_and_meeting_point_is_on_the_car_network(string name)
    {
        var scenario = DemoScenario.Load(name);
        var places = scenario.Companies.SelectMany(c => c.Plants).Concat(scenario.MeetingPoints ?? []).ToList();
        var offRoad = places.Select(p => (p.Name, Snap: HeidelbergRoads.Router.Snap("car", p.Position)))
            .Where(p => !p.Snap.IsSuccess || p.Snap.Value.OffsetMetres > 300)
            .Select(p => $"{p.Name}: {(p.Snap.IsSuccess ? $"{p.Snap.Value.OffsetMetres:F0} m" : p.Snap.Error)}").ToList();
        Assert.Empty(offRoad);
    }

    [Fact]
    public void The_benchmark_scenario_has_twenty_plants_on_three_shift_starts()
    {
        var scenario = DemoScenario.Load("heidelberg-20-plants");
        var plants = scenario.Companies.SelectMany(c => c.Plants).ToList();
        Assert.Equal(20, plants.Select(p => p.Id).Distinct().Count());
        Assert.Equal(5000, scenario.Employees);
        var starts = scenario.ShiftPatterns.SelectMany(p => p.Slots).Select(s => s.Start).Distinct().Order();
        Assert.Equal(new[] { new TimeOnly(5, 0), new TimeOnly(13, 0), new TimeOnly(21, 0) }, starts);
        Assert.All(plants, plant =>
        {
            Assert.InRange(plant.Latitude, 49.34, 49.51);
            Assert.InRange(plant.Longitude, 8.58, 8.85);
        });
    }

    [Fact]
    public void The_network_scenario_has_the_size_of_a_real_network()
    {
        var scenario = DemoScenario.Load("network-20k");
        Assert.True(scenario.Benchmark);
        Assert.Equal(20_000, scenario.Employees);
        Assert.Equal(12, scenario.Companies.Count);
        var plants = scenario.Companies.SelectMany(c => c.Plants).ToList();
        Assert.Equal(40, plants.Select(p => p.Id).Distinct().Count());
        Assert.Equal(0.8, scenario.ConsentShare);
        // Neighbouring pairs: every plant has another within 1.5 km, as plants of one industrial area do.
        Assert.All(plants, plant => Assert.Contains(plants, other => other != plant && other.Position.DistanceTo(plant.Position) < 1500));
        var weekend = Assert.Single(scenario.ShiftPatterns, p => p.Slots.All(s => s.Days == (Model.WorkDays.Saturday | Model.WorkDays.Sunday)));
        Assert.Contains(scenario.Companies, c => c.Shifts.ContainsKey(weekend.Id));
        Assert.Contains(scenario.ShiftPatterns, p => p.Slots.Any(s => s.End < s.Start));
    }
}
