using Mobility.Application.Carpools;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;
using Mobility.Planning.TravelTimes;
using Mobility.Routing;
using Mobility.TestSupport;

namespace Mobility.Application.Tests.Carpools;

/// <summary>The day's carpools as the CLI reports them and the server stores them, read from a small database.</summary>
public sealed class CarpoolDayPlanningTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly DateOnly Monday = new(2026, 1, 5); // the roster's anchor: rotation week 0, the 5-13 shift

    [Fact]
    public async Task Neighbours_on_the_same_shift_ride_together_both_ways_and_the_night_worker_has_no_compatible_driver()
    {
        long networkId;
        Dictionary<long, string> names;
        await using (var context = database.NewContext())
        {
            var (network, company, plant, roster) = await Sample.NetworkAsync(context, "Haguenau");
            Employee Person(string id, CarpoolRole role, GeoPoint home, int weekOffset)
            {
                var person = Sample.Employee(company, plant, id, home.Latitude, home.Longitude);
                (person.Role, person.SeatsOffered) = (role, role == CarpoolRole.Passenger ? 0 : 3);
                person.ShiftAssignments.Add(new ShiftAssignment { ShiftPattern = roster, RotationAnchor = Monday, RotationOffsetWeeks = weekOffset, ValidFrom = Monday });
                return person;
            }
            var driver = Person("driver", CarpoolRole.Driver, new GeoPoint(48.8300, 7.7300), 0);
            var passenger = Person("passenger", CarpoolRole.Passenger, new GeoPoint(48.8320, 7.7330), 0);
            var nightWorker = Person("night", CarpoolRole.Passenger, new GeoPoint(48.8310, 7.7310), 2);
            context.AddRange(driver, passenger, nightWorker);
            await context.SaveChangesAsync();
            networkId = network.Id;
            names = new[] { driver, passenger, nightWorker }.ToDictionary(e => e.Id, e => e.ExternalId);
        }

        await using (var context = database.NewContext())
        {
            var day = await CarpoolDayPlanning.LoadAsync(context, networkId, Monday, new CrowFlyTravelTimes(), CancellationToken.None);
            var plan = day.Match();

            string Name(CarpoolInstance instance, int participant) => names[long.Parse(instance.Participants[participant].Id)];
            var toWork = Assert.Single(plan.ToWork.Selection.Groups);
            Assert.Equal("driver", Name(day.ToWork, toWork.Driver));
            Assert.Equal(["passenger"], toWork.Pickups.Select(p => Name(day.ToWork, p)));
            var home = Assert.Single(plan.ToHome.Selection.Groups);
            Assert.Equal("driver", Name(day.ToHome, home.Driver));
            Assert.Equal(["passenger"], home.Pickups.Select(p => Name(day.ToHome, p)));
            Assert.Equal(1, plan.SameGroupBothWays);
            // The night worker starts at 21:00 (this Monday is rotation week 2 for her): nobody drives then.
            var alone = Assert.Single(plan.ToWork.Unserved);
            Assert.Equal(("night", NoRideReason.NoCompatibleDriver), (names[long.Parse(alone.Id)], alone.Reason));
        }
    }
}
