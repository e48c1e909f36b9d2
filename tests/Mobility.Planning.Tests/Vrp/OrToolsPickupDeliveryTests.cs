using Mobility.Planning.Vrp;
using Mobility.Planning.Vrp.PickupDelivery;
using Xunit.Abstractions;

namespace Mobility.Planning.Tests.Vrp;

public class OrToolsPickupDeliveryTests(ITestOutputHelper output)
{
    [Fact]
    public void On_tiny_instances_OR_Tools_solutions_pass_the_checker_and_never_beat_the_brute_force_optimum()
    {
        var reachedOptimum = 0;
        for (var seed = 1; seed <= 5; seed++)
        {
            var problem = PickupDeliveryInstances.Random(seed, requests: 4, vehicles: 2);
            var (violations, cost) = PickupDeliveryChecker.Check(problem, OrToolsPickupDelivery.Solve(problem, TimeSpan.FromSeconds(0.2)));
            Assert.True(violations.Count == 0, $"seed {seed}: {string.Join("; ", violations)}");
            var optimum = PickupDeliveryBruteForce.Optimum(problem);
            Assert.True(cost >= optimum - 1e-6, $"seed {seed}: OR-Tools {cost} below the optimum {optimum}: the model misses a constraint");
            if (cost <= optimum + 1e-6) reachedOptimum++;
        }
        output.WriteLine($"OR-Tools reached the optimum on {reachedOptimum} of 5 tiny instances");
        Assert.True(reachedOptimum > 0, "the OR-Tools model never reaches the optimum: it is probably over-constrained");
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void On_larger_instances_both_solvers_give_checked_solutions(int seed)
    {
        var problem = PickupDeliveryInstances.Random(seed, requests: 25, vehicles: 5, gridSize: 100);
        var orTools = PickupDeliveryChecker.Check(problem, OrToolsPickupDelivery.Solve(problem, TimeSpan.FromSeconds(1)));
        var ours = PickupDeliveryChecker.Check(problem, PickupDeliverySolver.Solve(problem, new SolverLimits(TimeSpan.MaxValue, MaxIterations: 400, Seed: seed)));
        Assert.True(orTools.Violations.Count == 0, string.Join("; ", orTools.Violations.Take(3)));
        Assert.True(ours.Violations.Count == 0, string.Join("; ", ours.Violations.Take(3)));
        output.WriteLine($"seed {seed}: ruin and recreate {ours.Cost:F2}, OR-Tools (1 s) {orTools.Cost:F2}");
    }
}
