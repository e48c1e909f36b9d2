using Mobility.Planning.Shifts;
using Mobility.Planning.Shuttles;
using Mobility.Routing;

namespace Mobility.Data.Demo;

/// <summary>
/// The demo shuttle case: a share of each 3x8 plant's workers come by train and take a shuttle from one of the
/// stations nearest their plant, for the 5:00, 13:00 and 21:00 starts of the given days and the trips home. The
/// fleet waits at a depot by the station nearest the plants' centre. Deterministic for a seed.
/// </summary>
public static class DemoShuttleCase
{
    public static ShuttleCase Build(IReadOnlyList<ShuttleStop> stations, IReadOnlyList<DemoPlant> plants, DateOnly firstDay, int days,
        double shuttleShare = 0.15, int minibuses = 6, int coaches = 2, int seed = 1, int stationsPerPlant = 2)
    {
        if (stations.Count == 0) throw new ArgumentException("The extract has no railway station.");
        if (plants.Count == 0) throw new ArgumentException("The scenario has no plant with a 3x8 roster.");
        var random = new Random(seed);
        var centre = new GeoPoint(plants.Average(p => p.Stop.Location.Latitude), plants.Average(p => p.Stop.Location.Longitude));
        var hub = stations.MinBy(s => s.Location.DistanceTo(centre))!;
        var depot = new ShuttleStop("depot", $"Dépôt ({hub.Name})", hub.Location, ShuttleStopKind.Depot);
        var riders = new List<ShuttleRider>();
        var used = new HashSet<ShuttleStop>();
        for (var day = 0; day < days; day++)
            foreach (var startHour in new[] { 5, 13, 21 })
            {
                var shift = ShiftCalendar.Paris.Instance(firstDay.AddDays(day), new TimeOnly(startHour, 0), new TimeOnly((startHour + 8) % 24, 0));
                foreach (var plant in plants)
                {
                    var nearest = stations.OrderBy(s => s.Location.DistanceTo(plant.Stop.Location)).Take(stationsPerPlant).ToList();
                    var counts = new int[nearest.Count];
                    var total = (int)Math.Round(plant.ShiftWorkers * shuttleShare * (0.8 + 0.4 * random.NextDouble()));
                    for (var k = 0; k < total; k++) counts[random.Next(nearest.Count)]++;
                    for (var s = 0; s < nearest.Count; s++)
                    {
                        if (counts[s] == 0) continue;
                        riders.Add(new ShuttleRider($"{plant.Stop.Id}-{shift.Start:yyyyMMdd-HHmm}-{s}", nearest[s].Id, plant.Stop.Id, shift, counts[s]));
                        used.Add(nearest[s]);
                    }
                    used.Add(plant.Stop);
                }
            }
        var fleet = new List<FleetEntry> { new(VehicleType.Minibus, depot.Id, minibuses), new(VehicleType.Coach, depot.Id, coaches) };
        return new ShuttleCase([depot, .. used.OrderBy(s => s.Kind).ThenBy(s => s.Id)], fleet, riders, new ShuttleSettings());
    }
}
