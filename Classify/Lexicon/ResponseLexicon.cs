using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

using Pipeline.Classify.Relevance;

namespace Pipeline.Classify.Lexicon;

/// <summary>
/// A cross-lingual keyword lexicon: for each kind of response (and for domestic news, easing, support of the
/// authorities, planned measures) word stems in the languages the monitors read. A stem matches at the start of
/// a word (prefix), after <see cref="TextFold"/>; "\w*" and spaces may join words of a phrase. CJK stems match
/// anywhere. The lexicon emits language-independent marker words ("zzkwsanction") into the text the models see,
/// so a sanctions listing in Latvian looks like one in English even if the training data has few Latvian texts.
/// The lists are data (<c>Data/lexicon/{group}.txt</c>, one stem a line, a section per language): extend them freely.
/// </summary>
public static class ResponseLexicon
{
    /// <summary>The groups, in the order their marker words enter the feature text (a model depends on it).</summary>
    public static readonly IReadOnlyList<string> GroupNames =
        ["sanction", "target", "economic", "diplomatic", "support", "resolution", "investigation", "statement", "domestic", "easing", "supportive",
            "planned"];

    /// <summary>Each group's stems, in file order (all languages): <c>Data/lexicon/{group}.txt</c>.</summary>
    public static IReadOnlyDictionary<string, string[]> Groups => LoadedGroups.Value;

    private static readonly Lazy<IReadOnlyDictionary<string, string[]>> LoadedGroups = new(() =>
        GroupNames.ToDictionary(name => name, name => TermList.LoadSections(Path.Combine(Folder, name + ".txt")).SelectMany(s => s.Terms).ToArray()));

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Data", "lexicon");

    /// <summary>
    /// The texts are pages' (the first <see cref="FeatureText.MaxChars"/> characters). A bounded stem is tried only where a
    /// word starts and the text there begins with the stem's literal prefix (a trie of all groups' prefixes, one pass over
    /// the text), by its group's stems anchored at that position; a match timeout guards these backtracking regexes. The
    /// stems matched anywhere (CJK) run on the non-backtracking engine.
    /// </summary>
    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>A group's stems: <paramref name="Anchored"/> matches them at the position a search starts from (\G).</summary>
    private sealed record Compiled(string Name, Regex Anchored, Regex? Anywhere);

    /// <summary>A trie node over the stems' literal prefixes: the groups whose prefix ends here (bit i = group i).</summary>
    private sealed class PrefixNode
    {
        public Dictionary<char, PrefixNode>? Next;
        public ulong Groups;

        public PrefixNode Child(char c)
        {
            Next ??= [];
            if (!Next.TryGetValue(c, out var node)) Next[c] = node = new PrefixNode();
            return node;
        }
    }

    private sealed record Matcher(List<Compiled> Groups, PrefixNode Prefixes);

    private static readonly Lazy<Matcher> Matchers = new(Build);

