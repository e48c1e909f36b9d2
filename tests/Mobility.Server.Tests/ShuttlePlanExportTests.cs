using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Mobility.Data.Model;
using Mobility.Planning;

namespace Mobility.Server.Tests;

/// <summary>A shuttle plan handed out as a GTFS feed (every file, every reference between them, times past midnight) and
/// as a timetable CSV, to the plan's HR only among companies.</summary>
public sealed partial class ShuttlePlanExportTests : IClassFixture<TwoNetworkServer>
{
    private readonly TwoNetworkServer _server;
    private readonly long _plan;
    private readonly long[] _trips;

    public ShuttlePlanExportTests(TwoNetworkServer server)
    {
        _server = server;
        using var database = server.NewContext();
        var minibus = new ShuttleVehicle { Name = "Minibus 1", Capacity = 8, CostPerKilometre = 0.45m, CostPerHour = 32 };
        var van = new ShuttleVehicle { Name = "=Navette \"nuit\"", Capacity = 6, CostPerKilometre = 0.4m, CostPerHour = 30 };
        ShuttleCall Call(int sequence, long site, int hour, int minute, int boarding = 0, int alighting = 0, int load = 0) => new()
        {
            Sequence = sequence, SiteId = site, Arrival = new TimeOnly(hour, minute), Departure = new TimeOnly(hour, minute).AddMinutes(1),
            Boarding = boarding, Alighting = alighting, LoadAfter = load,
        };
        var plan = new ShuttlePlan
        {
            NetworkId = server.Nord, CompanyId = server.Alpha, Name = "Navettes Alpha", ValidFrom = new DateOnly(2027, 1, 4), ValidTo = new DateOnly(2027, 6, 30),
            CreatedAt = DateTimeOffset.UtcNow, Vehicles = [minibus, van],
            Trips =
            [
                new ShuttleTrip { Vehicle = minibus, Direction = CommuteDirection.ToWork, Days = WorkDays.Weekdays, Kilometres = 9,
                    Calls = [Call(0, server.NordStation, 4, 40, boarding: 5, load: 5), Call(1, server.AlphaPlant, 4, 52, alighting: 3, load: 2), Call(2, server.BetaPlant, 5, 0, alighting: 2)] },
                new ShuttleTrip { Vehicle = minibus, Direction = CommuteDirection.ToHome, Days = WorkDays.Weekdays, Kilometres = 6,
                    Calls = [Call(0, server.AlphaPlant, 13, 5, boarding: 4, load: 4), Call(1, server.NordStation, 13, 20, alighting: 4)] },
                // The night shift: leaves the station before midnight, reaches the plant after.
                new ShuttleTrip { Vehicle = van, Direction = CommuteDirection.ToWork, Days = WorkDays.All, Kilometres = 6,
                    Calls = [Call(0, server.NordStation, 23, 50, boarding: 2, load: 2), Call(1, server.AlphaPlant, 0, 10, alighting: 2)] },
            ],
        };
        database.Add(plan);
        database.SaveChanges();
        _plan = plan.Id;
        _trips = plan.Trips.Select(t => t.Id).ToArray();
    }

