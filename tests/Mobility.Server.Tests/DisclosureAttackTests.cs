using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mobility.Application.Statistics;
using Mobility.Data.Model;
using Mobility.Routing;
using Mobility.Server.Statistics;
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
        var (planId, stopTruth, early, late) = await SeedAsync();
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

        // The dashboard's tables under every filter, alone and together: each filter's bands, flows and shift hours
        // against the network's and the other filters' (a company's bands minus the network's, a plant's minus a roster's).
        var filters = new (string Query, Func<Person, bool> Holds)[]
        {
            ("", _ => true),
            ($"company={server.Alpha}", p => p.CompanyId == server.Alpha), ($"company={server.Beta}", p => p.CompanyId == server.Beta),
            ($"plant={server.AlphaPlant}", p => p.SiteId == server.AlphaPlant), ($"plant={server.BetaPlant}", p => p.SiteId == server.BetaPlant),
            ($"roster={early}", p => p.PatternIds.Contains(early)), ($"roster={late}", p => p.PatternIds.Contains(late)),
            ("shift=05:00", p => p.PatternIds.Contains(early)),
            ($"company={server.Alpha}&roster={early}", p => p.CompanyId == server.Alpha && p.PatternIds.Contains(early)),
        };
        foreach (var (query, holds) in filters)
        {
            var chosen = people.Where(holds).ToList();
            using (var distances = JsonDocument.Parse(await workingGroup.GetStringAsync($"/api/networks/{server.Nord}/statistics/distances?{query}")))
            {
                var rule = Rule(distances.RootElement);
                foreach (var band in distances.RootElement.GetProperty("bands").EnumerateArray())
                {
                    var key = band.GetProperty("band").GetString()!;
                    published.Add(Number("distances", $"distances [{query}] {key}",
                        chosen.Where(p => p.PlantKm is { } km && DashboardStatistics.BandOf(km) == key).Select(p => p.Id).ToHashSet(), band.GetProperty("people"), rule, listed: true));
                }
            }
            using (var flows = JsonDocument.Parse(await workingGroup.GetStringAsync($"/api/networks/{server.Nord}/statistics/flows?{query}")))
            {
                var rule = Rule(flows.RootElement);
                foreach (var pair in flows.RootElement.GetProperty("pairs").EnumerateArray())
                {
                    var (commune, plant) = (pair.GetProperty("commune").GetString()!, pair.GetProperty("plantId").GetInt64());
                    published.Add(Number("flows", $"flows [{query}] {commune} → {plant}",
                        chosen.Where(p => (p.Commune ?? "?") == commune && p.SiteId == plant).Select(p => p.Id).ToHashSet(), pair.GetProperty("people"), rule, listed: true));
                }
            }
            foreach (var date in new[] { FirstDay, SecondDay })
            {
                using var shifts = JsonDocument.Parse(await workingGroup.GetStringAsync($"/api/networks/{server.Nord}/statistics/shifts?date={date:yyyy-MM-dd}&{query}"));
                var rule = Rule(shifts.RootElement);
                var working = chosen.Where(p => p.Shifts.ContainsKey(date) && (!query.Contains("shift=") || p.Shifts[date].Start == 5)).ToList();
                foreach (var hour in shifts.RootElement.GetProperty("hours").EnumerateArray())
                {
                    var (plant, h) = (hour.GetProperty("plantId").GetInt64(), hour.GetProperty("hour").GetInt32());
                    published.Add(Shown($"shifts {date} starting", $"shifts [{query}] {date} {plant} {h}h starting",
                        working.Where(p => p.SiteId == plant && p.Shifts[date].Start == h).Select(p => p.Id).ToHashSet(), hour.GetProperty("starting"), rule));
                    published.Add(Shown($"shifts {date} ending", $"shifts [{query}] {date} {plant} {h}h ending",
                        working.Where(p => p.SiteId == plant && p.Shifts[date].End == h).Select(p => p.Id).ToHashSet(), hour.GetProperty("ending"), rule));
                }
            }
        }

        // The activity history of the first day's carpools, all accepted but one group, under the company filters.
        await using (var database = server.NewContext())
        {
            var groups = await database.CarpoolGroups.Include(g => g.Members).Where(g => g.NetworkId == server.Nord && g.Date == FirstDay).OrderBy(g => g.Id).ToListAsync();
            Assert.NotEmpty(groups);
            foreach (var group in groups.Skip(1))
            {
                group.Status = CarpoolStatus.Accepted;
                foreach (var member in group.Members) member.Status = CarpoolStatus.Accepted;
            }
            await database.SaveChangesAsync();
            foreach (var date in new[] { FirstDay, SecondDay }) await ActivitySnapshots.TakeAsync(database, server.Nord, date, DateTimeOffset.UtcNow, default);
        }
        List<ActivityTrip> trips;
        await using (var database = server.NewContext())
            trips = await database.ActivityTrips.Where(t => t.Snapshot!.NetworkId == server.Nord && t.Snapshot.Date == FirstDay).ToListAsync();
        Assert.NotEmpty(trips);
        foreach (var (query, holds) in filters.Take(3))
        {
            var ids = people.Where(holds).Select(p => p.Id).ToHashSet();
            var chosen = trips.Where(t => ids.Contains(t.EmployeeId)).ToList();
            using var activity = JsonDocument.Parse(await workingGroup.GetStringAsync(
                $"/api/networks/{server.Nord}/statistics/activity?from={FirstDay:yyyy-MM-dd}&to={SecondDay:yyyy-MM-dd}&{query}"));
            var rule = Rule(activity.RootElement);
            var day = activity.RootElement.GetProperty("days")[0];
            var keys = chosen.Select(t => DashboardStatistics.TripKey(t.EmployeeId, FirstDay, t.Direction)).ToHashSet();
            published.Add(Shown("activity people", $"activity [{query}] people", keys, day.GetProperty("people"), rule));
            published.Add(Shown("activity groups", $"activity [{query}] groups", chosen.Select(t => GroupIds + t.CarpoolGroupId).ToHashSet(), day.GetProperty("groups"), rule));
            if (day.GetProperty("kilometresSaved").ValueKind == JsonValueKind.Number) kilometres.Add(($"activity [{query}] km", keys));
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

    /// <summary>A dashboard number: null means under <see cref="DashboardStatistics.MinimumShown"/> published, so 0 to 9 people.</summary>
    private static PublishedNumber Shown(string table, string label, HashSet<long> people, JsonElement value, int? roundingBase) =>
        value.ValueKind == JsonValueKind.Null ? new PublishedNumber(table, label, people, 0, DashboardStatistics.MinimumShown - 1)
            : Number(table, label, people, value, roundingBase, listed: false);

    private static Polygon Square(JsonElement geometry) => Wgs84.CreatePolygon(geometry.GetProperty("coordinates")[0].EnumerateArray()
        .Select(c => new Coordinate(c[0].GetDouble(), c[1].GetDouble())).ToArray());

    private sealed record Person(long Id, string? Commune, string Site, CarpoolRole Role, bool Consent, Point? Home, HashSet<string> Patterns,
        Dictionary<DateOnly, (int Start, int End)> Shifts, long CompanyId, long SiteId, HashSet<long> PatternIds, double? PlantKm);

    private async Task<List<Person>> PeopleAsync()
    {
        await using var database = server.NewContext();
        var rows = await database.Employees.Where(e => e.Company!.NetworkId == server.Nord && e.ErasedAt == null)
            .Select(e => new { e.Id, e.Commune, Site = e.MainSite!.Name, e.Role, e.ConsentToMatching, e.Home, e.CompanyId, e.MainSiteId, Plant = e.MainSite.Location,
                Assignments = e.ShiftAssignments.Select(a => new { a.ShiftPattern!.Name, a.ShiftPatternId, a.ValidFrom, a.ValidTo, Slot = a.ShiftPattern.Slots.First() }).ToList() })
            .ToListAsync();
        return rows.Select(r => new Person(r.Id, r.Commune, r.Site, r.Role, r.ConsentToMatching, r.Home, r.Assignments.Select(a => a.Name).ToHashSet(),
            // Only consenting people's shifts are in the travel figures; the seeded rosters are one slot every day.
            new[] { FirstDay, SecondDay }.Where(d => r.ConsentToMatching && r.Assignments.Any(a => a.ValidFrom <= d && (a.ValidTo == null || d <= a.ValidTo)))
                .ToDictionary(d => d, d => r.Assignments.Where(a => a.ValidFrom <= d && (a.ValidTo == null || d <= a.ValidTo))
                    .Select(a => (a.Slot.Start.Hour, a.Slot.End.Hour)).First()),
            r.CompanyId, r.MainSiteId, r.Assignments.Select(a => a.ShiftPatternId).ToHashSet(),
            r.Home is null ? null : Geo.Metres(r.Home.Y, r.Home.X, r.Plant.Y, r.Plant.X) / 1000)).ToList();
    }

    private async Task<Dictionary<string, HashSet<long>>> MembersByStatusAsync()
    {
        await using var database = server.NewContext();
        return (await database.CarpoolMembers.Where(m => m.CarpoolGroup!.NetworkId == server.Nord).Select(m => new { m.Id, m.Status }).ToListAsync())
            .GroupBy(m => m.Status.ToString()).ToDictionary(g => g.Key, g => g.Select(m => MemberIds + m.Id).ToHashSet());
    }

    /// <summary>
    /// A data set where exact or merely suppressed numbers leak: clusters of six neighbours (five consenting) with a
    /// straggler or two a few hundred metres away, so that squares of one size hold a cluster and a straggler while
    /// squares of a smaller size split them; a commune of one; fourteen early starters on one date and thirteen the
    /// next; two late starters; carpools of the early starters; a shuttle stop where three board.
    /// </summary>
    private async Task<(long PlanId, Dictionary<(int, string), HashSet<long>> StopTruth, long Early, long Late)> SeedAsync()
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
        return (plan.Id, truth, early.Id, late.Id);
    }
}
