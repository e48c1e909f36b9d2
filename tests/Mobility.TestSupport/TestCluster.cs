using System.Diagnostics;
using Npgsql;

namespace Mobility.TestSupport;

/// <summary>
/// A PostgreSQL cluster of its own, for tests that stop and start the server (an outage): the cluster every other test
/// shares must stay up. It listens on a Unix socket in its own folder only, so no port can collide. Needs the Debian
/// PostgreSQL and PostGIS packages that ./test.sh installs; as root, the server runs as the postgres user.
/// </summary>
public sealed class TestCluster : IDisposable
{
    private readonly string _folder;
    private readonly string _bin;

    public string AdminConnectionString { get; }

    public TestCluster()
    {
        _bin = ServerPrograms();
        _folder = Directory.CreateTempSubdirectory("mobility-outage-").FullName;
        if (Environment.UserName == "root") Run("chown", "postgres:postgres", _folder);
        AsServerUser(Path.Combine(_bin, "initdb"), "-D", Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        AdminConnectionString = new NpgsqlConnectionStringBuilder { Host = _folder, Username = "postgres", Database = "postgres" }.ConnectionString;
        Start();
    }

    private string Data => Path.Combine(_folder, "data");

    /// <summary>The newest PostgreSQL installed the Debian way (/usr/lib/postgresql/VERSION/bin).</summary>
    private static string ServerPrograms()
    {
        const string root = "/usr/lib/postgresql";
        var versions = Directory.Exists(root) ? Directory.GetDirectories(root) : [];
        return versions.Where(v => File.Exists(Path.Combine(v, "bin", "pg_ctl")))
                   .OrderByDescending(v => int.TryParse(Path.GetFileName(v), out var version) ? version : 0)
                   .Select(v => Path.Combine(v, "bin")).FirstOrDefault()
               ?? throw new InvalidOperationException($"No PostgreSQL server under {root}: run ./test.sh, which installs it.");
    }

    public void Start() => AsServerUser(Path.Combine(_bin, "pg_ctl"), "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
        "-o", $"-k {_folder} -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start");

    /// <summary>Stops the server as an operator would for maintenance: open sessions are ended, new ones refused.</summary>
    public void Stop() => AsServerUser(Path.Combine(_bin, "pg_ctl"), "-D", Data, "-m", "fast", "-w", "stop");

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try { Stop(); }
        catch (InvalidOperationException) { } // already stopped
        Directory.Delete(_folder, recursive: true);
    }

    private static void AsServerUser(string program, params string[] arguments)
    {
        if (Environment.UserName == "root") Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        else Run(program, arguments);
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {errors.Result}{output.Result}");
    }
}
