using System.Diagnostics;
using Mobility.Routing.Addresses;

namespace Mobility.Application.Addresses;

/// <param name="File">The address index file.</param>
/// <param name="Reused">True when the file already held the index of these sources, so nothing was read.</param>
/// <param name="Houses">Addresses with a number written (0 when reused).</param>
/// <param name="Streets">Streets and numberless places written (0 when reused).</param>
/// <param name="Skipped">Source entries that could not be used (<see cref="AddressSource.Skipped"/>).</param>
public sealed record AddressIndexBuildResult(string File, bool Reused, TimeSpan Elapsed, int Houses, int Streets, int Skipped);

/// <summary>
/// The address index of the extract the router uses, and optionally of the BAN's files (France's national address base),
/// built once into a file named after the extract and a fingerprint of its sources (<see cref="ExtractBuilds"/>), so the
/// server loads it at start and an unchanged extract reuses it.
/// </summary>
public static class AddressIndexBuild
{
    public const string Extension = ".addresses";

    /// <summary>The default folder, relative to where the command runs (the repository's <c>.data/</c> in ./run.sh).</summary>
    public static readonly string DefaultDirectory = Path.Combine(".data", "addresses");

    /// <param name="banFiles">BAN CSV files (one per département), read before the extract: the BAN's position of an
    /// address that both give is kept.</param>
    /// <param name="output">The file to write; by default <c>DIRECTORY/EXTRACT-FINGERPRINT.addresses</c>.</param>
    public static AddressIndexBuildResult Build(string? osmFile, IReadOnlyList<string> banFiles, string? output = null, string? directory = null)
    {
        var clock = Stopwatch.StartNew();
        if (osmFile is null && banFiles.Count == 0)
            throw new ArgumentException("Nothing to index: give the OSM extract (--osm) and/or BAN files (--ban).");
        var sources = banFiles.Select(f => (Kind: "ban", File: new FileInfo(f))).ToList();
        if (osmFile is not null) sources.Add(("osm", new FileInfo(osmFile)));
        foreach (var (kind, file) in sources)
            if (!file.Exists)
                throw new FileNotFoundException(kind == "osm" ? $"No such OSM extract: {file.FullName}" : $"No such BAN file: {file.FullName}", file.FullName);

        // The format version is part of it: a new way of reading the sources is a new index.
        var fingerprint = ExtractBuilds.Fingerprint(
            sources.Select(s => $"{s.Kind}\n{s.File.Name}\n{ExtractBuilds.Stamp(s.File)}").Prepend($"format {AddressIndexFile.FormatVersion}"));
        var ownName = output is null;
        var name = ExtractBuilds.ExtractName(osmFile is null ? sources[0].File : new FileInfo(osmFile));
        directory = Path.GetFullPath(directory ?? DefaultDirectory);
        output = Path.GetFullPath(output ?? ExtractBuilds.DefaultFile(directory, name, fingerprint, Extension));
        if (File.Exists(output) && AddressIndexFile.Fingerprint(output) == fingerprint)
            return new AddressIndexBuildResult(output, Reused: true, clock.Elapsed, 0, 0, 0);

        var read = sources.Select(s => s.Kind == "osm" ? OsmAddresses.Read(s.File.FullName) : BanAddresses.Read(s.File.FullName)).ToList();
        var records = read.SelectMany(r => r.Records).ToList();
        var folder = Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(folder);
        AddressIndexFile.Write(output, records, fingerprint);
        if (ownName) ExtractBuilds.RemoveOlderBuilds(folder, name, Extension, output);
        return new AddressIndexBuildResult(output, Reused: false, clock.Elapsed,
            records.Count(r => r.IsHouse), records.Count(r => !r.IsHouse), read.Sum(r => r.Skipped));
    }
}
