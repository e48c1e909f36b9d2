using Mobility.Planning.Carpools;
using Mobility.Planning.TravelTimes;
using Mobility.Routing;
using Mobility.TestSupport;

namespace Mobility.Planning.Tests.Carpools;

/// <summary>Re-matching after one change, on random days: groups the change does not reach stay exactly as they were.</summary>
public class CarpoolRematchTests
{
    private static readonly ITravelTimes Roads = new CrowFlyTravelTimes();

    private sealed record Day(List<CarpoolParticipant> ToWorkPeople, List<CarpoolParticipant> ToHomePeople)
    {
        public CarpoolInstance ToWork { get; } = new(ToWorkPeople, Roads);
        public CarpoolInstance ToHome { get; } = new(ToHomePeople, Roads, CommuteDirection.ToHome);

        public static Day Random(int seed)
        {
            var (toWork, toHome) = SyntheticCarpools.GenerateDay(200, 4, seed, shiftStarts: 3);
            return new Day(toWork, toHome);
        }
    }

    private static IEnumerable<string> Described(CarpoolInstance instance, IEnumerable<MatchedGroup> groups) => groups.Select(g =>
        $"{g.Direction}:{instance.Participants[g.Driver].Id}:{string.Join(',', g.Pickups.Select(p => instance.Participants[p].Id))}:{g.Departure}");

    private static IEnumerable<string> Described(Day day, CarpoolDayPlan plan) =>
        Described(day.ToWork, plan.ToWork.Selection.Groups).Concat(Described(day.ToHome, plan.ToHome.Selection.Groups));

