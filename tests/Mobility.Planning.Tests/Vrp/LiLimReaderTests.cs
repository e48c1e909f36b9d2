using Mobility.Planning.Vrp;
using Mobility.Planning.Vrp.PickupDelivery;

namespace Mobility.Planning.Tests.Vrp;

public class LiLimReaderTests
{
    // Hand-written in the Li & Lim layout: depot, two pickups (3 and 4 units), their deliveries.
    private const string Instance = """
        2	5	1
        0	0	0	0	0	1000	0	0	0
        1	10	0	3	0	100	5	0	3
        2	0	10	4	0	100	5	0	4
        3	20	0	-3	0	200	5	1	0
        4	0	20	-4	0	200	5	2	0
        """;

    [Fact]
    public void Reads_tasks_as_pickup_and_delivery_pairs_and_solves_them_to_the_hand_computed_optimum()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lilim-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, Instance);
        try
        {
            var problem = LiLimReader.Read(path);
            Assert.Equal(2, problem.Requests.Count);
            Assert.Equal((1, 3, 3), (problem.Requests[0].Pickup, problem.Requests[0].Delivery, problem.Requests[0].Load));
            Assert.Equal(new TimeWindow(0, 20000), problem.Requests[0].DeliveryWindow);
            Assert.Equal(2, problem.Vehicles.Count);
            Assert.Equal(1000, problem.Seconds(0, 1));
            var solution = PickupDeliverySolver.Solve(problem, new SolverLimits(TimeSpan.MaxValue, MaxIterations: 200));
            var (violations, cost) = PickupDeliveryChecker.Check(problem, solution);
            Assert.Empty(violations);
            // Capacity 5 < 3 + 4, so the two requests cannot share the vehicle at once: two out-and-back trips of 40
            // (20 + 20) each, or one vehicle doing both in turn: 0→(10,0)→(20,0)→(0,10)→(0,20)→0 = 10+10+22.36+10+20 = 72.36.
            Assert.Equal(72.36, cost, 0.01);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_pickup_whose_delivery_does_not_name_it_back_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lilim-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, Instance.Replace("3\t20\t0\t-3\t0\t200\t5\t1\t0", "3\t20\t0\t-3\t0\t200\t5\t2\t0"));
        try { Assert.Contains("do not name each other", Assert.Throws<FormatException>(() => LiLimReader.Read(path)).Message); }
        finally { File.Delete(path); }
    }
}
