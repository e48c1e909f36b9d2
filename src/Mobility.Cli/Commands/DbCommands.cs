using System.CommandLine;
using Mobility.Data;

namespace Mobility.Cli.Commands;

internal static class DbCommands
{
    public static readonly Option<string?> DatabaseOption = new("--db")
    {
        Description = $"PostgreSQL connection string (default: the {MobilityDatabase.ConnectionVariable} variable).",
    };

    public static Command Create()
    {
        var migrate = new Command("migrate", "Creates or upgrades the database schema (PostGIS included).");
        migrate.Options.Add(DatabaseOption);
        migrate.SetAction(async (parse, cancellation) =>
        {
            await using var opened = MobilityDatabase.Open(parse.GetValue(DatabaseOption));
            var pending = await MobilityDatabase.MigrateAsync(opened.Context, cancellation);
            Console.Error.WriteLine(pending.Count == 0
                ? "Database schema is up to date."
                : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
            return 0;
        });

        var db = new Command("db", "Database schema.");
        db.Subcommands.Add(migrate);
        return db;
    }
}
