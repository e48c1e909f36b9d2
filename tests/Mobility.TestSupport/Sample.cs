using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;
using Mobility.Routing;
using NetTopologySuite.Geometries;

namespace Mobility.TestSupport;

/// <summary>Small hand-made network data for tests, placed in North Alsace.</summary>
public static class Sample
{
    public static Point Point(double latitude, double longitude) => new GeoPoint(latitude, longitude).ToStoredPoint();

    /// <summary>A network with one company, one plant in Haguenau, and a 3x8 pattern.</summary>
    public static async Task<(Network Network, Company Company, Site Plant, ShiftPattern Pattern)> NetworkAsync(
        MobilityDbContext database, string name)
    {
        var network = new Network { Name = name };
        var company = new Company { Network = network, ExternalId = "C1", Name = "Usine Test" };
        var plant = new Site
        {
            Network = network, Company = company, ExternalId = "P1", Name = "Usine de Haguenau",
            Kind = SiteKind.Plant, Location = Point(48.8156, 7.7905),
        };
        var pattern = new ShiftPattern
        {
            Network = network, ExternalId = "3x8", Name = "3x8", RotationWeeks = 3,
            Slots =
            [
                new ShiftSlot { WeekIndex = 0, Days = WorkDays.Weekdays, Start = new(5, 0), End = new(13, 0) },
                new ShiftSlot { WeekIndex = 1, Days = WorkDays.Weekdays, Start = new(13, 0), End = new(21, 0) },
                new ShiftSlot { WeekIndex = 2, Days = WorkDays.Weekdays, Start = new(21, 0), End = new(5, 0) },
            ],
        };
        database.AddRange(network, company, plant, pattern);
        await database.SaveChangesAsync();
        return (network, company, plant, pattern);
    }

    public static Employee Employee(Company company, Site site, string externalId, double latitude, double longitude) => new()
    {
        Company = company, MainSite = site, ExternalId = externalId, FirstName = "Camille", LastName = "Muller",
        Home = Point(latitude, longitude), Commune = "Haguenau", Role = CarpoolRole.Either, SeatsOffered = 3,
        ConsentToMatching = true,
    };
}
