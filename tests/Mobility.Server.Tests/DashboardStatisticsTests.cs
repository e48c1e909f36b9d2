using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mobility.Application.Statistics;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Data.Privacy;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Server.Statistics;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Tests;

/// <summary>The working group's dashboard: the daily activity snapshot (only accepted and confirmed carpools count), its
/// trend, the filters every table honours, and the CSV of each table matching its JSON.</summary>
public sealed class DashboardStatisticsTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private static readonly DateOnly Quiet = new(2027, 6, 7), Busy = new(2027, 6, 8), NotTaken = new(2027, 6, 9); // Monday to Wednesday

    private static StoredExplanation Explanation(CommuteDirection direction, IReadOnlyList<long> members, double routeKm, double aloneKm) => new(
        new GroupPlan(members[0].ToString(), members.Skip(1).Select(m => m.ToString()).ToList(), []),
        new GroupExplanation(direction, 0, members.Select((m, i) => new MemberExplanation(m.ToString(), "X", i == 0 ? MemberRole.Driver : MemberRole.Passenger,
            i, "S", 0, 0, 0, 0, 20, 15, 30, aloneKm)).ToList(), ["S"], 25, routeKm, 5, 15));

    private async Task<List<long>> PeopleAsync(string prefix, int count, long company, long plant, double latitude)
    {
        await using var database = server.NewContext();
        var people = Enumerable.Range(0, count).Select(i => new Employee
        {
            CompanyId = company, MainSiteId = plant, ExternalId = $"{prefix}-{i}", FirstName = "D", Commune = i % 2 == 0 ? "Haguenau" : "Brumath",
            Home = Wgs84.CreatePoint(new Coordinate(7.70 + 0.001 * i, latitude)), ConsentToMatching = true,
        }).ToList();
        database.Employees.AddRange(people);
        await database.SaveChangesAsync();
        return people.Select(p => p.Id).ToList();
    }

    /// <summary>Groups of three (a driver, two passengers) on a date, with the statuses given per group.</summary>
    private async Task AddGroupsAsync(DateOnly date, IReadOnlyList<long> people, params (CarpoolStatus Group, CarpoolStatus Members)[] statuses)
    {
        await using var database = server.NewContext();
        for (var g = 0; g < statuses.Length; g++)
        {
            var members = people.Skip(3 * g).Take(3).ToList();
            var plant = await database.Employees.Where(e => e.Id == members[0]).Select(e => e.MainSiteId).SingleAsync();
            database.CarpoolGroups.Add(new CarpoolGroup
            {
                NetworkId = server.Nord, Date = date, Direction = CommuteDirection.ToWork, Seats = 3, Status = statuses[g].Group,
                Explanation = Explanation(CommuteDirection.ToWork, members, 30, 20),
                Members = members.Select((id, i) => new CarpoolMember
                {
                    EmployeeId = id, Role = i == 0 ? MemberRole.Driver : MemberRole.Passenger, PickupOrder = i, DropOffSiteId = plant,
                    PickupTime = new DateTimeOffset(date.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero), Status = statuses[g].Members,
                }).ToList(),
            });
        }
        await database.SaveChangesAsync();
    }

    [Fact]
    public async Task A_snapshot_keeps_only_accepted_and_confirmed_riders_and_the_activity_and_its_trend_are_read_from_it()
    {
        var alpha = await PeopleAsync("SNAP-A", 24, server.Alpha, server.AlphaPlant, 48.90);
        var beta = await PeopleAsync("SNAP-B", 6, server.Beta, server.BetaPlant, 48.91);
        // The quiet day: one accepted group, one nobody accepted, one confirmed group in which one member declined.
        await AddGroupsAsync(Quiet, alpha, (CarpoolStatus.Accepted, CarpoolStatus.Accepted), (CarpoolStatus.Proposed, CarpoolStatus.Proposed),
            (CarpoolStatus.Confirmed, CarpoolStatus.Confirmed));
        await using (var database = server.NewContext())
        {
            var declined = await database.CarpoolMembers.Where(m => m.EmployeeId == alpha[8] && m.CarpoolGroup!.Date == Quiet).SingleAsync();
            declined.Status = CarpoolStatus.Declined;
            await database.SaveChangesAsync();
        }
        // The busy day: eight groups accepted or confirmed, two of them Beta's people, and one cancelled group.
        await AddGroupsAsync(Busy, alpha.Concat(beta).ToList(), Enumerable.Repeat((CarpoolStatus.Confirmed, CarpoolStatus.Confirmed), 8)
            .Append((CarpoolStatus.Cancelled, CarpoolStatus.Cancelled)).ToArray());

        List<ActivityTrip> quiet, busy;
        await using (var database = server.NewContext())
        {
            quiet = (await ActivitySnapshots.TakeAsync(database, server.Nord, Quiet, DateTimeOffset.UtcNow, default)).Trips;
            busy = (await ActivitySnapshots.TakeAsync(database, server.Nord, Busy, DateTimeOffset.UtcNow, default)).Trips;
            // Taking a date again replaces it rather than adding to it.
            await ActivitySnapshots.TakeAsync(database, server.Nord, Busy, DateTimeOffset.UtcNow, default);
            Assert.Equal(busy.Count, await database.ActivityTrips.CountAsync(t => t.Snapshot!.Date == Busy && t.Snapshot.NetworkId == server.Nord));
        }
        // The accepted group's three and the confirmed group's two who did not decline; nobody of the proposal.
        Assert.Equal(alpha.Take(3).Concat(alpha.Skip(6).Take(2)).Order(), quiet.Select(t => t.EmployeeId).Order());
        Assert.Equal(24, busy.Count);
        // Each rider's share of the car's 30 km: a tenth of it in a car of three, half in the one a member left.
        Assert.All(quiet.Concat(busy), t => Assert.Equal((20.0, quiet.Count(q => q.CarpoolGroupId == t.CarpoolGroupId) == 2 ? 15.0 : 10.0),
            (t.AloneKilometres!.Value, t.RouteKilometres)));

        var disclosure = server.Factory.Services.GetRequiredService<Disclosure>();
        using var workingGroup = await server.ClientAsync("wg.nord@test.local");
        var url = $"/api/networks/{server.Nord}/statistics/activity?from={Quiet:yyyy-MM-dd}&to={NotTaken:yyyy-MM-dd}";
        using var activity = JsonDocument.Parse(await workingGroup.GetStringAsync(url));
        var days = activity.RootElement.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(3, days.Count);
        long[] Keys(IEnumerable<ActivityTrip> trips, DateOnly date) => trips.Select(t => DashboardStatistics.TripKey(t.EmployeeId, date, t.Direction)).ToArray();
        var busyPeople = disclosure.Count(Keys(busy, Busy));
        // Five people make a day too small to publish: nothing of it is shown.
        Assert.True(days[0].GetProperty("taken").GetBoolean());
        Assert.Equal(JsonValueKind.Null, days[0].GetProperty("people").ValueKind);
        Assert.Equal(busyPeople, days[1].GetProperty("people").GetInt32());
        Assert.Equal(disclosure.Count(busy.Select(t => t.CarpoolGroupId).Distinct()), days[1].GetProperty("groups").GetInt32());
        Assert.False(days[2].GetProperty("taken").GetBoolean());
        // The busy day's 24 people each save 20 − 10 km, published rounded to 10 km; CO₂ at the engine's 193 g/km.
        var saved = disclosure.Kilometres(24 * 10, "saved", Keys(busy, Busy))!.Value;
        Assert.Equal(saved, days[1].GetProperty("kilometresSaved").GetDouble());
        Assert.Equal(Math.Round(saved * EmissionFactors.CarGramsPerKilometre / 1000, 1), days[1].GetProperty("kilogramsCo2Saved").GetDouble());
        Assert.True(days[1].GetProperty("eurosSaved").GetDouble() > 0);
        // Kilometres of five people are never published.
        Assert.Equal(JsonValueKind.Null, days[0].GetProperty("kilometresSaved").ValueKind);
        var trend = activity.RootElement.GetProperty("trend");
        Assert.True(JsonValueKind.Null == trend.GetProperty("firstHalfPeoplePerDay").ValueKind, activity.RootElement.GetRawText());
        Assert.Equal((double)busyPeople, trend.GetProperty("secondHalfPeoplePerDay").GetDouble());

        // A company filter: Alpha's eighteen of the busy day only; Beta's six are too few to show.
        using var alphaOnly = JsonDocument.Parse(await workingGroup.GetStringAsync(url + $"&company={server.Alpha}"));
        Assert.Equal(disclosure.Count(Keys(busy.Where(t => alpha.Contains(t.EmployeeId)), Busy)),
            alphaOnly.RootElement.GetProperty("days")[1].GetProperty("people").GetInt32());
        using var betaOnly = JsonDocument.Parse(await workingGroup.GetStringAsync(url + $"&company={server.Beta}"));
        Assert.Equal(JsonValueKind.Null, betaOnly.RootElement.GetProperty("days")[1].GetProperty("people").ValueKind);

        // The CSV has the JSON's rows and numbers.
        var csv = await CsvAsync(workingGroup, url + "&format=csv");
        Assert.Equal(["date", "taken", "groups", "people", "carsRemoved", "kilometresSaved", "kilogramsCo2Saved", "eurosSaved"], csv[0]);
        Assert.Equal(days.Select(d => d.GetProperty("date").GetString()), csv.Skip(1).Select(r => r[0]));
        Assert.Equal(days.Select(d => d.GetProperty("people").ValueKind == JsonValueKind.Null ? "" : d.GetProperty("people").GetInt32().ToString()),
            csv.Skip(1).Select(r => r[3]));
        Assert.Equal(saved.ToString(System.Globalization.CultureInfo.InvariantCulture), csv[2][5]);

        // Erasing a rider takes them out of the history.
        await using (var database = server.NewContext())
        {
            await new EmployeeErasure(database, TimeProvider.System).EraseAsync(alpha[0]);
            Assert.False(await database.ActivityTrips.AnyAsync(t => t.EmployeeId == alpha[0]));
        }
    }

    [Fact]
    public async Task The_service_takes_the_missing_days_and_yesterday_only_after_the_snapshot_hour()
    {
        var service = server.Factory.Services.GetRequiredService<ActivitySnapshotService>();
        await service.TakeMissingAsync(default);
        await using var database = server.NewContext();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var taken = await database.ActivitySnapshots.Where(s => s.NetworkId == server.Nord).Select(s => s.Date).ToListAsync();
        // The default catch-up is seven days; yesterday waits for 03:00 local time.
        Assert.Contains(today.AddDays(-7), taken);
        Assert.Contains(today.AddDays(-2), taken);
        Assert.Equal(local.Hour >= 3, taken.Contains(today.AddDays(-1)));
        Assert.DoesNotContain(today, taken);
    }

    [Fact]
    public async Task Every_table_honours_the_filters_and_its_csv_matches_its_json()
    {
        var near = await PeopleAsync("FILT-A", 7, server.Alpha, server.AlphaPlant, 48.83);   // about 3 km from Alpha's plant
        var far = await PeopleAsync("FILT-B", 14, server.Beta, server.BetaPlant, 49.10);     // about 32 km from Beta's plant
        var disclosure = server.Factory.Services.GetRequiredService<Disclosure>();
        using var workingGroup = await server.ClientAsync("wg.nord@test.local");
        var root = $"/api/networks/{server.Nord}/statistics";

        using var betaBands = JsonDocument.Parse(await workingGroup.GetStringAsync($"{root}/distances?company={server.Beta}"));
        var bands = betaBands.RootElement.GetProperty("bands").EnumerateArray().ToList();
        // Beta: the fourteen far ones, and Berta alone 8 km away, a band too small to show; no total to subtract from.
        Assert.Equal(disclosure.Count(far), bands.Single(b => b.GetProperty("band").GetString() == "20-40").GetProperty("people").GetInt32());
        Assert.Equal(["20-40"], bands.Select(b => b.GetProperty("band").GetString()));
        Assert.False(betaBands.RootElement.TryGetProperty("people", out _));

        using var alphaFlows = JsonDocument.Parse(await workingGroup.GetStringAsync($"{root}/flows?plant={server.AlphaPlant}"));
        Assert.All(alphaFlows.RootElement.GetProperty("pairs").EnumerateArray(), f => Assert.Equal(server.AlphaPlant, f.GetProperty("plantId").GetInt64()));
        Assert.DoesNotContain("SECRET-BETA", alphaFlows.RootElement.GetRawText());

        // Another network's company is no filter of this one, and says nothing of whether it exists.
        using var foreign = await workingGroup.GetAsync($"{root}/distances?company={server.Gamma}");
        using var unknown = await workingGroup.GetAsync($"{root}/distances?company=999999");
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        static string WithoutTrace(string body) => System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");
        Assert.Equal(WithoutTrace(await unknown.Content.ReadAsStringAsync()), WithoutTrace(await foreign.Content.ReadAsStringAsync()));
        Assert.Contains(Codes.Field.UnknownReference, await foreign.Content.ReadAsStringAsync());
        using var badShift = await workingGroup.GetAsync($"{root}/flows?shift=25h");
        Assert.Equal(HttpStatusCode.BadRequest, badShift.StatusCode);

        // CSV against JSON, table by table.
        var distancesCsv = await CsvAsync(workingGroup, $"{root}/distances?company={server.Beta}&format=csv");
        Assert.Equal(bands.Select(b => new[] { b.GetProperty("band").GetString()!, b.GetProperty("people").GetInt32().ToString() }),
            distancesCsv.Skip(1).Select(r => new[] { r[0], r[3] }));
        using var flows = JsonDocument.Parse(await workingGroup.GetStringAsync($"{root}/flows"));
        var flowsCsv = await CsvAsync(workingGroup, $"{root}/flows?format=csv");
        Assert.Equal(flows.RootElement.GetProperty("pairs").EnumerateArray().Select(f => $"{f.GetProperty("commune").GetString()}|{f.GetProperty("plant").GetString()}|{f.GetProperty("people").GetInt32()}"),
            flowsCsv.Skip(1).Select(r => $"{r[0]}|{r[2]}|{r[3]}"));
        using var homes = JsonDocument.Parse(await workingGroup.GetStringAsync($"{root}/homes?company={server.Alpha}"));
        var homesCsv = await CsvAsync(workingGroup, $"{root}/homes?company={server.Alpha}&format=csv");
        Assert.Equal(homes.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("employees").GetInt32().ToString()),
            homesCsv.Skip(1).Select(r => r[4]));
        Assert.NotEmpty(homesCsv.Skip(1));
        // Alpha's homes only: fewer than everyone's by Beta's fourteen and more (within rounding).
        static int Homes(JsonDocument map) => map.RootElement.GetProperty("features").EnumerateArray()
            .Sum(f => f.GetProperty("properties").GetProperty("employees").GetInt32()) + map.RootElement.GetProperty("withheld").GetInt32();
        using var everyone = JsonDocument.Parse(await workingGroup.GetStringAsync($"{root}/homes"));
        Assert.InRange(Homes(homes), near.Count - 8, Homes(everyone) - far.Count + 8 * 2);
        Assert.True(Homes(homes) < Homes(everyone));
    }

    /// <summary>A CSV answer as rows of cells (no cell of these tests holds a comma or a quote).</summary>
    internal static async Task<List<string[]>> CsvAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        return text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
    }
}
