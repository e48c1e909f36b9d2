using System.Text.Json;
using Mobility.Planning.TravelTimes;
using OsmSharp;
using OsmSharp.Streams;

namespace Mobility.Planning.Shuttles;

/// <summary>A demo plant and how many of its employees work each shift of a 3x8 roster.</summary>
public sealed record DemoPlant(ShuttleStop Stop, int ShiftWorkers);

/// <summary>
/// Inputs of the demo shuttle case from files: railway stations of an OSM extract (named railway=station nodes) and
/// the plants of a demo scenario (src/Mobility.Data/Demo/Scenarios/*.json) whose company runs a 3x8 roster.
/// </summary>
public static class DemoShuttleSources
{
    public static IReadOnlyList<ShuttleStop> StationsFromOsm(string osmFile)
    {
        if (!File.Exists(osmFile)) throw new FileNotFoundException($"No OSM extract at {osmFile}.", osmFile);
        using var stream = File.OpenRead(osmFile);
        OsmStreamSource source = osmFile.EndsWith(".pbf", StringComparison.OrdinalIgnoreCase) ? new PBFOsmStreamSource(stream) : new XmlOsmStreamSource(stream);
        var stations = new List<ShuttleStop>();
        foreach (var item in source)
        {
            if (item is not Node { Latitude: { } latitude, Longitude: { } longitude, Tags: { } tags } node) continue;
            if (tags.TryGetValue("railway", out var railway) && railway == "station" && tags.TryGetValue("name", out var name))
                stations.Add(new ShuttleStop($"OSM-N{node.Id}", name, new GeoPoint(latitude, longitude), ShuttleStopKind.Station));
        }
        return stations;
    }

    public static IReadOnlyList<DemoPlant> ThreeShiftPlants(string scenarioFile)
    {
        if (!File.Exists(scenarioFile)) throw new FileNotFoundException($"No demo scenario at {scenarioFile}.", scenarioFile);
        using var document = JsonDocument.Parse(File.ReadAllText(scenarioFile));
        var root = document.RootElement;
        var employees = root.GetProperty("employees").GetInt32();
        var plants = new List<DemoPlant>();
        foreach (var company in root.GetProperty("companies").EnumerateArray())
        {
            if (!company.GetProperty("shifts").TryGetProperty("3x8", out var threeShiftShare)) continue;
            var companyPlants = company.GetProperty("plants").EnumerateArray().ToList();
            // The company's 3x8 workers, spread over its plants and the three shifts.
            var perShift = employees * company.GetProperty("share").GetDouble() * threeShiftShare.GetDouble() / companyPlants.Count / 3;
            foreach (var plant in companyPlants)
                plants.Add(new DemoPlant(new ShuttleStop(plant.GetProperty("id").GetString()!, plant.GetProperty("name").GetString()!,
                    new GeoPoint(plant.GetProperty("latitude").GetDouble(), plant.GetProperty("longitude").GetDouble()), ShuttleStopKind.Site),
                    (int)Math.Round(perShift)));
        }
        return plants;
    }
}
