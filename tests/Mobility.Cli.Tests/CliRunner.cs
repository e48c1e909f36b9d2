using System.Diagnostics;

namespace Mobility.Cli.Tests;

/// <summary>Runs the real mobility command (built beside the tests) and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Errors) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mobility.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment.Remove("MOBILITY_DB");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) { process.Kill(); throw new TimeoutException("mobility did not finish"); }
        return (process.ExitCode, output.Result, errors.Result);
    }
}
