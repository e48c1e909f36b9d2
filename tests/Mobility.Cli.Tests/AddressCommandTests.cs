using Mobility.TestSupport;

namespace Mobility.Cli.Tests;

public sealed class AddressCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mobility-address-command-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Addresses_build_prints_only_the_file_for_the_server_reuses_it_and_search_answers_from_it()
    {
        var output = Path.Combine(_folder.FullName, "mulhouse.addresses");
        var osm = SharedData.OsmFile("mulhouse-centre.osm.pbf");
        var (exit, printed, errors) = CliRunner.Run("addresses", "build", "--osm", osm, "--out", output);
        Assert.True(exit == 0, errors);
        Assert.Equal(output, printed.Trim());
        Assert.Contains("addresses and", errors);

        var again = CliRunner.Run("addresses", "build", "--osm", osm, "--out", output);
        Assert.Equal((0, output), (again.ExitCode, again.Output.Trim()));
        Assert.Contains("reused", again.Errors);

        var found = CliRunner.Run("addresses", "search", "--index", output, "3 pl. de l'egalite 68100 Mulhouse");
        Assert.True(found.ExitCode == 0, found.Errors);
        Assert.Contains("3 Place de l'Égalité, 68100 Mulhouse", found.Output);
        Assert.Contains("HouseNumber", found.Output);
        // Nothing confident: exit 1, so a script can tell.
        Assert.Equal(1, CliRunner.Run("addresses", "search", "--index", output, "5 rue Imaginaire 75001 Paris").ExitCode);
    }

    [Fact]
    public void A_ban_file_is_indexed_and_a_file_that_is_not_one_is_a_users_mistake()
    {
        var ban = Path.Combine(_folder.FullName, "adresses-68.csv");
        File.WriteAllLines(ban, ["numero;rep;nom_voie;code_postal;nom_commune;lon;lat", "12;bis;Rue de Mulhouse;68300;Saint-Louis;7.5591;47.5901"]);
        var output = Path.Combine(_folder.FullName, "ban.addresses");
        var (exit, printed, errors) = CliRunner.Run("addresses", "build", "--ban", ban, "--out", output);
        Assert.True(exit == 0, errors);
        Assert.Equal(output, printed.Trim());
        Assert.Contains("12 bis Rue de Mulhouse, 68300 Saint-Louis", CliRunner.Run("addresses", "search", "--index", output, "12bis r. de Mulhouse St Louis").Output);

        var other = Path.Combine(_folder.FullName, "other.csv");
        File.WriteAllLines(other, ["a;b", "1;2"]);
        var refused = CliRunner.Run("addresses", "build", "--ban", other, "--out", output);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("not a BAN address file", refused.Errors);
        Assert.DoesNotContain("   at ", refused.Errors);
        Assert.Equal(2, CliRunner.Run("addresses", "build").ExitCode);
    }
}
