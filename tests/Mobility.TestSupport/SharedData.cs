namespace Mobility.TestSupport;

/// <summary>
/// Locates the shared OSM extracts and benchmark files that live beside the repository
/// (../shared), or where MOBILITY_SHARED_DIR points. A missing file is a failure with an
/// explanation, never a silent skip: CI must not go green without having tested.
/// </summary>
public static class SharedData
{
    public static string Directory => FindSharedDirectory()
        ?? throw new InvalidOperationException(
            "The shared data folder was not found. Set MOBILITY_SHARED_DIR, or keep the 'shared' folder " +
            "beside the repository (it holds osm-data/ and benchmarks/).");

    public static string OsmFile(string name)
    {
        var path = Path.Combine(Directory, "osm-data", name);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Shared OSM extract '{name}' is missing at {path}.", path);
        return path;
    }

    /// <summary>A copy of a shared extract in <paramref name="folder"/>, for a test that changes it or builds beside it.</summary>
    public static string CopyOfOsmFile(string name, string folder)
    {
        var copy = Path.Combine(folder, name);
        File.Copy(OsmFile(name), copy);
        return copy;
    }

    public static string BenchmarkDirectory(string name)
    {
        var path = Path.Combine(Directory, "benchmarks", name);
        if (!System.IO.Directory.Exists(path))
            throw new DirectoryNotFoundException($"Shared benchmark folder '{name}' is missing at {path}.");
        return path;
    }

    /// <summary>The repository's root (the folder holding Mobility.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Mobility.sln")))
                    return dir.FullName;
            throw new InvalidOperationException("Mobility.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static string? FindSharedDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("MOBILITY_SHARED_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment))
            return System.IO.Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (System.IO.Directory.Exists(Path.Combine(candidate, "osm-data")))
                return candidate;
        }
        return null;
    }
}
