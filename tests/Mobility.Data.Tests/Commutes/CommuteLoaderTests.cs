using Mobility.Data.Commutes;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;

namespace Mobility.Data.Tests.Commutes;

public class CommuteLoaderTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly DateOnly Monday = new(2026, 1, 5); // the sample roster's anchor: rotation week 0

    private static long Seconds(string utc) => DateTimeOffset.Parse(utc).ToUnixTimeSeconds();

    [Fact]
    public async Task A_dates_commutes_come_from_rosters_and_exceptions_of_consenting_employees_in_Paris_time()
    {
        long networkId;
        Dictionary<string, long> ids;
        await using (var context = database.NewContext())
        {
            var (network, company, plant, pattern) = await Sample.NetworkAsync(context, "commutes");
            Employee Person(string name, int offset)
            {
                var employee = Sample.Employee(company, plant, name, 48.80, 7.78);
                employee.ShiftAssignments.Add(new ShiftAssignment { ShiftPattern = pattern, RotationAnchor = Monday, RotationOffsetWeeks = offset, ValidFrom = Monday });
                return employee;
            }
            var morning = Person("morning", 0);
            morning.Role = CarpoolRole.Driver;
            var night = Person("night", 2);
            var refused = Person("refused", 0);
            refused.ConsentToMatching = false;
            var erased = Person("erased", 0);
            (erased.FirstName, erased.LastName, erased.Home, erased.ErasedAt) = (null, null, null, DateTimeOffset.UtcNow);
            var onLeave = Person("leave", 0);
            onLeave.ShiftExceptions.Add(new ShiftException { Date = Monday, Kind = ShiftExceptionKind.Leave });
            var extra = Person("extra", 1); // afternoons this week, but an 8-16 extra shift today
            extra.ShiftExceptions.Add(new ShiftException { Date = Monday, Kind = ShiftExceptionKind.ExtraShift, Start = new(8, 0), End = new(16, 0) });
            var notYet = Person("later", 0);
            notYet.ShiftAssignments[0].ValidFrom = Monday.AddDays(7);
            context.AddRange(morning, night, refused, erased, onLeave, extra, notYet);
            await context.SaveChangesAsync();
            var (_, otherCompany, otherPlant, otherPattern) = await Sample.NetworkAsync(context, "elsewhere");
            var stranger = Sample.Employee(otherCompany, otherPlant, "stranger", 48.80, 7.78);
            stranger.ShiftAssignments.Add(new ShiftAssignment { ShiftPattern = otherPattern, RotationAnchor = Monday, ValidFrom = Monday });
            context.Add(stranger);
            await context.SaveChangesAsync();
            networkId = network.Id;
            ids = new[] { morning, night, extra }.ToDictionary(e => e.ExternalId, e => e.Id);
        }

        await using (var context = database.NewContext())
        {
            var day = await CommuteLoader.LoadAsync(context, networkId, Monday);
            Assert.Equal(ids.Values.Order().Select(id => id.ToString()), day.ToWork.Select(p => p.Id));
            Assert.Equal(day.ToWork.Select(p => p.Id), day.ToHome.Select(p => p.Id));
            Assert.Equal(2, day.NotWorking); // on leave, and the one whose roster starts next week

            CarpoolParticipant There(string name) => day.ToWork.Single(p => p.Id == ids[name].ToString());
            CarpoolParticipant Back(string name) => day.ToHome.Single(p => p.Id == ids[name].ToString());
            // Winter: UTC+1. The 5:00 shift: arrive 15 (the employee's flexibility) + 5 (margin) to 5 minutes before.
            Assert.Equal((Seconds("2026-01-05T03:40:00Z"), Seconds("2026-01-05T03:55:00Z")), (There("morning").Earliest, There("morning").Latest));
            Assert.Equal((Seconds("2026-01-05T12:05:00Z"), Seconds("2026-01-05T12:25:00Z")), (Back("morning").Earliest, Back("morning").Latest));
            Assert.Equal((CarpoolRole.Driver, 3, "C1", "P1"), (There("morning").Role, There("morning").Seats, There("morning").Company, There("morning").SiteId));
            Assert.Equal((48.8156, 7.7905), (There("morning").Site.Latitude, There("morning").Site.Longitude));
            // The night shift goes home on Tuesday morning.
            Assert.Equal(Seconds("2026-01-05T19:55:00Z"), There("night").Latest);
            Assert.Equal(Seconds("2026-01-06T04:05:00Z"), Back("night").Earliest);
            // The extra shift replaces the rostered afternoon.
            Assert.Equal(Seconds("2026-01-05T06:55:00Z"), There("extra").Latest);
            Assert.Equal(Seconds("2026-01-05T15:05:00Z"), Back("extra").Earliest);
            Assert.Equal(new DateTimeOffset(2026, 1, 6, 4, 0, 0, TimeSpan.Zero), day.Shifts[ids["night"].ToString()].End);
        }
    }

    [Fact]
    public async Task An_unknown_network_is_a_clear_error()
    {
        await using var context = database.NewContext();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => CommuteLoader.LoadAsync(context, 999_999, Monday));
        Assert.Contains("999999", error.Message);
    }
}
