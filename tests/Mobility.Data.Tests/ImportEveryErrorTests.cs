using System.Text;
using Microsoft.EntityFrameworkCore;
using Mobility.Data.Import;
using Mobility.Routing;
using Mobility.Routing.Addresses;

namespace Mobility.Data.Tests;

/// <summary>
/// HR fixes a file in one round: every error of every row and column comes back at once, each with its line, the column as
/// the file's header wrote it and a code, from a CSV or the same rows in a workbook; nothing is written while any remains;
/// a preview shows what the file holds; homes may be postal addresses, placed only when the address index is sure.
/// </summary>
public class ImportEveryErrorTests
{
    private const string Network = "Réseau Alsace Nord";

    private static Stream Utf8(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    private static async Task<MigratedDatabase> NetworkAsync()
    {
        var database = new MigratedDatabase();
        await using var context = database.NewContext();
        Assert.True((await new SiteImporter(context).ImportAsync(Utf8("""
            identifiant;nom;type;latitude;longitude;entreprise
            HAG-1;Usine Haguenau;usine;48,8156;7,7905;HP
            BRU-1;Usine Brumath;usine;48,7250;7,7000;BA
            """), Network)).Succeeded);
        Assert.True((await new ShiftPatternImporter(context).ImportAsync(Utf8("poste;jours;début;fin\n3x8;lun-ven;5h;13h\n"), Network)).Succeeded);
        return database;
    }

    // Line 3: latitude 149,42 and roster "4x6" (both reported); line 4: the ID of line 3 again, and a yes/no that is neither;
    // line 5: a home 200 km from its plant, a bad number of seats; line 6: an unknown site and an unreadable date.
    private static readonly string[] Header = ["Matricule", "Entreprise", "Site", "Latitude", "Longitude", "Poste", "Places", "Consentement", "Depuis", "Badge"];
    private static readonly object?[][] BadRows =
    [
        ["1001", "HP", "HAG-1", "48,80", "7,78", "3x8", "3", "oui", "2026-11-16", "A1"],
        ["1002", "HP", "HAG-1", "149,42", "7,78", "4x6", "", "", "", ""],
        ["1002", "HP", "HAG-1", "48,79", "7,77", "3x8", "", "peut-être", "", ""],
        ["1003", "HP", "HAG-1", "50,60", "7,78", "", "beaucoup", "", "", ""],
        ["1004", "HP", "HAG-7", "48,79", "7,77", "", "", "", "le 3 mars", ""],
    ];

    private static readonly (int Line, string Column, string Code)[] Expected =
    [
        (3, "Latitude", Codes.Field.CoordinatesOutOfRange),
        (3, "Poste", Codes.Field.UnknownCode),
        (4, "Consentement", Codes.Field.YesNoExpected),
        (4, "Matricule", Codes.Field.DuplicateId),
        (5, "Places", Codes.Field.WholeNumberExpected),
        (5, "Latitude", Codes.Field.TooFarFromPlant),
        (6, "Depuis", Codes.Field.FileDateUnreadable),
        (6, "Site", Codes.Field.UnknownCode),
    ];

    private static string Csv(object?[][] rows) =>
        string.Join('\n', new[] { Header.Cast<object?>().ToArray() }.Concat(rows).Select(r => string.Join(';', r))) + "\n";

    [Fact]
    public async Task Every_error_of_every_row_and_column_comes_back_at_once_from_a_csv_and_nothing_is_written()
    {
        using var database = await NetworkAsync();
        await using var context = database.NewContext();
        var report = await new EmployeeImporter(context, TimeProvider.System).ImportAsync(Utf8(Csv(BadRows)), Network);
        Assert.Equal(Expected.Order(), report.Errors.Select(e => (e.Line, e.Column!, e.Code)).Order());
        var duplicate = report.Errors.Single(e => e.Code == Codes.Field.DuplicateId);
        Assert.Equal(("1002", 3), (duplicate.Parameters["value"], duplicate.Parameters["firstLine"]));
        Assert.False(report.Written);
        Assert.Equal(0, await context.Employees.CountAsync());
    }

    [Fact]
    public async Task The_same_rows_in_a_workbook_give_the_same_errors_with_numbers_and_dates_as_Excel_stores_them()
    {
        using var database = await NetworkAsync();
        await using (var context = database.NewContext())
        {
            var bad = XlsxFile.Build([Header, .. BadRows]);
            var report = await new EmployeeImporter(context, TimeProvider.System).ImportAsync(new MemoryStream(bad), Network);
            Assert.Equal(Expected.Order(), report.Errors.Select(e => (e.Line, e.Column!, e.Code)).Order());
            Assert.Equal(0, await context.Employees.CountAsync());
        }
        await using (var context = database.NewContext())
        {
            // Numbers as numeric cells, the date as Excel's serial number (46342 is 2026-11-16).
            var good = XlsxFile.Build(Header, ["1001", "HP", "HAG-1", 48.80, 7.78, "3x8", 3, "oui", 46342, "A1"]);
            var report = await new EmployeeImporter(context, TimeProvider.System).ImportAsync(new MemoryStream(good), Network);
            Assert.True(report.Succeeded, string.Join("; ", report.Errors));
            Assert.Equal("xlsx", report.File!.Format);
            Assert.Equal(["Badge"], report.File.Unknown);
        }
        await using (var context = database.NewContext())
        {
            var lea = await context.Employees.Include(e => e.ShiftAssignments).SingleAsync();
            Assert.Equal((48.80, 7.78, 3), (Math.Round(lea.Home!.Y, 6), Math.Round(lea.Home!.X, 6), lea.SeatsOffered));
            Assert.Equal(new DateOnly(2026, 11, 16), Assert.Single(lea.ShiftAssignments).ValidFrom);
        }
    }

    [Fact]
    public async Task A_preview_shows_the_columns_the_first_rows_and_the_errors_and_writes_nothing_even_for_a_good_file()
    {
        using var database = await NetworkAsync();
        await using var context = database.NewContext();
        var preview = new EmployeeImporter(context, TimeProvider.System, options: new ImportOptions(PreviewOnly: true));
        var good = await preview.ImportAsync(Utf8(Csv(BadRows[..1])), Network);
        Assert.True(good.Succeeded);
        Assert.False(good.Written);
        Assert.Equal(0, await context.Employees.CountAsync());
        Assert.Equal(("Matricule", "id"), (good.File!.Columns[0].Header, good.File.Columns[0].Field));
        Assert.Equal(["Badge"], good.File.Unknown);
        Assert.Equal((2, "1001"), (good.File.FirstRows[0].Line, good.File.FirstRows[0].Cells[0]));

        var bad = await preview.ImportAsync(Utf8(Csv(BadRows)), Network);
        Assert.Equal(Expected.Length, bad.Errors.Count);
        Assert.Equal(5, bad.Rows);
    }

    [Fact]
    public async Task A_home_farther_than_the_configured_distance_or_outside_the_road_network_is_flagged()
    {
        using var database = await NetworkAsync();
        await using var context = database.NewContext();
        // Haguenau's plant; Strasbourg is 27 km away, Colmar 85 km.
        var file = "id;company;site;latitude;longitude\n1;HP;HAG-1;48.58;7.75\n2;HP;HAG-1;48.08;7.36\n";
        var near = new HomeRules(MaxDistanceKm: 50);
        var report = await new EmployeeImporter(context, TimeProvider.System, options: new ImportOptions(Homes: near)).ImportAsync(Utf8(file), Network);
        var far = Assert.Single(report.Errors);
        Assert.Equal((3, Codes.Field.TooFarFromPlant, 50.0), (far.Line, far.Code, far.Parameters["maximumKilometres"]));

        var roads = new HomeRules(RoadArea: new GeoArea(48.5, 7.5, 49.0, 8.0));
        report = await new EmployeeImporter(context, TimeProvider.System, options: new ImportOptions(Homes: roads)).ImportAsync(Utf8(file), Network);
        Assert.Equal((3, Codes.Field.OutsideRoadNetwork), (Assert.Single(report.Errors).Line, report.Errors[0].Code));
        Assert.Equal(0, await context.Employees.CountAsync());
    }

    private static readonly AddressIndex Addresses = new([
        new AddressRecord("12", "Rue du Maréchal Foch", "67500", "Haguenau", new GeoPoint(48.8150, 7.7920)),
        new AddressRecord("14", "Rue du Maréchal Foch", "67500", "Haguenau", new GeoPoint(48.8152, 7.7924)),
        new AddressRecord("3", "Grand'Rue", "67500", "Haguenau", new GeoPoint(48.8160, 7.7890)),
        new AddressRecord(null, "Rue des Vosges", "67170", "Brumath", new GeoPoint(48.7300, 7.7100)),
    ]);

    [Fact]
    public async Task A_postal_address_places_the_home_and_one_the_index_is_not_sure_of_is_reported_with_its_closest_candidate()
    {
        using var database = await NetworkAsync();
        var file = """
            matricule;entreprise;site;adresse;code postal;commune
            1;HP;HAG-1;12 r. du Mal Foch;67500;Haguenau
            2;HP;HAG-1;99 avenue Inexistante;67500;Haguenau
            3;HP;HAG-1;;;
            """;
        await using (var context = database.NewContext())
        {
            var report = await new EmployeeImporter(context, TimeProvider.System, options: new ImportOptions(Addresses: Addresses)).ImportAsync(Utf8(file), Network);
            Assert.Equal([(3, "adresse"), (4, "adresse")], report.Errors.Select(e => (e.Line, e.Column!)));
            Assert.Equal(Codes.Field.AddressNotFound, report.Errors[0].Code);
            Assert.Equal(Codes.Field.HomeMissing, report.Errors[1].Code);
            var placed = Assert.Single(report.Addresses);
            Assert.Equal(2, placed.Line);
            Assert.Contains("Foch", placed.Matched);
            Assert.True(placed.Confidence >= AddressMatch.ConfidenceThreshold);
            Assert.Equal(0, await context.Employees.CountAsync());
        }
        await using (var context = database.NewContext())
        {
            var good = string.Join('\n', file.Split('\n')[..2]) + "\n";
            var report = await new EmployeeImporter(context, TimeProvider.System, options: new ImportOptions(Addresses: Addresses)).ImportAsync(Utf8(good), Network);
            Assert.True(report.Written, string.Join("; ", report.Errors));
        }
        await using (var context = database.NewContext())
        {
            var home = (await context.Employees.SingleAsync()).Home!;
            Assert.Equal((48.8150, 7.7920), (Math.Round(home.Y, 4), Math.Round(home.X, 4)));
        }
    }

    [Fact]
    public async Task A_file_of_addresses_without_a_commune_column_stores_the_matched_addresss_commune()
    {
        using var database = await NetworkAsync();
        var file = "matricule;entreprise;site;adresse;code postal\n1;HP;HAG-1;3 grand rue;67500\n";
        await using (var context = database.NewContext())
        {
            var report = await new EmployeeImporter(context, TimeProvider.System, options: new ImportOptions(Addresses: Addresses)).ImportAsync(Utf8(file), Network);
            Assert.True(report.Written, string.Join("; ", report.Errors));
        }
        await using (var context = database.NewContext())
            Assert.Equal("Haguenau", (await context.Employees.SingleAsync()).Commune);
    }

    [Fact]
    public async Task An_address_close_to_a_known_one_but_not_sure_is_reported_with_that_candidate_never_guessed()
    {
        using var database = await NetworkAsync();
        await using var context = database.NewContext();
        // The street is there, its number 80 is not: the street's middle is not where this person lives.
        var file = "matricule;entreprise;site;adresse;cp;ville\n1;HP;HAG-1;80 rue du Maréchal Foch;67500;Haguenau\n";
        var report = await new EmployeeImporter(context, TimeProvider.System, options: new ImportOptions(Addresses: Addresses)).ImportAsync(Utf8(file), Network);
        var error = Assert.Single(report.Errors);
        Assert.Equal(Codes.Field.AddressUncertain, error.Code);
        Assert.Equal(("adresse", "Rue du Maréchal Foch, 67500 Haguenau"), (error.Column, error.Parameters["closest"]));
        Assert.True((double)error.Parameters["confidence"]! < AddressMatch.ConfidenceThreshold);
        Assert.Empty(report.Addresses);
    }
}
