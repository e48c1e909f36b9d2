using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Accounts;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;
using Mobility.TestSupport;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Tests;

/// <summary>
/// A real server on a fresh PostGIS database holding two networks: "Nord" with companies Alpha and Beta (and a shared
/// station), "Sud" with company Gamma. One account per role. Names carry markers (e.g. "SECRET-BETA") so that a test
/// can look for any trace of a foreign tenant in a response.
/// </summary>
public sealed class TwoNetworkServer : IDisposable
{
    public const string Password = "password-for-tests";
    internal static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private readonly TestDatabase _database;
    public WebApplicationFactory<Program> Factory { get; }

    public long Nord, Sud, Alpha, Beta, Gamma;
    public long AlphaPlant, BetaPlant, GammaPlant, NordStation, SudStation;
    public long AlphaOne, AlphaTwo, BetaOne, GammaOne;
    public long BetaGroup, AlphaGroup, SudPlan, SudRoster, BertaAccount, SudJob;
    /// <summary>The Monday <see cref="PutNordOnAShuttleDay"/> plans for.</summary>
    public static readonly DateOnly ShuttleMonday = new(2027, 4, 5);

    public TwoNetworkServer() : this(new TestDatabase()) { }

    /// <summary>On a database the test chose, e.g. on a cluster of its own that it stops (internal: a fixture has one public constructor).</summary>
    internal TwoNetworkServer(TestDatabase on)
    {
        _database = on;
        using (var database = NewContext())
        {
            database.Database.Migrate();
            Seed(database);
        }
        Factory = Instance();
    }

