using System.CommandLine;
using System.Globalization;
using Mobility.Application.Addresses;
using Mobility.Routing.Addresses;

namespace Mobility.Cli.Commands;

internal static class AddressCommands
{
    public static Command Create()
    {
        var command = new Command("addresses", "The address index (postal addresses to places) from the OSM extract and the BAN.");
        command.Subcommands.Add(Build());
        command.Subcommands.Add(Search());
        return command;
    }

    private static Command Build()
    {
        var osm = new Option<string?>("--osm") { Description = "OSM extract (.osm.pbf) whose addr:* and named streets to index: the one the router uses." };
        var ban = new Option<string[]>("--ban")
        {
            Description = "A BAN CSV file (France's Base Adresse Nationale, one per département, ';'-separated, .csv or .csv.gz); repeatable.",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string?>("--out")
        {
            Description = $"The index file to write (default: {AddressIndexBuild.DefaultDirectory}/EXTRACT-FINGERPRINT{AddressIndexBuild.Extension}, reused while the sources are unchanged).",
        };
        var build = new Command("build", "Builds the address index once per extract; prints the file (for Addresses__File).");
        build.Options.Add(osm);
        build.Options.Add(ban);
        build.Options.Add(output);
        build.SetAction(parse =>
        {
            var result = AddressIndexBuild.Build(parse.GetValue(osm), parse.GetValue(ban) ?? [], parse.GetValue(output));
            Console.Error.WriteLine(result.Reused
                ? $"{result.File}: up to date with its sources, reused"
                : string.Create(CultureInfo.InvariantCulture,
                    $"{result.File}: {result.Houses:N0} addresses and {result.Streets:N0} streets ({result.Skipped:N0} entries without a street or a position skipped), " +
                    $"{new FileInfo(result.File).Length / 1e6:F1} MB written in {result.Elapsed.TotalSeconds:F1} s"));
            // The file alone on stdout, so a script can hand it to the server (Addresses__File).
            Console.WriteLine(result.File);
            return 0;
        });
        return build;
    }

    private static Command Search()
    {
        var index = new Option<string>("--index") { Description = "The address index file (from 'mobility addresses build').", Required = true };
        var limit = new Option<int>("--limit") { Description = "How many answers.", DefaultValueFactory = _ => 5 };
        var text = new Argument<string>("text") { Description = "The address, as free text: \"12 r. du Rhin 68100 Mulhouse\"." };
        var search = new Command("search", "Looks an address up in the index: answers with their position, precision and confidence.");
        search.Options.Add(index);
        search.Options.Add(limit);
        search.Arguments.Add(text);
        search.SetAction(parse =>
        {
            var answers = AddressIndexFile.Read(parse.GetValue(index)!).Search(parse.GetValue(text)!, Math.Max(1, parse.GetValue(limit)));
            foreach (var answer in answers)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{answer.Confidence:F3}\t{(answer.IsConfident ? "confident" : "report")}\t{answer.Precision}\t{answer.Position.Latitude:F7},{answer.Position.Longitude:F7}\t{answer.Label}"));
            if (answers.Count == 0) Console.Error.WriteLine("No address comes close.");
            return answers.Count > 0 && answers[0].IsConfident ? 0 : 1;
        });
        return search;
    }
}
