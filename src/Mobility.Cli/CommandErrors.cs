using System.CommandLine;
using Npgsql;

namespace Mobility.Cli;

/// <summary>
/// Turns the failures a user can fix (missing file, bad input, unreachable database) into one clear line on
/// stderr and exit code 2; anything else is a bug and keeps its stack trace (exit code 1).
/// </summary>
internal static class CommandErrors
{
    public const int UserError = 2;

    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception error) when (IsUserError(error))
        {
            Console.Error.WriteLine($"mobility: {error.Message}");
            return UserError;
        }
    }

    private static bool IsUserError(Exception error) => error is InvalidOperationException or ArgumentException
        or FileNotFoundException or DirectoryNotFoundException or FormatException or NpgsqlException
        or InvalidDataException or Mobility.Routing.IO.RouterDbFormatException;
}
