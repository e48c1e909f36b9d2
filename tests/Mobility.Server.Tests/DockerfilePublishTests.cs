using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Mobility.TestSupport;
using Xunit.Abstractions;

namespace Mobility.Server.Tests;

/// <summary>
/// These machines have no Docker engine, so the image itself is never built here. What it does is checked instead: the
/// Dockerfile's own <c>dotnet publish</c> commands are run as written, and the published server, started as the
/// container starts it (its folder as working directory, migrate-on-start as compose.yaml sets it) on an empty
/// database, becomes ready, serves the web app and answers the API.
/// </summary>
public partial class DockerfilePublishTests(ITestOutputHelper output)
{
    [GeneratedRegex(@"^RUN dotnet publish (?<project>\S+) -c Release -o /app/(?<folder>\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PublishCommand();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder != null && !File.Exists(Path.Combine(folder.FullName, "Mobility.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Mobility.sln not found above " + AppContext.BaseDirectory);
    }

    private async Task RunAsync(string workingDirectory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var outputText = process.StandardOutput.ReadToEndAsync();
        var errorText = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await outputText}\n{await errorText}");
        output.WriteLine($"{string.Join(' ', arguments)}: done");
    }

    [Fact]
    public async Task The_published_server_starts_on_an_empty_database_and_serves_the_app()
    {
        var root = RepositoryRoot();
        var dockerfile = await File.ReadAllTextAsync(Path.Combine(root, "docker", "Dockerfile"));
        var commands = PublishCommand().Matches(dockerfile).ToList();
        Assert.Equal(["server", "cli"], commands.Select(c => c.Groups["folder"].Value));
        Assert.True(File.Exists(Path.Combine(root, "src", "Mobility.Server", "wwwroot", "index.html")),
            "the web app is not built: ./test.sh builds it first, as the Dockerfile's web stage does");

        var app = Directory.CreateTempSubdirectory("mobility-publish-");
        try
        {
            foreach (var command in commands)
                await RunAsync(root, "dotnet", "publish", command.Groups["project"].Value, "-c", "Release", "-o",
                    Path.Combine(app.FullName, command.Groups["folder"].Value), "-nologo", "-v", "quiet");

            using var database = new TestDatabase();
            var port = FreePort.Pick();
            var serverFolder = Path.Combine(app.FullName, "server");
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = serverFolder, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(serverFolder, "Mobility.Server.dll"));
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["MOBILITY_DB"] = database.ConnectionString;
            start.Environment["Database__MigrateOnStart"] = "true";
            using var server = Process.Start(start)!;
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                Assert.True(await ReadyWithinAsync(client, server, TimeSpan.FromSeconds(90)), "the published server did not become ready");
                var page = await client.GetStringAsync("/");
                Assert.Contains("lang=\"fr\"", page);
                using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@test.local", password = "not-a-password-1" });
                Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
        finally
        {
            app.Delete(recursive: true);
        }
    }

    private static async Task<bool> ReadyWithinAsync(HttpClient client, Process server, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit && !server.HasExited)
        {
            try
            {
                using var ready = await client.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK) return true;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(500);
        }
        return false;
    }
}
