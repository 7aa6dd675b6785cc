namespace Pipeline.Classify.Relevance;

/// <summary>
/// The term lists of the Belarus detectors: data files under <c>Data/belarus/</c>, shipped next to the assembly like the
/// rest of <c>Data/</c>. One term a line; blank lines and lines starting with <c>#</c> are skipped; a term with a space at
/// either end is written in double quotes (<c>"ihar "</c>). Order and repeats are kept: the lists become regexes. The response
/// lexicon's files (<c>Data/lexicon/</c>) are read the same way, in sections.
/// </summary>
internal static class TermList
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Data", "belarus");

    /// <summary>The terms of <c>Data/belarus/{name}</c>, in file order.</summary>
    public static string[] Load(string name) => [.. LoadSections(Path.Combine(Folder, name)).SelectMany(s => s.Terms)];

    /// <summary>The terms of a file in its sections: a line <c>[name]</c> starts one (the lexicon's languages; text after
    /// the closing bracket is a comment); terms before the first header are in a section named "".</summary>
    public static List<(string Name, List<string> Terms)> LoadSections(string path)
    {
        var sections = new List<(string Name, List<string> Terms)>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '[' && line.IndexOf(']') is > 0 and var close)
            {
                sections.Add((line[1..close], []));
                continue;
            }
            if (sections.Count == 0) sections.Add(("", []));
            sections[^1].Terms.Add(line.Length >= 2 && line[0] == '"' && line[^1] == '"' ? line[1..^1] : line);
        }
        return sections;
    }
}
