using Mobility.Planning.Carpools;
using Mobility.Planning.TravelTimes;
using Mobility.TestSupport;

namespace Mobility.Planning.Tests.Carpools;

public class GroupEnumeratorTests
{
    [Fact]
    public void A_driver_keeps_only_their_most_valuable_larger_groups_and_every_pair()
    {
        var (toWork, _) = SyntheticCarpools.GenerateDay(600, 4, 43, shiftStarts: 2);
        var instance = new CarpoolInstance(toWork, new CrowFlyTravelTimes());
        var all = new GroupEnumerator(instance).Enumerate();
        var capped = new GroupEnumerator(instance, groupsPerDriver: 5).Enumerate();
        static string Key(MatchedGroup g) => $"{g.Driver}:{string.Join(',', g.Pickups.Order())}";
        var allKeys = all.Select(Key).ToHashSet();
        Assert.All(capped, g => Assert.Contains(Key(g), allKeys));
        Assert.Equal(all.Count(g => g.Pickups.Count == 1), capped.Count(g => g.Pickups.Count == 1));
        var trimmed = 0;
        foreach (var driver in all.Select(g => g.Driver).Distinct())
        {
            var kept = capped.Where(g => g.Driver == driver && g.Pickups.Count > 1).ToList();
            var every = all.Where(g => g.Driver == driver && g.Pickups.Count > 1).ToList();
            Assert.Equal(Math.Min(5, every.Count), kept.Count);
            if (every.Count <= 5) continue;
            trimmed++;
            var keptKeys = kept.Select(Key).ToHashSet();
            var worstKept = kept.Min(g => GroupValue.Of(instance, g));
            Assert.All(every.Where(g => !keptKeys.Contains(Key(g))), g => Assert.True(GroupValue.Of(instance, g) <= worstKept));
        }
        Assert.True(trimmed > 10, $"{trimmed} drivers trimmed");
    }

    [Fact]
    public void Growing_only_the_best_groups_of_two_builds_every_group_of_three_one_of_them_is_in_and_no_other()
    {
        var (toWork, _) = SyntheticCarpools.GenerateDay(600, 4, 43, shiftStarts: 2);
        var instance = new CarpoolInstance(toWork, new CrowFlyTravelTimes());
        var all = new GroupEnumerator(instance).Enumerate();
        var beam = new GroupEnumerator(instance, growFrom: 3).Enumerate();
        static string Key(MatchedGroup g) => $"{g.Driver}:{string.Join(',', g.Pickups.Order())}";
        Assert.Equal(all.Where(g => g.Pickups.Count <= 2).Select(Key).Order(), beam.Where(g => g.Pickups.Count <= 2).Select(Key).Order());
        var narrowed = 0;
        foreach (var driver in all.Select(g => g.Driver).Distinct())
        {
            var twos = all.Where(g => g.Driver == driver && g.Pickups.Count == 2).ToList();
            var best = twos.OrderByDescending(g => GroupValue.Of(instance, g)).Take(3).Select(g => g.Pickups.ToHashSet()).ToList();
            var expected = all.Where(g => g.Driver == driver && g.Pickups.Count == 3 && best.Any(b => b.IsSubsetOf(g.Pickups))).Select(Key).Order().ToList();
            var grown = beam.Where(g => g.Driver == driver && g.Pickups.Count == 3).Select(Key).ToList();
            Assert.Equal(grown.Count, grown.Distinct().Count());
            Assert.Equal(expected, grown.Order());
            if (twos.Count > 3 && expected.Count < all.Count(g => g.Driver == driver && g.Pickups.Count == 3)) narrowed++;
        }
        Assert.True(narrowed > 10, $"{narrowed} drivers narrowed");
    }
}
