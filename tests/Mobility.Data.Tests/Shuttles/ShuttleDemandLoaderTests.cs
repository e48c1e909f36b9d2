using Mobility.Data.Model;
using Mobility.Data.Shuttles;
using Mobility.Planning.Shuttles;

namespace Mobility.Data.Tests.Shuttles;

public class ShuttleDemandLoaderTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly DateOnly Monday = new(2026, 1, 5); // the sample roster's anchor: rotation week 0

    [Fact]
    public async Task Riders_are_the_days_far_living_consenting_workers_each_from_the_station_nearest_home()
    {
        long networkId;
        Dictionary<string, long> ids;
        await using (var context = database.NewContext())
        {
            // The plant is in Haguenau (48.8156, 7.7905).
            var (network, company, plant, pattern) = await Sample.NetworkAsync(context, "shuttles");
            Site Station(string id, string name, SiteKind kind, double latitude, double longitude) => new()
            {
                Network = network, ExternalId = id, Name = name, Kind = kind, Location = Sample.Point(latitude, longitude),
            };
            context.AddRange(
                Station("BRU", "Gare de Brumath", SiteKind.Station, 48.733, 7.710),
                Station("BIS", "Gare de Bischwiller", SiteKind.Station, 48.767, 7.857),
                Station("WIS", "Gare de Wissembourg", SiteKind.Station, 49.036, 7.944), // nobody's nearest
                Station("PRK", "Parking de Soufflenheim", SiteKind.MeetingPoint, 48.830, 7.960));
            Employee Person(string name, double latitude, double longitude, int offset = 0)
            {
                var employee = Sample.Employee(company, plant, name, latitude, longitude);
                employee.ShiftAssignments.Add(new ShiftAssignment { ShiftPattern = pattern, RotationAnchor = Monday, RotationOffsetWeeks = offset, ValidFrom = Monday });
                return employee;
            }
            var strasbourg = Person("strasbourg", 48.600, 7.750);            // 24 km south: Brumath
            strasbourg.Commune = "Strasbourg";
            var east = Person("east", 48.770, 7.880, offset: 2);             // 8 km: too close
            var soufflenheim = Person("soufflenheim", 48.835, 7.975, offset: 2); // 14 km east, nights: the car park
            var near = Person("near", 48.800, 7.780);
            var refused = Person("refused", 48.600, 7.750);
            refused.ConsentToMatching = false;
            var onLeave = Person("leave", 48.600, 7.750);
            onLeave.ShiftExceptions.Add(new ShiftException { Date = Monday, Kind = ShiftExceptionKind.Leave });
            context.AddRange(strasbourg, east, soufflenheim, near, refused, onLeave);
            await context.SaveChangesAsync();
            networkId = network.Id;
            ids = new[] { strasbourg, soufflenheim, east }.ToDictionary(e => e.ExternalId, e => e.Id);
        }

        await using (var context = database.NewContext())
        {
            var demand = await ShuttleDemandLoader.LoadAsync(context, "shuttles", Monday);
            Assert.Equal(networkId, demand.NetworkId);
            var riders = demand.Case.Riders.ToDictionary(r => r.Id);
            Assert.Equal(new[] { ids["strasbourg"], ids["soufflenheim"] }.Select(id => id.ToString()).Order(), riders.Keys.Order());
            var fromStrasbourg = riders[ids["strasbourg"].ToString()];
            Assert.Equal(("BRU", "P1", 1), (fromStrasbourg.OriginStopId, fromStrasbourg.SiteStopId, fromStrasbourg.Count));
            Assert.Equal(new DateTimeOffset(2026, 1, 5, 4, 0, 0, TimeSpan.Zero), fromStrasbourg.Shift.Start); // 5:00 Paris, winter
            var night = riders[ids["soufflenheim"].ToString()];
            Assert.Equal("PRK", night.OriginStopId);
            Assert.Equal(new DateTimeOffset(2026, 1, 6, 4, 0, 0, TimeSpan.Zero), night.Shift.End);
            // Only the stops someone uses, and a depot; the same people in the commutes for the comparisons.
            Assert.Equal(new[] { "BRU", "P1", "PRK", "depot" }, demand.Case.Stops.Select(s => s.Id).Order(StringComparer.Ordinal));
            Assert.Equal(riders.Keys.Order(), demand.Commutes.ToWork.Select(p => p.Id).Order());
            Assert.Equal(riders.Keys.Order(), demand.Commutes.ToHome.Select(p => p.Id).Order());

            // A lower threshold brings in the employee living 8 km away, from Bischwiller.
            var wider = await ShuttleDemandLoader.LoadAsync(context, "shuttles", Monday, new ShuttleDemandOptions(MinDistanceKilometres: 5));
            Assert.Equal("BIS", wider.Case.Riders.Single(r => r.Id == ids["east"].ToString()).OriginStopId);
            Assert.Equal(3, wider.Case.Riders.Count);

            // "Everyone over 5 km away in these communes": the commune names ignore case and spaces.
            var inCommunes = await ShuttleDemandLoader.LoadAsync(context, "shuttles", Monday,
                new ShuttleDemandOptions(MinDistanceKilometres: 5, Communes: [" strasbourg ", "Nowhere"]));
            Assert.Equal(new[] { ids["strasbourg"].ToString() }, inCommunes.Case.Riders.Select(r => r.Id));
        }
    }

    [Fact]
    public async Task An_unknown_network_is_a_clear_error()
    {
        await using var context = database.NewContext();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ShuttleDemandLoader.LoadAsync(context, "nowhere", Monday));
        Assert.Contains("nowhere", error.Message);
    }
}
