using System.CommandLine;
using Mobility.Data;
using Mobility.Data.Import;

namespace Mobility.Cli.Commands;

internal static class ImportCommands
{
    public static Command Create()
    {
        var command = new Command("import",
            "Imports an HR file (CSV, ; or , separated, UTF-8 or Windows-1252, or an Excel .xlsx workbook; French or English headers). " +
            "A file with any bad row imports nothing and lists every bad row. See docs/import-format.md.");
        command.Subcommands.Add(Kind("sites", "Sites: plants, stations, meeting points, car parks.",
            (database, file, network, cancellation) => new SiteImporter(database, Progress).ImportAsync(file, network, cancellation)));
        command.Subcommands.Add(Kind("shifts", "Shift patterns, one row per slot.",
            (database, file, network, cancellation) => new ShiftPatternImporter(database, Progress).ImportAsync(file, network, cancellation)));
        command.Subcommands.Add(Kind("employees", "Employees with home, main site and shift.",
            (database, file, network, cancellation) =>
                new EmployeeImporter(database, TimeProvider.System, Progress).ImportAsync(file, network, cancellation)));
        return command;
    }

    private static void Progress(ImportProgress progress) => Console.Error.WriteLine(progress);

    private static Command Kind(string name, string description,
        Func<MobilityDbContext, Stream, string?, CancellationToken, Task<ImportReport>> import)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The CSV or .xlsx file." };
        var network = new Option<string?>("--network") { Description = "The network's name (needed when there are several)." };
        var command = new Command(name, description);
        command.Arguments.Add(file);
        command.Options.Add(network);
        command.Options.Add(DbCommands.DatabaseOption);
        command.SetAction(async (parse, cancellation) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw new FileNotFoundException($"No such file: {path.FullName}", path.FullName);
            await using var opened = MobilityDatabase.Open(parse.GetValue(DbCommands.DatabaseOption));
            var database = opened.Context;
            await using var stream = path.OpenRead();
            var report = await import(database, stream, parse.GetValue(network), cancellation);
            if (!report.Succeeded)
            {
                foreach (var error in report.Errors) Console.Error.WriteLine(error);
                Console.Error.WriteLine($"Nothing imported: {report.Errors.Count} error(s) in {report.Rows} row(s).");
                return CommandErrors.UserError;
            }
            Console.WriteLine($"{report.Rows} row(s): {report.Inserted} inserted, {report.Updated} updated.");
            return 0;
        });
        return command;
    }
}
