using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Mobility.Data;
using Mobility.Data.Shuttles;
using Mobility.Planning.Shifts;
using Mobility.Planning.Shuttles;
using Mobility.Planning.TravelTimes;
using Mobility.Planning.Vrp;
using Mobility.Routing;
using Mobility.Routing.IO;
using Mobility.Routing.Osm;
using Mobility.Routing.Profiles;

namespace Mobility.Cli.Commands;

/// <summary>`mobility plan shuttles`: the demo shuttle case on real roads, printed per wave and optionally written as GeoJSON and CSV.</summary>
internal static class ShuttleCommands
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var osm = new Option<FileInfo?>("--osm") { Description = "OSM extract (.osm.pbf): its roads, and without --db its railway stations." };
        var routerDb = new Option<FileInfo?>("--routerdb") { Description = "A RouterDb file from `mobility routing build` (otherwise the roads are imported from --osm)." };
        var scenario = new Option<FileInfo>("--scenario")
        {
            Description = "Demo scenario with the plants (src/Mobility.Data/Demo/Scenarios/heidelberg.json).",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("src", "Mobility.Data", "Demo", "Scenarios", "heidelberg.json")),
        };
        var date = new Option<string>("--date") { Description = "First day (yyyy-MM-dd); with --db, the date whose shifts are planned.", DefaultValueFactory = _ => "2026-03-02" };
        var network = new Option<string?>("--network") { Description = "With --db: network name or id (default: the only one)." };
        var save = new Option<string?>("--save") { Description = "With --db: store the plan under this name (replacing the network's plan of that name)." };
        var minDistance = new Option<double>("--min-distance-km")
        {
            Description = "With --db: who would take the shuttle, employees living farther than this (straight line) from their plant.",
            DefaultValueFactory = _ => 10,
        };
        var days = new Option<int>("--days") { Description = "Days of the roster (5: a working week).", DefaultValueFactory = _ => 5 };
        var share = new Option<double>("--share") { Description = "Share of each plant's shift workers who take the shuttle.", DefaultValueFactory = _ => 0.15 };
        var minibuses = new Option<int>("--minibuses") { DefaultValueFactory = _ => 6 };
        var coaches = new Option<int>("--coaches") { DefaultValueFactory = _ => 2 };
        var seconds = new Option<double>("--time-limit") { Description = "Solver seconds per wave.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for shuttles.geojson and shuttles.csv." };
        var command = new Command("shuttles",
            "Plans shuttles on real road times: with --db, from the network's stations and meeting points to its plants for the " +
            "date's shifts, for the employees living far from their plant (a what-if); otherwise the demo case, from the extract's " +
            "railway stations to the demo plants for a 3x8 roster (5:00, 13:00, 21:00 and the trips home).");
        foreach (var option in new Option[] { DbCommands.DatabaseOption, network, minDistance, save, osm, routerDb, scenario, date, days, share, minibuses, coaches, seconds, seed, output })
            command.Options.Add(option);
        command.SetAction(async (parse, cancellation) =>
        {
            var osmFile = parse.GetValue(osm)?.FullName;
            if (osmFile is null && parse.GetValue(routerDb) is null) throw new ArgumentException("Give road times with --osm FILE or --routerdb FILE.");
            var day = DateOnly.ParseExact(parse.GetValue(date)!, "yyyy-MM-dd", Invariant);
            ShuttleCase shuttleCase;
            ShuttleDemand? demand = null;
            if (parse.GetResult(DbCommands.DatabaseOption) is not null)
            {
                await using var dataSource = MobilityDatabase.CreateDataSource(MobilityDatabase.ResolveConnectionString(parse.GetValue(DbCommands.DatabaseOption)));
                await using var database = new MobilityDbContext(MobilityDatabase.Options(dataSource));
                demand = await ShuttleDemandLoader.LoadAsync(database, parse.GetValue(network), day, parse.GetValue(minDistance),
                    parse.GetValue(minibuses), parse.GetValue(coaches), cancellation);
                shuttleCase = demand.Case;
                Console.Error.WriteLine($"{shuttleCase.Riders.Count} riders living more than {parse.GetValue(minDistance):F0} km from their plant, " +
                    $"{shuttleCase.Stops.Count - 1} stops");
            }
            else
            {
                if (osmFile is null) throw new ArgumentException("Without --db, --osm is required: the demo case takes its stations from the extract.");
                var stations = DemoShuttleSources.StationsFromOsm(osmFile);
                var plants = DemoShuttleSources.ThreeShiftPlants(parse.GetValue(scenario)!.FullName);
                Console.Error.WriteLine($"{stations.Count} stations, {plants.Count} plants with a 3x8 roster");
                shuttleCase = DemoShuttleCase.Build(stations, plants, day, parse.GetValue(days),
                    parse.GetValue(share), parse.GetValue(minibuses), parse.GetValue(coaches), parse.GetValue(seed));
            }
            var router = parse.GetValue(routerDb) is { } file
                ? RouterDbFile.Read(file.FullName)
                : Router.Build(OsmImporter.Import(osmFile!, [VehicleProfiles.Car], message => Console.Error.WriteLine(message)), ["car"]);
            var limits = new SolverLimits(TimeSpan.FromSeconds(parse.GetValue(seconds)), Seed: parse.GetValue(seed), Searches: Math.Min(2, Environment.ProcessorCount));
            var roads = new RoadTravelTimes(router);
            var plan = ShuttlePlanner.Plan(shuttleCase, roads, limits);
            foreach (var stop in shuttleCase.Stops.Where(s => roads.Unsnapped.Any(u => u.Place == s.Location)))
                Console.WriteLine($"not on the road network (its riders are unserved): {stop.Name}: {roads.Unsnapped.First(u => u.Place == stop.Location).Reason}");
            Console.Write(Text(plan));
            if (demand is not null) Console.Write(Comparison(ShuttleComparison.Compare(plan, demand.Commutes.ToWork, demand.Commutes.ToHome, roads)));
            if (parse.GetValue(save) is { } name)
            {
                if (demand is null) throw new ArgumentException("--save needs --db: the plan is stored in that database.");
                await using var dataSource = MobilityDatabase.CreateDataSource(MobilityDatabase.ResolveConnectionString(parse.GetValue(DbCommands.DatabaseOption)));
                await using var database = new MobilityDbContext(MobilityDatabase.Options(dataSource));
                var id = await ShuttlePlanStore.SaveAsync(database, demand.NetworkId, name, day, day, plan, cancellation);
                Console.Error.WriteLine($"saved as shuttle plan {id} '{name}'");
            }
            if (parse.GetValue(output) is { } folder)
            {
                folder.Create();
                File.WriteAllText(Path.Combine(folder.FullName, "shuttles.geojson"), GeoJson(plan));
                File.WriteAllText(Path.Combine(folder.FullName, "shuttles.csv"), Csv(plan));
                Console.Error.WriteLine($"written: {Path.Combine(folder.FullName, "shuttles.geojson")}, shuttles.csv");
            }
            return 0;
        });
        return command;
    }

    private static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, ShiftCalendar.Paris.TimeZone);

    private static string Text(ShuttlePlan plan)
    {
        var text = new StringBuilder();
        foreach (var wave in plan.Waves)
        {
            text.AppendLine(Invariant, $"== {Local(wave.Instant):ddd yyyy-MM-dd HH:mm}: {wave.RidersToSite} riders to the plants, {wave.RidersHome} home ==");
            foreach (var trip in wave.Trips)
            {
                text.AppendLine(Invariant, $"  {trip.Vehicle}: {trip.Kilometres:F1} km, {trip.Hours:F2} h, cost {trip.Cost:F0}, {trip.KilogramsCo2:F1} kg CO2");
                foreach (var call in trip.Stops)
                    text.AppendLine(Invariant, $"    {Local(call.Arrival):HH:mm}-{Local(call.Departure):HH:mm}  {call.Stop.Name,-45} +{call.Boarding,-3} -{call.Alighting,-3} on board {call.LoadOnDeparture}");
            }
            text.AppendLine(Invariant, $"  total: {wave.Trips.Count} trips, {wave.Kilometres:F1} km, {wave.Hours:F1} h, cost {wave.Cost:F0}, {wave.KilogramsCo2:F1} kg CO2");
            if (wave.Unserved.Count > 0)
                text.AppendLine(Invariant, $"  unserved: {wave.UnservedCount} ({string.Join(", ", wave.Unserved.GroupBy(u => u.Reason).Select(g => $"{Reason(g.Key)}: {g.Sum(u => u.Count)}"))})");
            text.AppendLine(Invariant, $"  everyone driving alone: {wave.DriveAloneKilometres:F0} km, {wave.DriveAloneKilogramsCo2:F0} kg CO2; with shuttles (unserved still driving): {wave.WithShuttlesKilogramsCo2:F0} kg CO2");
        }
        text.AppendLine(Invariant, $"== roster: {plan.Waves.Count} waves, {plan.Kilometres:F0} shuttle km, {plan.Hours:F1} vehicle-hours, cost {plan.Cost:F0}, {plan.KilogramsCo2:F0} kg CO2, {plan.UnservedCount} rides unserved ==");
        text.AppendLine(Invariant, $"   everyone driving alone: {plan.DriveAloneKilometres:F0} km, {plan.DriveAloneKilogramsCo2:F0} kg CO2; with shuttles: {plan.WithShuttlesKilogramsCo2:F0} kg CO2");
        return text.ToString();
    }

    private static string Comparison(IReadOnlyList<CommuteAlternative> alternatives)
    {
        var text = new StringBuilder("== the same people, to work and home ==\n");
        foreach (var a in alternatives)
            text.AppendLine(Invariant, $"  {a.Name,-24} {a.VehicleKilometres,8:F0} vehicle-km {a.KilogramsCo2,7:F0} kg CO2   {a.PeopleServed} of {a.PeopleCounted} people served");
        text.AppendLine("  (driving alone and carpools count whole trips from home; the shuttles' km are the buses' own, from the stop to the plant)");
        return text.ToString();
    }

    private static string Reason(UnservedReason reason) => reason switch
    {
        UnservedReason.Unreachable => "no road between the stops",
        UnservedReason.RideTooLong => "direct ride over the limit",
        UnservedReason.NoVehicleInTime => "no vehicle there in time",
        _ => "no seat left",
    };

    private static string GeoJson(ShuttlePlan plan)
    {
        var features = plan.Waves.SelectMany(wave => wave.Trips.Select(trip => new
        {
            type = "Feature",
            properties = new
            {
                wave = Local(wave.Instant).ToString("yyyy-MM-dd HH:mm", Invariant), vehicle = trip.Vehicle,
                km = Math.Round(trip.Kilometres, 2), hours = Math.Round(trip.Hours, 2), cost = Math.Round(trip.Cost, 2), kg_co2 = Math.Round(trip.KilogramsCo2, 2),
                stops = trip.Stops.Select(c => $"{Local(c.Arrival):HH:mm} {c.Stop.Name} +{c.Boarding} -{c.Alighting}"),
            },
            // Straight segments between the calls: the plan's distances are by road, the drawing is a sketch.
            geometry = new { type = "LineString", coordinates = trip.Stops.Select(c => new[] { c.Stop.Location.Longitude, c.Stop.Location.Latitude }) },
        }));
        return JsonSerializer.Serialize(new { type = "FeatureCollection", features });
    }

    private static string Csv(ShuttlePlan plan)
    {
        var csv = new StringBuilder("wave,vehicle,stop,arrival,departure,boarding,alighting,on_board\n");
        foreach (var wave in plan.Waves)
            foreach (var trip in wave.Trips)
                foreach (var call in trip.Stops)
                    csv.AppendLine(Invariant, $"{Local(wave.Instant):yyyy-MM-dd HH:mm},\"{trip.Vehicle}\",\"{call.Stop.Name.Replace("\"", "\"\"")}\",{Local(call.Arrival):HH:mm},{Local(call.Departure):HH:mm},{call.Boarding},{call.Alighting},{call.LoadOnDeparture}");
        return csv.ToString();
    }
}
