using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;
using Mobility.Routing;

namespace Mobility.Data.Demo;

/// <summary>What a seeding did.</summary>
public sealed record DemoSeedResult(bool Created, long NetworkId, int Companies, int Sites, int Employees);

/// <summary>
/// Builds a scenario's demo network: deterministic (the scenario's seed and the extract's order fix every
/// choice) and idempotent (an existing network of the same name is left alone unless <c>force</c>).
/// Homes lie on residential streets of the extract, denser near the employee's plant.
/// </summary>
public sealed class DemoNetworkSeeder(MobilityDbContext database, Action<string>? progress = null)
{


    public Task<DemoSeedResult> SeedAsync(DemoScenario scenario, string osmFile, bool force = false,
        CancellationToken cancellation = default) =>
        SeedAsync(scenario, () => ResidentialStreets.Read(osmFile, progress), force, cancellation);

    /// <param name="readStreets">Reads the extract's streets, called only when the network is to be built.</param>
    public async Task<DemoSeedResult> SeedAsync(DemoScenario scenario, Func<ResidentialStreets> readStreets, bool force = false,
        CancellationToken cancellation = default)
    {
        var existing = await database.Networks.SingleOrDefaultAsync(n => n.Name == scenario.Name, cancellation);
        if (existing != null && !force)
        {
            progress?.Invoke($"Demo network '{scenario.Name}' already exists: left as it is (use --force to rebuild it).");
            return new DemoSeedResult(false, existing.Id,
                await database.Companies.CountAsync(c => c.NetworkId == existing.Id, cancellation),
                await database.Sites.CountAsync(s => s.NetworkId == existing.Id, cancellation),
                await database.Employees.CountAsync(e => e.Company!.NetworkId == existing.Id, cancellation));
        }

        var streets = readStreets();
        await using var transaction = await database.Database.BeginTransactionAsync(cancellation);
        if (existing != null) await DeleteAsync(existing.Id, cancellation);

        var random = new Random(scenario.Seed);
        var network = new Network { Name = scenario.Name, TimeZone = scenario.TimeZone };
        var patterns = scenario.ShiftPatterns.ToDictionary(p => p.Id, p => new ShiftPattern
        {
            Network = network, ExternalId = p.Id, Name = p.Name, RotationWeeks = p.RotationWeeks,
            Slots = p.Slots.Select(s => new ShiftSlot { WeekIndex = s.Week, Days = s.Days, Start = s.Start, End = s.End }).ToList(),
        });
        database.AddRange(patterns.Values);

        var sites = new List<Site>();
        var companies = new List<(DemoCompany Scenario, Company Entity, List<Site> Plants)>();
        foreach (var demo in scenario.Companies)
        {
            var company = new Company { Network = network, ExternalId = demo.Id, Name = demo.Name };
            var plants = demo.Plants.Select(p => NewSite(network, company, p, SiteKind.Plant)).ToList();
            sites.AddRange(plants);
            companies.Add((demo, company, plants));
        }
        var knownPlaces = scenario.Companies.SelectMany(c => c.Plants)
            .Concat(scenario.MeetingPoints ?? []).Concat(scenario.Stations ?? []).Where(p => p.Commune != null).ToList();
        var stations = scenario.StationsFromOsm ? streets.Stations : scenario.Stations ?? [];
        sites.AddRange(stations.Select(s => NewSite(network, null, s with { Commune = s.Commune ?? streets.NearestPlace(s.Position, knownPlaces) }, SiteKind.Station)));
        sites.AddRange((scenario.MeetingPoints ?? []).Select(m => NewSite(network, null, m, SiteKind.MeetingPoint)));
        database.AddRange(sites);

        var homeSampler = new HomeSampler(streets, companies.SelectMany(c => c.Plants));
        var counts = SplitByShare(scenario.Employees, companies.Select(c => c.Scenario.Share).ToList());
        var employees = 0;
        for (var c = 0; c < companies.Count; c++)
        {
            var (demo, company, plants) = companies[c];
            for (var i = 0; i < counts[c]; i++)
            {
                var plant = plants[random.Next(plants.Count)];
                var home = homeSampler.Sample(plant, random);
                var employee = NewEmployee(company, plant, $"{demo.Id}-{i + 1:D5}", home, scenario.ConsentShare, random);
                employee.Commune = streets.NearestPlace(home, knownPlaces);
                var pattern = patterns[PickByShare(demo.Shifts, random)];
                employee.ShiftAssignments.Add(new ShiftAssignment
                {
                    ShiftPattern = pattern, RotationAnchor = scenario.RotationAnchor, ValidFrom = scenario.RotationAnchor,
                    // Crews of one roster work different weeks of it, as real 3x8 teams do.
                    RotationOffsetWeeks = random.Next(pattern.RotationWeeks),
                });
                database.Add(employee);
                employees++;
            }
            progress?.Invoke($"{company.Name}: {counts[c]} employees");
        }
        await database.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        progress?.Invoke($"Demo network '{scenario.Name}' created: {companies.Count} companies, {sites.Count} sites, {employees} employees.");
        return new DemoSeedResult(true, network.Id, companies.Count, sites.Count, employees);
    }

