using System.CommandLine;
using System.Globalization;
using Mobility.Application.Statistics;
using Mobility.Data;

namespace Mobility.Cli.Commands;

/// <summary><c>mobility statistics snapshot</c> and <c>demo-history</c>: the working group's activity history.</summary>
internal static class StatisticsCommands
{
    public static Command Create()
    {
        var network = new Option<string?>("--network") { Description = "Network name or id (default: the only one in the database)." };
        var date = new Option<string?>("--date") { Description = "The date to take (yyyy-MM-dd; default: yesterday)." };
        var from = new Option<string?>("--from") { Description = "First date of a range to take again (yyyy-MM-dd), with --to." };
        var to = new Option<string?>("--to") { Description = "Last date of the range (yyyy-MM-dd)." };
        var snapshot = new Command("snapshot", "Takes the daily activity snapshot (accepted and confirmed carpools) of a date or a range; taking a date again replaces it.");
        foreach (var option in new Option[] { DbCommands.DatabaseOption, network, date, from, to }) snapshot.Options.Add(option);
        snapshot.SetAction(async (parse, cancellation) =>
        {
            await using var opened = MobilityDatabase.Open(parse.GetValue(DbCommands.DatabaseOption));
            var chosen = await NetworkChoice.ChooseAsync(opened.Context, parse.GetValue(network), cancellation);
            var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
            var (first, last) = parse.GetValue(from) is { } f
                ? (Parse(f, "--from"), Parse(parse.GetValue(to) ?? throw new ArgumentException("--from needs --to."), "--to"))
                : parse.GetValue(date) is { } d ? (Parse(d, "--date"), Parse(d, "--date")) : (yesterday, yesterday);
            if (last < first) throw new ArgumentException("--to is before --from.");
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                var taken = await ActivitySnapshots.TakeAsync(opened.Context, chosen.Id, day, DateTimeOffset.UtcNow, cancellation);
                Console.WriteLine($"{day:yyyy-MM-dd}: {taken.Trips.Select(t => t.CarpoolGroupId).Distinct().Count()} groups, {taken.Trips.Count} trips");
            }
            return 0;
        });

        var days = new Option<int>("--days") { Description = "How many past days get a history.", DefaultValueFactory = _ => 28 };
        var demo = new Command("demo-history", "Gives a demo network a past: a growing share of one matched day's carpools taken as accepted on each past weekday (skips days already taken).");
        foreach (var option in new Option[] { DbCommands.DatabaseOption, network, days }) demo.Options.Add(option);
        demo.SetAction(async (parse, cancellation) =>
        {
            await using var opened = MobilityDatabase.Open(parse.GetValue(DbCommands.DatabaseOption));
            var chosen = await NetworkChoice.ChooseAsync(opened.Context, parse.GetValue(network), cancellation);
            var written = await DemoActivityHistory.WriteAsync(opened.Context, chosen.Id, DateOnly.FromDateTime(DateTime.UtcNow), parse.GetValue(days),
                DateTimeOffset.UtcNow, cancellation);
            Console.WriteLine(written.Count == 0 ? "Activity history already there." : $"Activity history: {written.Count} days ({written[0]:yyyy-MM-dd} to {written[^1]:yyyy-MM-dd}).");
            return 0;
        });

        var command = new Command("statistics", "The working group's activity history.");
        command.Subcommands.Add(snapshot);
        command.Subcommands.Add(demo);
        return command;
    }

    private static DateOnly Parse(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
            : throw new FormatException($"{option} {text}: expected yyyy-MM-dd.");
}
