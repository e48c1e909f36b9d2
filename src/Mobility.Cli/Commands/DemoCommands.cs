using System.CommandLine;
using Mobility.Data;
using Mobility.Data.Demo;

namespace Mobility.Cli.Commands;

internal static class DemoCommands
{
    public const string OsmFileVariable = "MOBILITY_OSM_FILE";

    public static Command Create()
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = $"A built-in scenario ({string.Join(", ", DemoScenario.BuiltInNames())}), the path of a scenario file, " +
                $"or {DemoScenario.Automatic}: the built-in demo scenario whose plants lie in the extract.",
            DefaultValueFactory = _ => DemoScenario.Automatic,
        };
        var osm = new Option<string?>("--osm") { Description = $"OSM extract (.osm.pbf or .osm); default: {OsmFileVariable}." };
        var force = new Option<bool>("--force") { Description = "Rebuild the demo network even if it exists." };

        var seed = new Command("seed", "Creates the demo network of a scenario on an OSM extract (does nothing if it exists).");
        seed.Options.Add(scenario);
        seed.Options.Add(osm);
        seed.Options.Add(force);
        seed.Options.Add(DbCommands.DatabaseOption);
        seed.SetAction(async (parse, cancellation) =>
        {
            var osmFile = parse.GetValue(osm) ?? Environment.GetEnvironmentVariable(OsmFileVariable)
                ?? throw new InvalidOperationException(
                    $"No OSM extract given: pass --osm FILE or set {OsmFileVariable} (see osm-data/README.md).");
            void Progress(string message) => Console.Error.WriteLine(message);
            var name = parse.GetValue(scenario)!;
            var streets = new Lazy<ResidentialStreets>(() => ResidentialStreets.Read(osmFile, Progress));
            var demo = name == DemoScenario.Automatic ? DemoScenario.ChooseFor(streets.Value.Area) : DemoScenario.Load(name);
            Progress($"Scenario: {demo.Name}");
            await using var opened = MobilityDatabase.Open(parse.GetValue(DbCommands.DatabaseOption));
            var database = opened.Context;
            var result = await new DemoNetworkSeeder(database, Progress)
                .SeedAsync(demo, () => streets.Value, parse.GetValue(force), cancellation);
            Console.WriteLine($"network {result.NetworkId}: {result.Companies} companies, {result.Sites} sites, {result.Employees} employees");
            var accounts = await DemoAccounts.EnsureAsync(database, result.NetworkId, cancellation);
            Console.WriteLine($"demo accounts (password / mot de passe: {DemoAccounts.Password}):");
            foreach (var account in accounts)
                Console.WriteLine($"  {account.Role,-13} {account.Email,-42} {account.Scope}");
            return 0;
        });

        var command = new Command("demo", "Demo networks (fictional companies, no real person).");
        command.Subcommands.Add(seed);
        return command;
    }
}
