using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Mobility.Planning.Carpools;
using Mobility.Planning.TravelTimes;

namespace Mobility.Cli.Commands;

internal static class PlanCommands
{
    public static Command Create()
    {
        var employees = new Option<int>("--employees") { DefaultValueFactory = _ => 2000 };
        var sites = new Option<int>("--sites") { DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for carpools.geojson and carpools.csv.", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var carpools = new Command("carpools",
            "Matches morning carpools on a generated network (straight-line travel times) and writes the proposals. " +
            "Matching on the database's network with road times comes with the server.");
        foreach (var option in new Option[] { employees, sites, seed, output }) carpools.Options.Add(option);
        carpools.SetAction(parse =>
        {
            var instance = new CarpoolInstance(SyntheticCarpools.Generate(parse.GetValue(employees), parse.GetValue(sites), parse.GetValue(seed)), new CrowFlyTravelTimes());
            var plan = CarpoolMatcher.Match(instance);
            var baseline = PairwiseBaseline.Match(instance);
            Console.WriteLine($"{plan.Selection.Groups.Count} groups ({plan.Selection.Method}{(plan.Selection.ProvenOptimal ? ", optimal" : "")}), " +
                              $"{plan.PassengersServed} passengers served (pairwise baseline: {baseline.Groups.Count}), {plan.Unserved.Count} passengers without a ride");
            Console.WriteLine($"{plan.CarsRemoved} cars removed, {plan.VehicleKilometresSaved:F0} vehicle-km and {plan.KilogramsCo2Saved:F0} kg CO2 saved " +
                              $"({plan.VehicleKilometresPlanned:F0} of {plan.VehicleKilometresAlone:F0} vehicle-km driven)");
            var folder = parse.GetValue(output)!;
            folder.Create();
            File.WriteAllText(Path.Combine(folder.FullName, "carpools.geojson"), GeoJson(instance, plan));
            File.WriteAllText(Path.Combine(folder.FullName, "carpools.csv"), Csv(instance, plan));
            Console.Error.WriteLine($"written: {Path.Combine(folder.FullName, "carpools.geojson")}, carpools.csv");
            return 0;
        });
        var command = new Command("plan", "Planning runs.");
        command.Subcommands.Add(carpools);
        command.Subcommands.Add(ShuttleCommands.Create());
        return command;
    }

    /// <summary>One LineString feature per group, home of the driver through the pickups to the sites.</summary>
    private static string GeoJson(CarpoolInstance instance, CarpoolPlan plan)
    {
        var people = instance.Participants;
        var siteAt = Enumerable.Range(0, people.Count).GroupBy(i => instance.SiteLocation[i]).ToDictionary(g => g.Key, g => people[g.First()].Site);
        GeoPoint Place(int location) => location < people.Count ? people[location].Home : siteAt[location];
        var features = plan.Selection.Groups.Select((group, index) => new
        {
            type = "Feature",
            properties = new
            {
                group = index + 1, driver = people[group.Driver].Id, passengers = group.Pickups.Select(p => people[p].Id),
                route_minutes = Math.Round(group.RouteSeconds / 60, 1), route_km = Math.Round(group.RouteMetres / 1000, 2),
            },
            geometry = new
            {
                type = "LineString",
                coordinates = group.Pickups.Prepend(group.Driver).Concat(group.DropLocations).Select(Place).Select(p => new[] { p.Longitude, p.Latitude }),
            },
        });
        return JsonSerializer.Serialize(new { type = "FeatureCollection", features });
    }

    private static string Csv(CarpoolInstance instance, CarpoolPlan plan)
    {
        var people = instance.Participants;
        var text = new StringBuilder("group,employee,role,pickup_order,company,site\n");
        foreach (var (group, index) in plan.Selection.Groups.Select((g, i) => (g, i + 1)))
            foreach (var (member, order) in group.Pickups.Prepend(group.Driver).Select((m, o) => (m, o)))
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"{index},{people[member].Id},{(order == 0 ? "driver" : "passenger")},{order},{people[member].Company},{people[member].SiteId}");
        return text.ToString();
    }
}
