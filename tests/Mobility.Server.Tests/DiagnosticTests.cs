using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mobility.Application.Roads;
using Mobility.Data.Model;
using Mobility.Routing;
using Mobility.Server.Carpools;
using Mobility.Server.Statistics;
using Mobility.TestSupport;
using Xunit.Abstractions;

namespace Mobility.Server.Tests;

/// <summary>
/// The diagnostic on the Heidelberg demo (2,000 employees): isochrone counts that follow each home's own travel time,
/// potential per mode and accessibility that pin no small group under any filter, and the report job ending with a PDF
/// that holds every section and prints a hostile company name as text.
/// </summary>
public sealed class DiagnosticTests(DiagnosticDemo demo, ITestOutputHelper output) : IClassFixture<DiagnosticDemo>
{
    private const int Shown = DashboardStatistics.MinimumShown;

    private sealed record Person(long Id, long PlantId, GeoPoint? Home);

    private async Task<(List<DashboardPerson> Filtered, Dictionary<long, GeoPoint?> Homes, Dictionary<long, GeoPoint> Plants)> TruthAsync(DashboardFilter filter)
    {
        await using var database = demo.NewContext();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var people = await DashboardPeople.ReadAsync(database, demo.Network, today, filter, CancellationToken.None);
        var homes = (await database.Employees.Where(e => e.Company!.NetworkId == demo.Network).Select(e => new { e.Id, e.Home }).ToListAsync())
            .ToDictionary(e => e.Id, e => e.Home is null ? (GeoPoint?)null : new GeoPoint(e.Home.Y, e.Home.X));
        var plants = (await database.Sites.Where(s => s.NetworkId == demo.Network && s.Kind == SiteKind.Plant).Select(s => new { s.Id, s.Location }).ToListAsync())
            .ToDictionary(s => s.Id, s => new GeoPoint(s.Location.Y, s.Location.X));
        return (people, homes, plants);
    }

    private Router Roads => demo.Server.Services.GetRequiredService<AccessibilityRoads>().Router!;

    [Fact]
    public async Task Each_plant_s_isochrones_count_its_people_by_their_own_travel_time_rounded_and_withheld_under_ten_and_the_second_answer_comes_from_the_cache()
    {
        using var client = await demo.ClientAsync();
        var url = $"/api/networks/{demo.Network}/statistics/accessibility";
        var clock = Stopwatch.StartNew();
        using var first = JsonDocument.Parse(await client.GetStringAsync(url));
        var firstSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        using var second = JsonDocument.Parse(await client.GetStringAsync(url));
        var cachedSeconds = clock.Elapsed.TotalSeconds;
        output.WriteLine($"accessibility of the demo: first answer {firstSeconds:F2} s, cached {cachedSeconds:F2} s (the three-mode roads imported before, in {demo.RoadsSeconds:F1} s)");
        Assert.Equal(first.RootElement.GetRawText(), second.RootElement.GetRawText());
        Assert.True(cachedSeconds < firstSeconds, $"cached {cachedSeconds:F2} s, first {firstSeconds:F2} s");

        var (people, homes, plants) = await TruthAsync(DashboardFilter.None);
        var features = first.RootElement.GetProperty("features").EnumerateArray().ToList();
        var plantIds = people.Select(p => p.SiteId).Distinct().ToList();
        Assert.Equal(plantIds.Count * AccessBand.Standard.Count, features.Count);
        var shown = 0;
        foreach (var feature in features)
        {
            var p = feature.GetProperty("properties");
            var (plant, profile, minutes) = (p.GetProperty("plantId").GetInt64(), p.GetProperty("profile").GetString()!, p.GetProperty("minutes").GetInt32());
            var staff = people.Where(x => x.SiteId == plant && homes[x.Id] is not null).ToList();
            var seconds = AccessibilityStatistics.SecondsToPlant(Roads, staff.Select(x => homes[x.Id]!.Value).ToList(), plants[plant])[profile];
            var truth = seconds.Count(s => s <= minutes * 60);
            var total = people.Count(x => x.SiteId == plant);
            var label = $"plant {plant} {profile} {minutes} min ({truth} of {total})";
            if (p.GetProperty("inside").ValueKind == JsonValueKind.Null)
            {
                Assert.True(truth < Shown, $"{label} withheld");
                Assert.Equal(JsonValueKind.Null, p.GetProperty("share").ValueKind);
                continue;
            }
            shown++;
            var inside = p.GetProperty("inside").GetInt32();
            Assert.True(inside % 5 == 0 && inside >= Shown && Math.Abs(inside - truth) < 5, $"{label}: published {inside}");
            var share = p.GetProperty("share").GetDouble();
            Assert.InRange(share, (double)(truth - 5) / (total + 5) - 0.01, (double)(truth + 5) / Math.Max(1, total - 5) + 0.01);
            Assert.Equal("MultiPolygon", feature.GetProperty("geometry").GetProperty("type").GetString());
            Assert.True(feature.GetProperty("geometry").GetProperty("coordinates").GetArrayLength() > 0, $"{label}: empty area");
        }
        Assert.True(shown >= plantIds.Count, $"only {shown} bands shown");
    }

