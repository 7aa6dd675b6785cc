using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Pipeline.Classify.Actors;
using Pipeline.Classify.Lexicon;

namespace Pipeline.Classify.Facts;

/// <summary>One recurring target of measures against Belarus in <c>Data/targets.json</c>.</summary>
public sealed class TargetEntry
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    /// <summary><c>person</c> or <c>entity</c>.</summary>
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    /// <summary>Named in nearly every text about Belarus (Lukashenka, Okrestina): a target only where the sentence
    /// naming it speaks of a measure, whatever the type of the text.</summary>
    [JsonPropertyName("strict")] public bool Strict { get; set; }
    [JsonPropertyName("aliases")] public List<string> Aliases { get; set; } = [];
}

/// <summary>A target of a measure named in a text: its canonical name, its kind and where it is written.</summary>
public sealed record NamedTarget(string Name, string Kind, int Start, int Length);

/// <summary>
/// The vocabulary of recurring targets (<c>Data/targets.json</c>): canonical names, kinds and aliases in Latin and
/// Cyrillic, matched like actors (<see cref="ActorVocabulary"/>: case, diacritics folded; inflected forms of longer
/// words, acronyms only in capitals).
/// </summary>
public sealed class TargetVocabulary
{
    private readonly ActorVocabulary _matcher;
    private readonly Dictionary<string, TargetEntry> _byName;

    public IReadOnlyList<TargetEntry> Entries { get; }

    public TargetVocabulary(IEnumerable<TargetEntry> entries)
    {
        Entries = entries.ToList();
        _byName = new Dictionary<string, TargetEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in Entries) _byName.TryAdd(e.Name, e);
        _matcher = new ActorVocabulary(Entries.Select(e => new ActorEntry { Name = e.Name, Type = e.Kind, Aliases = e.Aliases }))
        {
            AdjacentNamesApart = true,
        };
    }

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Data", "targets.json");

    public static TargetVocabulary Load(string? path = null)
    {
        path ??= DefaultPath;
        if (!File.Exists(path)) throw new FileNotFoundException($"target vocabulary not found: {path}", path);
        var list = JsonSerializer.Deserialize<List<TargetEntry>>(File.ReadAllText(path))
                   ?? throw new InvalidDataException($"{path}: empty target vocabulary");
        return new TargetVocabulary(list);
    }

    /// <summary>The entry of a canonical name or an alias ("Belaruskali", "Беларуськалий"), if known.</summary>
    public TargetEntry? Resolve(string? nameOrAlias) =>
        nameOrAlias is null ? null
        : _byName.TryGetValue(nameOrAlias.Trim(), out var e) ? e
        : _matcher.Resolve(nameOrAlias) is { } a ? _byName.GetValueOrDefault(a.Name) : null;

    /// <summary>Every mention of a known target, in reading order.</summary>
    internal IEnumerable<(TargetEntry Entry, int Start, int Length)> Mentions(string text) =>
        _matcher.FindMentions(text).Select(m => (_byName[m.Actor.Name], m.Start, m.Length));
}

/// <summary>
/// The targets of the measure a text reports (issue 15's <c>targets</c>): the known targets it names
/// (<see cref="TargetVocabulary"/>), each once, at its first mention that counts. A mention counts in a text whose
/// predicted type is a measure on named parties (<c>targeted_sanctions</c>, <c>economic_measures</c>,
/// <c>investigation</c>), or anywhere in a sentence that speaks of sanctions, listings, bans or prosecution ("calls for
/// sanctions on Belaruskali"); a strict entry (Lukashenka) only in such a sentence; nothing in a text that is not a
/// response. Deterministic and bounded: at most <see cref="MaxChars"/> characters.
/// </summary>
public static class Targets
{
    /// <summary>Text beyond this is not read.</summary>
    public const int MaxChars = 100_000;

    private static readonly Lazy<TargetVocabulary> Default = new(() => TargetVocabulary.Load());

    /// <summary>The shipped vocabulary (<c>Data/targets.json</c>), loaded once.</summary>
    public static TargetVocabulary Vocabulary => Default.Value;

    private static readonly HashSet<string> MeasureTypes = ["targeted_sanctions", "economic_measures", "investigation"];

    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    // Words of a measure on named parties, in the corpus languages.
    private static readonly Regex MeasureCue = new(
        @"\b(?:sanction\w*|sanktion\w*|sankc\w*|sanktsioon\w*|sancion\w*|sanzion\w*|санкц\w*|embargo\w*|эмбарго|ембарго|" +
        @"blacklist\w*|black\s+list\w*|(?:travel|entry|visa)\s+bans?|asset\w*\s+freez\w*|froze\w*|freez\w*|designat\w*|" +
        @"list(?:ed|ing|ings)\b|SDN|OFAC|restrictive\s+measures|Einreiseverbot\w*|Vermögen\w*\s+eingefroren|gel\s+des\s+avoirs|" +
        @"zakaz\w*\s+wjazdu|zamroż\w*|заморо\w*|замаро\w*|запрет\w*\s+на\s+въезд|заборон\w*\s+на\s+в'?їзд|" +
        @"(?:черн|чорн|чорн)\w*\s+спис\w*|спис(?:ок|ка|ку|ке|ки)\b|спіс\w*|списк\w*|sarakst\w*|sąraš\w*|nimekir\w*|" +
        @"complaint\w*|prosecut\w*|indict\w*|warrant\w*|charg(?:ed|es)\b|investigat\w*|universal\s+jurisdiction|" +
        @"жалоб\w*|скарг\w*|расследова\w*|розслідува\w*|обвин\w*|skarg\w*|śledztw\w*|Strafanzeige\w*|Ermittlung\w*|plainte\w*|" +
        @"enquête\w*|ban(?:s|ned)?\s+(?:on|flights|imports)|import\w*\s+ban\w*|export\w*\s+ban\w*|boycott\w*)", Options);

