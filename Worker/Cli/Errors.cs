namespace Pipeline.Worker.Cli;

/// <summary>
/// Wrong command-line use found after parsing (an unknown source id, a missing mode): one line with a hint to the
/// command's <c>--help</c>, exit code 2.
/// </summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// A named file, folder or model that cannot be used (not found, empty, not writable): one line, exit code 2 — the
/// command line was right, its input was not.
/// </summary>
public sealed class InputException(string message) : Exception(message);

public static class OutputPath
{
    /// <summary>
    /// Before any work: an output file's folder is created when missing (as <c>export</c> always did), and a path that
    /// names a folder, or a folder that cannot be created, is refused with one line.
    /// </summary>
    public static void EnsureFolder(string? path, string option)
    {
        if (path is null or "-") return;
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new InputException($"{option} names a folder, not a file: {full}");
        var dir = Path.GetDirectoryName(full);
        if (dir is null || Directory.Exists(dir)) return;
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot create the folder for {option}: {dir} ({e.Message})");
        }
    }

    /// <summary>An input file the command reads: one line naming it when it is missing or a folder.</summary>
    public static void EnsureInput(string? path, string what)
    {
        if (path is null or "-") return;
        if (Directory.Exists(path)) throw new InputException($"{what} names a folder, not a file: {path}");
        if (!File.Exists(path)) throw new InputException($"{what} not found: {path}");
    }
}
