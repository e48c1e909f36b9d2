using Microsoft.EntityFrameworkCore;
using Mobility.Data.Demo;
using Mobility.Data.Model;
using Mobility.TestSupport;

namespace Mobility.Data.Tests;

public class DemoSeedTests
{
    /// <summary>A small scenario inside the central-Mulhouse extract (7.326–7.342 E, 47.749–47.755 N).</summary>
    private static DemoScenario MulhouseScenario(int employees = 120, double consentShare = 0.9)
    {
        var json = Path.Combine(Path.GetTempPath(), $"mulhouse-{Guid.NewGuid():N}.json");
        File.WriteAllText(json, $$"""
            {
              "name": "Mulhouse test", "timeZone": "Europe/Paris", "seed": 7, "employees": {{employees}}, "consentShare": {{consentShare.ToString(System.Globalization.CultureInfo.InvariantCulture)}},
              "rotationAnchor": "2026-01-05", "stationsFromOsm": false,
              "shiftPatterns": [
                { "id": "3x8", "name": "3x8", "rotationWeeks": 3, "slots": [
                  { "week": 0, "days": "Weekdays", "start": "05:00", "end": "13:00" },
                  { "week": 1, "days": "Weekdays", "start": "13:00", "end": "21:00" },
                  { "week": 2, "days": "Weekdays", "start": "21:00", "end": "05:00" } ] },
                { "id": "day", "name": "Day", "rotationWeeks": 1, "slots": [
                  { "week": 0, "days": "Weekdays", "start": "08:00", "end": "17:00" } ] } ],
              "companies": [
                { "id": "A", "name": "Atelier A", "share": 2, "shifts": { "3x8": 1 },
                  "plants": [ { "id": "A1", "name": "A", "latitude": 47.750, "longitude": 7.330, "commune": "Mulhouse" } ] },
                { "id": "B", "name": "Atelier B", "share": 1, "shifts": { "3x8": 0.5, "day": 0.5 },
                  "plants": [ { "id": "B1", "name": "B", "latitude": 47.754, "longitude": 7.340, "commune": "Mulhouse" } ] } ],
              "stations": [ { "id": "S", "name": "Gare", "latitude": 47.7418, "longitude": 7.3427, "commune": "Mulhouse" } ]
            }
            """);
        try { return DemoScenario.Load(json); }
        finally { File.Delete(json); }
    }

    private static readonly string Osm = SharedData.OsmFile("mulhouse-centre.osm.pbf");

    private static async Task<List<(string Id, double Latitude, double Longitude, string Pattern, int Offset)>> SeedAndReadAsync(
        MigratedDatabase database, DemoScenario scenario)
    {
        await using (var context = database.NewContext())
            Assert.True((await new DemoNetworkSeeder(context).SeedAsync(scenario, Osm)).Created);
        await using var read = database.NewContext();
        var rows = await read.Employees.OrderBy(e => e.ExternalId)
            .Select(e => new { e.ExternalId, e.Home, Assignment = e.ShiftAssignments.Single() })
            .Select(e => new { e.ExternalId, e.Home, Pattern = e.Assignment.ShiftPattern!.ExternalId, e.Assignment.RotationOffsetWeeks })
            .ToListAsync();
        return rows.Select(r => (r.ExternalId, r.Home!.Y, r.Home.X, r.Pattern, r.RotationOffsetWeeks)).ToList();
    }

    [Fact]
    public async Task The_same_scenario_and_extract_give_the_same_network_in_two_databases()
    {
        using var first = new MigratedDatabase();
        using var second = new MigratedDatabase();
        var a = await SeedAndReadAsync(first, MulhouseScenario());
        var b = await SeedAndReadAsync(second, MulhouseScenario());
        Assert.Equal(120, a.Count);
        Assert.Equal(a, b);
        // Company shares 2:1 give 80 and 40 employees.
        Assert.Equal(80, a.Count(e => e.Id.StartsWith("A-")));
        // Rotation offsets spread crews over the three weeks of the 3x8 roster.
        Assert.Equal(3, a.Where(e => e.Pattern == "3x8").Select(e => e.Offset).Distinct().Count());
    }

