namespace Pipeline.Classify.Relevance;

/// <summary>
/// The term lists of the Belarus detectors: data files under <c>Data/belarus/</c>, shipped next to the assembly like the
/// rest of <c>Data/</c>. One term a line; blank lines and lines starting with <c>#</c> are skipped; a term with a space at
/// either end is written in double quotes (<c>"ihar "</c>). Order and repeats are kept: the lists become regexes.
/// </summary>
internal static class TermList
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Data", "belarus");

    /// <summary>The terms of <c>Data/belarus/{name}</c>, in file order.</summary>
    public static string[] Load(string name)
    {
        var terms = new List<string>();
        foreach (var raw in File.ReadLines(Path.Combine(Folder, name)))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            terms.Add(line.Length >= 2 && line[0] == '"' && line[^1] == '"' ? line[1..^1] : line);
        }
        return [.. terms];
    }
}
