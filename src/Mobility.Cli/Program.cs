using System.CommandLine;
using Mobility.Cli;
using Mobility.Cli.Commands;

// Each command group lives in its own file under Commands/ and is only composed here.
var root = new RootCommand("Mobility: carpools and shuttles across the plants of an industrial network.");
root.Subcommands.Add(VersionCommand.Create());
root.Subcommands.Add(DbCommands.Create());
root.Subcommands.Add(DemoCommands.Create());
root.Subcommands.Add(ImportCommands.Create());
root.Subcommands.Add(RoutingCommands.Create());
root.Subcommands.Add(TileCommands.Create());
root.Subcommands.Add(AddressCommands.Create());
root.Subcommands.Add(PlanCommands.Create());
root.Subcommands.Add(StatisticsCommands.Create());
return await CommandErrors.RunAsync(root, args);
