using System.Text;
using Microsoft.EntityFrameworkCore;
using Mobility.Data.Import;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;

namespace Mobility.Data.Tests;

public class ImportTests
{
    private const string Network = "Réseau Alsace Nord";

    private static Stream Utf8(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    private static Stream Windows1252(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return new MemoryStream(Encoding.GetEncoding(1252).GetBytes(text));
    }

    private const string GoodSites = """
        identifiant;nom;type;latitude;longitude;entreprise;nom_entreprise;commune
        HAG-1;Usine Haguenau;usine;48,8156;7,7905;HP;Haguenau Pharma;Haguenau
        BRU-1;Usine Brumath;usine;48,7250;7,7000;BA;Brumath Agro;Brumath
        ST-SEL;Gare de Sélestat;gare;48,2600;7,4420;;;Sélestat
        MP-1;Aire de covoiturage Hœrdt;point de rencontre;48,6960;7,7830;;;Hœrdt
        """;

    private const string GoodShifts = """
        poste;nom;semaines;semaine;jours;début;fin
        3x8;Trois-huit;3;1;lun-ven;5h;13h
        3x8;Trois-huit;3;2;lun-ven;13:00;21:00
        3x8;Trois-huit;3;3;lun-ven;21h00;5h00
        jour;Journée;1;1;lun,mar,mer,jeu,ven;08:00;17:00
        """;

    private static async Task<MigratedDatabase> NetworkWithSitesAndShiftsAsync()
    {
        var database = new MigratedDatabase();
        await using var context = database.NewContext();
        Assert.True((await new SiteImporter(context).ImportAsync(Windows1252(GoodSites), Network)).Succeeded);
        Assert.True((await new ShiftPatternImporter(context).ImportAsync(Utf8(GoodShifts), Network)).Succeeded);
        return database;
    }

    [Fact]
    public async Task A_French_semicolon_Windows_1252_file_with_decimal_commas_imports_sites_and_companies()
    {
        using var database = await NetworkWithSitesAndShiftsAsync();
        await using var context = database.NewContext();
        var station = await context.Sites.SingleAsync(s => s.ExternalId == "ST-SEL");
        Assert.Equal("Gare de Sélestat", station.Name);
        Assert.Equal(SiteKind.Station, station.Kind);
        Assert.Null(station.CompanyId);
        Assert.Equal(48.26, station.Location.Y, 6);
        Assert.Equal(7.442, station.Location.X, 6);
        Assert.Equal(SiteKind.MeetingPoint, (await context.Sites.SingleAsync(s => s.ExternalId == "MP-1")).Kind);
        Assert.Equal(["Brumath Agro", "Haguenau Pharma"], await context.Companies.Select(c => c.Name).OrderBy(n => n).ToListAsync());
    }

    [Fact]
    public async Task Shift_patterns_import_with_weeks_counted_from_one_and_a_night_slot_across_midnight()
    {
        using var database = await NetworkWithSitesAndShiftsAsync();
        await using var context = database.NewContext();
        var pattern = await context.ShiftPatterns.Include(p => p.Slots).SingleAsync(p => p.ExternalId == "3x8");
        Assert.Equal(3, pattern.RotationWeeks);
        var night = pattern.Slots.Single(s => s.WeekIndex == 2);
        Assert.Equal((new TimeOnly(21, 0), new TimeOnly(5, 0)), (night.Start, night.End));
        Assert.True(night.CrossesMidnight);
        Assert.Equal(WorkDays.Weekdays, night.Days);
    }

    [Fact]
    public async Task A_missing_column_is_reported_on_the_header_line_and_nothing_is_written()
    {
        using var database = new MigratedDatabase();
        await using var context = database.NewContext();
        var report = await new SiteImporter(context).ImportAsync(Utf8("id,name,kind,latitude\nA,Plant,plant,48.8\n"), Network);
        var missing = Assert.Single(report.Errors);
        Assert.Equal((1, "longitude", Codes.Field.MissingColumn), (missing.Line, missing.Column, missing.Code));
        Assert.Equal(0, await context.Sites.CountAsync());
        Assert.Equal(0, await context.Networks.CountAsync());
    }

    [Fact]
    public async Task Every_bad_site_row_is_reported_with_its_line_and_reason_and_nothing_is_written()
    {
        using var database = new MigratedDatabase();
        await using var context = database.NewContext();
        var file = """
            id,name,kind,latitude,longitude
            A,Plant A,plant,48.81,7.79
            B,Plant B,plant,48.72,7.70
            C,Too far north,plant,95.0,7.7
            D,Swapped,plant,7.75,48.80
            A,Same id again,plant,48.80,7.78
            E,,plant,48.80,7.78
            F,Bad number,plant,48.8x,7.78
            G,Unknown kind,castle,48.80,7.78
            H,Plant H,plant,48.79,7.80
            """;
        var report = await new SiteImporter(context).ImportAsync(Utf8(file), Network);
        Assert.False(report.Succeeded);
        var byLine = report.Errors.ToDictionary(e => e.Line);
        Assert.Equal(new[] { 4, 5, 6, 7, 8, 9 }, byLine.Keys.Order());
        Assert.Equal(Codes.Field.CoordinatesOutOfRange, byLine[4].Code);
        Assert.Equal(Codes.Field.CoordinatesSwapped, byLine[5].Code);
        Assert.Equal((Codes.Field.DuplicateId, "A", 2), (byLine[6].Code, byLine[6].Parameters["value"], byLine[6].Parameters["firstLine"]));
        Assert.Equal(("name", Codes.Field.Required), (byLine[7].Column, byLine[7].Code));
        Assert.Equal(Codes.Field.NumberExpected, byLine[8].Code);
        Assert.Equal(Codes.Field.UnknownChoice, byLine[9].Code);
        Assert.Equal(0, await context.Sites.CountAsync());
    }

    [Fact]
    public async Task Bad_shift_rows_are_all_reported()
    {
        using var database = new MigratedDatabase();
        await using var context = database.NewContext();
        var file = """
            pattern;rotation_weeks;week;days;start;end
            2x8;2;1;Mon-Fri;05:00;13:00
            2x8;2;3;Mon-Fri;13:00;21:00
            2x8;2;2;Mon-Fri;25:00;21:00
            2x8;2;2;Mon-Funday;13:00;21:00
            day;1;1;Mon-Fri;08:00;08:00
            """;
        var report = await new ShiftPatternImporter(context).ImportAsync(Utf8(file), Network);
        var byLine = report.Errors.ToDictionary(e => e.Line);
        Assert.Equal(new[] { 3, 4, 5, 6 }, byLine.Keys.Order());
        Assert.Equal((Codes.Field.WeekOutsideRotation, 2), (byLine[3].Code, byLine[3].Parameters["rotationWeeks"]));
        Assert.Equal(("start", Codes.Field.TimeUnreadable), (byLine[4].Column, byLine[4].Code));
        Assert.Equal(Codes.Field.DaysUnreadable, byLine[5].Code);
        Assert.Equal(Codes.Field.ShiftZeroLength, byLine[6].Code);
        Assert.Equal(0, await context.ShiftPatterns.CountAsync());
    }

    [Fact]
    public async Task A_roster_whose_slots_overlap_is_refused_like_over_the_api()
    {
        using var database = new MigratedDatabase();
        await using var context = database.NewContext();
        var file = """
            pattern;rotation_weeks;week;days;start;end
            nuit;1;1;Mon-Fri;22:00;06:00
            nuit;1;1;Tue;05:00;13:00
            """;
        var report = await new ShiftPatternImporter(context).ImportAsync(Utf8(file), Network);
        var error = Assert.Single(report.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal((Codes.Field.SlotOverlaps, 1), (error.Code, error.Parameters["slot"]));
        Assert.Equal(0, await context.ShiftPatterns.CountAsync());
    }

    [Fact]
    public async Task Employees_import_with_their_shift_and_every_bad_row_is_reported_otherwise()
    {
        using var database = await NetworkWithSitesAndShiftsAsync();
        await using (var context = database.NewContext())
        {
            var bad = """
                matricule;entreprise;site;prénom;nom;latitude;longitude;rôle;places;poste;décalage
                1001;HP;HAG-1;Léa;Meyer;48,80;7,78;conducteur;3;3x8;1
                1002;HP;HAG-9;Jonas;Weber;48,79;7,77;passager;;3x8;0
                1003;HP;HAG-1;Anne;Roth;48,79;7,77;passager;;4x8;0
                1001;HP;HAG-1;Léa;Meyer;48,80;7,78;conducteur;3;3x8;1
                1004;HP;HAG-1;Paul;Klein;7,78;48,80;conducteur;3;jour;0
                1005;XX;HAG-1;Mia;Huber;48,80;7,78;conducteur;3;jour;0
                1006;HP;HAG-1;Leon;Lang;48,80;7,78;passager;2;jour;0
                """;
            var report = await new EmployeeImporter(context, TimeProvider.System).ImportAsync(Utf8(bad), Network);
            var byLine = report.Errors.ToDictionary(e => e.Line);
            Assert.Equal(new[] { 3, 4, 5, 6, 7, 8 }, byLine.Keys.Order());
            Assert.Equal(("site", Codes.Field.UnknownCode, "HAG-9"), (byLine[3].Column, byLine[3].Code, byLine[3].Parameters["value"]));
            Assert.Equal(("poste", Codes.Field.UnknownCode, "4x8"), (byLine[4].Column, byLine[4].Code, byLine[4].Parameters["value"]));
            Assert.Equal(("matricule", Codes.Field.DuplicateId, 2), (byLine[5].Column, byLine[5].Code, byLine[5].Parameters["firstLine"]));
            Assert.Equal(Codes.Field.CoordinatesSwapped, byLine[6].Code);
            Assert.Equal(("entreprise", Codes.Field.UnknownCode), (byLine[7].Column, byLine[7].Code));
            Assert.Equal(("places", Codes.Field.PassengerOffersNoSeats), (byLine[8].Column, byLine[8].Code));
            Assert.Equal(0, await context.Employees.CountAsync());
        }

        await using (var context = database.NewContext())
        {
            var good = """
                matricule;entreprise;site;prénom;nom;latitude;longitude;rôle;places;poste;décalage;depuis;consentement
                1001;HP;HAG-1;Léa;Meyer;48,80;7,78;conducteur;3;3x8;1;2026-11-18;oui
                1002;BA;BRU-1;Jonas;Weber;48,73;7,71;passager;;jour;;2026-11-18;non
                """;
            var report = await new EmployeeImporter(context, TimeProvider.System).ImportAsync(Utf8(good), Network);
            Assert.True(report.Succeeded, string.Join("; ", report.Errors));
            Assert.Equal((2, 0), (report.Inserted, report.Updated));
        }
        await using (var context = database.NewContext())
        {
            var lea = await context.Employees.Include(e => e.ShiftAssignments).ThenInclude(a => a.ShiftPattern)
                .SingleAsync(e => e.ExternalId == "1001");
            Assert.Equal(CarpoolRole.Driver, lea.Role);
            Assert.True(lea.ConsentToMatching);
            var assignment = Assert.Single(lea.ShiftAssignments);
            Assert.Equal("3x8", assignment.ShiftPattern!.ExternalId);
            Assert.Equal(1, assignment.RotationOffsetWeeks);
            // 2026-11-18 is a Wednesday: the rotation is counted from the Monday of that week.
            Assert.Equal(new DateOnly(2026, 11, 16), assignment.RotationAnchor);
            var jonas = await context.Employees.SingleAsync(e => e.ExternalId == "1002");
            Assert.Equal((CarpoolRole.Passenger, 0, false), (jonas.Role, jonas.SeatsOffered, jonas.ConsentToMatching));
        }
    }

    [Fact]
    public async Task Importing_again_updates_by_external_id_instead_of_duplicating()
    {
        using var database = await NetworkWithSitesAndShiftsAsync();
        var first = "id,company,site,latitude,longitude,role,shift\n7,HP,HAG-1,48.80,7.78,driver,3x8\n";
        var otherCompanysPlant = "id,company,site,latitude,longitude,role,shift\n7,HP,BRU-1,48.70,7.69,passenger,jour\n";
        var second = "id,company,site,latitude,longitude,role,shift\n7,HP,HAG-1,48.70,7.69,passenger,jour\n8,HP,HAG-1,48.81,7.79,either,jour\n";
        await using (var context = database.NewContext())
            Assert.True((await new EmployeeImporter(context, TimeProvider.System).ImportAsync(Utf8(first), Network)).Succeeded);
        await using (var context = database.NewContext())
        {
            var refused = await new EmployeeImporter(context, TimeProvider.System).ImportAsync(Utf8(otherCompanysPlant), Network);
            Assert.Equal(Codes.Field.PlantOfAnotherCompany, Assert.Single(refused.Errors).Code);
        }
        await using (var context = database.NewContext())
        {
            var report = await new EmployeeImporter(context, TimeProvider.System).ImportAsync(Utf8(second), Network);
            Assert.Equal((1, 1), (report.Inserted, report.Updated));
        }
        await using (var context = database.NewContext())
        {
            Assert.Equal(2, await context.Employees.CountAsync());
            var seven = await context.Employees.Include(e => e.MainSite).Include(e => e.ShiftAssignments).ThenInclude(a => a.ShiftPattern)
                .SingleAsync(e => e.ExternalId == "7");
            Assert.Equal((CarpoolRole.Passenger, 0), (seven.Role, seven.SeatsOffered));
            Assert.Equal(48.70, seven.Home!.Y, 6);
            Assert.Equal("jour", Assert.Single(seven.ShiftAssignments).ShiftPattern!.ExternalId);
        }
        await using (var context = database.NewContext())
        {
            var again = await new SiteImporter(context).ImportAsync(Windows1252(GoodSites), Network);
            Assert.Equal((0, 4), (again.Inserted, again.Updated));
            Assert.Equal(4, await context.Sites.CountAsync());
        }
    }

    [Fact]
    public async Task Employees_need_an_existing_network()
    {
        using var database = new MigratedDatabase();
        await using var context = database.NewContext();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new EmployeeImporter(context, TimeProvider.System).ImportAsync(Utf8("id,company,site,latitude,longitude\n"), "Nowhere"));
        Assert.Contains("No network named 'Nowhere'", error.Message);
    }
}
