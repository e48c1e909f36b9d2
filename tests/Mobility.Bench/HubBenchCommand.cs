using System.CommandLine;
using Mobility.Cli.Commands;

namespace Mobility.Bench;

/// <summary>`mobility-bench hub`: the live channel under load (see <see cref="HubLoadBenchmark"/>).</summary>
internal static class HubBenchCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The running server.", DefaultValueFactory = _ => "http://127.0.0.1:5080/" };
        var osm = new Option<string?>("--osm") { Description = $"OSM extract for the bench network's homes; default: {DemoCommands.OsmFileVariable}." };
        var clients = new Option<int>("--clients") { Description = "Employees signed in and connected.", DefaultValueFactory = _ => 2000 };
        var date = new Option<DateOnly?>("--date") { Description = "Date of the planning run (default: tomorrow, one of the days the engine keeps up to date)." };
        var declines = new Option<int>("--declines") { Description = "Declines timed one after another once the run is pushed.", DefaultValueFactory = _ => 20 };
        var command = new Command("hub", "Connects N employees to /hubs/commute, runs one re-match of them all, and prints push latency and lost messages.");
        foreach (var option in new Option[] { url, osm, clients, date, declines, DbCommands.DatabaseOption }) command.Options.Add(option);
        command.SetAction((parse, cancellation) =>
        {
            var osmFile = parse.GetValue(osm) ?? Environment.GetEnvironmentVariable(DemoCommands.OsmFileVariable)
                ?? throw new InvalidOperationException($"No OSM extract given: pass --osm FILE or set {DemoCommands.OsmFileVariable}.");
            var today = DateOnly.FromDateTime(DateTime.Today);
            var runDate = parse.GetValue(date) ?? today.AddDays(1);
            return new HubLoadBenchmark(new Uri(parse.GetValue(url)!.TrimEnd('/') + "/"), Data.MobilityDatabase.ResolveConnectionString(parse.GetValue(DbCommands.DatabaseOption)),
                osmFile, parse.GetValue(clients), runDate, parse.GetValue(declines)).RunAsync(cancellation);
        });
        return command;
    }
}
