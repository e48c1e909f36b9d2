using Mobility.Planning.Vrp.PickupDelivery;

namespace Mobility.Planning.Shuttles;

/// <summary>
/// One wave as a pickup-and-delivery problem: riders with the same stops and shift time are grouped into requests of at
/// most the smallest vehicle's seats (so any vehicle can take any request), times in seconds from
/// <see cref="Origin"/>, and one solver vehicle per vehicle of the fleet that is available around the wave.
/// </summary>
internal sealed class ShuttleWaveProblem
{
    public required PickupDeliveryProblem Problem { get; init; }
    public required DateTimeOffset Origin { get; init; }
    /// <summary>Per request, the moves it carries and how many seats each takes.</summary>
    public required IReadOnlyList<IReadOnlyList<(ShuttleMove Move, int Seats)>> RequestRiders { get; init; }
    public required IReadOnlyList<(FleetEntry Entry, string Name)> Vehicles { get; init; }

    /// <summary>How far before the wave's first shift change its clock starts: room for the earliest pickups.</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromHours(4);

    public static ShuttleWaveProblem Build(ShuttleNetwork network, IReadOnlyList<ShuttleMove> moves, IReadOnlyList<FleetEntry> fleet, ShuttleSettings settings)
    {
        var origin = moves.Min(m => m.Instant) - Lead;
        int Clock(DateTimeOffset instant) => (int)Math.Round((instant - origin).TotalSeconds);
        var groupSize = fleet.Where(f => f.Count > 0).Select(f => f.Type.Capacity).DefaultIfEmpty(int.MaxValue).Min();
        var stopSeconds = (int)settings.StopTime.TotalSeconds;
        var maxRide = (int)settings.MaxRide.TotalSeconds;
        var requests = new List<TransportRequest>();
        var riders = new List<IReadOnlyList<(ShuttleMove, int)>>();
        foreach (var group in moves.GroupBy(m => (m.Direction, m.From, m.To, m.Instant, m.Rider.ReadyAtOrigin, m.Rider.DueAtOrigin))
                     .OrderBy(g => g.Key.Instant).ThenBy(g => g.Key.From).ThenBy(g => g.Key.To).ThenBy(g => g.Key.ReadyAtOrigin).ThenBy(g => g.Key.DueAtOrigin))
        {
            var (direction, from, to, instant, ready, due) = group.Key;
            TimeWindow pickup, delivery;
            if (direction == CommuteDirection.ToWork)
            {
                delivery = new TimeWindow(Clock(instant - settings.ArrivalMargin - settings.ArrivalSlack), Clock(instant - settings.ArrivalMargin));
                pickup = new TimeWindow(delivery.Earliest - maxRide - stopSeconds, delivery.Latest);
                if (ready is { } train) pickup = pickup with { Earliest = Math.Max(pickup.Earliest, Clock(train)) };
            }
            else
            {
                pickup = new TimeWindow(Clock(instant + settings.DepartureMargin), Clock(instant + settings.DepartureMargin + settings.DepartureSlack));
                delivery = new TimeWindow(pickup.Earliest, pickup.Latest + stopSeconds + maxRide);
                if (due is { } train) delivery = delivery with { Latest = Math.Min(delivery.Latest, Clock(train)) };
            }
            foreach (var chunk in Chunks(group, groupSize))
            {
                requests.Add(new TransportRequest(from, to, chunk.Sum(c => c.Seats), pickup, delivery, maxRide, stopSeconds, stopSeconds));
                riders.Add(chunk);
            }
        }
        var vehicles = new List<(FleetEntry, string)>();
        // The depot names a vehicle only when there are several: "Minibus 8 places #1", not "… depot #1".
        var depots = fleet.Select(f => f.DepotId).Distinct().Count();
        var solverVehicles = new List<PickupDeliveryVehicle>();
        foreach (var entry in fleet)
        {
            if (Availability(entry, moves.Min(m => m.Instant), settings) is not { } available) continue;
            var window = new TimeWindow(Math.Max(0, Clock(available.From)), Math.Max(0, Clock(available.Until)));
            var depot = network.IndexOf(entry.DepotId);
            for (var k = 1; k <= entry.Count; k++)
            {
                var name = depots > 1 ? $"{entry.Type.Name} {entry.DepotId} #{k}" : $"{entry.Type.Name} #{k}";
                vehicles.Add((entry, name));
                solverVehicles.Add(new PickupDeliveryVehicle(name, depot, depot, entry.Type.Capacity, window, entry.Type.CostPerKilometre, entry.Type.CostPerHour));
            }
        }
        var problem = new PickupDeliveryProblem(network.Stops.Count, network.Seconds, network.Metres, requests, solverVehicles, settings.UnservedPenaltyPerRider);
        return new ShuttleWaveProblem { Problem = problem, Origin = origin, RequestRiders = riders, Vehicles = vehicles };
    }

    /// <summary>Splits a group's riders into requests of at most <paramref name="size"/> seats; a what-if group may be split.</summary>
    private static List<List<(ShuttleMove Move, int Seats)>> Chunks(IEnumerable<ShuttleMove> moves, int size)
    {
        var chunks = new List<List<(ShuttleMove, int)>> { new() };
        var free = size;
        foreach (var move in moves)
        {
            var left = move.Rider.Count;
            while (left > 0)
            {
                if (free == 0) { chunks.Add([]); free = size; }
                var seats = Math.Min(left, free);
                chunks[^1].Add((move, seats));
                free -= seats;
                left -= seats;
            }
        }
        return chunks;
    }

    /// <summary>The fleet entry's daily window that contains the wave (or starts within the lead before it); null when none does.</summary>
    private static (DateTimeOffset From, DateTimeOffset Until)? Availability(FleetEntry entry, DateTimeOffset wave, ShuttleSettings settings)
    {
        if (entry.AllDay) return (wave - Lead - TimeSpan.FromHours(1), wave + TimeSpan.FromHours(12));
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(wave, settings.Calendar.TimeZone).DateTime);
        foreach (var date in new[] { localDate.AddDays(-1), localDate })
        {
            var from = settings.Calendar.ToInstant(date, entry.AvailableFrom);
            var until = settings.Calendar.ToInstant(entry.AvailableUntil <= entry.AvailableFrom ? date.AddDays(1) : date, entry.AvailableUntil);
            if (from <= wave + settings.WaveSpan && until >= wave - Lead) return (from, until);
        }
        return null;
    }
}
