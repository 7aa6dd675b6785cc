namespace Pipeline.Ingest.Tests;

/// <summary>Finds the repository root and the <c>../shared</c> folder beside it (fixtures are read there, never copied).</summary>
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
}
