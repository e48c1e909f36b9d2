using Mobility.Data.Model;
using Mobility.Data.Shuttles;
using Mobility.Planning.Shuttles;
using Mobility.Planning.TravelTimes;
using Mobility.Planning.Vrp;

namespace Mobility.Data.Tests.Shuttles;

public class ShuttleDemandRangeTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly DateOnly Monday = new(2026, 1, 5); // the sample roster's anchor: rotation week 0

    [Fact]
    public async Task Two_days_are_one_case_where_the_night_shift_going_home_and_the_morning_shift_arriving_share_a_wave()
    {
        Dictionary<string, long> ids;
        await using (var context = database.NewContext())
        {
            var (network, company, plant, pattern) = await Sample.NetworkAsync(context, "shuttle-week");
            context.Add(new Site { Network = network, ExternalId = "BRU", Name = "Gare de Brumath", Kind = SiteKind.Station, Location = Sample.Point(48.733, 7.710) });
            Employee Person(string name, int offset)
            {
                var employee = Sample.Employee(company, plant, name, 48.600, 7.750); // 24 km south of the plant: Brumath
                employee.ShiftAssignments.Add(new ShiftAssignment { ShiftPattern = pattern, RotationAnchor = Monday, RotationOffsetWeeks = offset, ValidFrom = Monday });
                return employee;
            }
            var early = Person("early", offset: 0);
            var night = Person("night", offset: 2);
            context.AddRange(early, night);
            await context.SaveChangesAsync();
            ids = new[] { early, night }.ToDictionary(e => e.ExternalId, e => e.Id);
        }

        await using (var context = database.NewContext())
        {
            var days = new List<DateOnly>();
            var demand = await ShuttleDemandRange.LoadAsync(context, "shuttle-week", Monday, 2, progress: (date, _) => days.Add(date));
            Assert.Equal(new[] { Monday, Monday.AddDays(1) }, days);
            var expected = ids.Values.SelectMany(id => new[] { $"{id}@2026-01-05", $"{id}@2026-01-06" }).Order().ToList();
            Assert.Equal(expected, demand.Case.Riders.Select(r => r.Id).Order());
            Assert.Equal(expected, demand.Commutes.ToWork.Select(p => p.Id).Order());
            Assert.Equal(expected, demand.Commutes.ToHome.Select(p => p.Id).Order());

            var plan = ShuttlePlanner.Plan(demand.Case, new CrowFlyTravelTimes(), new SolverLimits(TimeSpan.MaxValue, MaxIterations: 200));
            // Monday's night shift ends at 05:00 on Tuesday, when Tuesday's early shift starts: one wave both ways.
            var tuesdayFive = plan.Waves.Single(w => w.Instant == new DateTimeOffset(2026, 1, 6, 4, 0, 0, TimeSpan.Zero));
            Assert.Equal((1, 1), (tuesdayFive.RidersToSite, tuesdayFive.RidersHome));
            Assert.Equal(0, plan.UnservedCount);
            Assert.Equal(4, plan.Waves.Sum(w => w.RidersToSite));
        }
    }

    [Fact]
    public async Task Somebody_rides_in_a_range_when_one_date_has_a_rider_even_if_the_first_dates_have_none()
    {
        await using (var context = database.NewContext())
        {
            var (network, company, plant, pattern) = await Sample.NetworkAsync(context, "shuttle-later");
            context.Add(new Site { Network = network, ExternalId = "BRU", Name = "Gare de Brumath", Kind = SiteKind.Station, Location = Sample.Point(48.733, 7.710) });
            var later = Sample.Employee(company, plant, "later", 48.600, 7.750);
            // Works from Wednesday only.
            later.ShiftAssignments.Add(new ShiftAssignment { ShiftPattern = pattern, RotationAnchor = Monday, ValidFrom = Monday.AddDays(2) });
            context.Add(later);
            await context.SaveChangesAsync();
        }

        await using (var context = database.NewContext())
        {
            Assert.False(await ShuttleDemandRange.AnyRiderAsync(context, "shuttle-later", Monday, 2));
            Assert.True(await ShuttleDemandRange.AnyRiderAsync(context, "shuttle-later", Monday, 3));
            Assert.False(await ShuttleDemandRange.AnyRiderAsync(context, "shuttle-later", Monday, 3,
                new ShuttleDemandOptions(MinDistanceKilometres: 50)), "the rider lives 24 km from the plant");
        }
    }
}
