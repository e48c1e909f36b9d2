using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Mobility.Routing;

namespace Mobility.Application.Tiles;

/// <summary>A tiles build that cannot go on, said in the user's words (tilemaker missing, or it failed on the extract).</summary>
public sealed class TileBuildException(string message) : InvalidOperationException(message);

/// <param name="File">The .mbtiles file.</param>
/// <param name="Reused">True when the file already held the tiles of this extract and profile, so nothing was built.</param>
public sealed record TileBuildResult(string File, bool Reused, TimeSpan Elapsed);

/// <summary>
/// Basemap vector tiles from the OSM extract the router uses (DESIGN.md, Maps): tilemaker writes them once into an
/// .mbtiles file named after the extract and a fingerprint of what it was made from, so an unchanged extract reuses its
/// file and a changed one (or a changed profile) gets a new one.
/// </summary>
public static class TileBuild
{
    private const string Extension = ".mbtiles";

    /// <summary>The default folder, relative to where the command runs (the repository's <c>.data/</c> in ./run.sh).</summary>
    public static readonly string DefaultDirectory = Path.Combine(".data", "tiles");

    /// <param name="output">The .mbtiles file to write; by default <c>DIRECTORY/EXTRACT-FINGERPRINT.mbtiles</c>.</param>
    /// <param name="directory">Where default outputs go (<see cref="DefaultDirectory"/> when null).</param>
    /// <param name="tilemaker">The tilemaker program (a name looked up on PATH, or a path).</param>
    public static TileBuildResult Build(string osmFile, string? output = null, string? directory = null, string tilemaker = "tilemaker",
        string examplesDirectory = TilemakerProfile.DebianExamples, Action<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var extract = new FileInfo(osmFile);
        if (!extract.Exists) throw new FileNotFoundException($"No such OSM extract: {extract.FullName}", extract.FullName);
        var profile = TilemakerProfile.Load(examplesDirectory);
        var fingerprint = Fingerprint(extract, profile);
        var ownName = output is null;
        directory = Path.GetFullPath(directory ?? DefaultDirectory);
        output = Path.GetFullPath(output ?? ExtractBuilds.DefaultFile(directory, ExtractBuilds.ExtractName(extract), fingerprint, Extension));

        if (File.Exists(output) && FingerprintOf(output) == fingerprint)
            return new TileBuildResult(output, Reused: true, clock.Elapsed);

        var folder = Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(folder);
        var work = Directory.CreateTempSubdirectory("mobility-tiles-");
        // tilemaker writes an .mbtiles only to a name ending so; the partial file sits beside the output so the final
        // move is a rename, and a failed or interrupted build never leaves a file that looks finished.
        var partial = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(output)}.{Environment.ProcessId}.partial.mbtiles");
        try
        {
            var (config, lua) = profile.WriteTo(work.FullName);
            RunTilemaker(tilemaker, ["--input", extract.FullName, "--output", partial, "--config", config, "--process", lua], work.FullName, progress);
            if (!File.Exists(partial)) throw new TileBuildException($"tilemaker finished without writing {partial}.");
            Amend(partial, fingerprint, extract);
            File.Move(partial, output, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
            work.Delete(recursive: true);
        }
        if (ownName) ExtractBuilds.RemoveOlderBuilds(folder, ExtractBuilds.ExtractName(extract), Extension, output);
        return new TileBuildResult(output, Reused: false, clock.Elapsed);
    }

    /// <summary>The extract (<see cref="ExtractBuilds.Stamp"/>) with the config and Lua profile tilemaker is given.</summary>
    internal static string Fingerprint(FileInfo extract, TilemakerProfile profile) =>
        ExtractBuilds.Fingerprint(ExtractBuilds.Stamp(extract), profile.Config, profile.Lua);

    private static string? FingerprintOf(string file)
    {
        try { return MbTiles.Open(file, pooling: false).ReadMetadata().Fingerprint; }
        catch (Exception error) when (error is Microsoft.Data.Sqlite.SqliteException or System.Text.Json.JsonException) { return null; } // not a tiles file: rebuild
    }

