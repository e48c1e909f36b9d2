using System.Diagnostics;
using Mobility.Routing.Graphs;
using Npgsql;

namespace Mobility.Bench;

/// <summary>
/// Loads an extract into PostGIS with osm2pgrouting (its car configuration) and times pgr_dijkstraCostMatrix,
/// so that our matrices are compared with the yardstick on the same points in the same run.
/// </summary>
internal sealed class PgRoutingYardstick(string connectionString)
{
    public void Load(string osmPbf, Action<string> progress)
    {
        var xml = Path.Combine(Path.GetTempPath(), $"pgrouting-{Environment.ProcessId}.osm");
        try
        {
            Run("osmium", $"cat \"{osmPbf}\" -o \"{xml}\" --overwrite");
            using (var connection = Open())
            using (var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS pgrouting; CREATE EXTENSION IF NOT EXISTS hstore;", connection))
                command.ExecuteNonQuery();
            var server = new NpgsqlConnectionStringBuilder(connectionString);
            var clock = Stopwatch.StartNew();
            Run("osm2pgrouting", $"--f \"{xml}\" --conf /usr/share/osm2pgrouting/mapconfig_for_cars.xml --dbname {server.Database} " +
                                 $"--username {server.Username} --host {server.Host} --port {server.Port} --clean");
            progress($"osm2pgrouting load: {clock.Elapsed.TotalSeconds:F1} s");
        }
        finally { File.Delete(xml); }
    }

    /// <summary>pgRouting's vertex id for each of our vertices at the same OSM node, or −1.</summary>
    public long[] VertexIds(RoadNetwork network)
    {
        var byPosition = new Dictionary<(long, long), long>();
        using (var connection = Open())
        using (var command = new NpgsqlCommand("SELECT id, ST_Y(the_geom), ST_X(the_geom) FROM ways_vertices_pgr", connection))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                byPosition[((long)Math.Round(reader.GetDouble(1) * RoadNetwork.CoordinateScale),
                            (long)Math.Round(reader.GetDouble(2) * RoadNetwork.CoordinateScale))] = reader.GetInt64(0);
        return Enumerable.Range(0, network.VertexCount)
            .Select(v => byPosition.GetValueOrDefault((network.VertexLatitudes[v], network.VertexLongitudes[v]), -1)).ToArray();
    }

    /// <summary>Seconds pgr_dijkstraCostMatrix takes over the points (travel-time costs), and the cells it returns.</summary>
    public (double Seconds, long Cells) TimeCostMatrix(IEnumerable<long> vertices)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pgr_dijkstraCostMatrix('SELECT gid AS id, source, target, cost_s AS cost, " +
            "reverse_cost_s AS reverse_cost FROM ways', $1, directed => true)", connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue(vertices.ToArray());
        var clock = Stopwatch.StartNew();
        var cells = (long)command.ExecuteScalar()!;
        return (clock.Elapsed.TotalSeconds, cells);
    }

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static void Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{program} did not start: install it (./test.sh and ./run.sh do).");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {stderr.Result}");
    }
}
