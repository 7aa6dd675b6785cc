namespace Pipeline.Worker.Cli;

/// <summary>A command line split into the command, its options (repeatable) and positional words.</summary>
public sealed class CommandLine
{
    public string Command { get; private init; } = "run";
    public Dictionary<string, List<string>> Options { get; } = new(StringComparer.Ordinal);
    public List<string> Positional { get; } = [];
    public HashSet<string> Flags { get; } = new(StringComparer.Ordinal);

    /// <summary>Options that take no value.</summary>
    private static readonly HashSet<string> KnownFlags = ["--promote", "--quick", "--help", "-h", "--no-browser", "--validation", "--out-of-style", "--no-baseline"];

    public static CommandLine Parse(string[] args)
    {
        var words = new Queue<string>(args);
        var cl = new CommandLine { Command = words.Count > 0 && !words.Peek().StartsWith('-') ? words.Dequeue() : "run" };
        while (words.Count > 0)
        {
            var w = words.Dequeue();
            if (w.StartsWith("--") && w.Contains('='))
            {
                var (name, value) = (w[..w.IndexOf('=')], w[(w.IndexOf('=') + 1)..]);
                cl.Add(name, value);
            }
            else if (KnownFlags.Contains(w)) cl.Flags.Add(w);
            else if (w.StartsWith("--"))
            {
                if (words.Count == 0 || (words.Peek().StartsWith("--") && words.Peek() != "-"))
                    throw new UsageException($"option {w} needs a value");
                cl.Add(w, words.Dequeue());
            }
            else cl.Positional.Add(w);
        }
        return cl;
    }

    private void Add(string name, string value)
    {
        if (!Options.TryGetValue(name, out var list)) Options[name] = list = [];
        list.Add(value);
    }

    public IReadOnlyList<string> All(string name) => Options.TryGetValue(name, out var l) ? l : [];
    public string? One(string name) => Options.TryGetValue(name, out var l) ? l[^1] : null;

    /// <summary>Refuses options the command does not know, so a typo is an error and not a silent default.</summary>
    public void Allow(params string[] names)
    {
        var unknown = Options.Keys.Concat(Flags).Where(k => !names.Contains(k) && k != "--settings").ToList();
        if (unknown.Count > 0) throw new UsageException($"'{Command}' does not take {string.Join(", ", unknown)}");
    }
}

/// <summary>Wrong command-line use; printed with the usage text, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// A named file, folder or model that cannot be used (not found, empty, not writable): one line, no usage text,
/// exit code 2 — the command line was right, its input was not.
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
}
