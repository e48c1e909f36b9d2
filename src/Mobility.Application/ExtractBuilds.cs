using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Mobility.Application;

/// <summary>
/// What is built once per OSM extract and reused while it is unchanged (basemap tiles, the address index): a file named
/// after the extract and a fingerprint of what it was made from, <c>EXTRACT-FINGERPRINT.EXT</c>, so that a changed extract
/// (or a changed way of building) gets a new file, and the older builds of the same extract are removed.
/// </summary>
public static class ExtractBuilds
{
    /// <summary>A source's size and modification time (a changed extract is a new file; hashing hundreds of MB on every start
    /// would cost more than it saves).</summary>
    public static string Stamp(FileInfo source) => string.Join('\n',
        source.Length.ToString(CultureInfo.InvariantCulture), source.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture));

    /// <summary>12 hexadecimal digits of the SHA-256 of the parts.</summary>
    public static string Fingerprint(params IEnumerable<string> parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..12];

    /// <summary>"heidelberg" for heidelberg.osm.pbf, "adresses-68" for adresses-68.csv.gz.</summary>
    public static string ExtractName(FileInfo extract)
    {
        var name = extract.Name;
        foreach (var suffix in new[] { ".osm.pbf", ".pbf", ".osm", ".csv.gz", ".csv" })
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return name[..^suffix.Length];
        return Path.GetFileNameWithoutExtension(name);
    }

    /// <summary>The default file of a build: <c>DIRECTORY/EXTRACT-FINGERPRINT.EXTENSION</c>.</summary>
    public static string DefaultFile(string directory, string extractName, string fingerprint, string extension) =>
        Path.Combine(directory, $"{extractName}-{fingerprint}{extension}");

    /// <summary>Removes the other builds of the extract that <see cref="DefaultFile"/> named in the folder, never other files.</summary>
    public static void RemoveOlderBuilds(string folder, string extractName, string extension, string keep)
    {
        var ownBuild = new Regex("^[0-9a-f]{12}" + Regex.Escape(extension) + "$");
        foreach (var file in Directory.EnumerateFiles(folder, extractName + "-*" + extension))
            if (file != keep && ownBuild.IsMatch(Path.GetFileName(file)[(extractName.Length + 1)..]))
                File.Delete(file);
    }
}