    private static void RunTilemaker(string tilemaker, IEnumerable<string> arguments, string workingDirectory, Action<string>? progress)
    {
        var start = new ProcessStartInfo(tilemaker)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var lines = new Queue<string>();
        void Keep(string? line)
        {
            if (string.IsNullOrWhiteSpace(line)) return;
            lock (lines) { lines.Enqueue(line); if (lines.Count > 20) lines.Dequeue(); }
        }
        Process process;
        try { process = Process.Start(start)!; }
        catch (Win32Exception)
        {
            throw new TileBuildException($"tilemaker is not installed (no '{tilemaker}' program). Install the Debian package: " +
                "apt-get install tilemaker (./run.sh and ./test.sh do it through scripts/prerequisites.sh).");
        }
        using (process)
        {
            process.OutputDataReceived += (_, line) => { Keep(line.Data); if (line.Data is { Length: > 0 } text && IsStage(text)) progress?.Invoke(text); };
            process.ErrorDataReceived += (_, line) => Keep(line.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                string said;
                lock (lines) said = string.Join(Environment.NewLine, lines.Select(l => "  " + l.Trim()));
                throw new TileBuildException($"tilemaker could not make tiles (exit code {process.ExitCode}); its last words:{Environment.NewLine}{said}");
            }
        }
    }

    /// <summary>tilemaker redraws progress counters and lists every layer; only its stage lines are worth passing on.</summary>
    private static bool IsStage(string line) =>
        !line.StartsWith("Zoom level ", StringComparison.Ordinal) && !line.StartsWith("Block ", StringComparison.Ordinal)
        && !line.StartsWith("Layer ", StringComparison.Ordinal) && !line.StartsWith('(');

    /// <summary>
    /// tilemaker takes the extract's header box as the bounds, and some extracts carry the whole world there (Heidelberg's
    /// says 0,0,180,90): the bounds become that box cut to the tiles actually written at the deepest zoom. A few long
    /// ways reach far out of an extract, so the center is the median tile and its zoom shows the middle 80% of tiles.
    /// The fingerprint and the OSM credit are written beside them.
    /// </summary>
    private static void Amend(string file, string fingerprint, FileInfo extract)
    {
        var tiles = MbTiles.Open(file, pooling: false);
        var metadata = tiles.ReadMetadata();
        var entries = new Dictionary<string, string>
        {
            [MbTiles.FingerprintKey] = fingerprint,
            ["attribution"] = TileAttribution.Text,
        };
        var written = tiles.TilesAt(metadata.MaxZoom);
        // tilemaker reads a file that is no PBF as an empty extract and happily writes an empty tileset.
        if (written.Count == 0)
            throw new TileBuildException($"tilemaker found nothing to map in {extract.FullName}: is it an OSM extract (.osm.pbf)?");
        {
            var columns = written.Select(t => t.X).Order().ToArray();
            var rows = written.Select(t => t.Y).Order().ToArray();
            int At(int[] sorted, double share) => sorted[(int)Math.Round(share * (sorted.Length - 1))];
            GeoPoint Corner(int x, int y) => new TileAddress(metadata.MaxZoom, x, y).NorthWest;
            var (northWest, southEast) = (Corner(columns[0], rows[0]), Corner(columns[^1] + 1, rows[^1] + 1));
            double[] bounds =
            [
                Math.Max(northWest.Longitude, metadata.Bounds[0]), Math.Max(southEast.Latitude, metadata.Bounds[1]),
                Math.Min(southEast.Longitude, metadata.Bounds[2]), Math.Min(northWest.Latitude, metadata.Bounds[3]),
            ];
            var middle = Corner(At(columns, 0.5), At(rows, 0.5));
            var tileWidth = Corner(1, 0).Longitude - Corner(0, 0).Longitude;
            var span = (At(columns, 0.9) - At(columns, 0.1) + 1) * tileWidth;
            var zoom = Math.Clamp((int)Math.Floor(Math.Log2(360 / span)), metadata.MinZoom, metadata.MaxZoom);
            entries["bounds"] = string.Join(',', bounds.Select(Degrees));
            entries["center"] = $"{Degrees(middle.Longitude + tileWidth / 2)},{Degrees(middle.Latitude)},{zoom}";
        }
        MbTiles.WriteMetadata(file, entries);
    }

    private static string Degrees(double value) => Math.Round(value, 6).ToString(CultureInfo.InvariantCulture);
}
