using System.CommandLine;
using Mobility.Application.Tiles;

namespace Mobility.Cli.Commands;

internal static class TileCommands
{
    public static Command Create()
    {
        var osm = new Option<string>("--osm") { Description = "OSM extract (.osm.pbf) to make the basemap from: the one the router uses.", Required = true };
        var output = new Option<string?>("--out") { Description = $"The .mbtiles file to write (default: {TileBuild.DefaultDirectory}/EXTRACT-FINGERPRINT.mbtiles, reused while the extract is unchanged)." };
        var build = new Command("build", "Makes the basemap's vector tiles with tilemaker (OpenMapTiles schema), once per extract; prints the file.");
        build.Options.Add(osm);
        build.Options.Add(output);
        build.SetAction(parse =>
        {
            var result = TileBuild.Build(parse.GetValue(osm)!, parse.GetValue(output), progress: message => Console.Error.WriteLine(message));
            Console.Error.WriteLine(result.Reused
                ? $"{result.File}: up to date with the extract, reused"
                : $"{result.File}: {new FileInfo(result.File).Length / 1e6:F1} MB written in {result.Elapsed.TotalSeconds:F1} s");
            // The file alone on stdout, so a script can hand it to the server (Tiles__File).
            Console.WriteLine(result.File);
            return 0;
        });

        var command = new Command("tiles", "Basemap vector tiles served by the server (© OpenStreetMap contributors).");
        command.Subcommands.Add(build);
        return command;
    }
}