    [Fact]
    public async Task No_combination_of_potential_accessibility_and_distance_numbers_pins_a_group_of_one_to_four_under_the_filters()
    {
        using var client = await demo.ClientAsync();
        await using var database = demo.NewContext();
        var companies = await database.Companies.Where(c => c.NetworkId == demo.Network).OrderBy(c => c.Id).Select(c => c.Id).Take(2).ToListAsync();
        var rosters = await database.ShiftPatterns.Where(r => r.NetworkId == demo.Network).OrderBy(r => r.Id).Select(r => r.Id).Take(2).ToListAsync();
        var plantIds = await database.Sites.Where(s => s.NetworkId == demo.Network && s.Kind == SiteKind.Plant).OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync();
        var filters = new List<(string Query, DashboardFilter Filter)> { ("", DashboardFilter.None) };
        filters.AddRange(companies.Select(c => ($"company={c}", new DashboardFilter(c, null, null, null))));
        filters.AddRange(plantIds.Select(p => ($"plant={p}", new DashboardFilter(null, p, null, null))));
        filters.AddRange(rosters.Select(r => ($"roster={r}", new DashboardFilter(null, null, r, null))));
        filters.Add(($"company={companies[0]}&roster={rosters[0]}", new DashboardFilter(companies[0], null, rosters[0], null)));

        var carpoolers = await PotentialStatistics.CarpoolersAsync(database, demo.Network, DiagnosticDemo.Date,
            demo.Server.Services.GetRequiredService<TravelTimesSource>().TravelTimes, CancellationToken.None);
        var stops = (await database.Sites.Where(s => s.NetworkId == demo.Network && (s.Kind == SiteKind.Station || s.Kind == SiteKind.MeetingPoint))
            .Select(s => new { s.Id, s.Location }).ToListAsync()).ToDictionary(s => s.Id, s => new GeoPoint(s.Location.Y, s.Location.X));
        var published = new List<PublishedNumber>();
        PublishedNumber Number(string table, string label, IEnumerable<long> people, JsonElement value, bool listed) => value.ValueKind == JsonValueKind.Null
            ? new PublishedNumber(table, label, people.ToHashSet(), listed ? 1 : 0, Shown - 1)
            : PublishedNumber.Read(table, label, people.ToHashSet(), value.GetInt32(), 5, listed);

        foreach (var (query, filter) in filters)
        {
            var (people, homes, plants) = await TruthAsync(filter);
            var seconds = people.GroupBy(p => p.SiteId).ToDictionary(g => g.Key, g =>
            {
                var placed = g.Where(p => homes[p.Id] is not null).ToList();
                var times = AccessibilityStatistics.SecondsToPlant(Roads, placed.Select(p => homes[p.Id]!.Value).ToList(), plants[g.Key]);
                return times.ToDictionary(t => t.Key, t => placed.Select((p, i) => (p.Id, Seconds: t.Value[i])).ToList());
            });
            using (var access = JsonDocument.Parse(await client.GetStringAsync($"/api/networks/{demo.Network}/statistics/accessibility?{query}")))
                foreach (var feature in access.RootElement.GetProperty("features").EnumerateArray())
                {
                    var p = feature.GetProperty("properties");
                    var (plant, profile, minutes) = (p.GetProperty("plantId").GetInt64(), p.GetProperty("profile").GetString()!, p.GetProperty("minutes").GetInt32());
                    published.Add(Number($"access {profile} {minutes} [{query}]", $"access [{query}] {plant} {profile} {minutes}",
                        seconds[plant][profile].Where(s => s.Seconds <= minutes * 60).Select(s => s.Id), p.GetProperty("inside"), listed: false));
                }
            using (var potential = JsonDocument.Parse(await client.GetStringAsync($"/api/networks/{demo.Network}/statistics/potential?date={DiagnosticDemo.Date:yyyy-MM-dd}&{query}")))
            {
                foreach (var row in potential.RootElement.GetProperty("plants").EnumerateArray())
                {
                    var plant = row.GetProperty("plantId").GetInt64();
                    var staff = people.Where(p => p.SiteId == plant).Select(p => p.Id).ToList();
                    published.Add(Number($"employees [{query}]", $"employees [{query}] {plant}", staff, row.GetProperty("employees"), listed: false));
                    published.Add(Number($"carpool [{query}]", $"carpool [{query}] {plant}", staff.Where(carpoolers.Contains), row.GetProperty("carpool").GetProperty("people"), false));
                    published.Add(Number($"bicycle [{query}]", $"bicycle [{query}] {plant}",
                        seconds.GetValueOrDefault(plant)?["bicycle"].Where(s => s.Seconds <= 30 * 60).Select(s => s.Id) ?? [], row.GetProperty("bicycle").GetProperty("people"), false));
                    published.Add(Number($"shuttle [{query}]", $"shuttle [{query}] {plant}", staff.Where(id => homes[id] is { } h
                        && stops.Values.Any(s => Geo.Metres(h.Latitude, h.Longitude, s.Latitude, s.Longitude) <= 2000)), row.GetProperty("shuttle").GetProperty("people"), false));
                }
                foreach (var stop in potential.RootElement.GetProperty("stops").EnumerateArray())
                {
                    var s = stops[stop.GetProperty("siteId").GetInt64()];
                    published.Add(Number($"stop {stop.GetProperty("siteId")} [{query}]", $"stop [{query}] {stop.GetProperty("siteId")}", people.Where(p => homes[p.Id] is { } h
                        && Geo.Metres(h.Latitude, h.Longitude, s.Latitude, s.Longitude) <= 2000).Select(p => p.Id), stop.GetProperty("people"), listed: true));
                }
            }
            using (var distances = JsonDocument.Parse(await client.GetStringAsync($"/api/networks/{demo.Network}/statistics/distances?{query}")))
                foreach (var band in distances.RootElement.GetProperty("bands").EnumerateArray())
                {
                    var key = band.GetProperty("band").GetString()!;
                    published.Add(Number($"distances [{query}]", $"distances [{query}] {key}",
                        people.Where(p => p.HomeKilometres is { } km && DashboardStatistics.BandOf(km) == key).Select(p => p.Id), band.GetProperty("people"), listed: true));
                }
        }
        var pins = DifferencingAttack.Pinned(published);
        Assert.True(pins.Count == 0, $"{pins.Count} groups of 1–4 pinned:\n" + string.Join("\n", pins.Take(20)));
        Assert.True(published.Count(p => p.High >= Shown) >= 50, "the attack had little to work on");
        Assert.Contains(published, p => p.Table.StartsWith("carpool") && p.Low >= Shown);
    }

