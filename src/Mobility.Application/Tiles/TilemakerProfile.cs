using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mobility.Application.Tiles;

/// <summary>
/// What tilemaker is told to write: the OpenMapTiles example config and Lua profile of the installed Debian package,
/// with our changes (<c>tilemaker-overrides.json</c>, a JSON merge patch) applied to the config.
/// </summary>
public sealed record TilemakerProfile(string Config, string Lua)
{
    /// <summary>Where Debian's tilemaker package puts its examples.</summary>
    public const string DebianExamples = "/usr/share/doc/tilemaker/examples";

    private const string ConfigName = "config-openmaptiles.json";
    private const string LuaName = "process-openmaptiles.lua";

    /// <summary>Reads the examples (Debian may gzip documentation, so <c>NAME.gz</c> is read too) and applies our overrides.</summary>
    public static TilemakerProfile Load(string examplesDirectory = DebianExamples)
    {
        var config = JsonNode.Parse(ReadExample(examplesDirectory, ConfigName))
            ?? throw new TileBuildException($"tilemaker's {ConfigName} is empty.");
        var merged = MergePatch(config, JsonNode.Parse(Overrides(), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }));
        return new TilemakerProfile(merged!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), ReadExample(examplesDirectory, LuaName));
    }

    /// <summary>Writes the config and the profile into <paramref name="directory"/> for tilemaker's --config and --process.</summary>
    public (string Config, string Lua) WriteTo(string directory)
    {
        var config = Path.Combine(directory, ConfigName);
        var lua = Path.Combine(directory, LuaName);
        File.WriteAllText(config, Config);
        File.WriteAllText(lua, Lua);
        return (config, lua);
    }

    /// <summary>RFC 7396: objects merge key by key, null removes, anything else replaces.</summary>
    internal static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject changes) return patch?.DeepClone();
        var result = target is JsonObject original ? (JsonObject)original.DeepClone() : new JsonObject();
        foreach (var (key, change) in changes)
        {
            if (change is null) result.Remove(key);
            else result[key] = MergePatch(result[key], change);
        }
        return result;
    }

    private static string Overrides()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Mobility.Application.Tiles.tilemaker-overrides.json")!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static string ReadExample(string directory, string name)
    {
        var plain = Path.Combine(directory, name);
        if (File.Exists(plain)) return File.ReadAllText(plain);
        if (File.Exists(plain + ".gz"))
        {
            using var gzip = new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress);
            return new StreamReader(gzip).ReadToEnd();
        }
        throw new TileBuildException($"tilemaker's example {name} is not in {directory}. Install the Debian package (apt-get install tilemaker); " +
            "scripts/prerequisites.sh does it.");
    }
}
