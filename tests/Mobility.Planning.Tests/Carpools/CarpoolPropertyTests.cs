using Mobility.Planning.Carpools;
using Mobility.Planning.TravelTimes;

namespace Mobility.Planning.Tests.Carpools;

/// <summary>On random instances, nothing any method returns breaks a rule, and the results are reproducible.</summary>
public class CarpoolPropertyTests
{
    private static readonly ITravelTimes Roads = new CrowFlyTravelTimes();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void No_group_from_any_method_violates_capacity_windows_detours_or_ride_limits(int seed)
    {
        var instance = new CarpoolInstance(SyntheticCarpools.Generate(120, 4, seed), Roads);
        var candidates = new GroupEnumerator(instance).Enumerate();
        Assert.NotEmpty(candidates);
        Assert.Empty(CarpoolChecker.Violations(instance, candidates.Take(0))); // the checker accepts nothing as nothing
        foreach (var group in candidates) Assert.Empty(CarpoolChecker.Violations(instance, [group]));
        foreach (var selection in new[] { CarpoolSelector.Exact(instance, candidates), CarpoolSelector.Greedy(instance, candidates), PairwiseBaseline.Match(instance) })
            Assert.Empty(CarpoolChecker.Violations(instance, selection.Groups));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void The_exact_choice_is_never_worse_than_greedy_and_serves_at_least_the_baselines_passengers(int seed)
    {
        var instance = new CarpoolInstance(SyntheticCarpools.Generate(150, 5, seed), Roads);
        var candidates = new GroupEnumerator(instance).Enumerate();
        var exact = CarpoolSelector.Exact(instance, candidates);
        var greedy = CarpoolSelector.Greedy(instance, candidates);
        Assert.True(exact.ProvenOptimal);
        Assert.True(exact.Value >= greedy.Value);
        Assert.True(exact.Groups.Sum(g => g.Pickups.Count) >= PairwiseBaseline.Match(instance).Groups.Sum(g => g.Pickups.Count));
    }

    [Fact]
    public void Same_input_and_seed_give_the_same_plan()
    {
        CarpoolPlan Run() => CarpoolMatcher.Match(new CarpoolInstance(SyntheticCarpools.Generate(150, 5, seed: 7), Roads));
        var (first, second) = (Run(), Run());
        Assert.Equal(first.Selection.Groups.Select(g => (g.Driver, string.Join(',', g.Pickups))),
                     second.Selection.Groups.Select(g => (g.Driver, string.Join(',', g.Pickups))));
        Assert.Equal(first.VehicleKilometresSaved, second.VehicleKilometresSaved);
    }

    [Fact]
    public void Savings_add_up()
    {
        var plan = CarpoolMatcher.Match(new CarpoolInstance(SyntheticCarpools.Generate(150, 5, seed: 9), Roads));
        Assert.True(plan.PassengersServed > 0);
        Assert.True(plan.VehicleKilometresSaved > 0);
        Assert.Equal(plan.VehicleKilometresSaved * 0.120, plan.KilogramsCo2Saved, 6);
        Assert.True(plan.CarsRemoved <= plan.PassengersServed);
    }
}