    private async Task DeleteAsync(long networkId, CancellationToken cancellation)
    {
        // Employees point at sites with a restricting key: remove them (and what hangs on them) first.
        await database.CarpoolGroups.Where(g => g.NetworkId == networkId).ExecuteDeleteAsync(cancellation);
        await database.ShuttlePlans.Where(p => p.NetworkId == networkId).ExecuteDeleteAsync(cancellation);
        await database.Employees.Where(e => e.Company!.NetworkId == networkId).ExecuteDeleteAsync(cancellation);
        await database.Sites.Where(s => s.NetworkId == networkId).ExecuteDeleteAsync(cancellation);
        await database.Networks.Where(n => n.Id == networkId).ExecuteDeleteAsync(cancellation);
    }

    private static Site NewSite(Network network, Company? company, DemoPlace place, SiteKind kind) => new()
    {
        Network = network, Company = company, ExternalId = place.Id, Name = place.Name, Kind = kind,
        Location = place.Position.ToStoredPoint(), Commune = place.Commune,
    };

    private static Employee NewEmployee(Company company, Site plant, string externalId, GeoPoint home, double consentShare, Random random)
    {
        var (first, family) = FictionalNames.Pick(random);
        var roll = random.NextDouble();
        var role = roll < 0.35 ? CarpoolRole.Driver : roll < 0.55 ? CarpoolRole.Passenger : CarpoolRole.Either;
        return new Employee
        {
            Company = company, MainSite = plant, ExternalId = externalId, FirstName = first, LastName = family,
            Home = new GeoPoint(Math.Round(home.Latitude, 7), Math.Round(home.Longitude, 7)).ToStoredPoint(),
            Role = role,
            SeatsOffered = role == CarpoolRole.Passenger ? 0 : 2 + random.Next(3),
            MaxDetourMinutes = 10 + 5 * random.Next(3),
            MaxDetourRatio = Math.Round(1.3 + 0.3 * random.NextDouble(), 2),
            FlexibilityMinutes = new[] { 10, 15, 20, 30 }[random.Next(4)],
            PreferredLanguage = random.NextDouble() < 0.8 ? "fr" : "en",
            ConsentToMatching = random.NextDouble() < consentShare,
        };
    }

    /// <summary>Splits a total into whole parts proportional to the shares, the rounding rest going to the largest remainders.</summary>
    internal static int[] SplitByShare(int total, IReadOnlyList<double> shares)
    {
        var sum = shares.Sum();
        var exact = shares.Select(s => total * s / sum).ToArray();
        var parts = exact.Select(x => (int)Math.Floor(x)).ToArray();
        var rest = total - parts.Sum();
        foreach (var index in Enumerable.Range(0, shares.Count).OrderByDescending(i => exact[i] - parts[i]).ThenBy(i => i).Take(rest))
            parts[index]++;
        return parts;
    }

    private static string PickByShare(IReadOnlyDictionary<string, double> shares, Random random)
    {
        // Sorted so that the pick does not depend on the dictionary's order.
        var ordered = shares.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
        var roll = random.NextDouble() * ordered.Sum(pair => pair.Value);
        foreach (var (id, share) in ordered)
        {
            if (roll < share) return id;
            roll -= share;
        }
        return ordered[^1].Key;
    }
}
