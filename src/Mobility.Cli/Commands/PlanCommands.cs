using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Mobility.Application.Carpools;
using Mobility.Application.Roads;
using Mobility.Data;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Planning.TravelTimes;

namespace Mobility.Cli.Commands;

internal static class PlanCommands
{
    public static Command Create()
    {
        var date = new Option<string?>("--date") { Description = "The date whose shifts are matched (yyyy-MM-dd): trips to work and home after them." };
        var network = new Option<string?>("--network") { Description = "Network name or id (default: the only one in the database)." };
        var osm = new Option<string?>("--osm") { Description = "OSM extract for road times (a car router is built from it)." };
        var routerDb = new Option<string?>("--routerdb") { Description = "RouterDb file for road times (from mobility routing build)." };
        var co2 = new Option<double>("--co2") { Description = "Grams of CO2e per car-kilometre (default: ADEME, average car).", DefaultValueFactory = _ => EmissionFactors.CarGramsPerKilometre };
        var explain = new Option<int>("--explain") { Description = "Print why, for this many groups each way.", DefaultValueFactory = _ => 3 };
        var english = new Option<bool>("--english") { Description = "Explanations in English (French by default)." };
        var rematch = new Option<bool>("--measure-rematch") { Description = "Also time a re-match after one passenger declines their group." };
        var groupsPerDriver = new Option<int>("--groups-per-driver") { Description = "Groups of 3 and 4 kept per driver, the most valuable (0: all).", DefaultValueFactory = _ => new CarpoolSettings().GroupsPerDriver };
        var growFrom = new Option<int>("--grow-from") { Description = "Groups of each size grown into larger ones per driver, the most valuable (0: all).", DefaultValueFactory = _ => new CarpoolSettings().GrowFrom };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for carpools.geojson and carpools.csv.", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var carpools = new Command("carpools",
            "Matches a date's carpools both ways (to work, then home) for a network's consenting employees on road times, " +
            "prints a summary against the pairwise baseline and writes the proposals as GeoJSON and CSV.");
        foreach (var option in new Option[] { date, DbCommands.DatabaseOption, network, osm, routerDb, co2, explain, english, rematch, groupsPerDriver, growFrom, output })
            carpools.Options.Add(option);
        carpools.SetAction(async (parse, cancellation) =>
        {
            var settings = new CarpoolSettings(GramsCo2PerKilometre: parse.GetValue(co2), GroupsPerDriver: parse.GetValue(groupsPerDriver), GrowFrom: parse.GetValue(growFrom)) { Timings = line => Console.Error.WriteLine("  " + line) };
            var day = await FromDatabaseAsync(ParseDate(parse.GetValue(date)), parse.GetValue(DbCommands.DatabaseOption), parse.GetValue(network),
                parse.GetValue(osm), parse.GetValue(routerDb), cancellation);
            Report(day, settings, parse.GetValue(explain), parse.GetValue(english), parse.GetValue(rematch), parse.GetValue(output)!);
            return 0;
        });
        var command = new Command("plan", "Planning runs.");
        command.Subcommands.Add(carpools);
        command.Subcommands.Add(ShuttleCommands.Create());
        return command;
    }

    /// <summary>What a run matches: both directions, how to name each person's shift, and the clock's time zone.</summary>
    private sealed record Day(CarpoolInstance ToWork, CarpoolInstance ToHome, Func<string, string> ShiftOf, TimeZoneInfo Zone);

    private static DateOnly ParseDate(string? text) =>
        text is null ? throw new ArgumentException("--date is required (yyyy-MM-dd).")
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new FormatException($"--date {text}: expected yyyy-MM-dd.");

    private static async Task<Day> FromDatabaseAsync(DateOnly date, string? connection, string? networkName, string? osm, string? routerDb,
        CancellationToken cancellation)
    {
        if ((osm is null) == (routerDb is null)) throw new ArgumentException("Give road times with exactly one of --osm FILE or --routerdb FILE.");
        var clock = Stopwatch.StartNew();
        await using var opened = MobilityDatabase.Open(connection);
        var database = opened.Context;
        var chosen = await NetworkChoice.ChooseAsync(database, networkName, cancellation);
        var commutes = await CarpoolDayPlanning.LoadCommutesAsync(database, chosen.Id, date, cancellation);
        Console.Error.WriteLine($"{chosen.Name}, {date:yyyy-MM-dd}: {commutes.ToWork.Count} employees working, {commutes.NotWorking} not; " +
                                $"loaded in {clock.Elapsed.TotalSeconds:F1} s");
        if (commutes.ToWork.Count == 0) throw new ArgumentException($"Nobody of {chosen.Name} works a shift starting on {date:yyyy-MM-dd}.");

        clock.Restart();
        var router = RouterSource.Open(routerDb, osm, ["car"])!;
        Console.Error.WriteLine($"router ready in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        var processor = Environment.CpuUsage.TotalTime;
        var roads = new UnplacedPlaces(new RoadTravelTimes(router, "car"));
        var carpools = CarpoolDay.On(commutes, roads);
        var travel = carpools.ToWork.Travel;
        Console.Error.WriteLine($"road times for {travel.Locations:N0} places ({travel.Homes:N0} homes to and from {travel.Sites} sites, " +
                                $"home to home in {travel.BlockCount} blocks, largest {travel.LargestBlock:N0}; {travel.Cells:N0} cells) " +
                                $"in {clock.Elapsed.TotalSeconds:F1} s ({(Environment.CpuUsage.TotalTime - processor).TotalSeconds:F1} s of processor time)" +
                                (roads.Seen.Count > 0 ? $"; {roads.Seen.Count} places off the road network (never matched)" : ""));
        var zone = TimeZoneInfo.FindSystemTimeZoneById(chosen.TimeZone);
        return new Day(carpools.ToWork, carpools.ToHome,
            id => TimeZoneInfo.ConvertTime(commutes.Shifts[id].Start, zone).ToString("HH:mm", CultureInfo.InvariantCulture), zone);
    }

    private static void Report(Day day, CarpoolSettings settings, int explain, bool english, bool measureRematch, DirectoryInfo output)
    {
        var clock = Stopwatch.StartNew();
        var processor = Environment.CpuUsage.TotalTime;
        var plan = CarpoolMatcher.MatchDay(day.ToWork, day.ToHome, settings);
        var matchSeconds = clock.Elapsed.TotalSeconds;
        var matchProcessor = (Environment.CpuUsage.TotalTime - processor).TotalSeconds;
        clock.Restart();
        var baselines = new[] { PairwiseBaseline.Match(day.ToWork), PairwiseBaseline.Match(day.ToHome) };
        Console.WriteLine($"matched both ways in {matchSeconds:F1} s ({matchProcessor:F1} s of processor time; pairwise baseline {clock.Elapsed.TotalSeconds:F1} s), " +
                          $"{day.ToWork.Participants.Count:N0} employees");
        foreach (var (name, instance, directionPlan, baseline) in new[] { ("to work", day.ToWork, plan.ToWork, baselines[0]), ("home", day.ToHome, plan.ToHome, baselines[1]) })
        {
            Console.WriteLine($"{name}: {directionPlan.Selection.Groups.Count:N0} groups, {directionPlan.PassengersServed:N0} passengers served " +
                              $"(pairwise baseline: {baseline.Groups.Count:N0}), {directionPlan.Unserved.Count:N0} passengers without a ride; " +
                              $"{directionPlan.VehicleKilometresSaved:N0} vehicle-km and {directionPlan.KilogramsCo2Saved:N0} kg CO2 saved " +
                              $"({directionPlan.VehicleKilometresPlanned:N0} of {directionPlan.VehicleKilometresAlone:N0} vehicle-km driven)");
            if (directionPlan.Selection.Partition is { } parts)
                Console.WriteLine($"  {directionPlan.Selection.Method}: {parts.Parts:N0} independent parts (largest {parts.LargestPartGroups:N0} candidate groups), " +
                                  $"{parts.ProvenParts:N0} proven optimal");
            var perShift = directionPlan.Selection.Groups
                .SelectMany(g => g.Pickups.Where(p => instance.Participants[p].CanDrive).Select(p => day.ShiftOf(instance.Participants[p].Id)))
                .GroupBy(s => s).OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Count()}");
            Console.WriteLine($"  cars removed by shift start: {string.Join(", ", perShift)} (total {directionPlan.CarsRemoved:N0})");
        }
        Console.WriteLine($"same group both ways: {plan.SameGroupBothWays:N0}; carried to work but no ride home: {plan.WithoutRideHome.Count:N0}" +
                          (plan.WithoutRideHome.Count > 0 ? " (" + string.Join(", ", plan.WithoutRideHome.GroupBy(u => u.Reason).Select(g => $"{g.Key}: {g.Count()}")) + ")" : ""));
        Console.WriteLine($"total: {plan.ToWork.VehicleKilometresSaved + plan.ToHome.VehicleKilometresSaved:N0} vehicle-km and " +
                          $"{plan.ToWork.KilogramsCo2Saved + plan.ToHome.KilogramsCo2Saved:N0} kg CO2 saved ({settings.GramsCo2PerKilometre} g/km)");
        if (measureRematch && plan.ToWork.Selection.Groups.FirstOrDefault(g => g.Pickups.Count > 1) is { } declined)
        {
            // One passenger declines their morning group: the instances stay, only the people it reaches are matched again.
            var names = declined.Members.Select(m => day.ToWork.Participants[m].Id).ToList();
            clock.Restart();
            processor = Environment.CpuUsage.TotalTime;
            var rematch = CarpoolRematch.AfterChange(day.ToWork, day.ToHome, plan, day.ToWork, day.ToHome, [names[1]],
                names.Where(n => n != names[1]).Select(n => (names[1], n)).ToList(), settings);
            Console.WriteLine($"re-match after {names[1]} declines a group: {clock.Elapsed.TotalSeconds:F2} s " +
                              $"({(Environment.CpuUsage.TotalTime - processor).TotalSeconds:F2} s of processor time), {rematch.Affected.Count} employees affected");
        }
        foreach (var (instance, directionPlan) in new[] { (day.ToWork, plan.ToWork), (day.ToHome, plan.ToHome) })
            foreach (var group in directionPlan.Selection.Groups.Where(g => g.Pickups.Count > 1).Take(explain))
                Console.WriteLine(GroupExplanationText.Render(GroupExplainer.Explain(instance, group), day.Zone, english));
        CarpoolFiles.Write(output, day.ToWork, day.ToHome, plan, day.Zone);
    }
}
