using Mobility.Planning.Carpools;
using Mobility.Planning.TravelTimes;
using Mobility.TestSupport;
using Xunit.Abstractions;

namespace Mobility.Planning.Tests.Carpools;

/// <summary>A re-match of everyone after a few declines keeps the groups already proposed that nobody declined, unless
/// another plan serves more: each group moved is a withdrawal and a new proposal its people must answer again. And a plan
/// leaves no group unproposed that a later re-match would find.</summary>
public class KeepProposedTests(ITestOutputHelper output)
{
    private static readonly ITravelTimes Roads = new CrowFlyTravelTimes();

    [Theory]
    [InlineData(42)]
    [InlineData(7)]
    public void After_declines_a_whole_rematch_moves_half_as_many_groups_or_fewer_and_serves_as_many(int seed)
    {
        var (toWorkPeople, toHomePeople) = SyntheticCarpools.GenerateDay(1200, 6, seed, shiftStarts: 3);
        var toWork = new CarpoolInstance(toWorkPeople, Roads);
        var toHome = new CarpoolInstance(toHomePeople, Roads, CommuteDirection.ToHome, toWorkPeople);
        var first = CarpoolMatcher.MatchDay(toWork, toHome);

        // Ten passengers decline their group to work: kept apart from its other members, as the server does.
        var declined = first.ToWork.Selection.Groups.Where(g => g.Pickups.Count >= 2).Take(10).ToList();
        var keepApart = declined.SelectMany(g => g.Members.Where(m => m != g.Pickups[0])
            .Select(m => (toWork.Participants[g.Pickups[0]].Id, toWork.Participants[m].Id))).ToList();

        var (withoutKeep, withKeep) = (CarpoolMatcher.MatchDay(toWork, toHome, keepApart: keepApart),
            CarpoolMatcher.MatchDay(toWork, toHome, keepApart: keepApart,
                proposedToWork: first.ToWork.Selection.Groups, proposedToHome: first.ToHome.Selection.Groups));

        Assert.Empty(CarpoolChecker.Violations(toWork, withKeep.ToWork.Selection.Groups));
        Assert.Empty(CarpoolChecker.Violations(toHome, withKeep.ToHome.Selection.Groups));
        var (movedWithout, movedWith) = (Moved(first, withoutKeep, declined), Moved(first, withKeep, declined));
        var (servedWithout, servedWith) = (Served(withoutKeep), Served(withKeep));
        output.WriteLine($"seed {seed}: {first.ToWork.Selection.Groups.Count + first.ToHome.Selection.Groups.Count} groups; moved without the bonus "
                         + $"{movedWithout}, with it {movedWith}; passengers served {servedWithout} / {servedWith} (first run {Served(first)})");
        Assert.True(movedWith * 2 <= movedWithout, $"moved {movedWith} with the bonus, {movedWithout} without");
        // The bonus is worth far less than a passenger; the search still wanders a little either way.
        Assert.True(servedWith >= servedWithout * 0.995, $"served {servedWith} with the bonus, {servedWithout} without");
    }

    /// <summary>A day's plan leaves nobody free who could still form a group: a re-match that keeps every group as it is
    /// finds nothing more to propose. Before the leftover rounds, each driver's candidates came from their nearest partners
    /// only, all taken by better groups: 836 groups to work here, and the next decision's re-match proposed 9 more to
    /// people it did not concern (95 of 3,065 on the 5,000-employee hub bench).</summary>
    [Fact]
    public void A_plan_leaves_nobody_free_who_could_still_share_a_car()
    {
        var (toWorkPeople, toHomePeople) = SyntheticCarpools.GenerateDay(3000, 6, 7, shiftStarts: 3);
        var toWork = new CarpoolInstance(toWorkPeople, Roads);
        var toHome = new CarpoolInstance(toHomePeople, Roads, CommuteDirection.ToHome, toWorkPeople);
        var plan = CarpoolMatcher.MatchDay(toWork, toHome);
        var again = CarpoolMatcher.MatchDay(toWork, toHome, fixedToWork: plan.ToWork.Selection.Groups, fixedToHome: plan.ToHome.Selection.Groups);
        Assert.Equal(plan.ToWork.Selection.Groups.Count, again.ToWork.Selection.Groups.Count);
        Assert.Equal(plan.ToHome.Selection.Groups.Count, again.ToHome.Selection.Groups.Count);
    }

    /// <summary>The first run's groups nobody declined that the second run does not propose again.</summary>
    private static int Moved(CarpoolDayPlan first, CarpoolDayPlan second, IReadOnlyList<MatchedGroup> declined)
    {
        var declinedKeys = declined.Select(g => GroupKey.Of(g)).ToHashSet();
        int MovedOneWay(CarpoolPlan before, CarpoolPlan after)
        {
            var again = after.Selection.Groups.Select(g => GroupKey.Of(g)).ToHashSet();
            return before.Selection.Groups.Select(g => GroupKey.Of(g)).Count(k => !declinedKeys.Contains(k) && !again.Contains(k));
        }
        return MovedOneWay(first.ToWork, second.ToWork) + MovedOneWay(first.ToHome, second.ToHome);
    }

    private static int Served(CarpoolDayPlan plan) =>
        plan.ToWork.Selection.Groups.Sum(g => g.Pickups.Count) + plan.ToHome.Selection.Groups.Sum(g => g.Pickups.Count);
}
