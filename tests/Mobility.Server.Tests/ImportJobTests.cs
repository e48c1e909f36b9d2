using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mobility.Data.Model;

namespace Mobility.Server.Tests;

/// <summary>Large imports run as jobs: the request stores the file and answers at once; the file is gone once the job ends.</summary>
public sealed class ImportJobTests : IClassFixture<TwoNetworkServer>, IDisposable
{
    private readonly TwoNetworkServer _server;
    private readonly WebApplicationFactory<Program> _instance;

    public ImportJobTests(TwoNetworkServer server)
    {
        _server = server;
        _instance = server.Instance(("Jobs:PollInterval", "00:00:00.2"), ("Jobs:HeartbeatInterval", "00:00:00.2"),
            ("Jobs:CleanupInterval", "00:00:00.2"), ("Jobs:KeepFinishedFor", "1.00:00:00"));
    }

    public void Dispose() => _instance.Dispose();

    private async Task<HttpClient> ClientAsync(string email)
    {
        var client = _instance.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _server.TokenAsync(email, _instance));
        return client;
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    /// <summary>Employees of Alpha who do not consent to matching, so the re-match the import asks for has nobody new to match.</summary>
    private static string AlphaEmployees(string prefix, int count)
    {
        var csv = new StringBuilder("matricule;entreprise;site;prenom;nom;latitude;longitude;commune;consentement\n");
        for (var i = 0; i < count; i++)
            csv.Append(CultureInfo.InvariantCulture, $"{prefix}{i:D5};ALP;ALP-1;Prénom{i};Nom de famille {i};48.8{i % 10};7.7{i % 7};Haguenau;non\n");
        return csv.ToString();
    }

    [Fact]
    public async Task A_file_larger_than_the_request_limit_is_imported_by_a_job_that_deletes_the_file_when_it_ends()
    {
        using var hr = await ClientAsync("hr.alpha@test.local");
        var csv = AlphaEmployees("BIG", 4000);
        Assert.True(Encoding.UTF8.GetByteCount(csv) > 256 * 1024, "the file must be above the default request limit");

        using var response = await hr.PostAsync($"/api/companies/{_server.Alpha}/imports/employees", Csv(csv));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        var done = await TwoNetworkServer.FinishedJobAsync(hr, location);

        Assert.True(done.GetProperty("state").GetString() == "succeeded", done.ToString());
        var result = done.GetProperty("result");
        Assert.Equal((4000, 4000, 0), (result.GetProperty("rows").GetInt32(), result.GetProperty("inserted").GetInt32(), result.GetProperty("updated").GetInt32()));
        await using var database = _server.NewContext();
        Assert.Equal(4000, await database.Employees.CountAsync(e => e.CompanyId == _server.Alpha && e.ExternalId.StartsWith("BIG")));
        var jobId = done.GetProperty("id").GetInt64();
        Assert.False(await database.JobFiles.AnyAsync(f => f.JobId == jobId), "the CSV (home addresses) outlived its job");
    }

    [Fact]
    public async Task A_refused_file_fails_its_job_with_every_bad_line_and_imports_nothing()
    {
        using var hr = await ClientAsync("hr.alpha@test.local");
        var csv = "matricule;entreprise;site;latitude;longitude\nQ20;ALP;ALP-1;48,80;7,75\nQ21;BET;BET-1;48,80;7,75\nQ22;ALP;ALP-1;91;7,75\n";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/companies/{_server.Alpha}/imports/employees") { Content = Csv(csv) };
        request.Headers.Add("Prefer", "respond-async");
        using var response = await hr.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());

