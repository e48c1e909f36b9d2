using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Data.Shuttles;
using Mobility.Planning;
using Mobility.Planning.Shifts;
using Mobility.Planning.Shuttles;
using Mobility.Planning.TravelTimes;
using Mobility.Planning.Vrp;
using Mobility.Routing;

namespace Mobility.Data.Tests.Shuttles;

public class ShuttlePlanStoreTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly DateOnly Monday = new(2026, 1, 5);
    private static readonly GeoPoint Haguenau = new(48.8156, 7.7905), Brumath = new(48.733, 7.710);

    /// <summary>Five riders from Brumath station to the Haguenau plant for the 5:00 shift (one minibus) and home at 13:00.</summary>
    private static ComputedShuttlePlan Plan(string stationId)
    {
        var shift = ShiftCalendar.Paris.Instance(Monday, new TimeOnly(5, 0), new TimeOnly(13, 0));
        var stops = new List<ShuttleStop>
        {
            new("depot", "Dépôt", Brumath, ShuttleStopKind.Depot),
            new(stationId, "Gare de Brumath", Brumath, ShuttleStopKind.Station),
            new("P1", "Usine de Haguenau", Haguenau, ShuttleStopKind.Site),
        };
        var riders = Enumerable.Range(0, 5).Select(i => new ShuttleRider($"r{i}", stationId, "P1", shift)).ToList();
        return ShuttlePlanner.Plan(new ShuttleCase(stops, [new FleetEntry(VehicleType.Minibus, "depot", 1)], riders, new ShuttleSettings()),
            new CrowFlyTravelTimes(), new SolverLimits(TimeSpan.MaxValue, MaxIterations: 100));
    }

    [Fact]
    public async Task A_plan_is_stored_with_local_timetables_and_replaces_the_previous_one_of_its_name_in_one_transaction()
    {
        long networkId;
        await using (var context = database.NewContext())
        {
            var (network, _, _, _) = await Sample.NetworkAsync(context, "store");
            context.Add(new Site { Network = network, ExternalId = "BRU", Name = "Gare de Brumath", Kind = SiteKind.Station, Location = Sample.Point(Brumath.Latitude, Brumath.Longitude) });
            await context.SaveChangesAsync();
            networkId = network.Id;
            await ShuttlePlanStore.SaveAsync(context, networkId, "hiver", Monday, Monday, Plan("BRU"));
            await ShuttlePlanStore.SaveAsync(context, networkId, "other", Monday, Monday, Plan("BRU"));
            await ShuttlePlanStore.SaveAsync(context, networkId, "hiver", Monday, Monday, Plan("BRU"));
        }

        await using (var context = database.NewContext())
        {
            var plans = await context.ShuttlePlans.AsNoTracking().Where(p => p.NetworkId == networkId)
                .Include(p => p.Vehicles).Include(p => p.Trips).ThenInclude(t => t.Calls).ThenInclude(s => s.Site).ToListAsync();
            Assert.Equal(new[] { "hiver", "other" }, plans.Select(p => p.Name).Order(StringComparer.Ordinal));
            var plan = plans.Single(p => p.Name == "hiver");
            var vehicle = Assert.Single(plan.Vehicles);
            Assert.Equal(8, vehicle.Capacity);
            Assert.Equal(2, plan.Trips.Count);
            var there = plan.Trips.Single(t => t.Direction == CommuteDirection.ToWork);
            var back = plan.Trips.Single(t => t.Direction == CommuteDirection.ToHome);
            var morning = there.Calls.OrderBy(s => s.Sequence).ToList();
            Assert.Equal(new[] { "BRU", "P1" }, morning.Select(s => s.Site!.ExternalId));
            Assert.Equal((5, 0, 5), (morning[0].Boarding, morning[0].Alighting, morning[0].LoadAfter));
            Assert.Equal((0, 5, 0), (morning[1].Boarding, morning[1].Alighting, morning[1].LoadAfter));
            // Paris time: at the plant 20 to 10 minutes before the 5:00 start; leaving it 5 to 25 minutes after 13:00.
            Assert.InRange(morning[1].Arrival, new TimeOnly(4, 30), new TimeOnly(4, 50));
            Assert.InRange(back.Calls.Single(s => s.Site!.ExternalId == "P1").Departure, new TimeOnly(13, 5), new TimeOnly(13, 26));
            Assert.Equal(WorkDays.Monday, there.Days);
            Assert.True(there.Kilometres > 2 * Haguenau.DistanceTo(Brumath) / 1000 - 0.01);
        }

        // A stop that is no site of the network fails the whole save: the previous plan of that name stays.
        await using (var context = database.NewContext())
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(() => ShuttlePlanStore.SaveAsync(context, networkId, "hiver", Monday, Monday, Plan("nowhere")));
            Assert.Contains("nowhere", error.Message);
        }
        await using (var context = database.NewContext())
            Assert.Equal(2, await context.ShuttleTrips.CountAsync(t => t.ShuttlePlan!.NetworkId == networkId && t.ShuttlePlan.Name == "hiver"));
    }
}
