using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mobility.Routing.Algorithms.Search;
using Mobility.Routing.Graphs;
using Mobility.Routing.Osm;
using Mobility.Routing.Profiles;
using Mobility.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace Mobility.Routing.Tests;

/// <summary>
/// The yardstick: the same extract loaded into PostGIS by osm2pgrouting (its car configuration), and shortest
/// distances compared with ours on random pairs. pgRouting reads neither access tags nor turn restrictions, so the
/// comparison uses our car profile without them; everything else (highway classes, oneway, roundabouts, splitting at
/// junctions) is ours as it is.
/// </summary>
public class PgRoutingAgreementTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>
{
    private static readonly VehicleProfile CarAsPgRoutingSeesIt = new()
    {
        Name = "car", DefaultSpeeds = VehicleProfiles.Car.DefaultSpeeds, AccessKeys = [], RestrictionKeys = [],
    };

    [Fact]
    public async Task Shortest_distances_agree_with_pgRouting_within_one_percent_on_200_random_pairs()
    {
        var pbf = SharedData.OsmFile("heidelberg.osm.pbf");
        var xml = Path.Combine(Path.GetTempPath(), $"heidelberg-{Guid.NewGuid():N}.osm");
        try
        {
            Run("osmium", $"cat \"{pbf}\" -o \"{xml}\" --overwrite");
            await Execute("CREATE EXTENSION IF NOT EXISTS pgrouting; CREATE EXTENSION IF NOT EXISTS hstore;");
            var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            Run("osm2pgrouting", $"--f \"{xml}\" --conf /usr/share/osm2pgrouting/mapconfig_for_cars.xml --dbname {server.Database} " +
                                 $"--username {server.Username} --host {server.Host} --port {server.Port} --clean");
        }
        finally { File.Delete(xml); }

        var pgrVertexAt = new Dictionary<(long, long), long>();
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT id, ST_Y(the_geom), ST_X(the_geom) FROM ways_vertices_pgr", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                pgrVertexAt[(Fixed(reader.GetDouble(1)), Fixed(reader.GetDouble(2)))] = reader.GetInt64(0);
        }

        var network = OsmImporter.Import(pbf, [CarAsPgRoutingSeesIt]);
        var timeGraph = DirectedGraph.ForProfile(network, 0);
        var distanceGraph = timeGraph.WithWeights(timeGraph.Metres.Select(m => (int)Math.Round(m * 10)).ToArray()); // decimetres
        var inComponent = StronglyConnectedComponents.Largest(distanceGraph);
        var candidates = Enumerable.Range(0, network.VertexCount)
            .Where(v => inComponent[v] && pgrVertexAt.ContainsKey((network.VertexLatitudes[v], network.VertexLongitudes[v])))
            .ToArray();
        Assert.True(candidates.Length > 10_000, $"Only {candidates.Length} vertices are shared with pgRouting's graph.");

        var random = new Random(17);
        var pairs = Enumerable.Range(0, 200).Select(_ => (candidates[random.Next(candidates.Length)], candidates[random.Next(candidates.Length)]))
            .Where(p => p.Item1 != p.Item2).ToList();
        long PgrId(int v) => pgrVertexAt[(network.VertexLatitudes[v], network.VertexLongitudes[v])];

        var values = string.Join(",", pairs.Select(p => $"({PgrId(p.Item1)},{PgrId(p.Item2)})"));
        var pgRouting = new Dictionary<(long, long), double>();
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            var sql = "SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstraCost(" +
                      "'SELECT gid AS id, source, target, CASE WHEN cost < 0 THEN -1 ELSE length_m END AS cost, " +
                      "CASE WHEN reverse_cost < 0 THEN -1 ELSE length_m END AS reverse_cost FROM ways', " +
                      $"'SELECT * FROM (VALUES {values}) AS pairs(source, target)', directed => true)";
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) pgRouting[(reader.GetInt64(0), reader.GetInt64(1))] = reader.GetDouble(2);
        }

        var dijkstra = new Dijkstra(distanceGraph);
        var report = new StringBuilder();
        var disagreements = 0;
        var worst = 0.0;
        foreach (var (source, target) in pairs)
        {
            var ours = dijkstra.OneToOne(source, target).Milliseconds / 10.0;
            if (!pgRouting.TryGetValue((PgrId(source), PgrId(target)), out var theirs))
            {
                disagreements++;
                report.AppendLine(CultureInfo.InvariantCulture, $"{source}→{target}: ours {ours:F0} m, pgRouting finds no path");
                continue;
            }
            var gap = Math.Abs(ours - theirs) / Math.Max(theirs, 1);
            worst = Math.Max(worst, gap);
            if (gap > 0.01)
            {
                disagreements++;
                report.AppendLine(CultureInfo.InvariantCulture, $"{source}→{target}: ours {ours:F0} m, pgRouting {theirs:F0} m");
            }
        }
        output.WriteLine($"{pairs.Count} pairs, {disagreements} beyond 1%, worst gap {worst:P2}");
        output.WriteLine(report.ToString());
        Assert.True(disagreements == 0, $"{disagreements} of {pairs.Count} pairs differ by more than 1% (worst {worst:P2}):\n{report}");
    }

    private static long Fixed(double degrees) => (long)Math.Round(degrees * RoadNetwork.CoordinateScale);

    private async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{program} did not start (is it installed? ./test.sh installs it).");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
    }
}
