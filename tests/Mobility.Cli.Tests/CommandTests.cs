using Mobility.TestSupport;

namespace Mobility.Cli.Tests;

public class CommandTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static string Example(string name) => Path.Combine(SharedData.RepositoryRoot, "docs", "examples", name);

    [Fact]
    public void Without_a_database_a_command_says_how_to_give_one_and_exits_with_2()
    {
        var (exit, _, errors) = CliRunner.Run("db", "migrate");
        Assert.Equal(2, exit);
        Assert.Contains("--db", errors);
        Assert.Contains("MOBILITY_DB", errors);
        Assert.DoesNotContain("   at ", errors); // no stack trace for a user's mistake
    }

    [Fact]
    public void The_documented_example_files_import_in_order_and_a_wrong_file_imports_nothing()
    {
        Assert.Equal(0, CliRunner.Run("db", "migrate", "--db", database.ConnectionString).ExitCode);
        foreach (var (kind, rows) in new[] { ("sites", 4), ("shifts", 4), ("employees", 3) })
        {
            var (exit, output, errors) = CliRunner.Run("import", kind, Example(kind + ".csv"), "--network", "Réseau Alsace Nord", "--db", database.ConnectionString);
            Assert.True(exit == 0, errors);
            Assert.Contains($"{rows} row(s)", output);
        }
        var wrong = CliRunner.Run("import", "employees", Example("sites.csv"), "--network", "Réseau Alsace Nord", "--db", database.ConnectionString);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("line 1, site: missing-column", wrong.Errors);
        Assert.Contains("Nothing imported", wrong.Errors);
    }

    [Fact]
    public void A_route_on_a_real_extract_prints_its_duration_and_length()
    {
        var osm = SharedData.OsmFile("mulhouse-centre.osm.pbf");
        var (exit, output, errors) = CliRunner.Run("routing", "route", "--osm", osm, "--from", "47.7500,7.3300", "--to", "47.7540,7.3400", "--profile", "foot");
        Assert.True(exit == 0, errors);
        var lines = output.Trim().Split('\n');
        Assert.Equal("\"duration_s\",\"distance_m\"", lines[0]);
        var metres = double.Parse(lines[1].Split(',')[1].Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(metres, 800, 2500); // 0.85 km as the crow flies
    }

    [Fact]
    public void Giving_both_an_extract_and_a_router_file_is_refused()
    {
        var (exit, _, errors) = CliRunner.Run("routing", "route", "--osm", "a.pbf", "--db", "b.routerdb", "--from", "1,1", "--to", "2,2");
        Assert.Equal(2, exit);
        Assert.Contains("either --db", errors);
    }
}
