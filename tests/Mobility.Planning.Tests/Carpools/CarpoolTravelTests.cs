using Mobility.Planning.Carpools;
using Mobility.Planning.TravelTimes;
using Mobility.TestSupport;

namespace Mobility.Planning.Tests.Carpools;

/// <summary>Home-to-home times only within blocks of people who could share a car: nothing a group needs is left out.</summary>
public class CarpoolTravelTests
{
    private static readonly ITravelTimes Straight = new CrowFlyTravelTimes();

    [Fact]
    public void Shifts_far_apart_make_separate_blocks_and_no_pair_across_them_could_share_a_car()
    {
        var (toWork, toHome) = SyntheticCarpools.GenerateDay(1200, 6, 41, shiftStarts: 3);
        var day = new CarpoolInstance(toWork, Straight, CommuteDirection.ToWork, toHome);
        var travel = day.Travel;
        Assert.True(travel.BlockCount >= 3, $"{travel.BlockCount} blocks");
        Assert.True(travel.Cells < (long)travel.Locations * travel.Locations / 2, $"{travel.Cells} cells");
        var full = Straight.Matrix(toWork.Select(p => p.Home).ToList(), toWork.Select(p => p.Home).ToList());
        var evening = day.WithParticipants(toHome, CommuteDirection.ToHome);
        Assert.Same(travel, evening.Travel);

        var random = new Random(5);
        int across = 0, within = 0;
        for (var k = 0; k < 4000; k++)
        {
            var (a, b) = (random.Next(toWork.Count), random.Next(toWork.Count));
            if (a == b) continue;
            if (!travel.SameBlock(a, b))
            {
                across++;
                Assert.Equal(double.PositiveInfinity, travel.Seconds(a, b));
                // The two alone (one block: every time between them known): they still cannot share a car either way.
                var pairWork = new CarpoolInstance([toWork[a], toWork[b]], Straight, CommuteDirection.ToWork, [toHome[a], toHome[b]]);
                var pairHome = pairWork.WithParticipants([toHome[a], toHome[b]], CommuteDirection.ToHome);
                foreach (var instance in new[] { pairWork, pairHome })
                {
                    var evaluator = new GroupEvaluator(instance);
                    Assert.Null(evaluator.Best(0, [1]));
                    Assert.Null(evaluator.Best(1, [0]));
                }
            }
            else
            {
                within++;
                Assert.Equal(full.Seconds(a, b), travel.Seconds(a, b), 3);
                Assert.Equal(full.Metres(a, b), travel.Metres(a, b), 3);
            }
        }
        Assert.True(across > 1000 && within > 500, $"{across} pairs across blocks, {within} within");
    }

    [Fact]
    public void Windows_that_bring_two_blocks_together_give_larger_blocks()
    {
        var (toWork, toHome) = SyntheticCarpools.GenerateDay(1200, 6, 42, shiftStarts: 3);
        var morning = new CarpoolInstance(toWork, Straight);
        Assert.True(morning.Travel.BlockCount >= 3);
        // Everyone on the first person's window: one block, and the times between all homes are known.
        var together = toWork.Select(p => p with { Earliest = toWork[0].Earliest, Latest = toWork[0].Latest }).ToList();
        var moved = morning.WithParticipants(together, CommuteDirection.ToWork);
        Assert.Equal(1, moved.Travel.BlockCount);
        Assert.True(double.IsFinite(moved.Travel.Seconds(0, toWork.Count - 1)));
    }
}
