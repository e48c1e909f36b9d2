using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Mobility.Server.Tests;

public sealed class ImportApiTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static StringContent Csv(string text, Encoding encoding) => new(text, encoding, "text/csv");

    [Fact]
    public async Task HR_imports_its_company_in_French_CSV_with_accents_in_Windows_1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var client = await server.ClientAsync("hr.alpha@test.local");
        var csv = "matricule;entreprise;site;prénom;nom;latitude;longitude;commune\n" +
                  "A10;ALP;ALP-1;Zoé;Schœffer;48,80;7,75;Haguenau\nA11;ALP;ALP-1;Léon;Kieffer;48,79;7,74;Schweighouse\n";
        using var response = await client.PostAsync($"/api/companies/{server.Alpha}/imports/employees", Csv(csv, Encoding.GetEncoding(1252)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var database = server.NewContext();
        var zoe = await database.Employees.SingleAsync(e => e.CompanyId == server.Alpha && e.ExternalId == "A10");
        Assert.Equal(("Zoé", "Haguenau"), (zoe.FirstName, zoe.Commune));
    }

    [Fact]
    public async Task A_row_of_another_company_refuses_the_whole_file_with_its_line()
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        var csv = "matricule;entreprise;site;latitude;longitude\nA20;ALP;ALP-1;48,80;7,75\nB20;BET;BET-1;48,80;7,75\n";
        using var response = await client.PostAsync($"/api/companies/{server.Alpha}/imports/employees", Csv(csv, Encoding.UTF8));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("import-refused", problem.RootElement.GetProperty("code").GetString());
        var errors = problem.RootElement.GetProperty("parameters").GetProperty("lineErrors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 3 && e.GetProperty("column").GetString() == "entreprise");
        await using var database = server.NewContext();
        Assert.False(await database.Employees.AnyAsync(e => e.ExternalId == "A20" || e.ExternalId == "B20"));
    }

    [Fact]
    public async Task A_file_in_an_unreadable_encoding_is_a_400_problem_not_a_500()
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        var csv = "matricule;entreprise;site;latitude;longitude\nA30;ALP;ALP-1;48,80;7,75\n";
        using var response = await client.PostAsync($"/api/companies/{server.Alpha}/imports/employees", Csv(csv, Encoding.UTF32));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var database = server.NewContext();
        Assert.False(await database.Employees.AnyAsync(e => e.ExternalId == "A30"));
    }

    [Fact]
    public async Task Administrators_import_a_networks_sites_and_HR_may_not()
    {
        var csv = "identifiant;nom;type;latitude;longitude;commune\nGARE-B;Gare de Brumath;gare;48,7330;7,7100;Brumath\n";
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.PostAsync($"/api/networks/{server.Nord}/imports/sites", Csv(csv, Encoding.UTF8))).StatusCode);
        using var admin = await server.ClientAsync("admin@test.local");
        using var response = await admin.PostAsync($"/api/networks/{server.Nord}/imports/sites", Csv(csv, Encoding.UTF8));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var database = server.NewContext();
        var station = await database.Sites.SingleAsync(s => s.ExternalId == "GARE-B");
        Assert.Equal((server.Nord, Mobility.Data.Model.SiteKind.Station), (station.NetworkId, station.Kind));
    }

    [Fact]
    public async Task HR_imports_its_own_rosters_and_another_companys_roster_is_a_line_error_that_changes_nothing()
    {
        var alphaFile = "roulement;nom;semaine;jours;début;fin\nALP-2x8;2x8 Alpha;1;lun-ven;05:00;13:00\nALP-2x8;2x8 Alpha;2;lun-ven;13:00;21:00\n";
        using var alpha = await server.ClientAsync("hr.alpha@test.local");
        using var imported = await alpha.PostAsync($"/api/companies/{server.Alpha}/imports/shifts", Csv(alphaFile, Encoding.UTF8));
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        await using (var database = server.NewContext())
        {
            var roster = await database.ShiftPatterns.Include(p => p.Slots).SingleAsync(p => p.ExternalId == "ALP-2x8");
            Assert.Equal((server.Nord, (long?)server.Alpha, 2, 2), (roster.NetworkId, roster.OwnerCompanyId, roster.RotationWeeks, roster.Slots.Count));
        }

        // Beta's file names Alpha's roster on its third line (after one of its own): refused there, and nothing written.
        var betaFile = "roulement;semaine;jours;début;fin\nBET-jour;1;lun-ven;08:00;16:00\nALP-2x8;1;lun-ven;06:00;14:00\n";
        using var beta = await server.ClientAsync("hr.beta@test.local");
        using var refused = await beta.PostAsync($"/api/companies/{server.Beta}/imports/shifts", Csv(betaFile, Encoding.UTF8));
        var errors = await LineErrorsAsync(refused, beta);
        var error = Assert.Single(errors);
        Assert.Equal((3, "roulement", "roster-of-another-company"),
            (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("code").GetString()));
        await using (var database = server.NewContext())
        {
            Assert.False(await database.ShiftPatterns.AnyAsync(p => p.ExternalId == "BET-jour"));
            var roster = await database.ShiftPatterns.Include(p => p.Slots).SingleAsync(p => p.ExternalId == "ALP-2x8");
            Assert.Equal(new TimeOnly(5, 0), roster.Slots.Min(s => s.Start));
        }

        // And HR may not import into another company's door.
        using var foreign = await beta.PostAsync($"/api/companies/{server.Alpha}/imports/shifts", Csv(betaFile, Encoding.UTF8));
        Assert.Contains(foreign.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
    }

    /// <summary>The refused lines, from the 400 of a small file or from the failed job a large one (above 256 KiB) becomes.</summary>
    private static async Task<List<JsonElement>> LineErrorsAsync(HttpResponseMessage response, HttpClient client)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var job = await TwoNetworkServer.FinishedJobAsync(client, response.Headers.Location!.ToString());
            Assert.True(job.GetProperty("state").GetString() == "failed", job.ToString());
            return job.GetProperty("error").GetProperty("parameters").GetProperty("lineErrors").EnumerateArray().Select(e => e.Clone()).ToList();
        }
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.GetProperty("parameters").GetProperty("lineErrors").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Fact]
    public async Task A_NUL_character_in_a_cell_is_a_line_error_and_nothing_is_imported()
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        var csv = "matricule;entreprise;site;prénom;latitude;longitude\nA40;ALP;ALP-1;Zo\u0000é;48,80;7,75\nA41;ALP;ALP-1;Léon;48,79;7,74\n";
        using var response = await client.PostAsync($"/api/companies/{server.Alpha}/imports/employees", Csv(csv, Encoding.UTF8));
        var error = Assert.Single(await LineErrorsAsync(response, client));
        Assert.Equal((2, "prénom", "nul-character"), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("code").GetString()));
        await using var database = server.NewContext();
        Assert.False(await database.Employees.AnyAsync(e => e.ExternalId == "A40" || e.ExternalId == "A41"));
    }

    [Fact]
    public async Task A_megabyte_cell_is_a_line_error_and_nothing_is_imported()
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        var csv = $"matricule;entreprise;site;latitude;longitude\nA50{new string('x', 1024 * 1024)};ALP;ALP-1;48,80;7,75\n";
        using var response = await client.PostAsync($"/api/companies/{server.Alpha}/imports/employees", Csv(csv, Encoding.UTF8));
        var error = Assert.Single(await LineErrorsAsync(response, client));
        Assert.Equal((2, "matricule", "text-too-long"), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("code").GetString()));
        await using var database = server.NewContext();
        Assert.False(await database.Employees.AnyAsync(e => e.ExternalId.StartsWith("A50")));
    }

    [Fact]
    public async Task A_date_at_the_end_of_the_calendar_in_a_cell_is_a_line_error()
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        var csv = "matricule;entreprise;site;latitude;longitude;depuis\nA55;ALP;ALP-1;48,80;7,75;31/12/9999\n";
        using var response = await client.PostAsync($"/api/companies/{server.Alpha}/imports/employees", Csv(csv, Encoding.UTF8));
        var error = Assert.Single(await LineErrorsAsync(response, client));
        Assert.Equal((2, "depuis", "out-of-range"), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("employees")]
    [InlineData("sites")]
    [InlineData("shifts")]
    public async Task A_file_of_blank_lines_is_a_400_problem(string kind)
    {
        using var client = await server.ClientAsync("admin@test.local");
        var path = kind == "employees" ? $"/api/companies/{server.Alpha}/imports/employees" : $"/api/networks/{server.Nord}/imports/{kind}";
        using var response = await client.PostAsync(path, Csv("\n \r\n;;\n\n", Encoding.UTF8));
        var errors = await LineErrorsAsync(response, client);
        Assert.Equal(1, errors[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task HR_gets_the_same_answer_for_another_companys_plant_or_code_as_for_one_that_does_not_exist()
    {
        using var client = await server.ClientAsync("hr.alpha@test.local");
        var csv = "matricule;entreprise;site;latitude;longitude\n" +
                  "A60;ALP;BET-1;48,80;7,75\nA61;ALP;NOWHERE-1;48,80;7,75\nA62;BET;ALP-1;48,80;7,75\nA63;NOBODY;ALP-1;48,80;7,75\n";
        using var response = await client.PostAsync($"/api/companies/{server.Alpha}/imports/employees", Csv(csv, Encoding.UTF8));
        var errors = await LineErrorsAsync(response, client);
        string Reason(int line, string field) => errors.Single(e => e.GetProperty("line").GetInt32() == line && e.GetProperty("field").GetString() == field)
            is var e ? $"{e.GetProperty("column").GetString()} {e.GetProperty("code").GetString()} {e.GetProperty("parameters")}" : "";
        Assert.Equal(Reason(3, "site").Replace("NOWHERE-1", "BET-1"), Reason(2, "site"));
        Assert.Equal(Reason(5, "company").Replace("NOBODY", "BET"), Reason(4, "company"));
        Assert.DoesNotContain(errors, e => e.GetProperty("code").GetString()!.Contains("another"));
    }
}
