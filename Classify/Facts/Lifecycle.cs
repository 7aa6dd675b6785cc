using System.Text.RegularExpressions;
using Pipeline.Classify.Lexicon;

namespace Pipeline.Classify.Facts;

/// <summary>The lifecycle of the response a text reports (issue 15) and the sentence it was read from.</summary>
/// <param name="Value">One of <see cref="Taxonomy.Lifecycles"/>.</param>
/// <param name="Start">Where the evidence sentence starts: in the title when <paramref name="InTitle"/>, else in the text.</param>
/// <param name="Evidence">The sentence itself, as written.</param>
public sealed record LifecycleFact(string Value, int Start, int Length, string Evidence, bool InTitle = false);

/// <summary>
/// Reads whether a response was <c>called_for</c> (a demand that someone else act), <c>announced</c> (planned, prepared,
/// promised), <c>adopted</c> (done: imposed, adopted, condemned…), <c>extended</c> (renewed, prolonged) or <c>lifted</c>
/// (lifted, suspended, eased, delisted), from cue words in the corpus languages (<c>Data/lifecycle-cues.txt</c>).
/// <para>Each sentence gets the lifecycle of its first cue, skipping cues in a clause that recalls an earlier act
/// (", which imposed sanctions last year,") and calls the actor rejects ("rejected calls for sanctions"); a generic
/// "adopted" cue gives way to a more specific one right after it ("decided to extend", "agreed to prepare"). The title,
/// then the first sentence that says anything, decide; the predicted type and stance correct that: a statement that
/// demands measures is <c>called_for</c>, a sanctions text that renews them <c>extended</c>, a measure is not a
/// call, and the stance <c>easing</c> means <c>lifted</c>.</para>
/// Deterministic and bounded: at most <see cref="MaxChars"/> characters, non-backtracking expressions.
/// </summary>
public static class Lifecycle
{
    /// <summary>Text beyond this is not read.</summary>
    public const int MaxChars = 100_000;

    /// <summary>Sentences longer than this are read only this far (a run-on page without full stops).</summary>
    private const int MaxSentence = 1_000;

    /// <summary>How many sentences with a cue the type and stance rules look at.</summary>
    private const int LeadSentences = 3;

    /// <summary>Classes in order of precedence when two cues start at the same word.</summary>
    private static readonly string[] Order = ["lifted", "extended", "called_for", "announced", "adopted"];

    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    private static readonly Lazy<Cues> Loaded = new(() => Cues.Load(DefaultPath));

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Data", "lifecycle-cues.txt");

    // Words saying what a demand is about: a statement demanding measures (not only "dialogue") is a call for them.
    private static readonly Regex MeasureWord = new(
        @"\b(?:sanction\w*|measure\w*|restriction\w*|ban\b|bans\b|embargo\w*|list\w*|санкц\w*|мер\w*|обмежен\w*|ограничен\w*|sankc\w*|" +
        @"środk\w*|Sanktion\w*|Maßnahm\w*|mesure\w*|sanktsioon\w*|meede\w*|pasākum\w*|priemon\w*|sancion\w*|sanzion\w*)", Options);

    private sealed record Cue(string Class, int Index, int Length);

    /// <summary>The cue expressions: one per class and language (the non-backtracking automaton of a whole class in all
    /// languages is too large), split further where one language's is still too large.</summary>
    private sealed class Cues(Dictionary<string, Regex[]> classes, Regex[] reject, Regex[] clause, Regex[] mask, Regex negation)
    {
        public Dictionary<string, Regex[]> Classes { get; } = classes;
        public Regex[] Reject { get; } = reject;
        public Regex[] Clause { get; } = clause;
        public Regex[] Mask { get; } = mask;
        /// <summary>Matches when the text before a cue ends with a negation and at most two words.</summary>
        public Regex Negation { get; } = negation;

