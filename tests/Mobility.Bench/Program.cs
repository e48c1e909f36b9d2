using System.CommandLine;
using Mobility.Bench;
using Mobility.Cli;

// Each benchmark lives in its own file with its command and is only composed here; figures: docs/benchmarks.md.
var root = new RootCommand("Mobility benchmarks: each prints the figures of docs/benchmarks.md.");
root.Subcommands.Add(VrptwBenchmark.Create());
root.Subcommands.Add(PdptwBenchmark.Create());
root.Subcommands.Add(CarpoolBenchmark.Create());
root.Subcommands.Add(RoutingBenchmark.Create());
root.Subcommands.Add(GridBenchmark.Create());
root.Subcommands.Add(HubLoadBenchmark.Create());
root.Subcommands.Add(AddressBenchmark.Create());
return await CommandErrors.RunAsync(root, args);
