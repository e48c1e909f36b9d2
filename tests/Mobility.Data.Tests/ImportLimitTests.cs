using System.Text;
using Microsoft.EntityFrameworkCore;
using Mobility.Data.Import;

namespace Mobility.Data.Tests;

/// <summary>The limits of the CSV importers: text lengths per column, and the same plausibility rule for homes and sites as the API.</summary>
public class ImportLimitTests
{
    private const string Network = "Réseau Alsace Nord";

    private static Stream Utf8(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    private const string Sites = """
        id;name;kind;latitude;longitude;company
        HAG-1;Usine Haguenau;usine;48.8156;7.7905;HP
        BRU-1;Usine Brumath;usine;48.7250;7.7000;HP
        """;

    private static async Task<MigratedDatabase> NetworkAsync()
    {
        var database = new MigratedDatabase();
        await using var context = database.NewContext();
        Assert.True((await new SiteImporter(context).ImportAsync(Utf8(Sites), Network)).Succeeded);
        return database;
    }

    [Fact]
    public async Task A_site_cell_longer_than_its_column_allows_is_reported_and_nothing_is_written()
    {
        using var database = await NetworkAsync();
        await using var context = database.NewContext();
        var file = "id;name;kind;latitude;longitude;company;company_name;address;commune\n" +
                   $"{new string('i', 65)};Atelier;usine;48.80;7.78;HP;;;\n" +
                   $"L-3;{new string('n', 101)};usine;48.80;7.78;HP;;;\n" +
                   $"L-4;Atelier;usine;48.80;7.78;HP;;{new string('a', 201)};\n" +
                   $"L-5;Atelier;usine;48.80;7.78;HP;;;{new string('c', 101)}\n" +
                   $"L-6;Atelier;usine;48.80;7.78;NEW;{new string('p', 101)};;\n" +
                   $"L-7;{new string('n', 100)};usine;48.80;7.78;HP;;{new string('a', 200)};{new string('c', 100)}\n";
        var report = await new SiteImporter(context).ImportAsync(Utf8(file), Network);
        Assert.Equal([(2, "id"), (3, "name"), (4, "address"), (5, "commune"), (6, "company_name")],
            report.Errors.Select(e => (e.Line, e.Column)).ToList());
        Assert.All(report.Errors, e => Assert.Equal(Codes.Field.TextTooLong, e.Code));
        Assert.Equal(2, await context.Sites.CountAsync());
    }

    [Fact]
    public async Task An_employee_cell_longer_than_its_column_allows_is_reported()
    {
        using var database = await NetworkAsync();
        await using var context = database.NewContext();
        var file = "id;company;site;first_name;last_name;latitude;longitude;commune\n" +
                   $"{new string('i', 65)};HP;HAG-1;Léa;Meyer;48.80;7.78;Haguenau\n" +
                   $"2;HP;HAG-1;{new string('f', 101)};Meyer;48.80;7.78;Haguenau\n" +
                   $"3;HP;HAG-1;Léa;{new string('l', 101)};48.80;7.78;Haguenau\n" +
                   $"4;HP;HAG-1;Léa;Meyer;48.80;7.78;{new string('c', 101)}\n";
        var report = await new EmployeeImporter(context, TimeProvider.System).ImportAsync(Utf8(file), Network);
        Assert.Equal([(2, "id"), (3, "first_name"), (4, "last_name"), (5, "commune")], report.Errors.Select(e => (e.Line, e.Column)).ToList());
        Assert.Equal(0, await context.Employees.CountAsync());
    }

    [Fact]
    public async Task A_home_at_zero_zero_or_far_from_the_main_plant_is_refused()
    {
        using var database = await NetworkAsync();
        await using var context = database.NewContext();
        var file = "id;company;site;latitude;longitude\n" +
                   "1;HP;HAG-1;0;0\n" +
                   "2;HP;HAG-1;40.42;-3.70\n" +
                   "3;HP;HAG-1;7.78;48.80\n" +
                   "4;HP;HAG-1;48.60;7.40\n";
        var report = await new EmployeeImporter(context, TimeProvider.System).ImportAsync(Utf8(file), Network);
        Assert.Equal([2, 3, 4], report.Errors.Select(e => e.Line).ToList());
        Assert.Equal([Codes.Field.CoordinatesUnset, Codes.Field.TooFarFromPlant, Codes.Field.CoordinatesSwapped], report.Errors.Select(e => e.Code));
        Assert.Equal(0, await context.Employees.CountAsync());
    }

    [Theory]
    [InlineData("0;0")]
    [InlineData("40.42;-3.70")]
    public async Task A_site_at_zero_zero_or_far_from_the_network_is_refused(string coordinates)
    {
        using var database = await NetworkAsync();
        await using var context = database.NewContext();
        var report = await new SiteImporter(context).ImportAsync(Utf8($"id;name;kind;latitude;longitude\nFAR;Loin;gare;{coordinates}\n"), Network);
        Assert.Equal(2, Assert.Single(report.Errors).Line);
        Assert.Equal(2, await context.Sites.CountAsync());
    }

    [Fact]
    public async Task A_shift_pattern_cell_longer_than_its_column_allows_is_reported()
    {
        using var database = new MigratedDatabase();
        await using var context = database.NewContext();
        var file = "pattern;name;days;start;end\n" +
                   $"{new string('p', 65)};Jour;lun-ven;08:00;16:00\n" +
                   $"jour;{new string('n', 101)};lun-ven;08:00;16:00\n";
        var report = await new ShiftPatternImporter(context).ImportAsync(Utf8(file), Network);
        Assert.Equal([(2, "pattern"), (3, "name")], report.Errors.Select(e => (e.Line, e.Column)).ToList());
    }
}