        public static Cues Load(string path)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"lifecycle cues not found: {path}", path);
            var patterns = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
            foreach (var raw in File.ReadLines(path))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] == '#') continue;
                var parts = line.Split((char[])[' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 3) throw new InvalidDataException($"{path}: not CLASS LANGUAGE PATTERN: {line}");
                if (!patterns.TryGetValue(parts[0], out var byLanguage)) patterns[parts[0]] = byLanguage = new(StringComparer.Ordinal);
                if (!byLanguage.TryGetValue(parts[1], out var list)) byLanguage[parts[1]] = list = [];
                list.Add(parts[2]);
            }
            Regex[] Build(string name, bool wordStart)
            {
                if (!patterns.TryGetValue(name, out var byLanguage)) throw new InvalidDataException($"{path}: no {name} cues");
                var prefix = wordStart ? @"\b" : "";
                return byLanguage.Values.SelectMany(list => Compile(list.Select(p => $"{prefix}(?:{p})").ToList())).ToArray();
            }
            var classes = Order.ToDictionary(c => c, c => Build(c, true), StringComparer.Ordinal);
            if (!patterns.TryGetValue("negation", out var negations)) throw new InvalidDataException($"{path}: no negation cues");
            var negation = new Regex(@"\b(?:" + string.Join('|', negations.Values.SelectMany(l => l)) + @")\s+(?:\S+\s+){0,2}$", Options);
            return new Cues(classes, Build("reject", true), Build("clause", false), Build("mask", true), negation);
        }

        private static IEnumerable<Regex> Compile(List<string> alternatives)
        {
            Regex? regex = null;
            try { regex = new Regex(string.Join('|', alternatives), Options); }
            catch (NotSupportedException) when (alternatives.Count > 1) { }
            if (regex is not null) return [regex];
            int half = alternatives.Count / 2;
            return Compile(alternatives[..half]).Concat(Compile(alternatives[half..]));
        }
    }

    private static List<(int Index, int Length)> All(Regex[] regexes, ReadOnlySpan<char> s)
    {
        var found = new List<(int, int)>();
        foreach (var regex in regexes)
            foreach (var m in regex.EnumerateMatches(s)) found.Add((m.Index, m.Length));
        return found;
    }

    /// <summary>The lifecycle of the response, or null when nothing in the text says (or the type is not a response).</summary>
    /// <param name="primaryType">The predicted primary type, when known: it corrects what the words say.</param>
    /// <param name="stance">The predicted stance, when known: <c>easing</c> means <c>lifted</c>.</param>
    public static LifecycleFact? Find(string? title, string? text, string? primaryType = null, string? stance = null)
    {
        if (primaryType is not null && !Taxonomy.IsResponse(primaryType)) return null;
        var cues = Loaded.Value;
        var body = TextFold.Head(text ?? "", MaxChars);
        var head = TextFold.Head(title ?? "", MaxSentence);
        var read = new List<LifecycleFact>();
        var calls = new HashSet<LifecycleFact>(ReferenceEqualityComparer.Instance);
        (string Source, int Start, int Length, bool InTitle)? first = null;
        foreach (var (source, inTitle) in new[] { (head, true), (body, false) })
        {
            // Each expression scans the text once; its cues are then dealt to their sentences.
            var all = Order.SelectMany(name => All(cues.Classes[name], source).Select(m => new Cue(name, m.Index, m.Length)))
                .OrderBy(c => c.Index).ToList();
            int next = 0;
            foreach (var (start, length) in Sentences(source))
            {
                first ??= (source, start, length, inTitle);
                while (next < all.Count && all[next].Index < start) next++;
                int end = start + Math.Min(length, MaxSentence), from = next;
                while (next < all.Count && all[next].Index < start + length) next++;
                var inside = all.GetRange(from, next - from).Where(c => c.Index < end)
                    .Select(c => c with { Index = c.Index - start }).ToList();
                if (inside.Count == 0) continue;
                if (Sentence(cues, source.AsSpan(start, end - start), inside, out var hasCall) is not { } value) continue;
                var said = new LifecycleFact(value, start, length, source.Substring(start, length), inTitle);
                read.Add(said);
                if (hasCall) calls.Add(said);
            }
        }
        if (read.Count == 0)
        {
            // A response the text reports without saying more was done: "adopted", shown with the first sentence.
            if (primaryType is null || first is not { } f0) return null;
            read.Add(new LifecycleFact("adopted", f0.Start, f0.Length, f0.Source.Substring(f0.Start, f0.Length), f0.InTitle));
        }

        var lead = read.Take(LeadSentences).ToList();
        var fact = read[0];
        bool measure = primaryType is "targeted_sanctions" or "economic_measures" or "diplomatic_measures";
        // A statement that demands measures is a call for them, even after a condemnation or a non-recognition.
        if (primaryType == "statement" && fact.Value != "called_for"
            && lead.FirstOrDefault(f => calls.Contains(f) && MeasureWord.IsMatch(f.Evidence)) is { } call)
            fact = call with { Value = "called_for" };
        // A resolution or an investigation calling for something is itself an act done.
        if (primaryType is "resolution" or "investigation" && fact.Value is "called_for" or "announced")
            fact = lead.FirstOrDefault(f => f.Value is "adopted" or "extended") ?? fact with { Value = "adopted" };
        if (measure && fact.Value is "called_for" or "announced"
            && lead.FirstOrDefault(f => f.Value is "adopted" or "extended" or "lifted") is { } done)
            fact = done;
        if (primaryType == "targeted_sanctions" && fact.Value == "adopted"
            && lead.FirstOrDefault(f => f.Value == "extended") is { } renewal)
            fact = renewal;
        if (stance == "easing" && fact.Value != "lifted")
            fact = read.FirstOrDefault(f => f.Value == "lifted")
                   ?? (fact.Value is "adopted" or "extended" ? fact with { Value = "lifted" } : fact);
        return fact;
    }

    /// <summary>The lifecycle one sentence says, or null.</summary>
    /// <param name="found">The sentence's cues, at positions in the sentence.</param>
    /// <param name="call">Whether the sentence holds a call (kept: not in a recalled clause, not rejected), whatever it says.</param>
    private static string? Sentence(Cues cues, ReadOnlySpan<char> s, List<Cue> found, out bool call)
    {
        call = false;
        // A cue where a mask starts is not one ("renewed its call": a call, not an extension).
        var masks = All(cues.Mask, s).Select(m => m.Index).ToHashSet();
        var unmasked = new List<Cue>(found.Count);
        foreach (var c in found)
        {
            if (masks.Contains(c.Index)) continue;
            // "would not renew", "не продлит", "refuses to lift": the refusal is what is done.
            bool refused = c.Class is "extended" or "lifted" or "announced" && cues.Negation.IsMatch(s[..c.Index]);
            unmasked.Add(refused ? c with { Class = "adopted" } : c);
        }
        found = unmasked;

        // Clauses recalling an earlier act run to the next comma (or the end of the sentence).
        var masked = new List<(int From, int To)>();
        foreach (var (index, length) in All(cues.Clause, s))
        {
            int end = s[(index + length)..].IndexOf(',');
            masked.Add((index, end < 0 ? s.Length : index + length + end));
        }
        var rejects = All(cues.Reject, s).Select(m => m.Index + m.Length).ToList();

        var kept = found
            .Where(c => !masked.Any(k => c.Index >= k.From && c.Index < k.To))
            .Where(c => c.Class != "called_for" || !rejects.Any(end => end <= c.Index && c.Index - end <= 60))
            .OrderBy(c => c.Index).ThenBy(c => Array.IndexOf(Order, c.Class))
            .ToList();
        if (kept.Count == 0) return null;
        call = kept.Any(c => c.Class == "called_for");
        var first = kept[0];
        if (first.Class == "adopted")
        {
            // "decided to extend", "agreed to prepare new listings": the specific act comes right after the generic verb.
            int after = first.Index + first.Length;
            var next = kept.Skip(1).FirstOrDefault(c => c.Class is "lifted" or "extended" && c.Index - after <= 40
                || c.Class == "announced" && c.Index - after <= 30);
            if (next is not null) return next.Class;
        }
        return first.Class;
    }

    /// <summary>Sentences as (start, length), trimmed: ended by . ! ? ; or a line break before a space and a capital,
    /// a quote or the end. "No. 765/2006" and "9.08.2020" are not ends.</summary>
    internal static IEnumerable<(int Start, int Length)> Sentences(string s)
    {
        int start = 0;
        for (int i = 0; i <= s.Length; i++)
        {
            bool end = i == s.Length || s[i] == '\n';
            if (!end && s[i] is '.' or '!' or '?' or ';' or '。')
            {
                int j = i + 1;
                while (j < s.Length && s[j] is '"' or '\'' or '»' or '”' or ')') j++;
                end = j == s.Length || char.IsWhiteSpace(s[j]) && NextStartsSentence(s, j);
            }
            if (!end) continue;
            int a = start, b = Math.Min(i + 1, s.Length);
            while (a < b && char.IsWhiteSpace(s[a])) a++;
            while (b > a && char.IsWhiteSpace(s[b - 1])) b--;
            if (b > a) yield return (a, b - a);
            start = i + 1;
        }
    }

    private static bool NextStartsSentence(string s, int j)
    {
        while (j < s.Length && char.IsWhiteSpace(s[j])) j++;
        return j == s.Length || !char.IsLower(s[j]) && !char.IsDigit(s[j]);
    }
}
