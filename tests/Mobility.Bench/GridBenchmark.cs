using System.CommandLine;
using System.Diagnostics;
using Mobility.Routing;
using Mobility.Routing.Algorithms.Matrices;
using Mobility.Routing.Osm;
using Mobility.Routing.Profiles;

namespace Mobility.Bench;

/// <summary>`mobility-bench grid`: how import, hierarchy and matrix cost grow, on a synthetic street grid (<see cref="SyntheticGrid"/>).</summary>
internal static class GridBenchmark
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 42 };
        var vertices = new Option<int>("--vertices") { Description = "Approximate junction count of the square grid.", DefaultValueFactory = _ => 100_000 };
        var grid = new Command("grid", "Measures import, hierarchy and a 1000 x 1000 matrix on a synthetic street grid (car).");
        grid.Options.Add(vertices);
        grid.Options.Add(seed);
        grid.SetAction(parse => Run(parse.GetValue(vertices), parse.GetValue(seed)));
        return grid;
    }

    private static int Run(int vertexCount, int seed)
    {
        var side = (int)Math.Round(Math.Sqrt(vertexCount));
        var file = Path.Combine(Path.GetTempPath(), $"grid-{side}-{Environment.ProcessId}.osm.pbf");
        try
        {
            var clock = Stopwatch.StartNew();
            SyntheticGrid.Write(file, side);
            Console.WriteLine($"grid {side} x {side} = {side * side:N0} junctions: PBF written in {clock.Elapsed.TotalSeconds:F1} s ({new FileInfo(file).Length / 1e3:F0} KB)");
            clock.Restart();
            var network = OsmImporter.Import(file, [VehicleProfiles.Car]);
            Console.WriteLine($"import: {clock.Elapsed.TotalSeconds:F1} s, {network.VertexCount:N0} vertices, {network.EdgeCount:N0} edges");
            clock.Restart();
            var car = ProfileRouter.Build(network, "car");
            Console.WriteLine($"graph + component + hierarchy: {clock.Elapsed.TotalSeconds:F1} s, {car.Hierarchy.Up.Count + car.Hierarchy.Down.Count:N0} hierarchy arcs");
            var random = new Random(seed);
            var points = Enumerable.Range(0, 1000).Select(_ => random.Next(network.VertexCount)).ToArray();
            var matrix = new BucketManyToMany(car.Hierarchy);
            clock.Restart();
            var (milliseconds, _) = matrix.Compute(points, points);
            Console.WriteLine($"matrix 1000 x 1000: {clock.Elapsed.TotalSeconds:F2} s ({milliseconds.Count(ms => ms != long.MaxValue):N0} cells reachable)");
            Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
            return 0;
        }
        finally { File.Delete(file); }
    }
}
