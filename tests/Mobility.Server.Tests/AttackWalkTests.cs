using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Mobility.Server.Carpools;
using Mobility.TestSupport;
using Xunit.Abstractions;

namespace Mobility.Server.Tests;

/// <summary>
/// The attacker's walk of issue 12 (`scripts/attack-walk.py`, docs/security.md "The walk, replayed") against a real
/// Kestrel instance with the Heidelberg demo and its accounts: every one of the 15 defects must be HELD (or covered by
/// its named test where HTTP cannot show it). The script is the walk itself, so the walk run by hand and the one in
/// `./test.sh` are the same requests.
/// </summary>
public sealed class AttackWalkTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_attackers_walk_replayed_over_HTTP_finds_none_of_the_15_defects()
    {
        var clock = Stopwatch.StartNew();
        using var database = new TestDatabase();
        var network = await HeidelbergDemo.SeedAsync(database, accounts: true);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        // Today's remaining trips and the next two working days: on a Friday, Saturday and Sunday have no shifts to match.
        var dates = Enumerable.Range(0, 7).Select(today.AddDays)
            .Where(d => d == today || d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Take(3).ToList();
        // The engine re-matches those same dates when the walk changes someone (its walkers): late on a Friday, when
        // today's trips are past, the walk's first date is Monday, beyond the default two days after today.
        await using var instance = HeidelbergDemo.Server(database, daysAhead: Math.Max(2, dates[^1].DayNumber - today.DayNumber));
        var address = RealServer.Serve(instance);
        var engine = instance.Services.GetRequiredService<ProposalEngine>();
        foreach (var date in dates)
            await engine.RecomputeAsync(network, date, null, CancellationToken.None);
        output.WriteLine($"demo seeded and matched in {clock.Elapsed.TotalSeconds:F0} s");

        var (exit, text) = await RunWalkAsync(address);
        output.WriteLine(text);
        Assert.True(exit == 0, $"the walk found something OPEN or could not check it (exit {exit}):\n{text}");
        Assert.Contains("0 OPEN, 0 UNCHECKED of 15", text);
    }

    private static async Task<(int Exit, string Output)> RunWalkAsync(string address)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(WalkScript());
        start.ArgumentList.Add("--base");
        start.ArgumentList.Add(address);
        using var walk = Process.Start(start)!;
        var stdout = walk.StandardOutput.ReadToEndAsync();
        var stderr = walk.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await walk.WaitForExitAsync(timeout.Token);
        return (walk.ExitCode, await stdout + await stderr);
    }

    /// <summary>scripts/attack-walk.py of the repository the tests were built from.</summary>
    private static string WalkScript()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var script = Path.Combine(folder.FullName, "scripts", "attack-walk.py");
            if (File.Exists(script)) return script;
        }
        throw new FileNotFoundException("scripts/attack-walk.py not found above " + AppContext.BaseDirectory);
    }

}
