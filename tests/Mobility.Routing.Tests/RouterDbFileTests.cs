using Mobility.Routing.Algorithms.Contracted;
using Mobility.Routing.IO;

namespace Mobility.Routing.Tests;

public class RouterDbFileTests(LiechtensteinFixture fixture) : IClassFixture<LiechtensteinFixture>, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"test-{Guid.NewGuid():N}.routerdb");

    public void Dispose() => File.Delete(_path);

    private byte[] WrittenBytes()
    {
        RouterDbFile.Write(fixture.Router, ["car"], _path);
        return File.ReadAllBytes(_path);
    }

    [Fact]
    public void A_loaded_file_answers_exactly_as_the_router_that_wrote_it()
    {
        RouterDbFile.Write(fixture.Router, ["car"], _path);
        var loaded = RouterDbFile.Read(_path);
        var (original, copy) = (new HierarchyQuery(fixture.Router.For("car").Hierarchy), new HierarchyQuery(loaded.For("car").Hierarchy));
        var random = new Random(11);
        var vertices = loaded.Network.VertexCount;
        for (var i = 0; i < 300; i++)
        {
            var (s, t) = (random.Next(vertices), random.Next(vertices));
            Assert.Equal(original.Query(s, t), copy.Query(s, t));
        }
        Assert.Equal(fixture.Router.Network.EdgeMetres, loaded.Network.EdgeMetres);
        Assert.Equal(fixture.Router.For("car").InLargestComponent, loaded.For("car").InLargestComponent);
        var snap = loaded.Snap("car", new GeoPoint(47.14, 9.52));
        Assert.Equal(fixture.Router.Snap("car", new GeoPoint(47.14, 9.52)), snap);
    }

    [Fact]
    public void Another_kind_of_file_is_refused_by_name()
    {
        File.WriteAllText(_path, "<osm version=\"0.6\"></osm>");
        var error = Assert.Throws<RouterDbFormatException>(() => RouterDbFile.Read(_path));
        Assert.Contains("not a Mobility RouterDb file", error.Message);
    }

    [Fact]
    public void A_truncated_file_is_refused()
    {
        var bytes = WrittenBytes();
        File.WriteAllBytes(_path, bytes[..^100]);
        Assert.Contains("truncated", Assert.Throws<RouterDbFormatException>(() => RouterDbFile.Read(_path)).Message);
        File.WriteAllBytes(_path, bytes[..30]);
        Assert.Contains("truncated", Assert.Throws<RouterDbFormatException>(() => RouterDbFile.Read(_path)).Message);
    }

    [Fact]
    public void A_file_of_another_format_version_says_to_rebuild()
    {
        var bytes = WrittenBytes();
        BitConverter.GetBytes(RouterDbFile.FormatVersion - 1).CopyTo(bytes, 8);
        File.WriteAllBytes(_path, bytes);
        var error = Assert.Throws<RouterDbFormatException>(() => RouterDbFile.Read(_path));
        Assert.Contains($"format version {RouterDbFile.FormatVersion - 1}", error.Message);
        Assert.Contains("mobility routing build", error.Message);
    }

    [Fact]
    public void A_damaged_byte_is_caught_by_the_checksum()
    {
        var bytes = WrittenBytes();
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(_path, bytes);
        Assert.Contains("damaged", Assert.Throws<RouterDbFormatException>(() => RouterDbFile.Read(_path)).Message);
    }
}