    [Fact]
    public async Task Every_home_lies_on_a_residential_street_of_the_extract()
    {
        using var database = new MigratedDatabase();
        var homes = await SeedAndReadAsync(database, MulhouseScenario());
        var streets = ResidentialStreets.Read(Osm);
        foreach (var home in homes)
        {
            var nearest = Enumerable.Range(0, streets.Count).Min(i => DistanceToSegment(home.Latitude, home.Longitude,
                streets.Start[i].Latitude, streets.Start[i].Longitude, streets.End[i].Latitude, streets.End[i].Longitude));
            Assert.True(nearest < 0.5, $"Home of {home.Id} is {nearest:F1} m from any residential street.");
        }
    }

    [Fact]
    public async Task Seeding_again_keeps_the_network_and_force_rebuilds_it()
    {
        using var database = new MigratedDatabase();
        var scenario = MulhouseScenario(employees: 30);
        await using (var context = database.NewContext())
            await new DemoNetworkSeeder(context).SeedAsync(scenario, Osm);
        await using (var context = database.NewContext())
        {
            var again = await new DemoNetworkSeeder(context).SeedAsync(scenario, Osm);
            Assert.False(again.Created);
            Assert.Equal(30, again.Employees);
        }
        await using (var context = database.NewContext())
        {
            var rebuilt = await new DemoNetworkSeeder(context).SeedAsync(scenario, Osm, force: true);
            Assert.True(rebuilt.Created);
        }
        await using var check = database.NewContext();
        Assert.Equal(1, await check.Networks.CountAsync());
        Assert.Equal(30, await check.Employees.CountAsync());
        Assert.Equal(1, await check.Sites.CountAsync(s => s.Kind == SiteKind.Station));
    }

    [Fact]
    public void An_unknown_scenario_names_the_built_in_ones()
    {
        var error = Assert.Throws<FileNotFoundException>(() => DemoScenario.Load("atlantis"));
        Assert.Contains("heidelberg", error.Message);
        Assert.Contains("alsace-nord", error.Message);
    }

    [Fact]
    public void Built_in_scenarios_load_and_place_their_plants_in_their_region()
    {
        var heidelberg = DemoScenario.Load("heidelberg");
        Assert.All(heidelberg.Companies.SelectMany(c => c.Plants), plant =>
        {
            Assert.InRange(plant.Latitude, 49.34, 49.51);
            Assert.InRange(plant.Longitude, 8.58, 8.85);
        });
        var alsace = DemoScenario.Load("alsace-nord");
        Assert.All(alsace.Companies.SelectMany(c => c.Plants).Concat(alsace.Stations!), place =>
        {
            Assert.InRange(place.Latitude, 48.6, 49.0);
            Assert.InRange(place.Longitude, 7.5, 8.1);
        });
    }

    [Fact]
    public async Task The_scenario_says_how_many_consent_to_matching()
    {
        using var database = new MigratedDatabase();
        await using (var context = database.NewContext())
            await new DemoNetworkSeeder(context).SeedAsync(MulhouseScenario(400, consentShare: 0.5), Osm);
        await using var read = database.NewContext();
        var share = await read.Employees.CountAsync(e => e.ConsentToMatching) / 400.0;
        Assert.InRange(share, 0.43, 0.57);
    }

    [Theory]
    [InlineData("heidelberg.osm.pbf", "Réseau industriel Rhin-Neckar (démo)")]
    [InlineData("liechtenstein-2015.osm.pbf", "Réseau industriel du Rheintal liechtensteinois (démo)")]
    public void The_automatic_scenario_is_the_demo_whose_plants_lie_in_the_extract(string extract, string expected)
    {
        var area = ResidentialStreets.Read(SharedData.OsmFile(extract)).Area;
        var chosen = DemoScenario.ChooseFor(area);
        Assert.Equal(expected, chosen.Name);
        Assert.False(chosen.Benchmark);
        Assert.All(chosen.Companies.SelectMany(c => c.Plants), plant => Assert.True(area.Contains(plant.Position), plant.Name));
    }

    [Fact]
    public void An_extract_without_a_fitting_demo_is_refused_with_each_scenario_and_its_area()
    {
        var area = ResidentialStreets.Read(Osm).Area;
        var error = Assert.Throws<InvalidDataException>(() => DemoScenario.ChooseFor(area));
        Assert.Contains("liechtenstein needs", error.Message);
        Assert.Contains("heidelberg needs", error.Message);
        Assert.DoesNotContain("network-20k", error.Message);
        Assert.Contains("--scenario", error.Message);
    }