        var done = await TwoNetworkServer.FinishedJobAsync(hr, response.Headers.Location!.ToString());
        Assert.Equal("failed", done.GetProperty("state").GetString());
        var error = done.GetProperty("error");
        Assert.Equal("import-refused", error.GetProperty("code").GetString());
        var lineErrors = error.GetProperty("parameters").GetProperty("lineErrors").EnumerateArray().ToList();
        Assert.Equal([3, 4], lineErrors.Select(e => e.GetProperty("line").GetInt32()).Distinct());
        Assert.Equal($"{lineErrors.Count} erreur(s).", error.GetProperty("detail").GetString());
        await using var database = _server.NewContext();
        Assert.False(await database.Employees.AnyAsync(e => e.ExternalId.StartsWith("Q2")));
    }

    [Fact]
    public async Task Another_companys_HR_can_neither_follow_nor_cancel_an_import_job()
    {
        using var alpha = await ClientAsync("hr.alpha@test.local");
        using var beta = await ClientAsync("hr.beta@test.local");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/companies/{_server.Alpha}/imports/employees") { Content = Csv(AlphaEmployees("SEC", 3)) };
        request.Headers.Add("Prefer", "respond-async");
        using var response = await alpha.SendAsync(request);
        var location = response.Headers.Location!.ToString();

        using var read = await beta.GetAsync(location);
        using var cancel = await beta.DeleteAsync(location);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (read.StatusCode, cancel.StatusCode));
        Assert.Equal("succeeded", (await TwoNetworkServer.FinishedJobAsync(alpha, location)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_requester_is_pushed_the_jobs_progress_and_its_end_and_nobody_else_is()
    {
        var updates = new System.Collections.Concurrent.ConcurrentQueue<JsonElement>();
        var othersSaw = new System.Collections.Concurrent.ConcurrentQueue<JsonElement>();
        await using var requester = await _server.HubAsync("hr.alpha@test.local", _instance, "hubs/jobs");
        await using var other = await _server.HubAsync("hr.beta@test.local", _instance, "hubs/jobs");
        requester.On<JsonElement>("job", updates.Enqueue);
        other.On<JsonElement>("job", othersSaw.Enqueue);
        await requester.StartAsync();
        await other.StartAsync();

        using var hr = await ClientAsync("hr.alpha@test.local");
        using var response = await hr.PostAsync($"/api/companies/{_server.Alpha}/imports/employees", Csv(AlphaEmployees("PUSH", 4000)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!updates.Any(u => u.GetProperty("state").GetString() == "succeeded"))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no end pushed; got {string.Join(", ", updates)}");
            await Task.Delay(50);
        }
        var mine = updates.Where(u => u.GetProperty("id").GetInt64() == jobId).ToList();
        Assert.Equal("succeeded", mine[^1].GetProperty("state").GetString());
        Assert.Equal(1.0, mine[^1].GetProperty("progress").GetDouble());
        Assert.Equal("import", mine[^1].GetProperty("kind").GetString());
        Assert.Empty(othersSaw);
    }

    [Fact]
    public async Task HR_checks_a_file_on_its_page_imports_it_with_progress_and_a_bad_workbook_shows_every_error_in_French()
    {
        var address = RealServer.Serve(_instance);
        var folder = Directory.CreateTempSubdirectory("import-page");
        var good = Path.Combine(folder.FullName, "salaries.csv");
        var bad = Path.Combine(folder.FullName, "refuse.xlsx");
        await File.WriteAllTextAsync(good, AlphaEmployees("PAGE", 3000));
        await File.WriteAllBytesAsync(bad, Mobility.TestSupport.XlsxFile.Build(
            ["Matricule", "Entreprise", "Site", "Latitude", "Longitude", "Poste"],
            ["PB1", "ALP", "ALP-1", "48,80", "7,75", ""],
            ["PB2", "BET", "BET-1", "48,80", "7,75", ""],
            ["PB3", "ALP", "ALP-1", "149,42", "7,75", "4x6"],
            ["PB3", "ALP", "ALP-1", "48,79", "7,74", ""]));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        foreach (var (width, height) in new[] { (390, 844), (1280, 800) })
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
            var scriptErrors = new List<string>();
            page.PageError += (_, error) => scriptErrors.Add(error);
            await Chromium.SignInAsync(page, address, "hr.alpha@test.local");

            await Chromium.OpenHrSectionAsync(page, "import");
            await page.SetInputFilesAsync("#import-form input[name=file]", good);
            await page.ClickAsync("#import-form button[type=submit]");
            // The page's policy forbids evaluated scripts, so waits are by locator.
            await page.Locator("#import-preview", new() { HasText = "Aucune erreur" }).WaitForAsync();
            Assert.Contains("rien n'est encore importé", await page.TextContentAsync("#import-preview"));
            // The preview wrote nothing: the first pass finds none of the file's people, the second the first pass's.
            Assert.Equal(width == 390 ? 0 : 3000, await CountAsync(e => e.ExternalId.StartsWith("PAGE")));
            await page.ClickAsync("#import-confirm");
            await page.Locator("#import-result", new() { HasText = "Import terminé" }).WaitForAsync();
            // Numbers in the French way: 3 000 (a narrow no-break space between thousands).
            Assert.Matches(@"^Import terminé : 3[\s\u202F\u00A0]?000 lignes, [\d\s\u202F\u00A0]+ ajoutées, [\d\s\u202F\u00A0]+ mises à jour\.$",
                (await page.TextContentAsync("#import-result"))!.Trim());
            Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"import-{width}.png"), FullPage = true });

            await page.SetInputFilesAsync("#import-form input[name=file]", bad);
            await page.ClickAsync("#import-form button[type=submit]");
            await page.Locator("#import-errors").WaitForAsync();
            var preview = await page.TextContentAsync("#import-preview");
            // Line 3: another company and its site; line 4: latitude 149,42 and roster 4x6; line 5: line 4's ID again.
            Assert.Contains("5 erreurs trouvées : rien ne sera importé", preview);
            var rows = await page.Locator("#import-errors tbody tr").AllInnerTextsAsync();
            Assert.Equal(5, rows.Count);
            Assert.Contains(rows, r => r.Contains("Entreprise") && r.Contains("ce fichier n'importe que l'entreprise ALP"));
            Assert.Contains(rows, r => r.Contains("Latitude") && r.Contains("Position impossible"));
            Assert.Contains(rows, r => r.Contains("Poste") && r.Contains("« 4x6 » est inconnu"));
            Assert.Contains(rows, r => r.Contains("Matricule") && r.Contains("L'identifiant PB3 figure déjà ligne 4"));
            Assert.Equal(0, await page.Locator("#import-confirm").CountAsync());
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=Télécharger la liste des erreurs"));
            var saved = Path.Combine(folder.FullName, $"errors-{width}.csv");
            await download.SaveAsAsync(saved);
            var lines = await File.ReadAllLinesAsync(saved);
            Assert.Equal("ligne;colonne;erreur;code", lines[0].TrimStart('\uFEFF'));
            Assert.Equal(6, lines.Length);
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"import-errors-{width}.png"), FullPage = true });
            Assert.Empty(scriptErrors);
            await page.CloseAsync();
        }
        await using var database = _server.NewContext();
        Assert.False(await database.Employees.AnyAsync(e => e.ExternalId.StartsWith("PB")));
        folder.Delete(recursive: true);
    }

    private async Task<int> CountAsync(System.Linq.Expressions.Expression<Func<Mobility.Data.Model.Employee, bool>> which)
    {
        await using var database = _server.NewContext();
        return await database.Employees.CountAsync(which);
    }

    [Fact]
    public async Task Jobs_ended_longer_ago_than_the_keep_time_are_deleted_and_no_ended_job_keeps_its_file()
    {
        await using var database = _server.NewContext();
        var requester = await database.Users.Where(u => u.Email == "hr.alpha@test.local").Select(u => u.Id).SingleAsync();
        Job Ended(DateTimeOffset finished) => new()
        {
            Kind = "import", NetworkId = _server.Nord, CompanyId = _server.Alpha, RequestedById = requester, State = JobState.Failed,
            CreatedAt = finished.AddMinutes(-1), FinishedAt = finished, Input = "{}",
        };
        var old = Ended(DateTimeOffset.UtcNow.AddDays(-2));
        var recent = Ended(DateTimeOffset.UtcNow.AddHours(-1));
        database.Jobs.AddRange(old, recent);
        // An instance that died between ending a job and deleting its file leaves the file behind.
        database.JobFiles.Add(new JobFile { Job = recent, Content = Encoding.UTF8.GetBytes(AlphaEmployees("LEFT", 2)) });
        await database.SaveChangesAsync();

        using var hr = await ClientAsync("hr.alpha@test.local"); // starts the instance, hence its runner
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (await Exists(old.Id) || await FileExists(recent.Id))
        {
            Assert.True(DateTime.UtcNow < deadline, "the runner never cleaned up");
            await Task.Delay(100);
        }
        Assert.True(await Exists(recent.Id), "a job that ended an hour ago must still be readable");
        Assert.Matches(@"mobility_jobs_deleted(_total)?(\{[^}]*\})? [1-9]", await hr.GetStringAsync("/metrics"));
    }

    private async Task<bool> Exists(long jobId)
    {
        await using var database = _server.NewContext();
        return await database.Jobs.AnyAsync(j => j.Id == jobId);
    }

    private async Task<bool> FileExists(long jobId)
    {
        await using var database = _server.NewContext();
        return await database.JobFiles.AnyAsync(f => f.JobId == jobId);
    }
}
