using System.IO.Compression;
using Mobility.Routing.Addresses;

namespace Mobility.Routing.Tests.Addresses;

public sealed class BanAddressesTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mobility-ban-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void The_bans_rows_become_houses_with_their_suffix_and_lieux_dits_become_places()
    {
        var source = BanAddresses.Read(BanFixture.Write(_folder.FullName));
        Assert.Equal(1, source.Skipped);
        Assert.Equal(3, source.Houses);
        Assert.Equal(1, source.Streets);
        Assert.Contains(source.Records, r => r is { HouseNumber: "12 bis", Street: "Rue de Mulhouse", Postcode: "68300", City: "Saint-Louis" });
        Assert.Contains(source.Records, r => r is { HouseNumber: "3", Street: "Rue du Général de Gaulle" });
        Assert.Contains(source.Records, r => r is { HouseNumber: null, Street: "Le Moulin" });
    }

    [Fact]
    public void Addresses_from_the_ban_are_matched_with_their_suffix_and_the_communes_spellings()
    {
        var index = new AddressIndex(BanAddresses.Read(BanFixture.Write(_folder.FullName)).Records);
        AddressExtracts.AssertPlaced(index.Search("12bis r. de Mulhouse, St-Louis", 1).Single(), BanFixture.TwelveBis, metres: 1);
        AddressExtracts.AssertPlaced(index.Search("12 rue de Mulhouse 68300 SAINT LOUIS", 1).Single(), BanFixture.Twelve, metres: 1);
        AddressExtracts.AssertPlaced(index.Match(new PostalAddress("12 b", "Rue de Mulhouse", null, "Saint-Louis Cedex")), BanFixture.TwelveBis, metres: 1);
        AddressExtracts.AssertPlaced(index.Match(new PostalAddress("3", "r. du Gal de Gaulle", "68300", "Saint-Louis")), BanFixture.GaulleThree, metres: 1);
        var place = index.Search("Le Moulin, Saint-Louis", 1).Single();
        Assert.Equal((AddressPrecision.Street, "Le Moulin, 68300 Saint-Louis"), (place.Precision, place.Label));
        Assert.True(place.Position.DistanceTo(BanFixture.Moulin) < 1);
    }

    [Fact]
    public void A_gzipped_file_as_the_ban_publishes_it_reads_the_same()
    {
        var plain = BanFixture.Write(_folder.FullName);
        var gzipped = plain + ".gz";
        using (var input = File.OpenRead(plain))
        using (var output = new GZipStream(File.Create(gzipped), CompressionLevel.Fastest))
            input.CopyTo(output);
        Assert.Equal(BanAddresses.Read(plain).Records, BanAddresses.Read(gzipped).Records);
    }

    [Fact]
    public void A_file_without_the_bans_columns_is_refused_with_the_missing_ones()
    {
        var path = Path.Combine(_folder.FullName, "other.csv");
        File.WriteAllLines(path, ["numero;voie;commune", "12;Rue de Mulhouse;Saint-Louis"]);
        var error = Assert.Throws<AddressSourceException>(() => BanAddresses.Read(path));
        Assert.Contains("nom_voie", error.Message);
        Assert.Contains("lat", error.Message);
        Assert.Throws<FileNotFoundException>(() => BanAddresses.Read(Path.Combine(_folder.FullName, "nowhere.csv")));
    }
}
