using Mobility.Planning.Vrp;
using Mobility.TestSupport;

namespace Mobility.Planning.Tests.Vrp;

public class VrptwTests
{
    private static string Folder => SharedData.BenchmarkDirectory("vrptw-homberger-1000");

    [Fact]
    public void An_instance_is_read_with_its_fleet_capacity_and_windows_in_tenths()
    {
        var problem = VrplibReader.Read(Path.Combine(Folder, "C1_10_1.vrp"));
        Assert.Equal(("C1_10_1", 1000, 250, 200), (problem.Name, problem.CustomerCount, problem.VehicleLimit, problem.Capacity));
        Assert.Equal((0, 18240), (problem.Ready[0], problem.Due[0]));      // depot: 0 to 1824
        Assert.Equal((2000, 2700, 10), (problem.Ready[1], problem.Due[1], problem.Demand[1])); // node 2 of the file
        Assert.Equal(900, problem.Service[1]);
        Assert.Equal(0, problem.Service[0]);
    }

    [Fact]
    public void Every_best_known_solution_is_feasible_and_costs_what_it_states()
    {
        var checkedFiles = 0;
        foreach (var instance in Directory.EnumerateFiles(Folder, "*.vrp").Order())
        {
            var problem = VrplibReader.Read(instance);
            var (solution, stated) = VrpSolution.Read(Path.ChangeExtension(instance, ".sol"));
            var (violations, cost) = VrptwChecker.Check(problem, solution);
            Assert.True(violations.Count == 0, $"{problem.Name}: {string.Join("; ", violations.Take(3))}");
            Assert.True(Math.Abs(cost / 10.0 - stated) < 0.05 + 1e-9, $"{problem.Name}: recomputed {cost / 10.0}, stated {stated}");
            checkedFiles++;
        }
        Assert.Equal(60, checkedFiles);
    }

    [Fact]
    public void The_checker_names_each_kind_of_violation()
    {
        var problem = VrplibReader.Read(Path.Combine(Folder, "C1_10_1.vrp"));
        var (best, _) = VrpSolution.Read(Path.Combine(Folder, "C1_10_1.sol"));
        // Customer 6 moved to the end of another route (late), the first route emptied of its first customer (missing),
        // and one route doubled (served twice, overloaded fleet count unaffected).
        var routes = best.Routes.Select(r => r.ToArray()).ToList();
        var moved = routes[0][0];
        routes[0] = routes[0][1..];
        routes[1] = [.. routes[1], moved];
        routes.Add(routes[2]);
        var (violations, _) = VrptwChecker.Check(problem, new VrpSolution(routes));
        Assert.Contains(violations, v => v.Contains($"customer {moved} served at"));
        Assert.Contains(violations, v => v.Contains("served 2 times"));
        var overloaded = new VrpSolution([Enumerable.Range(1, problem.CustomerCount).ToArray()]);
        Assert.Contains(VrptwChecker.Check(problem, overloaded).Violations, v => v.Contains("over capacity"));
    }

    [Theory]
    [InlineData("C1_10_1")]
    [InlineData("C2_10_1")]
    [InlineData("R1_10_1")]
    [InlineData("R2_10_1")]
    [InlineData("RC1_10_1")]
    [InlineData("RC2_10_1")]
    public void The_construction_serves_every_customer_feasibly(string name)
    {
        var problem = VrplibReader.Read(Path.Combine(Folder, name + ".vrp"));
        var solution = InsertionConstruction.Solve(problem);
        var (violations, _) = VrptwChecker.Check(problem, solution);
        Assert.True(violations.Count == 0, string.Join("; ", violations.Take(3)));
    }

    [Fact]
    public void A_malformed_file_is_reported_with_its_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.vrp");
        File.WriteAllText(path, "NAME : bad\nTYPE : VRPTW\nDIMENSION : 3\nCAPACITY : 10\nNODE_COORD_SECTION\n1 0 0\n2 x 5\n");
        try
        {
            var error = Assert.Throws<FormatException>(() => VrplibReader.Read(path));
            Assert.Contains("line 7", error.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_file_without_time_windows_and_a_malformed_solution_are_reported()
    {
        var instance = Path.Combine(Path.GetTempPath(), $"no-windows-{Guid.NewGuid():N}.vrp");
        var solution = Path.ChangeExtension(instance, ".sol");
        File.WriteAllText(instance, "NAME : w\nTYPE : VRPTW\nDIMENSION : 2\nCAPACITY : 10\nNODE_COORD_SECTION\n1 0 0\n2 1 1\nDEMAND_SECTION\n1 0\n2 1\nEOF\n");
        File.WriteAllText(solution, "Route #1: 1 2\nRoute #2: 3 x\nCost 10\n");
        try
        {
            Assert.Contains("no TIME_WINDOW_SECTION", Assert.Throws<FormatException>(() => VrplibReader.Read(instance)).Message);
            var error = Assert.Throws<FormatException>(() => VrpSolution.Read(solution));
            Assert.Contains("line 2", error.Message);
            Assert.Contains("'x'", error.Message);
        }
        finally { File.Delete(instance); File.Delete(solution); }
    }
}
