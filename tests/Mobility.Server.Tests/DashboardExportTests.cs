using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using Row = DocumentFormat.OpenXml.Spreadsheet.Row;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Statistics;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Tests;

/// <summary>Every dashboard table downloads as an .xlsx workbook holding the CSV's rows and the JSON's numbers, numbers as
/// numbers and withheld cells empty; its file is named after the network and the day; an unknown format is refused
/// with the formats allowed.</summary>
public sealed class DashboardExportTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private static readonly DateOnly Monday = new(2027, 6, 14);

    /// <summary>Thirty of Alpha near its plant on an early day shift, so that every table has published rows.</summary>
    private async Task SeedAsync()
    {
        await using var database = server.NewContext();
        if (database.ShiftPatterns.Any(p => p.ExternalId == "xlsx-day")) return;
        var pattern = TwoNetworkServer.EveryDay(server.Nord, "xlsx-day", new TimeOnly(6, 0), new TimeOnly(14, 0), "Matin xlsx");
        database.ShiftPatterns.Add(pattern);
        database.Employees.AddRange(Enumerable.Range(0, 30).Select(i => new Employee
        {
            CompanyId = server.Alpha, MainSiteId = server.AlphaPlant, ExternalId = $"XLSX-{i}", FirstName = "X", Commune = i % 3 == 0 ? "=Brumath" : "Haguenau",
            Home = Wgs84.CreatePoint(new Coordinate(7.70 + 0.0005 * i, 48.83)), ConsentToMatching = true,
            ShiftAssignments = [new ShiftAssignment { ShiftPattern = pattern, RotationAnchor = new DateOnly(2027, 1, 4), ValidFrom = new DateOnly(2027, 1, 4) }],
        }));
        // And fifteen living by the station, so that the stops' table has a published row.
        database.Employees.AddRange(Enumerable.Range(0, 15).Select(i => new Employee
        {
            CompanyId = server.Alpha, MainSiteId = server.AlphaPlant, ExternalId = $"XLSX-GARE-{i}", FirstName = "G", Commune = "Haguenau",
            Home = Wgs84.CreatePoint(new Coordinate(7.786 + 0.0003 * i, 48.816)), ConsentToMatching = true,
            ShiftAssignments = [new ShiftAssignment { ShiftPattern = pattern, RotationAnchor = new DateOnly(2027, 1, 4), ValidFrom = new DateOnly(2027, 1, 4) }],
        }));
        await database.SaveChangesAsync();
    }

    private static async Task<List<List<Cell>>> WorkbookAsync(HttpClient client, string url, string expectedName)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Mobility.Data.Export.XlsxTable.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(expectedName, response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();
    }

    [Theory]
    [InlineData("distances", "bands", "people")]
    [InlineData("flows", "pairs", "people")]
    [InlineData("shifts", "hours", "starting")]
    [InlineData("activity", "days", "people")]
    [InlineData("homes", "features", "employees")]
    [InlineData("potential", "plants", "employees")]
    [InlineData("stops", "stops", "people")]
    public async Task Each_table_downloads_as_a_workbook_with_the_csvs_rows_and_the_jsons_numbers(string table, string rowsProperty, string countColumn)
    {
        await SeedAsync();
        using var workingGroup = await server.ClientAsync("wg.nord@test.local");
        var query = table switch
        {
            "shifts" or "potential" or "stops" => $"?date={Monday:yyyy-MM-dd}&company={server.Alpha}",
            "activity" => "?from=2027-06-01&to=2027-06-03",
            _ => $"?company={server.Alpha}",
        };
        var url = $"/api/networks/{server.Nord}/statistics/{table}{query}";
        using var json = JsonDocument.Parse(await workingGroup.GetStringAsync(url));
        var csv = await DashboardStatisticsTests.CsvAsync(workingGroup, url + "&format=csv");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var rows = await WorkbookAsync(workingGroup, url + "&format=xlsx", $"nord-{table}-{today:yyyy-MM-dd}.xlsx");

        var jsonRows = json.RootElement.GetProperty(rowsProperty).EnumerateArray().ToList();
        Assert.NotEmpty(jsonRows);
        Assert.Equal(jsonRows.Count + 1, rows.Count);
        // Cell by cell the CSV's text, without the CSV's formula guard (a workbook's text cell is never a formula).
        Assert.Equal(csv.Select(r => r.Select(c => c.TrimStart('\'')).ToArray()), rows.Select(r => r.Select(c => c.InnerText).ToArray()));
        var column = csv[0].ToList().IndexOf(countColumn);
        for (var i = 0; i < jsonRows.Count; i++)
        {
            var value = table == "homes" ? jsonRows[i].GetProperty("properties").GetProperty(countColumn) : jsonRows[i].GetProperty(countColumn);
            var cell = rows[i + 1][column];
            if (value.ValueKind == JsonValueKind.Null) Assert.Equal("", cell.InnerText); // withheld: nothing, never 0
            else
            {
                Assert.Equal(CellValues.Number, cell.DataType!.Value);
                Assert.Equal(value.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), cell.InnerText);
            }
        }
        if (table == "flows")
        {
            var formulaLike = rows.Skip(1).Select(r => r[0]).First(c => c.InnerText == "=Brumath");
            Assert.Equal(CellValues.InlineString, formulaLike.DataType!.Value);
            Assert.Null(formulaLike.CellFormula);
        }
    }

    [Fact]
    public async Task The_savings_download_as_two_rows_actual_then_potential_with_the_jsons_figures()
    {
        await SeedAsync();
        using var workingGroup = await server.ClientAsync("wg.nord@test.local");
        var url = $"/api/networks/{server.Nord}/statistics/savings?date={Monday:yyyy-MM-dd}&company={server.Alpha}";
        using var json = JsonDocument.Parse(await workingGroup.GetStringAsync(url));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var rows = await WorkbookAsync(workingGroup, url + "&format=xlsx", $"nord-savings-{today:yyyy-MM-dd}.xlsx");
        var csv = await DashboardStatisticsTests.CsvAsync(workingGroup, url + "&format=csv");

        Assert.Equal(csv.Select(r => r.ToArray()), rows.Select(r => r.Select(c => c.InnerText).ToArray()));
        Assert.Equal(["actual", "potential"], rows.Skip(1).Select(r => r[0].InnerText));
        var header = csv[0].ToList();
        foreach (var (row, figures) in new[] { (rows[1], "actual"), (rows[2], "potential") })
            foreach (var column in new[] { "from", "to", "people", "kilometres" })
            {
                var value = json.RootElement.GetProperty(figures).GetProperty(column);
                var cell = row[header.IndexOf(column)].InnerText;
                Assert.Equal(value.ValueKind switch
                {
                    JsonValueKind.Null => "", // withheld: nothing, never 0
                    JsonValueKind.String => value.GetString(),
                    _ => value.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                }, cell);
            }
    }

    [Fact]
    public async Task An_unknown_format_is_refused_with_the_three_allowed()
    {
        using var workingGroup = await server.ClientAsync("wg.nord@test.local");
        foreach (var table in new[] { "homes", "distances", "flows", "shifts?date=2027-06-14", "activity?from=2027-06-01&to=2027-06-02",
                     "potential?date=2027-06-14", "stops?date=2027-06-14", "savings?date=2027-06-14", "accessibility" })
        {
            var url = $"/api/networks/{server.Nord}/statistics/{table}{(table.Contains('?') ? '&' : '?')}format=pdf";
            using var response = await workingGroup.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var code = problem.RootElement.GetProperty("fieldCodes").GetProperty("format")[0];
            Assert.Equal(Codes.Field.UnknownChoice, code.GetProperty("code").GetString());
            Assert.Equal(["json", "csv", "xlsx"], code.GetProperty("parameters").GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
        }
    }

    [Theory]
    [InlineData("Réseau Nord-Alsace", "flows", "reseau-nord-alsace-flows-2026-12-02.xlsx")]
    [InlineData("  ", "homes", "network-homes-2026-12-02.xlsx")]
    [InlineData("../../etc/passwd", "shifts", "etc-passwd-shifts-2026-12-02.xlsx")]
    public void A_file_is_named_after_the_network_and_the_day_in_plain_letters(string network, string table, string expected) =>
        Assert.Equal(expected, StatisticsExport.FileName(network, table, new DateOnly(2026, 12, 2), "xlsx"));
}
