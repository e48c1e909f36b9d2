using System.CommandLine;
using System.Globalization;
using Mobility.Application.Roads;
using Mobility.Data.Export;
using Mobility.Routing;
using Mobility.Routing.IO;
using Mobility.Routing.Osm;
using Mobility.Routing.Profiles;
using Mobility.Planning.TravelTimes;

namespace Mobility.Cli.Commands;

internal static class RoutingCommands
{
    public static Command Create()
    {
        var osm = new Option<string?>("--osm") { Description = "OSM extract (.osm.pbf or .osm) to build the router from." };
        var db = new Option<string?>("--db") { Description = "RouterDb file made by 'mobility routing build' (loads fast)." };
        var profile = new Option<string>("--profile") { Description = "car, bicycle or foot.", DefaultValueFactory = _ => "car" };

        var output = new Option<string>("--out") { Description = "RouterDb file to write.", Required = true };
        var profiles = new Option<string>("--profiles") { Description = "Profiles to build, comma-separated.", DefaultValueFactory = _ => "car,bicycle,foot" };
        var build = new Command("build", "Builds a RouterDb file (graph and contraction hierarchies) from an OSM extract.");
        foreach (var option in new Option[] { osm, output, profiles }) build.Options.Add(option);
        build.SetAction(parse =>
        {
            var osmFile = parse.GetValue(osm) ?? throw new InvalidOperationException("Give the OSM extract with --osm FILE.");
            var names = parse.GetValue(profiles)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var selected = names.Select(VehicleProfiles.ByName).ToList();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var network = OsmImporter.Import(osmFile, selected, message => Console.Error.WriteLine(message));
            var router = Router.Build(network, names, message => Console.Error.WriteLine(message));
            RouterDbFile.Write(router, names, parse.GetValue(output)!);
            Console.Error.WriteLine($"{parse.GetValue(output)}: {new FileInfo(parse.GetValue(output)!).Length / 1e6:F1} MB written in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        });

        var from = new Option<string>("--from") { Description = "Start as latitude,longitude.", Required = true };
        var to = new Option<string>("--to") { Description = "Destination as latitude,longitude.", Required = true };
        var geojson = new Option<bool>("--geojson") { Description = "Print the route's line as GeoJSON instead of CSV." };
        var route = new Command("route", "Fastest route between two points: duration and length (or its GeoJSON line).");
        foreach (var option in new Option[] { osm, db, profile, from, to, geojson }) route.Options.Add(option);
        route.SetAction(parse =>
        {
            var router = OpenRouter(parse.GetValue(osm), parse.GetValue(db), parse.GetValue(profile)!);
            var (a, b) = (ParsePoint(parse.GetValue(from)!), ParsePoint(parse.GetValue(to)!));
            var result = router.Route(parse.GetValue(profile)!, a, b);
            if (!result.IsSuccess) throw new InvalidOperationException(result.Error);
            Console.WriteLine(parse.GetValue(geojson)
                ? result.Value.GeometryAsGeoJson()
                : CsvFields.Line("duration_s", "distance_m") + "\n" +
                  CsvFields.Line(CsvFields.Fixed(result.Value.Seconds, 1), CsvFields.Fixed(result.Value.Metres, 0)));
            return 0;
        });

        var points = new Option<FileInfo>("--points")
        {
            Description = "CSV of points: latitude,longitude per line, or a header naming its columns (id,lat,lon; latitude;longitude).",
            Required = true,
        };
        var format = new Option<string>("--format") { Description = "csv (origin,destination,duration_s,distance_m) or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var matrix = new Command("matrix",
            "Durations and lengths between every pair of points, as CSV or JSON. A point off the road network is reported and its row and column left empty.");
        foreach (var option in new Option[] { osm, db, profile, points, format }) matrix.Options.Add(option);
        matrix.SetAction(parse =>
        {
            var places = MatrixPoints.Read(parse.GetValue(points)!);
            var router = OpenRouter(parse.GetValue(osm), parse.GetValue(db), parse.GetValue(profile)!);
            var positions = places.Select(p => p.Position).ToList();
            var result = new RoadTravelTimes(router, parse.GetValue(profile)!).Matrix(positions, positions);
            // The same place is reported once (it is both an origin and a destination).
            var unplaced = result.Unplaced.DistinctBy(u => u.Place).ToList();
            foreach (var place in unplaced)
            {
                var point = places.First(p => p.Position == place.Place);
                Console.Error.WriteLine($"point {point.Id} ({place.Place.Latitude.ToString(CultureInfo.InvariantCulture)}," +
                    $"{place.Place.Longitude.ToString(CultureInfo.InvariantCulture)}): {place.Reason}; its row and column are left empty");
            }
            if (unplaced.Count == places.Count && places.Count > 0)
                throw new InvalidOperationException($"None of the {places.Count} points is on the road network of this extract.");
            if (parse.GetValue(format) == "json")
            {
                double? Cell(float value) => float.IsFinite(value) ? Math.Round(value, 1) : null; // null = unreachable
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
                {
                    ids = places.Select(p => p.Id),
                    points = places.Select(p => new[] { p.Position.Latitude, p.Position.Longitude }),
                    durations_s = Enumerable.Range(0, places.Count).Select(i => Enumerable.Range(0, places.Count).Select(j => Cell(result.Seconds(i, j)))),
                    distances_m = Enumerable.Range(0, places.Count).Select(i => Enumerable.Range(0, places.Count).Select(j => Cell(result.Metres(i, j)))),
                    unplaced = unplaced.Select(u => new { id = places.First(p => p.Position == u.Place).Id, reason = u.Reason }),
                }));
                return 0;
            }
            static string Field(float value, int decimals) => float.IsFinite(value) ? CsvFields.Fixed(value, decimals) : "";
            Console.WriteLine(CsvFields.Line("origin", "destination", "duration_s", "distance_m"));
            for (var i = 0; i < places.Count; i++)
                for (var j = 0; j < places.Count; j++)
                    Console.WriteLine(CsvFields.Line(places[i].Id, places[j].Id, Field(result.Seconds(i, j), 1), Field(result.Metres(i, j), 0)));
            return 0;
        });

        var around = new Option<string>("--from") { Description = "The place (a plant, say) as latitude,longitude.", Required = true };
        var minutes = new Option<string>("--minutes") { Description = "Travel times, comma-separated.", DefaultValueFactory = _ => "15,30,45" };
        var isochrone = new Command("isochrone",
            "Where one gets from a place within each travel time, as GeoJSON areas (one feature per time, largest first).");
        foreach (var option in new Option[] { osm, db, profile, around, minutes }) isochrone.Options.Add(option);
        isochrone.SetAction(parse =>
        {
            var limits = parse.GetValue(minutes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(m => int.TryParse(m, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 240 ? value
                    : throw new FormatException($"--minutes: '{m}' is not a whole number of minutes from 1 to 240."))
                .Distinct().OrderDescending().ToList();
            var router = OpenRouter(parse.GetValue(osm), parse.GetValue(db), parse.GetValue(profile)!);
            var place = ParsePoint(parse.GetValue(around)!);
            var reached = router.Isochrone(parse.GetValue(profile)!, place, limits[0] * 60.0);
            if (!reached.IsSuccess) throw new InvalidOperationException(reached.Error);
            var features = new NetTopologySuite.Features.FeatureCollection();
            foreach (var limit in limits)
            {
                var within = reached.Value.Where(r => r.Seconds <= limit * 60.0).Select(r => r.Position).ToList();
                features.Add(new NetTopologySuite.Features.Feature(IsochroneArea.Of(within),
                    new NetTopologySuite.Features.AttributesTable { { "profile", parse.GetValue(profile)! }, { "minutes", limit }, { "junctions", within.Count } }));
            }
            var json = new System.Text.Json.JsonSerializerOptions();
            json.Converters.Add(new NetTopologySuite.IO.Converters.GeoJsonConverterFactory());
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(features, json));
            return 0;
        });

        var command = new Command("routing", "The road router (© OpenStreetMap contributors).");
        command.Subcommands.Add(build);
        command.Subcommands.Add(route);
        command.Subcommands.Add(matrix);
        command.Subcommands.Add(isochrone);
        return command;
    }

    private static Router OpenRouter(string? osmFile, string? routerDb, string profile) =>
        (osmFile is null) != (routerDb is null)
            ? RouterSource.Open(routerDb, osmFile, [profile], message => Console.Error.WriteLine(message))!
            : throw new InvalidOperationException("Give either --db FILE.routerdb or --osm FILE.osm.pbf.");

    private static GeoPoint ParsePoint(string text)
    {
        var parts = text.Split(',');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
            return new GeoPoint(latitude, longitude);
        throw new FormatException($"'{text}' is not latitude,longitude (e.g. 49.4093,8.6939).");
    }
}