    /// <summary>Another server instance on the same database, with these settings (e.g. the Redis backplane).</summary>
    public WebApplicationFactory<Program> Instance(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting(DatabaseConnection.SettingName, _database.ConnectionString);
            // Tests sign in far more often from one place than people do; SignInLimitTests sets its own limits.
            host.UseSetting("SignIn:RequestsPerAddressPerMinute", "100000");
            // Groups here are dated in 2026: a month later the cleanup would empty their threads under a running test.
            host.UseSetting("Crew:KeepDays", "36500");
            foreach (var (key, value) in settings) host.UseSetting(key, value);
        });

    /// <summary>A one-week roster with one shift every day of the week, for tests that need people at work on a date.</summary>
    public static ShiftPattern EveryDay(long network, string id, TimeOnly start, TimeOnly end, string name = "Journée") => new()
    {
        NetworkId = network, ExternalId = id, Name = name, RotationWeeks = 1,
        Slots = [new ShiftSlot { WeekIndex = 0, Days = WorkDays.All, Start = start, End = end }],
    };

    /// <summary>
    /// Everyone of Nord on a day roster, every day: Paul drives (3 seats), Anne and Berta ride; they live a kilometre
    /// apart, ~8 km from the plants (Berta's is 1.4 km from theirs). Done once per database.
    /// </summary>
    public void PutNordOnADayRoster()
    {
        using var database = NewContext();
        if (database.ShiftPatterns.Any(p => p.ExternalId == "every-day")) return;
        var pattern = EveryDay(Nord, "every-day", new TimeOnly(8, 0), new TimeOnly(16, 0));
        database.ShiftPatterns.Add(pattern);
        foreach (var (id, role, seats) in new[] { (AlphaTwo, CarpoolRole.Driver, 3), (AlphaOne, CarpoolRole.Passenger, 0), (BetaOne, CarpoolRole.Passenger, 0) })
        {
            var employee = database.Employees.Single(e => e.Id == id);
            (employee.Role, employee.SeatsOffered) = (role, seats);
            // Paul accepts up to 20 minutes and twice his direct time: enough to take both, to two plants.
            (employee.MaxDetourMinutes, employee.MaxDetourRatio) = (20, 2.0);
            employee.ShiftAssignments.Add(new ShiftAssignment
            {
                ShiftPattern = pattern, RotationAnchor = new DateOnly(2026, 1, 5), ValidFrom = new DateOnly(2026, 1, 5),
            });
        }
        database.SaveChanges();
    }

    /// <summary>Anne and Paul (Alpha) and Berta (Beta) on a day shift on <see cref="ShuttleMonday"/> and the Tuesday after,
    /// for shuttle plans. Done once per database.</summary>
    public void PutNordOnAShuttleDay()
    {
        using var database = NewContext();
        if (database.ShiftPatterns.Any(p => p.ExternalId == "shuttle-day")) return;
        var pattern = EveryDay(Nord, "shuttle-day", new TimeOnly(8, 0), new TimeOnly(16, 0));
        database.ShiftPatterns.Add(pattern);
        foreach (var id in new[] { AlphaOne, AlphaTwo, BetaOne })
            database.ShiftAssignments.Add(new ShiftAssignment
            {
                EmployeeId = id, ShiftPattern = pattern, RotationAnchor = new DateOnly(2027, 1, 4), ValidFrom = ShuttleMonday, ValidTo = ShuttleMonday.AddDays(1),
            });
        database.SaveChanges();
    }

    /// <summary>Polls a job (GET at its Location) until it no longer is queued or running, and answers its last view.</summary>
    /// <summary>An administrator's re-match of one date, a job: queued (202), followed to its end; answers its result.</summary>
    public static async Task<JsonElement> PlanningRunAsync(HttpClient admin, long networkId, DateOnly date)
    {
        using var response = await admin.PostAsync($"/api/networks/{networkId}/planning-runs?date={date:yyyy-MM-dd}", null);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var job = await FinishedJobAsync(admin, response.Headers.Location!.ToString());
        Assert.True(job.GetProperty("state").GetString() == "succeeded", job.ToString());
        return job.GetProperty("result");
    }

    public static async Task<JsonElement> FinishedJobAsync(HttpClient client, string location) =>
        await JobAsync(client, location, job => job.GetProperty("state").GetString() is not ("queued" or "running"));

    /// <summary>Polls a job until the condition holds. The deadline only keeps a broken runner from hanging the run.</summary>
    public static async Task<JsonElement> JobAsync(HttpClient client, string location, Func<JsonElement, bool> until)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var job = await client.GetFromJsonAsync<JsonElement>(location);
            if (until(job)) return job;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{location} stayed {job}");
            await Task.Delay(100);
        }
    }

    /// <summary>The real clock moved to another instant: time still passes, so timers and tokens behave.</summary>
    private sealed class MovedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }

    /// <summary>A server instance whose clock reads <paramref name="local"/> (Europe/Paris, Nord's time) now, once it has
    /// re-matched Nord at start (today and the days the engine keeps).</summary>
    public async Task<(WebApplicationFactory<Program> Instance, DateTimeOffset Now)> InstanceAtAsync(DateTime local)
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var now = new DateTimeOffset(local, paris.GetUtcOffset(local));
        var log = new CapturedLog();
        var instance = Instance().WithWebHostBuilder(host => host
            .ConfigureLogging(logging => logging.AddProvider(log))
            .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new MovedClock(now - DateTimeOffset.UtcNow))));
        _ = instance.Services;
        await log.WaitForAsync(e => e.Message.Contains("re-matched after", StringComparison.Ordinal) && Equals(e.Values.GetValueOrDefault("Network"), Nord),
            TimeSpan.FromSeconds(60));
        return (instance, now);
    }

    public MobilityDbContext NewContext() =>
        new(MobilityDatabase.Options(MobilityDatabase.CreateDataSource(_database.ConnectionString)));

    /// <summary>A client signed in with a bearer token as the account of that e-mail.</summary>
    public async Task<HttpClient> ClientAsync(string email, WebApplicationFactory<Program>? instance = null)
    {
        var client = (instance ?? Factory).CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(email, instance));
        return client;
    }

    public async Task<string> TokenAsync(string email, WebApplicationFactory<Program>? instance = null)
    {
        using var client = (instance ?? Factory).CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>A SignalR connection to a hub (the commute hub unless told) as that account, over WebSockets with the token in
    /// the query string as browsers send it.</summary>
    public async Task<HubConnection> HubAsync(string email, WebApplicationFactory<Program>? instance = null, string path = "hubs/commute")
    {
        var server = instance ?? Factory;
        var token = await TokenAsync(email, server);
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.Server.BaseAddress, path), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = async (context, cancellation) =>
                    await server.Server.CreateWebSocketClient().ConnectAsync(new UriBuilder(context.Uri) { Query = "access_token=" + token }.Uri, cancellation);
            })
            .Build();
    }

    /// <summary>A sign-in for an employee the seed gave none, once per database; answers its e-mail.</summary>
    public async Task<string> AccountForAsync(long employeeId, string email)
    {
        await using var database = NewContext();
        if (!await database.Users.AnyAsync(u => u.EmployeeId == employeeId))
        {
            database.Users.Add(AccountFactory.Create(email, Password, AccountRole.Employee, employeeId: employeeId));
            await database.SaveChangesAsync();
        }
        return email;
    }

    /// <summary>A proposed group <paramref name="daysAhead"/> days from today, beyond the engine's horizon so that it leaves
    /// it alone (the pages list from today): the driver and passengers, in this order.</summary>
    public async Task<long> ProposeAheadAsync(int daysAhead, int seats, long driver, params long[] passengers)
    {
        var group = await ProposeAsync(seats, driver, passengers);
        await using var database = NewContext();
        var stored = await database.CarpoolGroups.Include(g => g.Members).SingleAsync(g => g.Id == group);
        var shift = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysAhead).DayNumber - stored.Date.DayNumber;
        stored.Date = stored.Date.AddDays(shift);
        foreach (var member in stored.Members) member.PickupTime = member.PickupTime.AddDays(shift);
        await database.SaveChangesAsync();
        return group;
    }

    /// <summary>A proposed group for the date: the driver and passengers, in this order.</summary>
    public async Task<long> ProposeAsync(int seats, long driver, params long[] passengers)
    {
        await using var database = NewContext();
        var site = await database.Employees.Where(e => e.Id == driver).Select(e => e.MainSiteId).SingleAsync();
        var network = await database.Employees.Where(e => e.Id == driver).Select(e => e.Company!.NetworkId).SingleAsync();
        var group = new CarpoolGroup
        {
            NetworkId = network, Date = new DateOnly(2026, 11, 10), Seats = seats, // a past date: the proposal engine only re-matches the days ahead
            Members = passengers.Prepend(driver).Select((id, order) => new CarpoolMember
            {
                EmployeeId = id, Role = order == 0 ? MemberRole.Driver : MemberRole.Passenger, PickupOrder = order, DropOffSiteId = site,
                PickupTime = new DateTimeOffset(2026, 11, 10, 4, 20 + order * 5, 0, TimeSpan.Zero),
                PickupLocation = Wgs84.CreatePoint(new Coordinate(7.70 + order * 0.01, 48.85)),
            }).ToList(),
        };
        database.Add(group);
        await database.SaveChangesAsync();
        return group.Id;
    }

    private void Seed(MobilityDbContext database)
    {
        var nord = new Network { Name = "Nord" };
        var sud = new Network { Name = "Sud SECRET-SUD" };
        var alpha = new Company { Network = nord, ExternalId = "ALP", Name = "Alpha Plasturgie" };
        var beta = new Company { Network = nord, ExternalId = "BET", Name = "Beta SECRET-BETA" };
        var gamma = new Company { Network = sud, ExternalId = "GAM", Name = "Gamma SECRET-GAMMA" };
        Site Place(Network network, Company? company, string id, string name, SiteKind kind, double lat, double lon) => new()
        {
            Network = network, Company = company, ExternalId = id, Name = name, Kind = kind,
            Location = Wgs84.CreatePoint(new Coordinate(lon, lat)),
        };
        var alphaPlant = Place(nord, alpha, "ALP-1", "Usine Alpha", SiteKind.Plant, 48.81, 7.79);
        var betaPlant = Place(nord, beta, "BET-1", "Usine SECRET-BETA", SiteKind.Plant, 48.82, 7.80);
        var gammaPlant = Place(sud, gamma, "GAM-1", "Usine SECRET-GAMMA", SiteKind.Plant, 48.30, 7.60);
        var nordStation = Place(nord, null, "GARE-N", "Gare de Haguenau", SiteKind.Station, 48.815, 7.785);
        var sudStation = Place(sud, null, "GARE-S", "Gare SECRET-SUD", SiteKind.Station, 48.31, 7.61);
        Employee Person(Company company, Site plant, string id, string first, string last, double lat, double lon) => new()
        {
            Company = company, MainSite = plant, ExternalId = id, FirstName = first, LastName = last,
            Home = Wgs84.CreatePoint(new Coordinate(lon, lat)), Role = CarpoolRole.Either, SeatsOffered = 3, ConsentToMatching = true,
        };
        var alphaOne = Person(alpha, alphaPlant, "A1", "Anne", "Muller", 48.85, 7.70);
        var alphaTwo = Person(alpha, alphaPlant, "A2", "Paul", "SECRET-COLLEAGUE", 48.86, 7.71);
        var betaOne = Person(beta, betaPlant, "B1", "Berta", "SECRET-BETA-PERSON", 48.87, 7.72);
        var gammaOne = Person(gamma, gammaPlant, "G1", "Gilles", "SECRET-GAMMA-PERSON", 48.35, 7.65);
        database.AddRange(alphaPlant, betaPlant, gammaPlant, nordStation, sudStation, alphaOne, alphaTwo, betaOne, gammaOne);
        var betaGroup = new CarpoolGroup { Network = nord, Date = new DateOnly(2026, 11, 23), Seats = 3, Members =
            [new CarpoolMember { Employee = betaOne, Role = MemberRole.Driver, DropOffSite = betaPlant }] };
        var alphaGroup = new CarpoolGroup { Network = nord, Date = new DateOnly(2026, 11, 23), Seats = 3, Members =
            [new CarpoolMember { Employee = alphaTwo, Role = MemberRole.Driver, DropOffSite = alphaPlant }] };
        var sudPlan = new ShuttlePlan { Network = sud, Company = gamma, Name = "Navette SECRET-SUD" };
        var sudRoster = new ShiftPattern { Network = sud, OwnerCompany = gamma, ExternalId = "SUD-3x8", Name = "3x8 SECRET-SUD", RotationWeeks = 1,
            Slots = [new ShiftSlot { WeekIndex = 0, Days = WorkDays.Weekdays, Start = new TimeOnly(5, 0), End = new TimeOnly(13, 0) }] };
        database.AddRange(betaGroup, alphaGroup, sudPlan, sudRoster);
        database.SaveChanges();

        database.Users.AddRange(
            AccountFactory.Create("admin@test.local", Password, AccountRole.Administrator),
            AccountFactory.Create("wg.nord@test.local", Password, AccountRole.WorkingGroup, networkId: nord.Id),
            AccountFactory.Create("hr.alpha@test.local", Password, AccountRole.HrManager, companyId: alpha.Id),
            AccountFactory.Create("hr.beta@test.local", Password, AccountRole.HrManager, companyId: beta.Id),
            AccountFactory.Create("anne@test.local", Password, AccountRole.Employee, employeeId: alphaOne.Id),
            AccountFactory.Create("berta@test.local", Password, AccountRole.Employee, employeeId: betaOne.Id));
        database.SaveChanges();

        (Nord, Sud, Alpha, Beta, Gamma) = (nord.Id, sud.Id, alpha.Id, beta.Id, gamma.Id);
        (AlphaPlant, BetaPlant, GammaPlant, NordStation, SudStation) = (alphaPlant.Id, betaPlant.Id, gammaPlant.Id, nordStation.Id, sudStation.Id);
        (AlphaOne, AlphaTwo, BetaOne, GammaOne) = (alphaOne.Id, alphaTwo.Id, betaOne.Id, gammaOne.Id);
        (BetaGroup, AlphaGroup, SudPlan, SudRoster) = (betaGroup.Id, alphaGroup.Id, sudPlan.Id, sudRoster.Id);
        BertaAccount = database.Users.Single(u => u.Email == "berta@test.local").Id;
        // A finished job of Gamma, which no account of Nord may read or cancel.
        var sudJob = new Job
        {
            Kind = "shuttle-plan", NetworkId = sud.Id, CompanyId = gamma.Id, State = JobState.Succeeded, Input = "{}", Result = "{\"name\":\"SECRET-SUD\"}",
            RequestedById = database.Users.Single(u => u.Email == "admin@test.local").Id, CreatedAt = DateTimeOffset.UtcNow,
        };
        database.Jobs.Add(sudJob);
        database.SaveChanges();
        SudJob = sudJob.Id;
    }

    public void Dispose()
    {
        Factory.Dispose();
        _database.Dispose();
    }
}
