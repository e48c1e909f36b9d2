using Mobility.Routing.Addresses;

namespace Mobility.Routing.Tests.Addresses;

public sealed class AddressIndexFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mobility-address-file-");
    private string Path_ => Path.Combine(_folder.FullName, "mulhouse.addresses");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void The_file_gives_back_every_record_and_its_fingerprint()
    {
        var records = AddressExtracts.MulhouseSource.Records;
        AddressIndexFile.Write(Path_, records, "abc123");
        Assert.Equal("abc123", AddressIndexFile.Fingerprint(Path_));
        var read = AddressIndexFile.ReadRecords(Path_);
        Assert.Equal(records.Count, read.Count);
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(records[i] with { Position = default }, read[i] with { Position = default });
            Assert.True(records[i].Position.DistanceTo(read[i].Position) < 0.02); // stored at 1e-7 degrees
        }
        Assert.Equal(AddressExtracts.Mulhouse.Count, AddressIndexFile.Read(Path_).Count);
    }

    [Fact]
    public void A_damaged_or_foreign_file_is_refused_and_has_no_fingerprint()
    {
        AddressIndexFile.Write(Path_, AddressExtracts.MulhouseSource.Records, "abc123");
        var bytes = File.ReadAllBytes(Path_);
        bytes[^10] ^= 0xFF;
        File.WriteAllBytes(Path_, bytes);
        Assert.Contains("damaged", Assert.Throws<AddressIndexFormatException>(() => AddressIndexFile.Read(Path_)).Message);
        Assert.Null(AddressIndexFile.Fingerprint(Path_));

        File.WriteAllText(Path_, "not an index at all, but long enough to hold a header of fifty-two bytes");
        Assert.Contains("not a Mobility address index", Assert.Throws<AddressIndexFormatException>(() => AddressIndexFile.Read(Path_)).Message);
        Assert.Throws<FileNotFoundException>(() => AddressIndexFile.Read(Path.Combine(_folder.FullName, "nowhere.addresses")));
    }
}
