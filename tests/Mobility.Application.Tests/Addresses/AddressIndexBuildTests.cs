using Mobility.Application.Addresses;
using Mobility.Routing.Addresses;
using Mobility.TestSupport;

namespace Mobility.Application.Tests.Addresses;

public sealed class AddressIndexBuildTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mobility-address-build-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string CopyOfMulhouse() => SharedData.CopyOfOsmFile("mulhouse-centre.osm.pbf", _folder.FullName);

    [Fact]
    public void An_unchanged_extract_reuses_its_index_and_a_changed_one_is_built_again_in_its_place()
    {
        var extract = CopyOfMulhouse();
        var folder = Path.Combine(_folder.FullName, "addresses");
        var first = AddressIndexBuild.Build(extract, [], directory: folder);
        Assert.False(first.Reused);
        Assert.Matches(@"^mulhouse-centre-[0-9a-f]{12}\.addresses$", Path.GetFileName(first.File));
        Assert.InRange(first.Houses, 1_540, 1_560);
        Assert.True(first.Streets > 50);

        var again = AddressIndexBuild.Build(extract, [], directory: folder);
        Assert.True(again.Reused);
        Assert.Equal(first.File, again.File);

        File.SetLastWriteTimeUtc(extract, DateTime.UtcNow.AddMinutes(1));
        var changed = AddressIndexBuild.Build(extract, [], directory: folder);
        Assert.False(changed.Reused);
        Assert.NotEqual(first.File, changed.File);
        Assert.Equal([Path.GetFileName(changed.File)], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Ban_files_and_the_extract_make_one_index()
    {
        var ban = Path.Combine(_folder.FullName, "adresses-68.csv");
        File.WriteAllLines(ban,
        [
            "numero;rep;nom_voie;code_postal;nom_commune;lon;lat",
            "12;bis;Rue de Mulhouse;68300;Saint-Louis;7.5591;47.5901",
        ]);
        var output = Path.Combine(_folder.FullName, "both.addresses");
        var built = AddressIndexBuild.Build(CopyOfMulhouse(), [ban], output);
        Assert.Equal(output, built.File);
        var index = AddressIndexFile.Read(output);
        Assert.True(index.Search("12 bis rue de Mulhouse, St-Louis", 1).Single().IsConfident);
        Assert.True(index.Search("3 place de l'Égalité 68100 Mulhouse", 1).Single().IsConfident);
    }

    [Fact]
    public void Nothing_to_index_or_a_missing_source_is_the_users_mistake()
    {
        Assert.Throws<ArgumentException>(() => AddressIndexBuild.Build(null, []));
        Assert.Throws<FileNotFoundException>(() => AddressIndexBuild.Build(Path.Combine(_folder.FullName, "nowhere.osm.pbf"), []));
    }
}
