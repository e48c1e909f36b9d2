using System.CommandLine;
using Mobility.Cli.Commands;

// Each command group lives in its own file under Commands/ and is only composed here.
var root = new RootCommand("Mobility: carpools and shuttles across the plants of an industrial network.");
root.Subcommands.Add(VersionCommand.Create());
return await root.Parse(args).InvokeAsync();