    private static void AssertUntouchedGroupsKept(Day before, CarpoolDayPlan previous, Day after, RematchResult result)
    {
        Assert.Empty(CarpoolChecker.Violations(after.ToWork, result.Plan.ToWork.Selection.Groups));
        Assert.Empty(CarpoolChecker.Violations(after.ToHome, result.Plan.ToHome.Selection.Groups));
        var affected = result.Affected.ToHashSet();
        var now = Described(after, result.Plan).ToHashSet();
        var untouched = previous.ToWork.Selection.Groups.Where(g => !g.Members.Any(m => affected.Contains(before.ToWorkPeople[m].Id)))
            .Select(g => Described(before.ToWork, [g]).Single())
            .Concat(previous.ToHome.Selection.Groups.Where(g => !g.Members.Any(m => affected.Contains(before.ToHomePeople[m].Id)))
                .Select(g => Described(before.ToHome, [g]).Single()))
            .ToList();
        Assert.All(untouched, g => Assert.Contains(g, now));
        // One change reaches a few groups, not the whole day.
        Assert.True(untouched.Count >= (previous.ToWork.Selection.Groups.Count + previous.ToHome.Selection.Groups.Count) / 2);
        Assert.True(affected.Count < before.ToWorkPeople.Count / 4, $"{affected.Count} people affected");
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    public void A_shift_change_regroups_only_the_people_it_reaches(int seed)
    {
        var day = Day.Random(seed);
        var previous = CarpoolMatcher.MatchDay(day.ToWork, day.ToHome);
        var moved = previous.ToWork.Selection.Groups.First(g => g.Pickups.Count > 0).Pickups[0];
        var id = day.ToWorkPeople[moved].Id;
        CarpoolParticipant Later(CarpoolParticipant p) => p.Id == id ? p with { Earliest = p.Earliest + 8 * 3600, Latest = p.Latest + 8 * 3600 } : p;
        var after = new Day(day.ToWorkPeople.Select(Later).ToList(), day.ToHomePeople.Select(Later).ToList());

        var result = CarpoolRematch.AfterChange(day.ToWork, day.ToHome, previous, after.ToWork, after.ToHome, [id]);
        AssertUntouchedGroupsKept(day, previous, after, result);
        Assert.Contains(id, result.Affected);
        var again = CarpoolRematch.AfterChange(day.ToWork, day.ToHome, previous, after.ToWork, after.ToHome, [id]);
        Assert.Equal(Described(after, result.Plan), Described(after, again.Plan));
    }

    [Theory]
    [InlineData(34)]
    [InlineData(35)]
    public void Someone_who_leaves_disappears_from_the_plan_and_the_rest_stays(int seed)
    {
        var day = Day.Random(seed);
        var previous = CarpoolMatcher.MatchDay(day.ToWork, day.ToHome);
        var leaver = day.ToWorkPeople[previous.ToWork.Selection.Groups.First(g => g.Pickups.Count > 1).Driver].Id;
        var after = new Day(day.ToWorkPeople.Where(p => p.Id != leaver).ToList(), day.ToHomePeople.Where(p => p.Id != leaver).ToList());

        var result = CarpoolRematch.AfterChange(day.ToWork, day.ToHome, previous, after.ToWork, after.ToHome, [leaver]);
        AssertUntouchedGroupsKept(day, previous, after, result);
        Assert.DoesNotContain(Described(after, result.Plan), g => g.Contains(leaver));
    }

    [Fact]
    public void A_declined_group_is_not_proposed_again_and_its_other_members_are_regrouped()
    {
        var day = Day.Random(36);
        var previous = CarpoolMatcher.MatchDay(day.ToWork, day.ToHome);
        var declined = previous.ToWork.Selection.Groups.First(g => g.Pickups.Count > 1);
        var names = declined.Members.Select(m => day.ToWorkPeople[m].Id).ToList();
        var decliner = names[1];
        var apart = names.Where(n => n != decliner).Select(n => (decliner, n)).ToList();

        var result = CarpoolRematch.AfterChange(day.ToWork, day.ToHome, previous, day.ToWork, day.ToHome, [decliner], apart);
        AssertUntouchedGroupsKept(day, previous, day, result);
        foreach (var (instance, groups) in new[] { (day.ToWork, result.Plan.ToWork.Selection.Groups), (day.ToHome, result.Plan.ToHome.Selection.Groups) })
            foreach (var group in groups)
            {
                var members = group.Members.Select(m => instance.Participants[m].Id).ToList();
                Assert.False(members.Contains(decliner) && apart.Any(p => members.Contains(p.n)), string.Join(',', members));
            }
    }

    [Fact]
    public void A_newcomer_is_matched_without_moving_the_accepted_groups()
    {
        var day = Day.Random(37);
        var previous = CarpoolMatcher.MatchDay(day.ToWork, day.ToHome);
        // A passenger living next door to a driver who drives alone, on the same shift and site.
        var served = previous.ToWork.Selection.Groups.SelectMany(g => g.Members).ToHashSet();
        var lone = Enumerable.Range(0, day.ToWorkPeople.Count).First(i => day.ToWorkPeople[i].Role == CarpoolRole.Driver && !served.Contains(i));
        CarpoolParticipant Newcomer(CarpoolParticipant p) => p with
        {
            Id = "NEW", Role = CarpoolRole.Passenger, Seats = 0, Home = new GeoPoint(p.Home.Latitude + 0.001, p.Home.Longitude),
        };
        var after = new Day([.. day.ToWorkPeople, Newcomer(day.ToWorkPeople[lone])], [.. day.ToHomePeople, Newcomer(day.ToHomePeople[lone])]);

        var result = CarpoolRematch.AfterChange(day.ToWork, day.ToHome, previous, after.ToWork, after.ToHome, ["NEW"]);
        AssertUntouchedGroupsKept(day, previous, after, result);
        Assert.Contains(result.Plan.ToWork.Selection.Groups, g => g.Pickups.Contains(after.ToWork.IndexOf("NEW")));
        Assert.Contains(result.Plan.ToHome.Selection.Groups, g => g.Pickups.Contains(after.ToHome.IndexOf("NEW")));
    }
}
