using System.IO.Compression;
using System.Text.Json.Nodes;
using Mobility.Application.Tiles;
using Mobility.Routing;
using Mobility.TestSupport;

namespace Mobility.Application.Tests.Tiles;

/// <summary>The real tilemaker on real extracts: the small Mulhouse one where a test builds several times.</summary>
public sealed class TileBuildTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mobility-tile-tests-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string CopyOfMulhouse() => SharedData.CopyOfOsmFile("mulhouse-centre.osm.pbf", _folder.FullName);

    private static string[] TileFiles(string directory) =>
        Directory.Exists(directory) ? Directory.GetFiles(directory, "*.mbtiles").Select(f => Path.GetFileName(f)).ToArray() : [];

    [Fact]
    public void An_unchanged_extract_reuses_its_file_and_a_changed_one_is_built_again_in_its_place()
    {
        var extract = CopyOfMulhouse();
        var tiles = Path.Combine(_folder.FullName, "tiles");

        var first = TileBuild.Build(extract, directory: tiles);
        Assert.False(first.Reused);
        Assert.Matches(@"^mulhouse-centre-[0-9a-f]{12}\.mbtiles$", Path.GetFileName(first.File));
        var written = File.GetLastWriteTimeUtc(first.File);

        var again = TileBuild.Build(extract, directory: tiles);
        Assert.True(again.Reused);
        Assert.Equal(first.File, again.File);
        Assert.Equal(written, File.GetLastWriteTimeUtc(again.File));

        File.SetLastWriteTimeUtc(extract, File.GetLastWriteTimeUtc(extract).AddHours(1)); // an extract fetched again
        var changed = TileBuild.Build(extract, directory: tiles);
        Assert.False(changed.Reused);
        Assert.NotEqual(first.File, changed.File);
        Assert.Equal([Path.GetFileName(changed.File)], TileFiles(tiles)); // stored once: the old build is gone
    }

    [Fact]
    public void A_named_output_is_reused_while_it_holds_this_extracts_tiles_and_rebuilt_when_it_holds_others()
    {
        var extract = CopyOfMulhouse();
        var output = Path.Combine(_folder.FullName, "basemap.mbtiles");
        Assert.False(TileBuild.Build(extract, output).Reused);
        Assert.True(TileBuild.Build(extract, output).Reused);

        File.WriteAllText(output, "not tiles at all");
        var rebuilt = TileBuild.Build(extract, output);
        Assert.False(rebuilt.Reused);
        Assert.NotEmpty(MbTiles.Open(output, pooling: false).TilesAt(14));
    }

    [Fact]
    public void Without_tilemaker_the_build_says_how_to_install_it_and_writes_nothing()
    {
        var extract = CopyOfMulhouse();
        var tiles = Path.Combine(_folder.FullName, "tiles");
        var error = Assert.Throws<TileBuildException>(() => TileBuild.Build(extract, directory: tiles, tilemaker: "/nowhere/tilemaker"));
        Assert.Contains("tilemaker is not installed", error.Message);
        Assert.Contains("apt-get install tilemaker", error.Message);
        Assert.Empty(TileFiles(tiles));
    }

    [Fact, System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void When_tilemaker_fails_the_build_gives_its_last_words_and_leaves_no_file()
    {
        var failing = Path.Combine(_folder.FullName, "tilemaker");
        File.WriteAllText(failing, "#!/bin/sh\necho 'Reading .pbf'\necho 'Out of memory reading ways' >&2\nexit 3\n");
        File.SetUnixFileMode(failing, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var tiles = Path.Combine(_folder.FullName, "tiles");
        var error = Assert.Throws<TileBuildException>(() => TileBuild.Build(CopyOfMulhouse(), directory: tiles, tilemaker: failing));
        Assert.Contains("tilemaker could not make tiles (exit code 3)", error.Message);
        Assert.Contains("Out of memory reading ways", error.Message);
        Assert.Empty(Directory.GetFiles(tiles));
    }

    [Fact]
    public void A_file_that_is_no_extract_is_refused_rather_than_made_into_an_empty_map()
    {
        var extract = Path.Combine(_folder.FullName, "broken.osm.pbf");
        File.WriteAllText(extract, "this is not a PBF file");
        var tiles = Path.Combine(_folder.FullName, "tiles");
        var error = Assert.Throws<TileBuildException>(() => TileBuild.Build(extract, directory: tiles));
        Assert.Contains("found nothing to map", error.Message);
        Assert.Empty(Directory.GetFiles(tiles));
    }

    [Fact]
    public void A_missing_extract_is_named()
    {
        var missing = Path.Combine(_folder.FullName, "nowhere.osm.pbf");
        var error = Assert.Throws<FileNotFoundException>(() => TileBuild.Build(missing, directory: _folder.FullName));
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void The_profile_is_the_packages_example_with_our_overrides_also_when_the_examples_are_gzipped()
    {
        var installed = TilemakerProfile.Load();
        var config = JsonNode.Parse(installed.Config)!;
        Assert.Null(config["layers"]!["ocean"]); // removed: its shapefile is not shipped
        Assert.NotNull(config["layers"]!["transportation"]); // kept from the example
        Assert.Equal("Mobility basemap", (string?)config["settings"]!["name"]); // replaced
        Assert.Equal("gzip", (string?)config["settings"]!["compress"]); // kept
        Assert.Null(config["settings"]!["filemetadata"]!["tiles"]);
        Assert.Equal("baselayer", (string?)config["settings"]!["filemetadata"]!["type"]); // a sibling of a removed key stays

        var gzipped = _folder.CreateSubdirectory("examples");
        foreach (var example in Directory.GetFiles(TilemakerProfile.DebianExamples))
        {
            using var source = File.OpenRead(example);
            using var target = new GZipStream(File.Create(Path.Combine(gzipped.FullName, Path.GetFileName(example) + ".gz")), CompressionLevel.Fastest);
            source.CopyTo(target);
        }
        Assert.Equal(installed, TilemakerProfile.Load(gzipped.FullName));
    }

    [Fact]
    public void Heidelbergs_tiles_are_bounded_by_the_data_not_by_the_extracts_whole_world_header()
    {
        var metadata = MbTiles.Open(HeidelbergTiles.File).ReadMetadata();
        var (west, south, east, north) = (metadata.Bounds[0], metadata.Bounds[1], metadata.Bounds[2], metadata.Bounds[3]);
        Assert.InRange(west, 7.0, 8.6);
        Assert.InRange(east, 8.8, 9.5);
        Assert.InRange(south, 49.0, 49.35);
        Assert.InRange(north, 49.5, 50.0);
        // The center is where the tiles are, near the old town, not the middle of a box stretched by a few long ways.
        Assert.InRange(metadata.Center[0], 8.55, 8.85);
        Assert.InRange(metadata.Center[1], 49.33, 49.52);
        Assert.Equal((0, 14), (metadata.MinZoom, metadata.MaxZoom));
        var layers = metadata.VectorLayers!.Value.EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToList();
        foreach (var layer in new[] { "transportation", "transportation_name", "water", "waterway", "place", "boundary", "landuse", "landcover", "building", "poi" })
            Assert.Contains(layer, layers);
        Assert.NotNull(metadata.Fingerprint);
    }

    [Fact]
    public void A_tile_address_is_read_under_its_TMS_row()
    {
        var centre = TileAddress.Containing(new GeoPoint(49.41, 8.69), 14);
        Assert.Equal(new TileAddress(14, 8587, 5598), centre);
        Assert.Equal(16383 - 5598, centre.TmsRow);
        Assert.NotNull(MbTiles.Open(HeidelbergTiles.File).ReadTile(centre));
        // The same numbers read as a TMS row would be a tile in the southern hemisphere, where Heidelberg has none.
        Assert.Null(MbTiles.Open(HeidelbergTiles.File).ReadTile(new TileAddress(14, 8587, centre.TmsRow)));
    }
}