    private static Matcher Build()
    {
        if (Groups.Count > 64) throw new InvalidOperationException("the lexicon's prefix trie holds at most 64 groups");
        var root = new PrefixNode();
        var compiled = new List<Compiled>();
        foreach (var name in GroupNames)
        {
            var stems = Groups[name];
            ulong bit = 1UL << compiled.Count;
            var bounded = new List<string>();
            var anywhere = new List<string>();
            foreach (var entry in stems)
                foreach (var raw in SplitTopLevel(entry))
                {
                    var stem = TextFold.Fold(raw);
                    if (stem.Length == 0) continue;
                    var isRegex = stem.Contains('\\') || stem.Contains('(') || stem.Contains('[') || stem.Contains('?');
                    if (IsCjk(stem)) { anywhere.Add(isRegex ? stem : Regex.Escape(stem).Replace("\\ ", " ")); continue; }
                    bounded.Add(isRegex ? stem : Regex.Escape(stem).Replace("\\ ", " "));
                    var node = root;
                    foreach (var c in LiteralPrefix(stem)) node = node.Child(c);
                    node.Groups |= bit;
                }
            var anchored = new Regex(@"\G(?:" + string.Join("|", bounded.Distinct().OrderByDescending(s => s.Length)) + ")",
                RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
            var a = anywhere.Count == 0 ? null : new Regex("(?:" + string.Join("|", anywhere.Distinct()) + ")", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            compiled.Add(new Compiled(name, anchored, a));
        }
        return new Matcher(compiled, root);
    }

    /// <summary>The characters every match of a stem begins with: up to its first regex construct, without a character that a
    /// quantifier makes optional ("freez\w* of" → "freez", "mo(?:gut|zut)" → "mo", "e-?mail" → "e").</summary>
    internal static string LiteralPrefix(string stem)
    {
        int i = 0;
        while (i < stem.Length && @"\()[].?*+{}|^$".IndexOf(stem[i]) < 0) i++;
        if (i < stem.Length && i > 0 && stem[i] is '?' or '*' or '{') i--;
        return stem[..i];
    }

    private static bool StartsWord(string text, int i) => i == 0 || !IsLetterOrNumber(text[i - 1]);

    private static bool IsLetterOrNumber(char c) => char.GetUnicodeCategory(c) switch
    {
        >= UnicodeCategory.UppercaseLetter and <= UnicodeCategory.OtherLetter => true,
        >= UnicodeCategory.DecimalDigitNumber and <= UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    /// <summary>
    /// Every bounded match of every group, as <c>Regex.Matches</c> of "(?&lt;![\p{L}\p{N}])(?:stems…)" would give them per group
    /// (left to right, not overlapping within a group), in one pass: <paramref name="onMatch"/>(group, index, length).
    /// </summary>
    private static void ScanBounded<TState>(Matcher m, string folded, ref TState state, MatchSink<TState> onMatch)
    {
        Span<int> resumeAt = stackalloc int[m.Groups.Count];
        for (int p = 0; p < folded.Length; p++)
        {
            if (!StartsWord(folded, p)) continue;
            var node = m.Prefixes;
            ulong groups = node.Groups;
            for (int j = p; j < folded.Length && node.Next is not null && node.Next.TryGetValue(folded[j], out var child); j++)
            {
                node = child;
                groups |= node.Groups;
            }
            while (groups != 0)
            {
                int g = BitOperations.TrailingZeroCount(groups);
                groups &= groups - 1;
                if (p < resumeAt[g]) continue;
                foreach (var match in m.Groups[g].Anchored.EnumerateMatches(folded, p))
                {
                    if (match.Index != p) break;
                    onMatch(ref state, g, p, match.Length);
                    resumeAt[g] = p + Math.Max(match.Length, 1);
                    break;
                }
            }
        }
    }

    private delegate void MatchSink<TState>(ref TState state, int group, int index, int length);

    /// <summary>Splits on '|' outside parentheses and brackets.</summary>
    internal static IEnumerable<string> SplitTopLevel(string line)
    {
        int depth = 0, start = 0;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '\\') { i++; continue; }
            if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth--;
            else if (c == '|' && depth == 0)
            {
                if (i > start) yield return line[start..i];
                start = i + 1;
            }
        }
        if (start < line.Length) yield return line[start..];
    }

    private static bool IsCjk(string s) => s.Any(c => c is >= '\u3040' and <= '\u30ff' or >= '\u3400' and <= '\u9fff');

    /// <summary>Number of matches per group in an already folded text.</summary>
    public static Dictionary<string, int> Count(string folded)
    {
        var m = Matchers.Value;
        var counts = new int[m.Groups.Count];
        ScanBounded(m, folded, ref counts, static (ref int[] c, int g, int _, int _) => c[g]++);
        var result = new Dictionary<string, int>();
        for (int g = 0; g < counts.Length; g++)
        {
            int n = counts[g] + (m.Groups[g].Anywhere?.Count(folded) ?? 0);
            if (n > 0) result[m.Groups[g].Name] = n;
        }
        return result;
    }

    /// <summary>Every match as (group index, index, length, matched anywhere), ordered as the regexes' matches concatenated
    /// group by group and sorted by position would be.</summary>
    private static List<(int Group, int Index, int Length)> AllMatches(Matcher m, string folded)
    {
        var found = new List<(int Group, int Index, int Length, bool Anywhere)>();
        ScanBounded(m, folded, ref found, static (ref List<(int, int, int, bool)> f, int g, int i, int l) => f.Add((g, i, l, false)));
        for (int g = 0; g < m.Groups.Count; g++)
            if (m.Groups[g].Anywhere is { } anywhere)
                foreach (var match in anywhere.EnumerateMatches(folded)) found.Add((g, match.Index, match.Length, true));
        return found.OrderBy(f => f.Index).ThenBy(f => f.Group).ThenBy(f => f.Anywhere).Select(f => (f.Group, f.Index, f.Length)).ToList();
    }

    /// <summary>
    /// The response types each group speaks for, for showing the cues to a reviewer. Generic sanctions speak for both kinds
    /// of sanctions; domestic news, easing, support of the authorities and planned measures speak for none.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> ResponseTypesOf = new Dictionary<string, string[]>
    {
        ["sanction"] = ["targeted_sanctions", "economic_measures"],
        ["target"] = ["targeted_sanctions"],
        ["economic"] = ["economic_measures"],
        ["diplomatic"] = ["diplomatic_measures"],
        ["support"] = ["support"],
        ["resolution"] = ["resolution"],
        ["investigation"] = ["investigation"],
        ["statement"] = ["statement"],
    };

    /// <summary>
    /// Every match of every group as a span of the original text (UTF-16 offsets), in reading order: the words the model
    /// reads, for showing them. A stem's span runs to the end of its word; spaces at its ends are left out. Empty for the
    /// rare text whose folding cannot be mapped back (<see cref="TextFold.FoldWithOffsets"/>).
    /// </summary>
    public static List<(int Start, int Length, string Group)> Find(string text)
    {
        var found = new List<(int Start, int Length, string Group)>();
        if (TextFold.FoldWithOffsets(text) is not var (folded, starts, ends)) return found;
        var m = Matchers.Value;
        foreach (var (group, index, length) in AllMatches(m, folded))
        {
            if (length == 0) continue;
            int from = starts[index], to = ends[index + length - 1];
            while (to < text.Length && char.IsLetterOrDigit(text[to]) && !IsCjk(text[to].ToString())) to++;
            while (to > from && char.IsWhiteSpace(text[to - 1])) to--;
            while (from < to && char.IsWhiteSpace(text[from])) from++;
            if (to > from) found.Add((from, to - from, m.Groups[group].Name));
        }
        return found;
    }

    /// <summary>The matched strings per group (for debugging and tests).</summary>
    public static Dictionary<string, List<string>> Matches(string text)
    {
        var folded = TextFold.Fold(text);
        var m = Matchers.Value;
        var result = new Dictionary<string, List<string>>();
        foreach (var (group, index, length) in AllMatches(m, folded).OrderBy(x => x.Group))
        {
            var name = m.Groups[group].Name;
            if (!result.TryGetValue(name, out var list)) result[name] = list = [];
            list.Add(folded.Substring(index, length));
        }
        return result;
    }
}
