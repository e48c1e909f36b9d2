using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.TestSupport;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Tests;

/// <summary>
/// The differencing attack (<see cref="DifferencingAttack"/>) on everything the working group reads, automated: each
/// published number paired with the people it really counts, on a data set where exact or merely suppressed numbers leak.
/// </summary>
public sealed class DisclosureAttackTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private static readonly DateOnly FirstDay = new(2027, 5, 3);  // a Monday
    private static readonly DateOnly SecondDay = new(2027, 5, 4);

    // Ids of different things never meet in one set: each kind gets its own range.
    private const long MemberIds = 1_000_000_000, GroupIds = 2_000_000_000, StopIds = 3_000_000_000;

    [Fact]
    public async Task No_combination_of_the_working_group_s_numbers_pins_a_group_of_one_to_four_people()
    {
        var (planId, stopTruth) = await SeedAsync();
        using var workingGroup = await server.ClientAsync("wg.nord@test.local");
        using var admin = await server.ClientAsync("admin@test.local");
        await TwoNetworkServer.PlanningRunAsync(admin, server.Nord, FirstDay);

        var people = await PeopleAsync();
        var published = new List<PublishedNumber>();
        var kilometres = new List<(string Label, HashSet<long> People)>();

        // Counts by commune, site, roster, role and carpool status, and the two totals.
        using (var statistics = JsonDocument.Parse(await workingGroup.GetStringAsync($"/api/networks/{server.Nord}/statistics")))
        {
            var root = statistics.RootElement;
            var rule = Rule(root);
            var all = people.Select(p => p.Id).ToHashSet();
            published.Add(Number("employees", "employees", all, root.GetProperty("employees"), rule, listed: false));
            published.Add(Number("consenting", "consenting", people.Where(p => p.Consent).Select(p => p.Id).ToHashSet(),
                root.GetProperty("consentingToMatching"), rule, listed: false));
            var members = await MembersByStatusAsync();
            var tables = new Dictionary<string, Func<string, HashSet<long>>>
            {
                ["byCommune"] = key => people.Where(p => (p.Commune ?? "?") == key).Select(p => p.Id).ToHashSet(),
                ["bySite"] = key => people.Where(p => p.Site == key).Select(p => p.Id).ToHashSet(),
                ["byShiftPattern"] = key => people.Where(p => p.Patterns.Contains(key)).Select(p => p.Id).ToHashSet(),
                ["byCommuteRole"] = key => people.Where(p => p.Role.ToString() == key).Select(p => p.Id).ToHashSet(),
                ["carpoolMembersByStatus"] = key => members.GetValueOrDefault(key, []),
            };
            foreach (var (table, truth) in tables)
                foreach (var cell in root.GetProperty(table).EnumerateArray())
                {
                    var key = cell.GetProperty("key").GetString()!;
                    published.Add(Number(table, $"{table}[{key}]", truth(key), cell.GetProperty("count"), rule, listed: true));
                }
        }

        // The homes grid at every square size the endpoint accepts.
        foreach (var size in new[] { 250, 500, 1000, 2000, 5000 })
        {
            using var response = await workingGroup.GetAsync($"/api/networks/{server.Nord}/statistics/homes?cellMetres={size}");
            if (response.StatusCode != HttpStatusCode.OK) continue;
            using var grid = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var rule = Rule(grid.RootElement);
            var shown = new HashSet<long>();
            foreach (var feature in grid.RootElement.GetProperty("features").EnumerateArray())
            {
                var square = Square(feature.GetProperty("geometry"));
                var inside = people.Where(p => p.Home is not null && square.Covers(p.Home)).ToList();
                shown.UnionWith(inside.Select(p => p.Id));
                var label = $"homes {size} m @{square.Centroid.X:F4},{square.Centroid.Y:F4}";
                published.Add(Number($"homes {size}", label, inside.Select(p => p.Id).ToHashSet(), feature.GetProperty("properties").GetProperty("employees"), rule, listed: true));
                published.Add(Number($"homes {size} consenting", label + " consenting", inside.Where(p => p.Consent).Select(p => p.Id).ToHashSet(),
                    feature.GetProperty("properties").GetProperty("consenting"), rule, listed: false));
            }
            published.Add(Number($"homes {size} withheld", $"homes {size} m withheld",
                people.Where(p => p.Home is not null && !shown.Contains(p.Id)).Select(p => p.Id).ToHashSet(), grid.RootElement.GetProperty("withheld"), rule, listed: false));
        }

        // Shifts starting and ending per hour, on two dates.
        foreach (var date in new[] { FirstDay, SecondDay })
        {
            using var travel = JsonDocument.Parse(await workingGroup.GetStringAsync($"/api/networks/{server.Nord}/statistics/travel?date={date:yyyy-MM-dd}"));
            var rule = Rule(travel.RootElement);
            var working = people.Where(p => p.Shifts.ContainsKey(date)).ToList();
            published.Add(Number($"travel {date}", $"travel {date} people", working.Select(p => p.Id).ToHashSet(), travel.RootElement.GetProperty("people"), rule, listed: false));
            foreach (var hour in travel.RootElement.GetProperty("hours").EnumerateArray())
            {
                var h = hour.GetProperty("hour").GetInt32();
                published.Add(Number($"travel {date} arriving", $"travel {date} {h}h arriving",
                    working.Where(p => p.Shifts[date].Start == h).Select(p => p.Id).ToHashSet(), hour.GetProperty("arriving"), rule, listed: false));
                published.Add(Number($"travel {date} leaving", $"travel {date} {h}h leaving",
                    working.Where(p => p.Shifts[date].End == h).Select(p => p.Id).ToHashSet(), hour.GetProperty("leaving"), rule, listed: false));
            }
        }

        // The date's carpools: people and groups per direction and hour, and the kilometres published for them.
        using (var savings = JsonDocument.Parse(await workingGroup.GetStringAsync($"/api/networks/{server.Nord}/statistics/carpools?date={FirstDay:yyyy-MM-dd}")))
        {
            var root = savings.RootElement;
            var rule = Rule(root);
            var groups = await CarpoolGroupsAsync(FirstDay);
            Assert.NotEmpty(groups);
            published.Add(Number("carpools", "carpools people", groups.SelectMany(g => g.Members).ToHashSet(), root.GetProperty("people"), rule, listed: false));
            published.Add(Number("carpool groups", "carpools groups", groups.Select(g => g.Id).ToHashSet(), root.GetProperty("groups"), rule, listed: false));
            var hourKilometres = 0.0;
            var withKilometres = new HashSet<long>();
            foreach (var hour in root.GetProperty("byHour").EnumerateArray())
            {
                var (direction, h) = (hour.GetProperty("direction").GetString()!, hour.GetProperty("hour").GetInt32());
                var inHour = groups.Where(g => g.Direction.ToString() == direction && g.Hour == h).ToList();
                var label = $"carpools {direction} {h}h";
                var members = inHour.SelectMany(g => g.Members).ToHashSet();
                published.Add(Number("carpools by hour", label + " people", members, hour.GetProperty("people"), rule, listed: true));
                published.Add(Number("carpool groups by hour", label + " groups", inHour.Select(g => g.Id).ToHashSet(), hour.GetProperty("groups"), rule, listed: true));
                if (hour.GetProperty("routeKilometres") is { ValueKind: JsonValueKind.Number } km)
                {
                    kilometres.Add((label + " km", members));
                    withKilometres.UnionWith(members);
                    hourKilometres += km.GetDouble();
                }
            }
            // The day's kilometres less those of the hours shown are the kilometres of whoever is in no hour shown with them.
            var rest = groups.SelectMany(g => g.Members).Where(m => !withKilometres.Contains(m)).ToHashSet();
            if (root.GetProperty("routeKilometres") is { ValueKind: JsonValueKind.Number } day && day.GetDouble() - hourKilometres > 0.05)
                kilometres.Add(("carpools day km − hours' km", rest));
        }

        // A shuttle plan's boardings, alightings and loads per stop and time, as the working group reads them.
        using (var plan = JsonDocument.Parse(await workingGroup.GetStringAsync($"/api/shuttle-plans/{planId}")))
        {
            var rule = Rule(plan.RootElement);
            foreach (var trip in plan.RootElement.GetProperty("trips").EnumerateArray())
                foreach (var stop in trip.GetProperty("stops").EnumerateArray())
                    foreach (var field in new[] { "boarding", "alighting", "loadAfter" })
                    {
                        var truth = stopTruth[(stop.GetProperty("sequence").GetInt32(), field)];
                        published.Add(Number($"shuttle {field}", $"shuttle stop {stop.GetProperty("sequence").GetInt32()} {field}", truth, stop.GetProperty(field), rule, listed: false));
                    }
        }

        var pins = DifferencingAttack.Pinned(published).Select(p => p.ToString()).Concat(kilometres.Where(k => k.People.Count is >= 1 and <= 4)
            .Select(k => $"{k.Label}: kilometres of {k.People.Count} people")).ToList();
        Assert.True(pins.Count == 0, $"{pins.Count} groups of 1–4 people pinned:\n" + string.Join("\n", pins.Take(25)));
        // The attack had something to work on: several tables, nested or not.
        Assert.True(published.Select(p => p.Table).Distinct().Count() >= 10);
    }

    /// <summary>How a number of this response is to be read: exact, or rounded to a base (then within base − 1 of the truth).</summary>
    private static int? Rule(JsonElement root) => root.TryGetProperty("roundingBase", out var b) && b.ValueKind == JsonValueKind.Number ? b.GetInt32() : null;

    private static PublishedNumber Number(string table, string label, HashSet<long> people, JsonElement value, int? roundingBase, bool listed) =>
        PublishedNumber.Read(table, label, people, value.ValueKind == JsonValueKind.Null ? null : value.GetInt32(), roundingBase, listed);

    private static Polygon Square(JsonElement geometry) => Wgs84.CreatePolygon(geometry.GetProperty("coordinates")[0].EnumerateArray()
        .Select(c => new Coordinate(c[0].GetDouble(), c[1].GetDouble())).ToArray());

    private sealed record Person(long Id, string? Commune, string Site, CarpoolRole Role, bool Consent, Point? Home, HashSet<string> Patterns,
        Dictionary<DateOnly, (int Start, int End)> Shifts);

    private async Task<List<Person>> PeopleAsync()
    {
        await using var database = server.NewContext();
        var rows = await database.Employees.Where(e => e.Company!.NetworkId == server.Nord && e.ErasedAt == null)
            .Select(e => new { e.Id, e.Commune, Site = e.MainSite!.Name, e.Role, e.ConsentToMatching, e.Home,
                Assignments = e.ShiftAssignments.Select(a => new { a.ShiftPattern!.Name, a.ValidFrom, a.ValidTo, Slot = a.ShiftPattern.Slots.First() }).ToList() })
            .ToListAsync();
        return rows.Select(r => new Person(r.Id, r.Commune, r.Site, r.Role, r.ConsentToMatching, r.Home, r.Assignments.Select(a => a.Name).ToHashSet(),
            // Only consenting people's shifts are in the travel figures; the seeded rosters are one slot every day.
            new[] { FirstDay, SecondDay }.Where(d => r.ConsentToMatching && r.Assignments.Any(a => a.ValidFrom <= d && (a.ValidTo == null || d <= a.ValidTo)))
                .ToDictionary(d => d, d => r.Assignments.Where(a => a.ValidFrom <= d && (a.ValidTo == null || d <= a.ValidTo))
                    .Select(a => (a.Slot.Start.Hour, a.Slot.End.Hour)).First()))).ToList();
    }

    private async Task<Dictionary<string, HashSet<long>>> MembersByStatusAsync()
    {
        await using var database = server.NewContext();
        return (await database.CarpoolMembers.Where(m => m.CarpoolGroup!.NetworkId == server.Nord).Select(m => new { m.Id, m.Status }).ToListAsync())
            .GroupBy(m => m.Status.ToString()).ToDictionary(g => g.Key, g => g.Select(m => MemberIds + m.Id).ToHashSet());
    }

    private sealed record Group(long Id, CommuteDirection Direction, int Hour, HashSet<long> Members);

    private async Task<List<Group>> CarpoolGroupsAsync(DateOnly date)
    {
        await using var database = server.NewContext();
        return (await CarpoolTruth.ReadAsync(database, server.Nord, date))
            .Select(g => new Group(GroupIds + g.Id, g.Direction, g.Hour, g.Members.Select(m => MemberIds + m).ToHashSet())).ToList();
    }

    /// <summary>
    /// A data set where exact or merely suppressed numbers leak: clusters of six neighbours (five consenting) with a
    /// straggler or two a few hundred metres away, so that squares of one size hold a cluster and a straggler while
    /// squares of a smaller size split them; a commune of one; fourteen early starters on one date and thirteen the
    /// next; two late starters; carpools of the early starters; a shuttle stop where three board.
    /// </summary>
    private async Task<(long PlanId, Dictionary<(int, string), HashSet<long>> StopTruth)> SeedAsync()
    {
        await using var database = server.NewContext();
        var early = TwoNetworkServer.EveryDay(server.Nord, "attack-early", new TimeOnly(5, 0), new TimeOnly(13, 0), "Matin");
        var late = TwoNetworkServer.EveryDay(server.Nord, "attack-late", new TimeOnly(14, 0), new TimeOnly(22, 0), "Après-midi");
        string[] communes = ["Haguenau", "Haguenau", "Haguenau", "Haguenau", "Brumath", "Brumath", "Brumath", "Bischwiller"];
        for (var cluster = 0; cluster < 8; cluster++)
        {
            var (lon, lat) = (7.62 + 0.031 * cluster, 48.70 + 0.0017 * cluster);
            for (var i = 0; i < 8; i++)
            {
                // Six neighbours within 20 m, then one straggler 190 m east and one 450 m north.
                var (x, y) = i switch { < 6 => (lon + 0.00005 * i, lat), 6 => (lon + 0.0026, lat), _ => (lon, lat + 0.0041) };
                var employee = new Employee
                {
                    CompanyId = i == 3 ? server.Beta : server.Alpha, MainSiteId = i == 3 ? server.BetaPlant : server.AlphaPlant,
                    ExternalId = $"ATTACK-{cluster}-{i}", FirstName = "A", LastName = $"Attack{cluster}{i}",
                    Commune = cluster == 7 && i == 7 ? "Schweighouse" : communes[cluster],
                    Home = Wgs84.CreatePoint(new Coordinate(x, y)), ConsentToMatching = i != 5,
                    Role = (cluster, i) switch { (0, 1) or (3, 2) => CarpoolRole.Passenger, (_, 0) => CarpoolRole.Driver, _ => CarpoolRole.Either },
                    SeatsOffered = 3, MaxDetourMinutes = 20, MaxDetourRatio = 2.0,
                };
                if (cluster < 2 && i != 5)
                    employee.ShiftAssignments.Add(new ShiftAssignment
                    {
                        ShiftPattern = early, RotationAnchor = new DateOnly(2027, 1, 4), ValidFrom = FirstDay,
                        ValidTo = cluster == 0 && i == 6 ? FirstDay : SecondDay, // the one who does not work the second day
                    });
                if (cluster == 2 && i < 2)
                    employee.ShiftAssignments.Add(new ShiftAssignment { ShiftPattern = late, RotationAnchor = new DateOnly(2027, 1, 4), ValidFrom = FirstDay, ValidTo = SecondDay });
                database.Employees.Add(employee);
            }
        }
        var plan = new ShuttlePlan { NetworkId = server.Nord, Name = "Navette réseau", ValidFrom = FirstDay };
        var vehicle = new ShuttleVehicle { Name = "Minibus 1", Capacity = 8 };
        plan.Vehicles.Add(vehicle);
        var trip = new ShuttleTrip { Vehicle = vehicle, Direction = CommuteDirection.ToWork, Days = WorkDays.Weekdays, Kilometres = 6.5 };
        trip.Calls.Add(new ShuttleCall { Sequence = 0, SiteId = server.NordStation, Arrival = new TimeOnly(4, 40), Departure = new TimeOnly(4, 42), Boarding = 3, LoadAfter = 3 });
        trip.Calls.Add(new ShuttleCall { Sequence = 1, SiteId = server.AlphaPlant, Arrival = new TimeOnly(4, 52), Departure = new TimeOnly(4, 52), Alighting = 3 });
        plan.Trips.Add(trip);
        database.ShuttlePlans.Add(plan);
        await database.SaveChangesAsync();
        // The three riders are nobody the test names: ids of their own.
        var riders = Enumerable.Range(1, 3).Select(i => StopIds + i).ToHashSet();
        var truth = new Dictionary<(int, string), HashSet<long>>
        {
            [(0, "boarding")] = riders, [(0, "alighting")] = [], [(0, "loadAfter")] = riders,
            [(1, "boarding")] = [], [(1, "alighting")] = riders, [(1, "loadAfter")] = [],
        };
        return (plan.Id, truth);
    }
}
