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

    [Fact]
    public void A_matrix_from_a_named_column_file_answers_every_pair_but_those_of_a_point_off_the_roads()
    {
        var osm = SharedData.OsmFile("mulhouse-centre.osm.pbf");
        var points = Path.Combine(Path.GetTempPath(), $"points-{Guid.NewGuid():N}.csv");
        // As an HR file has them: a header, semicolons, the columns in its own order, one place far outside the extract.
        File.WriteAllText(points, "nom;note;longitude;latitude\nGare;;7.3400;47.7540\nMairie;x;7.3300;47.7500\nCollines;loin;7.0000;48.0000\nParc;;7.3350;47.7520\n");
        try
        {
            var (exit, output, errors) = CliRunner.Run("routing", "matrix", "--osm", osm, "--points", points, "--profile", "foot");
            Assert.True(exit == 0, errors);
            Assert.Contains("point Collines (48,7)", errors);
            Assert.Contains("left empty", errors);
            var rows = output.Trim().Split('\n').Skip(1)
                .Select(line => line.Trim().Split(',').Select(f => f.Trim('"')).ToArray()).ToList();
            Assert.Equal(16, rows.Count);
            Assert.All(rows.Where(r => r[0] == "Collines" || r[1] == "Collines"), r => Assert.Equal(("", ""), (r[2], r[3])));
            var answered = rows.Where(r => r[0] != "Collines" && r[1] != "Collines").ToList();
            Assert.Equal(9, answered.Count);
            Assert.All(answered, r => Assert.Equal(r[0] == r[1], double.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture) == 0));
            var gareToMairie = double.Parse(answered.Single(r => r[0] == "Gare" && r[1] == "Mairie")[3], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(gareToMairie, 800, 2500);
        }
        finally
        {
            File.Delete(points);
        }
    }

    [Fact]
    public void A_points_file_whose_header_names_no_longitude_is_refused_with_what_it_found()
    {
        var points = Path.Combine(Path.GetTempPath(), $"points-{Guid.NewGuid():N}.csv");
        File.WriteAllText(points, "id,lat,east\nA,47.75,7.33\n");
        try
        {
            var (exit, _, errors) = CliRunner.Run("routing", "matrix", "--osm", SharedData.OsmFile("mulhouse-centre.osm.pbf"), "--points", points);
            Assert.NotEqual(0, exit);
            Assert.Contains("id,lat,east", errors);
            Assert.Contains("longitude", errors);
        }
        finally
        {
            File.Delete(points);
        }
    }

    [Fact]
    public void Isochrones_on_foot_grow_with_the_time_and_hold_the_place_they_start_from()
    {
        var osm = SharedData.OsmFile("mulhouse-centre.osm.pbf");
        var (exit, output, errors) = CliRunner.Run("routing", "isochrone", "--osm", osm, "--from", "47.7520,7.3350", "--minutes", "5,10", "--profile", "foot");
        Assert.True(exit == 0, errors);
        var json = new System.Text.Json.JsonSerializerOptions();
        json.Converters.Add(new NetTopologySuite.IO.Converters.GeoJsonConverterFactory());
        var features = System.Text.Json.JsonSerializer.Deserialize<NetTopologySuite.Features.FeatureCollection>(output, json)!;
        Assert.Equal([10, 5], features.Select(f => Convert.ToInt32(f.Attributes["minutes"], System.Globalization.CultureInfo.InvariantCulture)));
        var (ten, five) = (features[0].Geometry, features[1].Geometry);
        var start = new NetTopologySuite.Geometries.Point(7.3350, 47.7520);
        Assert.True(five.Contains(start) && ten.Contains(start));
        Assert.True(ten.Covers(five), "what one reaches in 5 minutes is reached in 10");
        Assert.True(ten.Area > five.Area * 1.5, $"10 min {ten.Area} vs 5 min {five.Area}");
        // Walking 5 minutes covers some 400 m, not the whole 1.2 km extract.
        Assert.False(five.Contains(new NetTopologySuite.Geometries.Point(7.3265, 47.7495)));
    }
}