    [Fact]
    public async Task The_liechtenstein_demo_seeds_on_its_extract()
    {
        using var database = new MigratedDatabase();
        await using var context = database.NewContext();
        var result = await new DemoNetworkSeeder(context).SeedAsync(
            DemoScenario.Load("liechtenstein"), SharedData.OsmFile("liechtenstein-2015.osm.pbf"));
        Assert.Equal((5, 600), (result.Companies, result.Employees));
        var homes = await context.Employees.Select(e => e.Home!).ToListAsync();
        var area = ResidentialStreets.Read(SharedData.OsmFile("liechtenstein-2015.osm.pbf")).Area;
        Assert.All(homes, home => Assert.True(area.Contains(new Routing.GeoPoint(home.Y, home.X))));
    }

    [Theory]
    [InlineData(2000, new[] { 0.12, 0.10, 0.08 })]
    [InlineData(7, new[] { 1.0, 1.0, 1.0 })]
    [InlineData(1, new[] { 0.5, 0.5 })]
    public void Splitting_by_share_always_adds_up_to_the_total(int total, double[] shares)
    {
        var parts = DemoNetworkSeeder.SplitByShare(total, shares);
        Assert.Equal(total, parts.Sum());
        Assert.All(parts, part => Assert.True(part >= 0));
    }

    /// <summary>Metres from a point to a short segment, on a local flat projection (exact enough below 1 km).</summary>
    private static double DistanceToSegment(double lat, double lon, double lat1, double lon1, double lat2, double lon2)
    {
        var metresPerDegreeLatitude = 111_195.0;
        var metresPerDegreeLongitude = metresPerDegreeLatitude * Math.Cos(lat * Math.PI / 180);
        double X(double longitude) => (longitude - lon) * metresPerDegreeLongitude;
        double Y(double latitude) => (latitude - lat) * metresPerDegreeLatitude;
        var (ax, ay, bx, by) = (X(lon1), Y(lat1), X(lon2), Y(lat2));
        var (dx, dy) = (bx - ax, by - ay);
        var length2 = dx * dx + dy * dy;
        var t = length2 == 0 ? 0 : Math.Clamp(-(ax * dx + ay * dy) / length2, 0, 1);
        var (px, py) = (ax + t * dx, ay + t * dy);
        return Math.Sqrt(px * px + py * py);
    }

    [Fact]
    public async Task Demo_accounts_cover_every_role_with_hashed_passwords_and_are_created_once()
    {
        using var database = new MigratedDatabase();
        long networkId;
        await using (var context = database.NewContext())
            networkId = (await new DemoNetworkSeeder(context).SeedAsync(MulhouseScenario(40), Osm)).NetworkId;
        IReadOnlyList<DemoAccount> first, second;
        await using (var context = database.NewContext()) first = await DemoAccounts.EnsureAsync(context, networkId);
        await using (var context = database.NewContext()) second = await DemoAccounts.EnsureAsync(context, networkId);
        Assert.Equal(first, second);
        Assert.Equal(Enum.GetValues<AccountRole>().ToHashSet(), first.Select(a => a.Role).ToHashSet());
        Assert.Equal(2, first.Count(a => a.Role == AccountRole.HrManager));
        await using var read = database.NewContext();
        var accounts = await read.Users.ToListAsync();
        Assert.Equal(first.Count, accounts.Count);
        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<UserAccount>();
        Assert.All(accounts, account =>
        {
            Assert.DoesNotContain(DemoAccounts.Password, account.PasswordHash);
            Assert.NotEqual(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed,
                hasher.VerifyHashedPassword(account, account.PasswordHash!, DemoAccounts.Password));
        });
        // Each employee account belongs to an employee of the network who agreed to matching.
        var employeeIds = accounts.Where(a => a.Role == AccountRole.Employee).Select(a => a.EmployeeId!.Value).ToList();
        Assert.All(await read.Employees.Where(e => employeeIds.Contains(e.Id)).ToListAsync(), e => Assert.True(e.ConsentToMatching));
    }
}
