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
}
