using System.CommandLine;
using Mobility.Bench;
using Mobility.Cli;

// Each benchmark lives in its own file and is only composed here; figures and their commands: docs/benchmarks.md.
var root = new RootCommand("Mobility benchmarks: each prints the figures of docs/benchmarks.md.");
foreach (var command in BenchCommands.Create()) root.Subcommands.Add(command);
return await CommandErrors.RunAsync(root, args);