    /// <summary>Each file of the zip as rows of fields (header first).</summary>
    private static Dictionary<string, List<string[]>> Files(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd().Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
                .Select(line => QuotedField().Matches(line).Select(m => m.Groups[1].Value.Replace("\"\"", "\"")).ToArray()).ToList();
        });
    }

    [GeneratedRegex("\"((?:[^\"]|\"\")*)\"")]
    private static partial Regex QuotedField();

    private static List<Dictionary<string, string>> Rows(Dictionary<string, List<string[]>> files, string name) =>
        files[name].Skip(1).Select(row => files[name][0].Zip(row).ToDictionary(p => p.First, p => p.Second)).ToList();

    [Fact]
    public async Task The_gtfs_feed_has_every_file_and_every_reference_holds_with_times_past_midnight()
    {
        using var hr = await _server.ClientAsync("hr.alpha@test.local");
        using var response = await hr.GetAsync($"/api/shuttle-plans/{_plan}/gtfs.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        var files = Files(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["agency.txt", "calendar.txt", "feed_info.txt", "routes.txt", "stop_times.txt", "stops.txt", "trips.txt"], files.Keys.Order());

        var agency = Assert.Single(Rows(files, "agency.txt"));
        Assert.Equal("Europe/Paris", agency["agency_timezone"]);
        Assert.StartsWith("http", agency["agency_url"]);
        var stops = Rows(files, "stops.txt").ToDictionary(s => s["stop_id"]);
        Assert.Equal(3, stops.Count);
        Assert.Equal(7.785, double.Parse(stops[$"S{_server.NordStation}"]["stop_lon"], System.Globalization.CultureInfo.InvariantCulture), 5);
        var routes = Rows(files, "routes.txt").ToDictionary(r => r["route_id"]);
        Assert.All(routes.Values, r => Assert.Equal(agency["agency_id"], r["agency_id"]));
        Assert.All(routes.Values, r => Assert.Equal("3", r["route_type"])); // bus
        var services = Rows(files, "calendar.txt").ToDictionary(c => c["service_id"]);
        var trips = Rows(files, "trips.txt").ToDictionary(t => t["trip_id"]);
        Assert.Equal(_trips.Select(id => $"T{id}").Order(), trips.Keys.Order());
        Assert.All(trips.Values, t => Assert.Contains(t["route_id"], routes.Keys));
        Assert.All(trips.Values, t => Assert.Contains(t["service_id"], services.Keys));
        // Two trips from the station to Alpha's plant share nothing but the first stop: the morning line goes on to Beta's.
        Assert.Equal(3, routes.Count);

        var times = Rows(files, "stop_times.txt");
        Assert.All(times, s => Assert.Contains(s["trip_id"], trips.Keys));
        Assert.All(times, s => Assert.Contains(s["stop_id"], stops.Keys));
        foreach (var trip in times.GroupBy(s => s["trip_id"]))
        {
            var sequence = trip.Select(s => int.Parse(s["stop_sequence"])).ToList();
            Assert.Equal(sequence.Order(), sequence);
            var clock = trip.SelectMany(s => new[] { s["arrival_time"], s["departure_time"] }).Select(TimeSpan.Parse).ToList();
            Assert.Equal(clock.Order(), clock);
        }
        var night = times.Where(s => s["trip_id"] == $"T{_trips[2]}").ToList();
        Assert.Equal(["23:50:00", "24:10:00"], night.Select(s => s["arrival_time"]));

        var weekdays = services[trips[$"T{_trips[0]}"]["service_id"]];
        Assert.Equal(["1", "1", "1", "1", "1", "0", "0"], new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }.Select(d => weekdays[d]));
        Assert.Equal(("20270104", "20270630"), (weekdays["start_date"], weekdays["end_date"]));
        Assert.Equal("1", services[trips[$"T{_trips[2]}"]["service_id"]]["sunday"]);
    }

    [Fact]
    public async Task The_timetable_downloads_as_csv_for_the_plans_hr_and_not_for_another_company()
    {
        using var hr = await _server.ClientAsync("hr.alpha@test.local");
        using var response = await hr.GetAsync($"/api/shuttle-plans/{_plan}/timetable.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF", text);
        var lines = text.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("\"arrêt\"", lines[0]);
        Assert.Equal(1 + 7, lines.Count); // a row per call
        Assert.Contains(lines, l => l.Contains("\"Gare de Haguenau\"") && l.Contains("\"04:40\"") && l.Contains("\"lun mar mer jeu ven\""));
        // A vehicle named like a formula stays text in a spreadsheet.
        Assert.Contains(lines, l => l.StartsWith("\"'=Navette \"\"nuit\"\"\""));

        using var beta = await _server.ClientAsync("hr.beta@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await beta.GetAsync($"/api/shuttle-plans/{_plan}/timetable.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await beta.GetAsync($"/api/shuttle-plans/{_plan}/gtfs.zip")).StatusCode);
        using var anne = await _server.ClientAsync("anne@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await anne.GetAsync($"/api/shuttle-plans/{_plan}/gtfs.zip")).StatusCode);
    }

    [Fact]
    public async Task The_timetable_downloads_as_xlsx_with_the_csvs_rows_numbers_as_numbers_and_names_as_text()
    {
        using var hr = await _server.ClientAsync("hr.alpha@test.local");
        var csv = Encoding.UTF8.GetString(await hr.GetByteArrayAsync($"/api/shuttle-plans/{_plan}/timetable.csv")).TrimStart('\uFEFF')
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        using var response = await hr.GetAsync($"/api/shuttle-plans/{_plan}/timetable.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Mobility.Data.Export.XlsxTable.ContentType, response.Content.Headers.ContentType!.MediaType);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        var cells = rows.Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList()).ToList();
        Assert.Equal(csv.Count, rows.Count);
        // Row by row, the same values as the CSV (whose formula guard, a leading quote, the workbook does not need).
        for (var i = 0; i < rows.Count; i++)
            Assert.Equal(csv[i], Mobility.Data.Export.CsvFields.Line(cells[i].Select(c => (object)c.InnerText)));
        var header = cells[0].Select(c => c.InnerText).ToList();
        var order = header.IndexOf("ordre");
        Assert.All(cells.Skip(1), row => Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, row[order].DataType!.Value));
        var formulaLike = cells.Skip(1).Select(row => row[0]).First(c => c.InnerText.StartsWith('='));
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString, formulaLike.DataType!.Value);
        Assert.Null(formulaLike.CellFormula);

        using var beta = await _server.ClientAsync("hr.beta@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await beta.GetAsync($"/api/shuttle-plans/{_plan}/timetable.xlsx")).StatusCode);
    }

    [Fact]
    public async Task Each_trip_is_drawn_from_its_first_stop_to_its_last()
    {
        using var hr = await _server.ClientAsync("hr.alpha@test.local");
        var routes = System.Text.Json.JsonDocument.Parse(await hr.GetStringAsync($"/api/shuttle-plans/{_plan}/routes")).RootElement;
        Assert.Equal("FeatureCollection", routes.GetProperty("type").GetString());
        var features = routes.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(_trips.Order(), features.Select(f => f.GetProperty("properties").GetProperty("tripId").GetInt64()).Order());
        var morning = features.Single(f => f.GetProperty("properties").GetProperty("tripId").GetInt64() == _trips[0]);
        Assert.Equal("04:41", morning.GetProperty("properties").GetProperty("departure").GetString());
        var line = morning.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().ToList();
        Assert.Equal(7.785, line[0][0].GetDouble(), 3); // the station
        Assert.True(line.Count >= 3, "through the three stops");
        using var beta = await _server.ClientAsync("hr.beta@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await beta.GetAsync($"/api/shuttle-plans/{_plan}/routes")).StatusCode);
    }

    [Fact]
    public async Task HR_renames_its_plan_and_is_told_why_when_the_name_is_empty_too_long_or_taken()
    {
        using var hr = await _server.ClientAsync("hr.alpha@test.local");
        await using (var database = _server.NewContext())
        {
            database.ShuttlePlans.Add(new ShuttlePlan { NetworkId = _server.Nord, CompanyId = _server.Alpha, Name = "Plan B", ValidFrom = new DateOnly(2027, 1, 4) });
            await database.SaveChangesAsync();
        }
        async Task<(HttpStatusCode, string?)> Rename(HttpClient client, string? name)
        {
            using var response = await client.PutAsJsonAsync($"/api/shuttle-plans/{_plan}/name", new { name });
            if (response.StatusCode == HttpStatusCode.NoContent) return (response.StatusCode, null);
            var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            return (response.StatusCode, problem.TryGetProperty("fieldCodes", out var codes) ? codes.GetProperty("name")[0].GetProperty("code").GetString() : null);
        }
        Assert.Equal((HttpStatusCode.BadRequest, "required"), await Rename(hr, "  "));
        Assert.Equal(HttpStatusCode.BadRequest, (await Rename(hr, new string('n', 101))).Item1);
        Assert.Equal((HttpStatusCode.Conflict, "already-exists"), await Rename(hr, "Plan B"));
        Assert.Equal((HttpStatusCode.NoContent, null), await Rename(hr, "  Navettes Alpha 2027 "));
        await using (var database = _server.NewContext())
            Assert.Equal("Navettes Alpha 2027", database.ShuttlePlans.Single(p => p.Id == _plan).Name);
        using var beta = await _server.ClientAsync("hr.beta@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await Rename(beta, "À moi")).Item1);
    }
}