    [Theory]
    [InlineData("fr", "1. Accès aux sites par mode", "2. Lieux de résidence des salariés", "3. Horaires de travail",
        "4. Potentiel et pratiques actuelles par mode", "5. CO₂ et coûts", "6. Actions proposées et indicateurs de suivi")]
    [InlineData("en", "1. Access to each site by mode", "2. Where employees live", "3. Shift times",
        "4. Potential and current practice per mode", "5. CO₂ and costs", "6. Proposed actions and indicators to follow")]
    public async Task The_report_job_ends_with_a_PDF_in_the_user_s_language_with_every_section_and_the_hostile_company_name_as_text(string language, params string[] headings)
    {
        using var client = await demo.ClientAsync(language: language);
        var clock = Stopwatch.StartNew();
        using var queued = await client.PostAsync($"/api/networks/{demo.Network}/reports?date={DiagnosticDemo.Date:yyyy-MM-dd}", null);
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var progress = new HashSet<string>();
        var job = await TwoNetworkServer.JobAsync(client, queued.Headers.Location!.ToString(), j =>
        {
            if (j.GetProperty("progressMessage").GetString() is { } message) progress.Add(message);
            return j.GetProperty("state").GetString() is not ("queued" or "running");
        });
        output.WriteLine($"report ({language}) of the 2,000-employee demo: {clock.Elapsed.TotalSeconds:F1} s from queue to result; steps seen: {string.Join(", ", progress)}");
        Assert.True(job.GetProperty("state").GetString() == "succeeded", job.ToString());
        var download = job.GetProperty("result").GetProperty("download").GetString()!;
        using var pdf = await client.GetAsync(download);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "screenshots", $"diagnostic-{language}.pdf"), bytes);
        var text = PdfText(bytes);
        foreach (var heading in headings) Assert.Contains(heading, text);
        Assert.Contains(DiagnosticDemo.HostileCompany, text);
        Assert.DoesNotContain("&lt;", text);

        // Another network's id, or a job that is not a report, finds nothing.
        using var foreign = await client.GetAsync(download.Replace($"/networks/{demo.Network}/", $"/networks/{demo.Network + 1000}/"));
        Assert.NotEqual(HttpStatusCode.OK, foreign.StatusCode);
    }

    /// <summary>The text of a PDF as poppler's pdftotext reads it (Debian's poppler-utils), lines joined by spaces.</summary>
    internal static string PdfText(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, pdf);
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        }
        finally { File.Delete(file); }
    }
}
