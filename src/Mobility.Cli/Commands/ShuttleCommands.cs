using Mobility.Data.Demo;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Mobility.Application.Roads;
using Mobility.Application.Shuttles;
using Mobility.Data;
using Mobility.Data.Shuttles;
using Mobility.Planning.Shifts;
using Mobility.Planning.Shuttles;
using Mobility.Planning.TravelTimes;
using Mobility.Planning.Vrp;

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
        var communes = new Option<string?>("--communes") { Description = "With --db: only employees living in these communes (comma-separated)." };
        var days = new Option<int>("--days") { Description = "Days of the roster from --date (default 5, a working week; with --db, 1).", DefaultValueFactory = _ => 5 };
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
        foreach (var option in new Option[] { DbCommands.DatabaseOption, network, minDistance, communes, save, osm, routerDb, scenario, date, days, share, minibuses, coaches, seconds, seed, output })
            command.Options.Add(option);
        command.SetAction(async (parse, cancellation) =>
        {
            var osmFile = parse.GetValue(osm)?.FullName;
            if (osmFile is null && parse.GetValue(routerDb) is null) throw new ArgumentException("Give road times with --osm FILE or --routerdb FILE.");
            var day = DateOnly.ParseExact(parse.GetValue(date)!, "yyyy-MM-dd", Invariant);
            var fromDatabase = parse.GetResult(DbCommands.DatabaseOption) is not null;
            // From the database one date is the common question; a week is asked for with --days.
            var dayCount = fromDatabase && parse.GetResult(days) is null ? 1 : parse.GetValue(days);
            if (dayCount is < 1 or > 31) throw new ArgumentException("--days must be between 1 and 31.");
            if (parse.GetValue(save) is not null && !fromDatabase) throw new ArgumentException("--save needs --db: the plan is stored in that database.");
            var router = RouterSource.Open(parse.GetValue(routerDb)?.FullName, osmFile, ["car"], message => Console.Error.WriteLine(message))!;
            var roads = new UnplacedPlaces(new RoadTravelTimes(router));
            var limits = new SolverLimits(TimeSpan.FromSeconds(parse.GetValue(seconds)), Seed: parse.GetValue(seed), Searches: Math.Min(2, Environment.ProcessorCount));

            ComputedShuttlePlan plan;
            long? networkId = null;
            ShuttlePlanQuery? query = null;
            IReadOnlyList<CommuteAlternative>? comparison = null;
            if (fromDatabase)
            {
                query = new ShuttlePlanQuery(parse.GetValue(network), day, dayCount,
                    new ShuttleDemandOptions(parse.GetValue(minDistance), parse.GetValue(minibuses), parse.GetValue(coaches),
                        Communes: parse.GetValue(communes) is { Length: > 0 } names ? names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null));
                await using var opened = MobilityDatabase.Open(parse.GetValue(DbCommands.DatabaseOption));
                var database = opened.Context;
                var demand = await ShuttlePlanning.LoadDemandAsync(database, query,
                    (planned, daily) => Console.Error.WriteLine($"{planned:ddd yyyy-MM-dd}: {daily.Case.Riders.Count} riders living more than " +
                        $"{parse.GetValue(minDistance):F0} km from their plant"), cancellation);
                networkId = demand.NetworkId;
                (plan, comparison) = ShuttlePlanning.Plan(demand, roads, limits);
            }
            else
            {
                if (osmFile is null) throw new ArgumentException("Without --db, --osm is required: the demo case takes its stations from the extract.");
                var stations = DemoShuttleSources.Stations(osmFile);
                var plants = DemoShuttleSources.ThreeShiftPlants(DemoScenario.Load(parse.GetValue(scenario)!.FullName));
                Console.Error.WriteLine($"{stations.Count} stations, {plants.Count} plants with a 3x8 roster");
                var shuttleCase = DemoShuttleCase.Build(stations, plants, day, dayCount,
                    parse.GetValue(share), parse.GetValue(minibuses), parse.GetValue(coaches), parse.GetValue(seed));
                plan = ShuttlePlanner.Plan(shuttleCase, roads, limits);
            }
            foreach (var (place, reason) in roads.Seen)
                Console.WriteLine($"not on the road network (riders from or to it are unserved): {place.Latitude:F5},{place.Longitude:F5}: {reason}");
            Console.Write(ShuttlePlanReport.Text(plan));
            if (comparison is not null) Console.Write(ShuttlePlanReport.Comparison(comparison, dayCount));
            if (parse.GetValue(save) is { } name && networkId is { } savedNetwork && query is not null)
            {
                await using var opened = MobilityDatabase.Open(parse.GetValue(DbCommands.DatabaseOption));
                var database = opened.Context;
                var id = await ShuttlePlanning.SaveAsync(database, query, savedNetwork, name, plan, cancellation);
                Console.Error.WriteLine($"saved as shuttle plan {id} '{name}'");
            }
            if (parse.GetValue(output) is { } folder)
            {
                ShuttlePlanFiles.Write(folder, plan, router);
                Console.Error.WriteLine($"written: {Path.Combine(folder.FullName, "shuttles.geojson")}, shuttles.csv");
            }
            return 0;
        });
        return command;
    }
}