    /// <summary>The targets the text names, each once, in reading order.</summary>
    /// <param name="primaryType">The predicted primary type, when known (null: every mention needs a cue nearby).</param>
    public static List<NamedTarget> Find(string? text, string? primaryType = null, TargetVocabulary? vocabulary = null)
    {
        if (string.IsNullOrEmpty(text)) return [];
        if (primaryType is not null && !Taxonomy.IsResponse(primaryType)) return [];
        vocabulary ??= Vocabulary;
        text = TextFold.Head(text, MaxChars);
        bool measure = primaryType is not null && MeasureTypes.Contains(primaryType);
        var sentences = Lifecycle.Sentences(text).ToList();
        var cued = new bool[sentences.Count];
        var cues = new List<int>(); // sorted: EnumerateMatches yields in order
        foreach (var m in MeasureCue.EnumerateMatches(text)) cues.Add(m.Index);
        for (int s = 0, c = 0; s < sentences.Count; s++)
        {
            var (start, length) = sentences[s];
            while (c < cues.Count && cues[c] < start) c++;
            cued[s] = c < cues.Count && cues[c] < start + length;
        }

        var found = new List<NamedTarget>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, start, length) in vocabulary.Mentions(text))
        {
            if (seen.Contains(entry.Name)) continue;
            int s = SentenceOf(sentences, start);
            // A strict entry needs the measure word close by, not only somewhere in a long sentence.
            bool nearCue = s >= 0 && cued[s] && (!entry.Strict || cues.Any(c => Math.Abs(c - start) <= StrictDistance));
            if (!(nearCue || measure && !entry.Strict)) continue;
            if (entry.Strict && NamesTheState(text, start, start + length)) continue;
            if (NotTheTarget(text, start, start + length)) continue;
            seen.Add(entry.Name);
            found.Add(new NamedTarget(entry.Name, entry.Kind, start, length));
        }
        return found;
    }

    // "the Lukashenka regime", "режим Лукашенко": the name stands for the state, not for a target.
    private static readonly Regex StateAfter = new(
        @"^(?:['’]s)?\s+(?:regime|government|authorities|administration|dictatorship|Regime|régime|reżim\w*|režim\w*|władz\w*)\b", Options);
    private static readonly Regex StateBefore = new(
        @"\b(?:regime|régime|режим\w*|рэжым\w*|reżim\w*|režim\w*|Regime|власт\w*|улад\w*|влад\w*)\s+$", Options);

    /// <summary>How far (in characters) from a measure word a strict entry may be named.</summary>
    private const int StrictDistance = 80;

    // "Belaruskali's trading arm", "the KGB's directorate": the target is what belongs to the name. "Belavia, the flag
    // carrier, said": a party speaking. "the heads of the state broadcaster": its people.
    private static readonly Regex OwnerOrSpeaker = new(
        @"^(?:['’]s\b|[^.;:!?]{0,40}\b(?:said|says|stated|told|complained|argued|заяви\w*|сообщи\w*|заяві\w*|" +
        @"erklärte|sagte|a\s+déclaré)\b)",
        Options);
    private static readonly Regex PeopleOf = new(
        @"\b(?:heads?|chiefs?|directors?|chairm[ae]n|leaders?|managers?|officials?|employees|staff|responsible\s+for|" +
        @"глав\w*|руководител\w*|" +
        @"кіраўнік\w*|керівник\w*|начальник\w*|szef\w*|Leiter\w*|Chef\w*|dirigeants?)\s+(?:of\s+|for\s+)?(?:the\s+)?$", Options);

    private static bool NotTheTarget(string text, int start, int end) =>
        OwnerOrSpeaker.IsMatch(text.AsSpan(end, Math.Min(60, text.Length - end)))
        || PeopleOf.IsMatch(text.AsSpan(Math.Max(0, start - 40), Math.Min(40, start)));

    private static bool NamesTheState(string text, int start, int end) =>
        StateAfter.IsMatch(text.AsSpan(end, Math.Min(40, text.Length - end)))
        || StateBefore.IsMatch(text.AsSpan(Math.Max(0, start - 30), Math.Min(30, start)));

    private static int SentenceOf(List<(int Start, int Length)> sentences, int at)
    {
        int lo = 0, hi = sentences.Count - 1, best = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (sentences[mid].Start <= at) { best = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return best >= 0 && at < sentences[best].Start + sentences[best].Length ? best : -1;
    }
}
