using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Export;
using Mobility.Data.Model;
using Mobility.Data.Privacy;
using Mobility.Planning;
using Mobility.Server.Accounts;

namespace Mobility.Server.Shuttles;

/// <summary>
/// A shuttle plan handed out: its timetable as CSV or .xlsx (one row per call, for drivers and spreadsheets) and its lines as a GTFS
/// feed (agency, stops, routes, trips, stop_times, calendar, feed_info), so that journey planners can show them. The feed
/// holds public places and times only; the CSV's counts follow the plan view's rule (exact for the plan's HR, else rounded).
/// </summary>
public static class ShuttlePlanExports
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    /// <summary>A plan without an end is published for a year.</summary>
    private const int OpenEndedDays = 365;

    public static IEndpointRouteBuilder MapShuttlePlanExports(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Shuttle plans").RequireAuthorization(AccountsSetup.TenantPolicy)
            .RequireAuthorization(AccountsSetup.HrOrWorkingGroupOrAdministrator);
        api.MapGet("/shuttle-plans/{planId:long}/timetable.csv", TimetableCsvAsync)
            .WithSummary("The plan's timetable as CSV: one row per call (vehicle, days, direction, stop, times, boarding and alighting).");
        api.MapGet("/shuttle-plans/{planId:long}/timetable.xlsx", TimetableXlsxAsync)
            .WithSummary("The same timetable as an Excel workbook: numbers as numbers, the header row frozen.");
        api.MapGet("/shuttle-plans/{planId:long}/gtfs.zip", GtfsAsync)
            .WithSummary("The plan's lines as a GTFS feed (zip): agency, stops, routes, trips, stop_times, calendar, feed_info.");
        api.MapGet("/shuttle-plans/{planId:long}/routes", RoutesAsync)
            .WithSummary("Each trip's drive along the roads, as a GeoJSON FeatureCollection of LineStrings (tripId, vehicle, direction, first departure).");
        return endpoints;
    }

    private static Task<ShuttlePlan?> ReadAsync(MobilityDbContext database, long planId, CancellationToken cancellation) =>
        database.ShuttlePlans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Network).Include(p => p.Company).Include(p => p.Vehicles)
            .Include(p => p.Trips).ThenInclude(t => t.ShiftPattern)
            .Include(p => p.Trips).ThenInclude(t => t.Calls).ThenInclude(c => c.Site)
            .SingleOrDefaultAsync(p => p.Id == planId, cancellation);

    private static string FileName(ShuttlePlan plan, string suffix) => $"shuttle-plan-{plan.Id}-{suffix}";

    private static async Task<IResult> TimetableCsvAsync(long planId, HttpContext http, MobilityDbContext database, Disclosure disclosure,
        CancellationToken cancellation)
    {
        if (await ReadAsync(database, planId, cancellation) is not { } plan) return Results.NotFound();
        var (headers, rows) = Timetable(plan, new ShuttleLoads(CurrentUser.From(http.User)!, plan, disclosure));
        var csv = new StringBuilder();
        csv.Append('\uFEFF'); // so that Excel reads UTF-8
        csv.AppendLine(CsvFields.Line(headers));
        foreach (var row in rows) csv.AppendLine(CsvFields.Line(row));
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", FileName(plan, "timetable.csv"));
    }

    private static async Task<IResult> TimetableXlsxAsync(long planId, HttpContext http, MobilityDbContext database, Disclosure disclosure,
        CancellationToken cancellation)
    {
        if (await ReadAsync(database, planId, cancellation) is not { } plan) return Results.NotFound();
        var (headers, rows) = Timetable(plan, new ShuttleLoads(CurrentUser.From(http.User)!, plan, disclosure));
        return Results.File(XlsxTable.Write(plan.Name, headers, rows), XlsxTable.ContentType, FileName(plan, "timetable.xlsx"));
    }

    /// <summary>The timetable as both files hold it: one row per call, in the plan's order.</summary>
    private static (string[] Headers, IEnumerable<object?[]> Rows) Timetable(ShuttlePlan plan, ShuttleLoads loads)
    {
        var vehicles = plan.Vehicles.ToDictionary(v => v.Id);
        string[] headers = ["véhicule", "trajet", "sens", "jours", "roulement", "ordre", "arrêt", "arrivée", "départ", "montées", "descentes", "à bord"];
        var rows = OrderedTrips(plan).SelectMany(trip => trip.Calls.OrderBy(c => c.Sequence).Select(call => new object?[]
        {
            vehicles[trip.ShuttleVehicleId].Name, trip.Id, trip.Direction == CommuteDirection.ToWork ? "aller" : "retour", DaysText(trip.Days),
            trip.ShiftPattern?.Name, call.Sequence + 1, call.Site!.Name, call.Arrival.ToString("HH:mm", Invariant), call.Departure.ToString("HH:mm", Invariant),
            loads.Shown(call, call.Boarding), loads.Shown(call, call.Alighting), loads.Shown(call, call.LoadAfter),
        }));
        return (headers, rows);
    }

    private static async Task<IResult> GtfsAsync(long planId, HttpContext http, MobilityDbContext database, CancellationToken cancellation)
    {
        if (await ReadAsync(database, planId, cancellation) is not { } plan) return Results.NotFound();
        var site = $"{http.Request.Scheme}://{http.Request.Host}/";
        return Results.File(Gtfs(plan, site), "application/zip", FileName(plan, "gtfs.zip"));
    }

    /// <summary>Each trip along the roads; trips with the same stops share one routing (a plan repeats its lines).</summary>
    private static async Task<IResult> RoutesAsync(long planId, MobilityDbContext database, Carpools.TravelTimesSource roads, CancellationToken cancellation)
    {
        if (await ReadAsync(database, planId, cancellation) is not { } plan) return Results.NotFound();
        var router = await Task.Run(() => roads.Router, cancellation);
        var vehicles = plan.Vehicles.ToDictionary(v => v.Id);
        var lines = new Dictionary<string, Application.Roads.RoadLine>();
        var features = OrderedTrips(plan).Where(t => t.Calls.Count >= 2).Select(trip =>
        {
            var calls = trip.Calls.OrderBy(c => c.Sequence).ToList();
            var key = string.Join('>', calls.Select(c => c.SiteId));
            if (!lines.TryGetValue(key, out var line))
                lines[key] = line = Application.Roads.RoadLine.Through(calls.Select(c => c.Site!.Location.ToGeoPoint()).ToList(), router);
            return new
            {
                type = "Feature",
                properties = new
                {
                    tripId = trip.Id, vehicle = vehicles[trip.ShuttleVehicleId].Name, direction = trip.Direction.ToString(),
                    departure = calls[0].Departure.ToString("HH:mm", Invariant), alongRoads = line.AlongRoads, kilometres = Math.Round(line.Metres / 1000, 1),
                },
                geometry = new { type = "LineString", coordinates = line.Coordinates },
            };
        }).ToList();
        return Results.Ok(new { type = "FeatureCollection", features });
    }

    private static IEnumerable<ShuttleTrip> OrderedTrips(ShuttlePlan plan) =>
        plan.Trips.OrderBy(t => t.Calls.Select(c => c.Departure).DefaultIfEmpty().Min()).ThenBy(t => t.Id);

    /// <summary>The feed as a zip. Routes are the plan's distinct stop sequences (a line from a station to plants); each
    /// trip runs on the service of its week days between the plan's dates; times past midnight go on past 24:00, as GTFS wants.</summary>
    public static byte[] Gtfs(ShuttlePlan plan, string agencyUrl)
    {
        var trips = OrderedTrips(plan).Where(t => t.Calls.Count >= 2).ToList();
        var agencyId = $"mobility-{plan.NetworkId}";
        var stops = trips.SelectMany(t => t.Calls).Select(c => c.Site!).DistinctBy(s => s.Id).OrderBy(s => s.Id).ToList();
        var lines = trips.GroupBy(t => string.Join('>', t.Calls.OrderBy(c => c.Sequence).Select(c => c.SiteId)))
            .Select((g, i) => (Key: g.Key, Id: $"L{i + 1}", Trips: g.ToList())).ToList();
        var end = plan.ValidTo ?? plan.ValidFrom.AddDays(OpenEndedDays);

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            void File(string name, IEnumerable<string> rows)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(false));
                foreach (var row in rows) writer.Write(row + "\r\n");
            }
            File("agency.txt", [CsvFields.Line("agency_id", "agency_name", "agency_url", "agency_timezone", "agency_lang"),
                CsvFields.Line(agencyId, plan.Company?.Name ?? plan.Network!.Name, agencyUrl, plan.Network!.TimeZone, "fr")]);
            File("stops.txt", stops.Select(s => CsvFields.Line($"S{s.Id}", s.Name, CsvFields.Fixed(s.Location.Y, 6), CsvFields.Fixed(s.Location.X, 6)))
                .Prepend(CsvFields.Line("stop_id", "stop_name", "stop_lat", "stop_lon")));
            File("routes.txt", lines.Select(line =>
            {
                var calls = line.Trips[0].Calls.OrderBy(c => c.Sequence).ToList();
                return CsvFields.Line(line.Id, agencyId, line.Id, $"{calls[0].Site!.Name} → {calls[^1].Site!.Name}", 3);
            }).Prepend(CsvFields.Line("route_id", "agency_id", "route_short_name", "route_long_name", "route_type")));
            File("trips.txt", lines.SelectMany(line => line.Trips.Select(t => CsvFields.Line(line.Id, ServiceId(t.Days), $"T{t.Id}",
                    t.Calls.OrderBy(c => c.Sequence).Last().Site!.Name, t.Direction == CommuteDirection.ToWork ? 0 : 1)))
                .Prepend(CsvFields.Line("route_id", "service_id", "trip_id", "trip_headsign", "direction_id")));
            File("stop_times.txt", trips.SelectMany(StopTimes)
                .Prepend(CsvFields.Line("trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence")));
            File("calendar.txt", trips.Select(t => t.Days).Distinct().OrderBy(d => (int)d).Select(days => CsvFields.Line(
                    [ServiceId(days), .. WeekOrder.Select(d => days.HasFlag(d) ? 1 : 0), plan.ValidFrom.ToString("yyyyMMdd", Invariant), end.ToString("yyyyMMdd", Invariant)]))
                .Prepend(CsvFields.Line("service_id", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "start_date", "end_date")));
            File("feed_info.txt", [CsvFields.Line("feed_publisher_name", "feed_publisher_url", "feed_lang", "feed_start_date", "feed_end_date", "feed_version"),
                CsvFields.Line(plan.Company?.Name ?? plan.Network!.Name, agencyUrl, "fr", plan.ValidFrom.ToString("yyyyMMdd", Invariant),
                    end.ToString("yyyyMMdd", Invariant), $"{plan.Id}-{plan.CreatedAt.ToUnixTimeSeconds()}")]);
        }
        return zip.ToArray();
    }

    private static readonly WorkDays[] WeekOrder =
        [WorkDays.Monday, WorkDays.Tuesday, WorkDays.Wednesday, WorkDays.Thursday, WorkDays.Friday, WorkDays.Saturday, WorkDays.Sunday];

    private static string ServiceId(WorkDays days) => $"D{(int)days}";

    private static readonly string[] DayNames = ["lun", "mar", "mer", "jeu", "ven", "sam", "dim"];

    private static string DaysText(WorkDays days) => string.Join(' ', WeekOrder.Select((d, i) => (d, i)).Where(x => days.HasFlag(x.d)).Select(x => DayNames[x.i]));

    /// <summary>A trip's calls as GTFS times: a time earlier than the call before it is the next day (24:10 for 00:10).</summary>
    private static IEnumerable<string> StopTimes(ShuttleTrip trip)
    {
        var dayOffset = TimeSpan.Zero;
        var last = TimeSpan.Zero;
        var sequence = 0;
        foreach (var call in trip.Calls.OrderBy(c => c.Sequence))
        {
            var arrival = At(call.Arrival);
            var departure = At(call.Departure);
            yield return CsvFields.Line($"T{trip.Id}", Clock(arrival), Clock(departure), $"S{call.SiteId}", ++sequence);
        }

        TimeSpan At(TimeOnly time)
        {
            var at = time.ToTimeSpan() + dayOffset;
            if (at < last)
            {
                dayOffset += TimeSpan.FromDays(1);
                at += TimeSpan.FromDays(1);
            }
            last = at;
            return at;
        }
    }

    private static string Clock(TimeSpan time) => $"{(int)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}";
}
