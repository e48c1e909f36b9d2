using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mobility.TestSupport;

namespace Mobility.Server.Tests;

/// <summary>HR's file doors beside the import: the preview (what the file holds and every error, nothing written), the
/// error list as a CSV in HR's language, workbooks as well as CSV, and one rule of where a home may be, over REST and files.</summary>
public sealed class ImportPreviewTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static ByteArrayContent Xlsx(params object?[][] rows) =>
        new(XlsxFile.Build(rows)) { Headers = { ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") } };

    private static readonly object?[] Header = ["Matricule", "Entreprise", "Site", "Latitude", "Longitude", "Poste", "Remarque RH"];

    [Fact]
    public async Task A_preview_of_a_workbook_shows_its_columns_first_rows_and_every_error_and_writes_nothing()
    {
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        using var response = await hr.PostAsync($"/api/companies/{server.Alpha}/imports/employees/preview",
            Xlsx(Header, ["P1", "ALP", "ALP-1", 48.80, 7.75, "", "ok"], ["P2", "ALP", "ALP-1", 149.42, 7.75, "4x6", ""], ["P2", "ALP", "ALP-1", 48.79, 7.74, "", ""]));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var preview = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = preview.RootElement;
        Assert.Equal(("xlsx", 3, 3), (root.GetProperty("format").GetString(), root.GetProperty("rows").GetInt32(), root.GetProperty("errors").GetInt32()));
        Assert.Contains(root.GetProperty("columns").EnumerateArray(), c => c.GetProperty("header").GetString() == "Matricule" && c.GetProperty("field").GetString() == "id");
        Assert.Equal(["Remarque RH"], root.GetProperty("unknown").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("P1", root.GetProperty("firstRows")[0].GetProperty("cells")[0].GetString());
        Assert.Equal([(3, "Latitude", "coordinates-out-of-range"), (3, "Poste", "unknown-code"), (4, "Matricule", "duplicate-id")],
            root.GetProperty("lineErrors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("code").GetString()!)));
        await using var database = server.NewContext();
        Assert.False(await database.Employees.AnyAsync(e => e.ExternalId == "P1"));
    }

    [Fact]
    public async Task The_error_list_downloads_as_a_csv_in_the_requesters_language_with_the_files_column_names()
    {
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        var csv = "matricule;entreprise;site;latitude;longitude\nE1;ALP;ALP-1;48,80;7,75\nE1;ALP;ALP-1;abc;7,75\n";
        using var french = await hr.PostAsync($"/api/companies/{server.Alpha}/imports/employees/errors.csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, french.StatusCode);
        Assert.Equal("text/csv", french.Content.Headers.ContentType?.MediaType);
        var lines = (await french.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("ligne;colonne;erreur;code", lines[0].TrimEnd('\r'));
        Assert.Contains(lines, l => l.StartsWith("3;latitude;Un nombre est attendu.;number-expected"));
        Assert.Contains(lines, l => l.StartsWith("3;matricule;L'identifiant E1 figure déjà ligne 2.;duplicate-id"));

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/companies/{server.Alpha}/imports/employees/errors.csv")
            { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var english = await hr.SendAsync(request);
        var text = await english.Content.ReadAsStringAsync();
        Assert.StartsWith("line;column;error;code", text.TrimStart('\uFEFF'));
        Assert.Contains("3;matricule;The ID E1 is already on line 2.;duplicate-id", text);
        await using var database = server.NewContext();
        Assert.False(await database.Employees.AnyAsync(e => e.ExternalId == "E1"));
    }

    [Fact]
    public async Task A_workbook_imports_like_a_csv_and_says_what_it_wrote()
    {
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        using var response = await hr.PostAsync($"/api/companies/{server.Alpha}/imports/employees",
            Xlsx(["Matricule", "Entreprise", "Site", "Prénom", "Latitude", "Longitude"], ["X1", "ALP", "ALP-1", "Zoé", 48.80, 7.75]));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var outcome = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((1, 1, true), (outcome.RootElement.GetProperty("rows").GetInt32(), outcome.RootElement.GetProperty("inserted").GetInt32(),
            outcome.RootElement.GetProperty("written").GetBoolean()));
        await using var database = server.NewContext();
        Assert.Equal("Zoé", (await database.Employees.SingleAsync(e => e.ExternalId == "X1")).FirstName);
    }

    [Fact]
    public async Task The_configured_distance_from_the_plant_holds_over_REST_and_in_files_alike()
    {
        // Alpha's plant is at Haguenau (48.81, 7.79); Strasbourg (48.58, 7.75) is 26 km away: within 150 km, beyond 20.
        var strict = server.Instance(("Homes:MaxDistanceKm", "20"));
        using var anne = await server.ClientAsync("anne@test.local", strict);
        using var refused = await anne.PutAsJsonAsync("/api/me/employee", new { home = new { type = "Point", coordinates = new[] { 7.75, 48.58 } } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            var home = problem.RootElement.GetProperty("fieldCodes").GetProperty("home")[0];
            Assert.Equal(("too-far-from-plant", 20.0), (home.GetProperty("code").GetString(), home.GetProperty("parameters").GetProperty("maximumKilometres").GetDouble()));
        }

        using var hr = await server.ClientAsync("hr.alpha@test.local", strict);
        using var file = await hr.PostAsync($"/api/companies/{server.Alpha}/imports/employees/preview",
            new StringContent("matricule;entreprise;site;latitude;longitude\nD1;ALP;ALP-1;48,58;7,75\n", Encoding.UTF8, "text/csv"));
        using var preview = JsonDocument.Parse(await file.Content.ReadAsStringAsync());
        var error = Assert.Single(preview.RootElement.GetProperty("lineErrors").EnumerateArray());
        Assert.Equal(("too-far-from-plant", 20.0), (error.GetProperty("code").GetString(), error.GetProperty("parameters").GetProperty("maximumKilometres").GetDouble()));

        // The default server keeps 150 km: the same home is fine there.
        using var lenient = await server.ClientAsync("hr.alpha@test.local");
        using var fine = await lenient.PostAsync($"/api/companies/{server.Alpha}/imports/employees/preview",
            new StringContent("matricule;entreprise;site;latitude;longitude\nD1;ALP;ALP-1;48,58;7,75\n", Encoding.UTF8, "text/csv"));
        using var finePreview = JsonDocument.Parse(await fine.Content.ReadAsStringAsync());
        Assert.Equal(0, finePreview.RootElement.GetProperty("errors").GetInt32());
    }
}
