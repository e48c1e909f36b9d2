using Mobility.Planning.Shifts;
using Mobility.Planning.Shuttles;
using Mobility.Planning.TravelTimes;
using Mobility.Planning.Vrp;
using Mobility.Planning.Vrp.PickupDelivery;
using Mobility.Routing;

namespace Mobility.Planning.Tests.Shuttles;

public class ShuttlePlannerTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly GeoPoint Centre = new(48.75, 7.40);
    private static readonly SolverLimits Fast = new(TimeSpan.MaxValue, MaxIterations: 300, Seed: 1);

    /// <summary>A place <paramref name="eastKm"/> east and <paramref name="northKm"/> north of the centre.</summary>
    private static GeoPoint At(double eastKm, double northKm) =>
        new(Centre.Latitude + northKm / 111.2, Centre.Longitude + eastKm / (111.2 * Math.Cos(Centre.Latitude * Math.PI / 180)));

    private static readonly List<ShuttleStop> Stops =
    [
        new("depot", "Dépôt", At(0, 0), ShuttleStopKind.Depot),
        new("gare-a", "Gare A", At(-8, 0), ShuttleStopKind.Station),
        new("gare-b", "Gare B", At(8, 0), ShuttleStopKind.Station),
        new("village", "Village", At(0, 6), ShuttleStopKind.MeetingPoint),
        new("far", "Gare lointaine", At(0, -60), ShuttleStopKind.Station),
        new("plant-1", "Usine 1", At(1, 1), ShuttleStopKind.Site),
        new("plant-2", "Usine 2", At(-1, 1), ShuttleStopKind.Site),
    ];

    private static ShiftInstance Shift(int day, int startHour) =>
        ShiftCalendar.Paris.Instance(Monday.AddDays(day), new TimeOnly(startHour, 0), new TimeOnly((startHour + 8) % 24, 0));

    private static ShuttleCase Case(IReadOnlyList<FleetEntry> fleet, params ShuttleRider[] riders) => new(Stops, fleet, riders, new ShuttleSettings());

    private static void AssertEveryWaveChecks(ComputedShuttlePlan plan)
    {
        foreach (var wave in plan.Waves)
        {
            var (violations, _) = PickupDeliveryChecker.Check(wave.Problem, wave.Solution);
            Assert.True(violations.Count == 0, $"wave {wave.Instant}: {string.Join("; ", violations.Take(3))}");
        }
    }

    [Fact]
    public void A_3x8_day_makes_one_wave_per_shift_change_and_buses_arrive_within_the_shift_window()
    {
        var fleet = new[] { new FleetEntry(VehicleType.Minibus, "depot", 3) };
        var riders = new List<ShuttleRider>();
        foreach (var (hour, k) in new[] { (5, 0), (13, 1), (21, 2) })
        {
            riders.Add(new ShuttleRider($"a{k}", "gare-a", "plant-1", Shift(0, hour), Count: 5));
            riders.Add(new ShuttleRider($"b{k}", "gare-b", "plant-2", Shift(0, hour), Count: 3));
            riders.Add(new ShuttleRider($"v{k}", "village", "plant-1", Shift(0, hour), Count: 2));
        }
        var plan = ShuttlePlanner.Plan(Case(fleet, [.. riders]), new CrowFlyTravelTimes(), Fast);
        AssertEveryWaveChecks(plan);
        // 05:00 (arrivals), 13:00 and 21:00 (arrivals and returns), 05:00 next day (night shift home).
        Assert.Equal(4, plan.Waves.Count);
        Assert.Equal([10, 10, 10, 0], plan.Waves.Select(w => w.RidersToSite));
        Assert.Equal([0, 10, 10, 10], plan.Waves.Select(w => w.RidersHome));
        Assert.Equal(0, plan.UnservedCount);
        var settings = new ShuttleSettings();
        foreach (var wave in plan.Waves.Where(w => w.RidersToSite > 0))
            foreach (var call in wave.Trips.SelectMany(t => t.Calls).Where(c => c.Stop.Kind == ShuttleStopKind.Site && c.Alighting > 0))
                Assert.InRange(call.Arrival, wave.Instant - settings.ArrivalMargin - settings.ArrivalSlack, wave.Instant - settings.ArrivalMargin);
        foreach (var trip in plan.Waves.SelectMany(w => w.Trips))
        {
            Assert.Equal(0, trip.Calls[^1].LoadOnDeparture);
            Assert.All(trip.Calls, c => Assert.InRange(c.LoadOnDeparture, 0, trip.Type.Capacity));
            Assert.Equal(trip.Calls.Sum(c => c.Boarding), trip.Calls.Sum(c => c.Alighting));
        }
    }

    [Fact]
    public void Shuttles_emit_less_than_everyone_driving_alone_and_the_comparison_uses_the_same_distances()
    {
        var fleet = new[] { new FleetEntry(VehicleType.Coach, "depot", 1), new FleetEntry(VehicleType.Minibus, "depot", 2) };
        var plan = ShuttlePlanner.Plan(Case(fleet,
            new ShuttleRider("a", "gare-a", "plant-1", Shift(0, 5), Count: 30),
            new ShuttleRider("b", "gare-b", "plant-1", Shift(0, 5), Count: 6)), new CrowFlyTravelTimes(), Fast);
        AssertEveryWaveChecks(plan);
        Assert.Equal(0, plan.UnservedCount);
        var road = new CrowFlyTravelTimes();
        double Km(int from, int to) => road.Matrix([Stops[from].Location], [Stops[to].Location]).Metres(0, 0) / 1000;
        var expectedAlone = 2 * (30 * Km(1, 5) + 6 * Km(2, 5));
        Assert.Equal(expectedAlone, plan.DriveAloneKilometres, 0.01 * expectedAlone);
        Assert.True(plan.KilogramsCo2 < plan.DriveAloneKilogramsCo2, $"{plan.KilogramsCo2} kg vs {plan.DriveAloneKilogramsCo2} kg alone");
    }

    [Fact]
    public void Unserved_riders_are_explained()
    {
        var fleet = new[] { new FleetEntry(VehicleType.Minibus, "depot", 1) };
        var plan = ShuttlePlanner.Plan(Case(fleet,
            new ShuttleRider("far", "far", "plant-1", Shift(0, 13)),
            new ShuttleRider("a", "gare-a", "plant-1", Shift(0, 13), Count: 6),
            new ShuttleRider("b", "gare-b", "plant-2", Shift(0, 13), Count: 6)), new CrowFlyTravelTimes(), Fast);
        AssertEveryWaveChecks(plan);
        var arrivals = plan.Waves[0].Unserved.Where(u => u.Direction == CommuteDirection.ToWork).ToList();
        Assert.Contains(arrivals, u => u.Rider.Id == "far" && u.Reason == NoSeatReason.RideTooLong);
        // One minibus of 8 cannot bring both groups of 6 from opposite sides within the 20-minute arrival window.
        Assert.Contains(arrivals, u => u.Rider.Id is "a" or "b" && u.Reason == NoSeatReason.NoCapacity);

        var lateFleet = new[] { new FleetEntry(VehicleType.Minibus, "depot", 2, new TimeOnly(6, 0), new TimeOnly(22, 0)) };
        var late = ShuttlePlanner.Plan(Case(lateFleet, new ShuttleRider("a", "gare-a", "plant-1", Shift(0, 5), Count: 4)), new CrowFlyTravelTimes(), Fast);
        AssertEveryWaveChecks(late);
        Assert.Contains(late.Waves[0].Unserved, u => u is { Direction: CommuteDirection.ToWork, Reason: NoSeatReason.NoVehicleInTime, Count: 4 });
        Assert.Empty(late.Waves[1].Unserved); // home at 13:00, when the minibuses run
    }

    [Fact]
    public void The_shuttle_waits_for_the_train_at_the_station_and_brings_riders_back_before_their_train_home()
    {
        var shift = Shift(0, 5);
        var train = shift.Start - TimeSpan.FromMinutes(30);   // the 4:30 train, for the 5:00 shift (about 15 min away)
        var trainHome = shift.End + TimeSpan.FromMinutes(40); // the 13:40 train home
        var fleet = new[] { new FleetEntry(VehicleType.Minibus, "depot", 1) };
        var plan = ShuttlePlanner.Plan(Case(fleet,
            new ShuttleRider("t", "gare-a", "plant-1", shift, Count: 4, ReadyAtOrigin: train, DueAtOrigin: trainHome)), new CrowFlyTravelTimes(), Fast);
        AssertEveryWaveChecks(plan);
        Assert.Equal(0, plan.UnservedCount);
        var pickup = plan.Waves[0].Trips.Single().Calls.Single(c => c.Stop.Id == "gare-a");
        Assert.True(pickup.Departure >= train, $"left the station at {pickup.Departure}, before the train at {train}");
        var dropOff = plan.Waves[1].Trips.Single().Calls.Single(c => c.Stop.Id == "gare-a");
        Assert.True(dropOff.Arrival <= trainHome, $"at the station at {dropOff.Arrival}, after the train at {trainHome}");

        // A train arriving too late for the shift window leaves its riders without a vehicle in time.
        var late = ShuttlePlanner.Plan(Case(fleet,
            new ShuttleRider("t", "gare-a", "plant-1", shift, Count: 4, ReadyAtOrigin: shift.Start - TimeSpan.FromMinutes(5))), new CrowFlyTravelTimes(), Fast);
        Assert.Contains(late.Waves[0].Unserved, u => u.Reason == NoSeatReason.NoVehicleInTime);
        // So does a train home leaving before the shuttle can reach the station (13:05 at the plant, about 15 min away).
        var early = ShuttlePlanner.Plan(Case(fleet,
            new ShuttleRider("t", "gare-a", "plant-1", shift, Count: 4, DueAtOrigin: shift.End + TimeSpan.FromMinutes(10))), new CrowFlyTravelTimes(), Fast);
        Assert.Empty(early.Waves[0].Unserved);
        Assert.Contains(early.Waves[1].Unserved, u => u is { Direction: CommuteDirection.ToHome, Reason: NoSeatReason.NoVehicleInTime });
    }

    [Fact]
    public void A_case_with_an_unknown_stop_is_refused_with_its_name()
    {
        var error = Assert.Throws<ArgumentException>(() => ShuttlePlanner.Plan(
            Case([], new ShuttleRider("x", "nowhere", "plant-1", Shift(0, 5))), new CrowFlyTravelTimes(), Fast));
        Assert.Contains("nowhere", error.Message);
    }
}
