using Mobility.Planning.Shuttles;
using Mobility.Routing.Osm;

namespace Mobility.Data.Demo;

/// <summary>A demo plant and how many of its employees work each shift of a 3x8 roster.</summary>
public sealed record DemoPlant(ShuttleStop Stop, int ShiftWorkers);

/// <summary>
/// Inputs of the demo shuttle case: the railway stations of an OSM extract (halts left out: trains from the plants' towns
/// stop at stations) and the plants of a demo scenario whose company runs a 3x8 roster.
/// </summary>
public static class DemoShuttleSources
{
    public static IReadOnlyList<ShuttleStop> Stations(string osmFile) =>
        RailwayStations.Read(osmFile).Where(s => !s.IsHalt)
            .Select(s => new ShuttleStop(s.Reference, s.Name, s.Position, ShuttleStopKind.Station)).ToList();

    public static IReadOnlyList<DemoPlant> ThreeShiftPlants(DemoScenario scenario)
    {
        var plants = new List<DemoPlant>();
        foreach (var company in scenario.Companies)
        {
            if (!company.Shifts.TryGetValue("3x8", out var threeShiftShare)) continue;
            // The company's 3x8 workers, spread over its plants and the three shifts.
            var perShift = scenario.Employees * company.Share * threeShiftShare / company.Plants.Count / 3;
            foreach (var plant in company.Plants)
                plants.Add(new DemoPlant(new ShuttleStop(plant.Id, plant.Name, plant.Position, ShuttleStopKind.Site), (int)Math.Round(perShift)));
        }
        return plants;
    }
}
