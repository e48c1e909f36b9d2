using Mobility.TestSupport;

namespace Mobility.Cli.Tests;

public sealed class TileCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mobility-tile-command-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Tiles_build_prints_only_the_file_on_stdout_so_run_sh_can_hand_it_to_the_server_and_reuses_it()
    {
        var output = Path.Combine(_folder.FullName, "mulhouse.mbtiles");
        var osm = SharedData.OsmFile("mulhouse-centre.osm.pbf");
        var (exit, printed, errors) = CliRunner.Run("tiles", "build", "--osm", osm, "--out", output);
        Assert.True(exit == 0, errors);
        Assert.Equal(output, printed.Trim());
        Assert.True(new FileInfo(output).Length > 0);
        Assert.Contains("MB written", errors);

        var again = CliRunner.Run("tiles", "build", "--osm", osm, "--out", output);
        Assert.Equal((0, output), (again.ExitCode, again.Output.Trim()));
        Assert.Contains("reused", again.Errors);
    }

    [Fact]
    public void A_missing_extract_is_a_users_mistake_exit_2_without_a_stack_trace()
    {
        var (exit, _, errors) = CliRunner.Run("tiles", "build", "--osm", Path.Combine(_folder.FullName, "nowhere.osm.pbf"));
        Assert.Equal(2, exit);
        Assert.Contains("No such OSM extract", errors);
        Assert.DoesNotContain("   at ", errors);
    }
}
