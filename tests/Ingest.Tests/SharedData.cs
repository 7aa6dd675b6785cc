namespace Pipeline.Ingest.Tests;

/// <summary>
/// Finds the repository root, the <c>../shared</c> folder beside it (the team's real-world fixtures, seeds and
/// benchmarks, read there and never copied) and <see cref="Fixtures"/>, the small fixtures written by the team
/// inside the repository. A clone without <c>../shared</c> skips the tests that read it (<see cref="Require"/>);
/// what they check that matters for every clone is also checked on the in-repository fixtures.
/// </summary>
public static class SharedData
{
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("Pipeline.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
    public static string Feeds => Path.Combine(Shared, "fixtures", "feeds");
    public static string Pages => Path.Combine(Shared, "fixtures", "pages");

    /// <summary>The repository's own fixtures (<c>tests/Fixtures</c>): feeds and pages written by the team.</summary>
    public static string Fixtures => Path.Combine(RepositoryRoot, "tests", "Fixtures");

    /// <summary>
    /// Skips the calling <c>[SkippableFact]</c>/<c>[SkippableTheory]</c> when <c>../shared/<paramref name="relative"/></c>
    /// (a file or a folder) is absent, naming what is missing; returns its full path otherwise.
    /// </summary>
    public static string Require(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(Shared, relative));
        Skip.IfNot(File.Exists(path) || Directory.Exists(path),
            $"needs ../shared/{relative.Replace('\\', '/')} (the team's shared data beside the repository), not found at {path}");
        return path;
    }
}
