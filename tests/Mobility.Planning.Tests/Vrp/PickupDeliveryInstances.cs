using Mobility.Planning.Vrp.PickupDelivery;

namespace Mobility.Planning.Tests.Vrp;

/// <summary>
/// Random pickup-and-delivery instances on an integer grid with Manhattan travel (1 grid unit = 1 s = 10 m), so the
/// triangle inequality holds exactly. Windows and ride limits are tight enough to bind on some instances.
/// </summary>
internal static class PickupDeliveryInstances
{
    public static PickupDeliveryProblem Random(int seed, int requests, int vehicles, int gridSize = 60, double costPerHour = 36)
    {
        var random = new Random(seed);
        var locations = 1 + 2 * requests;
        var x = new int[locations];
        var y = new int[locations];
        x[0] = gridSize / 2;
        y[0] = gridSize / 2;
        for (var i = 1; i < locations; i++) (x[i], y[i]) = (random.Next(gridSize), random.Next(gridSize));
        var seconds = new int[locations * locations];
        var metres = new int[seconds.Length];
        for (var a = 0; a < locations; a++)
            for (var b = 0; b < locations; b++)
            {
                seconds[a * locations + b] = Math.Abs(x[a] - x[b]) + Math.Abs(y[a] - y[b]);
                metres[a * locations + b] = 10 * seconds[a * locations + b];
            }
        var list = new List<TransportRequest>();
        for (var r = 0; r < requests; r++)
        {
            var (pickup, delivery) = (1 + 2 * r, 2 + 2 * r);
            var direct = seconds[pickup * locations + delivery];
            var earliest = random.Next(0, 3 * gridSize);
            list.Add(new TransportRequest(pickup, delivery, random.Next(1, 4),
                new TimeWindow(earliest, earliest + random.Next(10, 2 * gridSize)),
                new TimeWindow(earliest + direct, earliest + direct + random.Next(20, 3 * gridSize)),
                MaxRideSeconds: (int)(direct * (1.1 + random.NextDouble())) + 2, PickupServiceSeconds: 2, DeliveryServiceSeconds: 1));
        }
        var fleet = Enumerable.Range(0, vehicles)
            .Select(v => new PickupDeliveryVehicle($"v{v}", 0, 0, 3 + v % 3, new TimeWindow(0, 8 * gridSize), 1.0 + v % 2, costPerHour))
            .ToList();
        return new PickupDeliveryProblem(locations, seconds, metres, list, fleet, unservedPenaltyPerLoad: 10);
    }
}
