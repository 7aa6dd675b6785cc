namespace Pipeline.Worker.Tests.Infrastructure;

/// <summary>The repository root and <c>../shared</c> beside it (fixtures are read there, never copied).</summary>
public static class SharedPaths
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
}
