using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Classify.Actors;

public sealed class ActorEntry
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("country")] public string? Country { get; set; }
    /// <summary>The actor this one is part of or based in, by canonical name: the Council of Europe for PACE, the UN
    /// Special Procedures for a special rapporteur, Norway for the Nobel Committee, Yale University for its lab. Lets the
    /// actor model tell a body from the larger one named beside it (<see cref="ActorVocabulary.IsWithin"/>).</summary>
    [JsonPropertyName("parent")] public string? Parent { get; set; }
    [JsonPropertyName("aliases")] public List<string> Aliases { get; set; } = [];
}

/// <summary>An actor named in a text, at a token position.</summary>
public sealed record ActorMention(ActorEntry Actor, int Token, int Start, int Length);

/// <summary>
/// The controlled vocabulary of actors (<c>Data/actors.json</c>): canonical name, type, country and aliases in
/// several languages and scripts. Matching works on normalised word sequences (case, diacritics and ё/е
/// folded), so "Conseil de l'UE" and "conseil de l’ue" are the same alias.
/// </summary>
public sealed class ActorVocabulary
{
    private readonly Dictionary<string, ActorEntry> _byName;
    private readonly Dictionary<string, ActorEntry> _byAlias;
    private readonly int _longestAlias;
    /// <summary>Alias keys that only ever come from upper-case acronyms ("WHO", "ANO", "SAS"): they match only
    /// where the text writes them with capitals, so the pronoun "who" or Czech "ano" is not an actor.</summary>
    private readonly HashSet<string> _acronymKeys = new(StringComparer.Ordinal);
    /// <summary>Alias keys that only ever come from names written in quotes ("«Вясна»", "„Wiosna”"): the name is also a
    /// common word ("spring"), so it matches only where the text opens a quote right before it.</summary>
    private readonly HashSet<string> _quotedKeys = new(StringComparer.Ordinal);

    /// <summary>
    /// Names that contain an actor's alias but name something else, matched and then ignored: Chinese and Japanese
    /// "Belarus" (白俄罗斯, 白ロシア) end in "Russia" (俄罗斯, ロシア), and Arabic and Persian write it "White Russia"
    /// (روسيا البيضاء, روسیه سفید). Belarus itself is never the responding actor, so it has no entry.
    /// </summary>
    internal static readonly string[] Shadows =
        ["白俄罗斯", "白俄羅斯", "白俄", "白ロシア", "روسيا البيضاء", "روسیا البیضاء", "روسیه سفید", "روسيه سفيد", "Белая Русь"];

    /// <summary>The entry a <see cref="Shadows"/> name resolves to inside the lookup: found, then dropped.</summary>
    private static readonly ActorEntry Shadow = new() { Name = "", Type = "none" };
    /// <summary>The first word of every alias: a position whose word starts no alias is skipped at once (most words
    /// of a text; measured 1.0 → 0.24 ms per scan of a 2 KB article, the same mentions found).</summary>
    private readonly HashSet<string> _firstWords = new(StringComparer.Ordinal);
    /// <summary>Aliases by the stems of their words (<see cref="StemKey"/>), for the inflected forms
    /// (<see cref="InflectedAt"/>).</summary>
    private readonly Dictionary<string, List<(string[] Words, ActorEntry Actor)>> _byStems = new(StringComparer.Ordinal);
    /// <summary>Every leading run of words of the stem keys ("the", "the cou"…), the first word's stem included: an
    /// inflected lookup starts only at a word some alias starts with, and stops at the first run no alias continues.</summary>
    private readonly HashSet<string> _stemPrefixes = new(StringComparer.Ordinal);

    public IReadOnlyList<ActorEntry> Actors { get; }

    /// <summary>Whether a one-word name followed at once by another name is kept ("Belaruskali, MAZ": two targets);
    /// off for actors, whose one-word name before a longer one gives way to it.</summary>
    public bool AdjacentNamesApart { get; init; }

    /// <summary>Whether inflected forms of the aliases are found too (<see cref="InflectedAt"/>; on by default).</summary>
    public bool MatchInflected { get; init; } = true;

    public ActorVocabulary(IEnumerable<ActorEntry> actors)
    {
        Actors = actors.ToList();
        _byName = new Dictionary<string, ActorEntry>(StringComparer.OrdinalIgnoreCase);
        _byAlias = new Dictionary<string, ActorEntry>(StringComparer.Ordinal);
        var mixedKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in Actors)
        {
            _byName.TryAdd(a.Name, a);
            foreach (var alias in a.Aliases.Append(a.Name))
            {
                var key = string.Join(' ', Tokens(alias).Select(t => t.Text));
                if (key.Length == 0) continue;
                if (IsAcronym(alias)) _acronymKeys.Add(key);
                else if (IsQuoted(alias)) _quotedKeys.Add(key);
                else mixedKeys.Add(key);
                _byAlias.TryAdd(key, a);
                _firstWords.Add(key.Split(' ')[0]);
                _longestAlias = Math.Max(_longestAlias, key.Count(c => c == ' ') + 1);
            }
        }
        _acronymKeys.ExceptWith(mixedKeys);
        _quotedKeys.ExceptWith(mixedKeys);
        foreach (var shadow in Shadows)
        {
            var key = string.Join(' ', Tokens(shadow).Select(t => t.Text));
            _byAlias[key] = Shadow;
            _firstWords.Add(key.Split(' ')[0]);
            _longestAlias = Math.Max(_longestAlias, key.Count(c => c == ' ') + 1);
        }
        foreach (var (key, actor) in _byAlias)
        {
            if (actor == Shadow) continue;
            if (_acronymKeys.Contains(key)) continue; // an acronym is written as it is
            var words = key.Split(' ');
            if (!words.Any(w => w.Length >= (words.Length == 1 ? MinInflectedLength : 3))) continue; // nothing to inflect: exact only
            var stems = string.Join(' ', words.Select(StemKey));
            if (!_byStems.TryGetValue(stems, out var list)) _byStems[stems] = list = [];
            list.Add((words, actor));
            for (int k = 1; k <= words.Length; k++) _stemPrefixes.Add(string.Join(' ', words.Take(k).Select(StemKey)));
        }
    }

    /// <summary>The endings a one-word alias may lose when it is inflected (folded: Литва → Литву, Россия → Россию,
    /// Lietuva → Lietuvai, პოლონეთი → პოლონეთმა); a name ending in a consonant keeps all of it (Europol → Europola, not
    /// Lithuanian "Europos").</summary>
    private static readonly HashSet<char> Vowels = [.. "aeiouyаеиоуыэюяіїєьиაეიოუ"];

    /// <summary>Alias words shorter than this match only as written.</summary>
    private const int MinInflectedLength = 5;

    /// <summary>The first three letters of a word that may be inflected, the word itself when shorter.</summary>
    private static string StemKey(string word) => word.Length >= 3 ? word[..3] : word;

    /// <summary>
    /// A text word is an inflected form of an alias word when it keeps all of the alias word but its last letter (its
    /// last two, for a word of seven letters or more inside a longer alias), at least four, and is at most four letters
    /// longer or one shorter: Polish "Zgromadzenia Parlamentarnego NATO" is "Zgromadzenie Parlamentarne NATO", Russian
    /// "генсека ООН" is "генсек ООН", "Союзного государства" is "Союзное государство", Georgian "პოლონეთმა" is
    /// "პოლონეთი". A one-word alias is inflected only from six letters outside Cyrillic, Greek, Armenian and Georgian
    /// ("Polskiej", "Lietuvai", but not "Latin" for Estonian "Lätis", nor Arabic "الماضي" "the past" for Persian
    /// "آلمان"), only where its last letter is a vowel (<see cref="Vowels"/>), and only where the text writes it with a
    /// capital (<see cref="StartsWithCapital"/>). Inside a longer alias, a word of three or four letters may take an
    /// ending of up to two letters ("Amt" → "Amts"). Other alias words shorter than five letters, words with digits, and
    /// acronyms match only as written.
    /// </summary>
    private static bool Inflects(string aliasWord, string textWord, bool alone)
    {
        if (aliasWord == textWord) return true;
        int length = aliasWord.Length;
        // A short word inside a longer alias takes an ending but keeps all its letters: German "des Auswärtigen Amts".
        if (!alone && length is 3 or 4) return textWord.Length <= length + 2 && textWord.StartsWith(aliasWord, StringComparison.Ordinal);
        if (length < MinInflectedLength || textWord.Length > length + 4 || textWord.Length < length - 1) return false;
        if (alone && length < 6 && aliasWord[0] is < '\u0370' or >= '\u0590' and < '\u10A0' or > '\u10FF') return false;
        int p = 0;
        while (p < length && p < textWord.Length && aliasWord[p] == textWord[p]) p++;
        if (alone && p < length && !Vowels.Contains(aliasWord[^1])) return false;
        return p >= length - (length >= 7 && !alone ? 2 : 1) && p >= 4 && !aliasWord.Any(char.IsDigit);
    }

    private const string OpeningQuotes = "«\"„“‘'‹";

    private static bool IsQuoted(string alias) => alias.TrimStart() is { Length: > 0 } t && OpeningQuotes.Contains(t[0]);

    /// <summary>Whether the text opens a quote right before <paramref name="start"/> (a space between them allowed).</summary>
    private static bool QuotedAt(string text, int start)
    {
        int p = start - 1;
        if (p >= 0 && text[p] == ' ') p--;
        return p >= 0 && OpeningQuotes.Contains(text[p]);
    }

    private static bool IsAcronym(string alias)
    {
        var t = alias.Trim();
        return t.Length is >= 2 and <= 6 && t.All(c => char.IsUpper(c) || char.IsDigit(c)) && t.Any(char.IsLetter);
    }

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Data", "actors.json");

    private static readonly Lazy<ActorVocabulary> ShippedVocabulary = new(() => Load(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The shipped vocabulary, read once per process (it is never changed after loading, so every host and classifier
    /// shares it: reading it allocates about 160 MB and takes most of a second).
    /// </summary>
    public static ActorVocabulary Shipped => ShippedVocabulary.Value;

    public static ActorVocabulary Load(string? path = null)
    {
        path ??= DefaultPath;
        if (!File.Exists(path)) throw new FileNotFoundException($"actor vocabulary not found: {path}", path);
        var list = JsonSerializer.Deserialize<List<ActorEntry>>(File.ReadAllText(path))
                   ?? throw new InvalidDataException($"{path}: empty actor vocabulary");
        return new ActorVocabulary(list);
    }

    /// <summary>The canonical entry for a name or alias, if known.</summary>
    public ActorEntry? Resolve(string? nameOrAlias)
    {
        if (string.IsNullOrWhiteSpace(nameOrAlias)) return null;
        if (_byName.TryGetValue(nameOrAlias.Trim(), out var e)) return e;
        var found = _byAlias.GetValueOrDefault(string.Join(' ', Tokens(nameOrAlias).Select(t => t.Text)));
        return found == Shadow ? null : found;
    }

    /// <summary>Whether <paramref name="inner"/> is part of or based in <paramref name="outer"/>, directly or through its
    /// parents' parents (<see cref="ActorEntry.Parent"/>).</summary>
    public bool IsWithin(ActorEntry inner, ActorEntry outer)
    {
        var at = inner;
        for (int depth = 0; depth < 8 && at.Parent is { } parent; depth++)
        {
            if (string.Equals(parent, outer.Name, StringComparison.OrdinalIgnoreCase)) return true;
            if (!_byName.TryGetValue(parent, out var next)) return false;
            at = next;
        }
        return false;
    }

    /// <summary>Every actor alias found in the text, longest match first at each position, in reading order.</summary>
    public List<ActorMention> FindMentions(string text)
    {
        var tokens = Tokens(text);
        var found = new List<ActorMention>();
        var sb = new StringBuilder();
        for (int i = 0; i < tokens.Count; i++)
        {
            var len = BestAt(text, tokens, i, sb, out var actor);
            if (actor is null) continue;
            if (actor == Shadow) { i += len - 1; continue; } // its words name no actor, nor part of one
            // "the EU Council": "the EU" matches at "the", but "EU Council" starting one word later reaches further.
            if (i + 1 < tokens.Count && (len > 1 || !AdjacentNamesApart)
                && BestAt(text, tokens, i + 1, sb, out var next) is var nextLen && next is not null && nextLen >= len) continue;
            var end = tokens[i + len - 1];
            found.Add(new ActorMention(actor, i, tokens[i].Start, end.Start + end.Length - tokens[i].Start));
            i += len - 1;
        }
        return found;
    }

    /// <summary>
    /// The longest alias at token <paramref name="i"/>; in Arabic, Persian and Hebrew script also with the word's
    /// attached prefixes taken off (Arabic و ف ب ل ك, Hebrew ו ה ב ל מ ש כ: "and", "the", "in", "to", "from"…), which
    /// those languages write as part of the next word — "ולפולין" is "and to Poland".
    /// </summary>
    private int BestAt(string text, List<Token> tokens, int i, StringBuilder sb, out ActorEntry? actor)
    {
        var len = LongestAt(text, tokens, i, tokens[i].Text, sb, out actor);
        ActorEntry? inflectedActor = null;
        var inflected = MatchInflected ? InflectedAt(text, tokens, i, sb, out inflectedActor) : 0;
        if (inflected > len) { actor = inflectedActor; return inflected; }
        if (actor is not null || !IsPrefixingScript(tokens[i].Text)) return len;
        var word = tokens[i].Text;
        for (int cut = 1; cut <= 2 && word.Length - cut >= 3 && IsPrefix(word[cut - 1]); cut++)
        {
            len = LongestAt(text, tokens, i, word[cut..], sb, out actor);
            if (actor is not null) return len;
        }
        actor = null;
        return 0;
    }

    private static bool IsPrefixingScript(string word) => word.Length > 0 && word[0] is >= '\u0590' and <= '\u06FF';

    private static bool IsPrefix(char c) => c is 'و' or 'ف' or 'ب' or 'ل' or 'ك' or 'ו' or 'ה' or 'ב' or 'ל' or 'מ' or 'ש' or 'כ';

    /// <summary>The longest alias starting at token <paramref name="i"/> read as <paramref name="first"/> (its length in
    /// tokens), or 0.</summary>
    private int LongestAt(string text, List<Token> tokens, int i, string first, StringBuilder sb, out ActorEntry? actor)
    {
        actor = null;
        if (!_firstWords.Contains(first)) return 0;
        for (int len = Math.Min(_longestAlias, tokens.Count - i); len >= 1; len--)
        {
            sb.Clear();
            sb.Append(first);
            for (int k = 1; k < len; k++) sb.Append(' ').Append(tokens[i + k].Text);
            if (_byAlias.TryGetValue(sb.ToString(), out actor))
            {
                if (len == 1 && _acronymKeys.Contains(sb.ToString()) && !IsUpperWord(text.AsSpan(tokens[i].Start, tokens[i].Length)))
                    continue; // "who", "Who", "ano": a word, not the acronym
                if (_quotedKeys.Contains(sb.ToString()) && !QuotedAt(text, tokens[i].Start))
                    continue; // "весна": spring, not «Вясна»
                return len;
            }
        }
        actor = null;
        return 0;
    }

    /// <summary>
    /// The longest alias starting at token <paramref name="i"/> in an inflected form (<see cref="Inflects"/>), or 0. A
    /// one-word alias matches inflected only where the text writes the word with a capital (in scripts that have
    /// capitals): "Весны" is Viasna, "весной" is "in spring".
    /// </summary>
    private int InflectedAt(string text, List<Token> tokens, int i, StringBuilder sb, out ActorEntry? actor)
    {
        actor = null;
        if (_byStems.Count == 0 || !_stemPrefixes.Contains(tokens[i].Stem)) return 0;
        // The runs of stems from token i that are keys, found in one pass that stops where no alias continues.
        Span<int> lengths = stackalloc int[Math.Max(1, Math.Min(_longestAlias, tokens.Count - i))];
        int found = 0;
        sb.Clear();
        for (int len = 1; len <= lengths.Length; len++)
        {
            if (len > 1) sb.Append(' ');
            sb.Append(tokens[i + len - 1].Stem);
            var key = sb.ToString();
            if (!_stemPrefixes.Contains(key)) break;
            if (_byStems.ContainsKey(key)) lengths[found++] = len;
        }
        for (int f = found - 1; f >= 0; f--)
        {
            int len = lengths[f];
            sb.Clear();
            for (int k = 0; k < len; k++) { if (k > 0) sb.Append(' '); sb.Append(tokens[i + k].Stem); }
            foreach (var (words, entry) in _byStems[sb.ToString()])
            {
                bool all = true;
                for (int k = 0; k < len && all; k++) all = Inflects(words[k], tokens[i + k].Text, alone: len == 1);
                if (!all) continue;
                if (len == 1 && words[0] != tokens[i].Text && !StartsWithCapital(text.AsSpan(tokens[i].Start, tokens[i].Length))) continue;
                if (_quotedKeys.Contains(string.Join(' ', words)) && !QuotedAt(text, tokens[i].Start)) continue;
                actor = entry;
                return len;
            }
        }
        return 0;
    }

    /// <summary>Latin, Greek, Cyrillic and Armenian words begin with a capital; other scripts have none in use (Georgian
    /// news are written in lower-case Mkhedruli).</summary>
    private static bool StartsWithCapital(ReadOnlySpan<char> surface) =>
        surface.Length > 0 && (surface[0] >= '\u0590' || char.IsUpper(surface[0]));

    private static bool IsUpperWord(ReadOnlySpan<char> surface)
    {
        foreach (var c in surface) if (char.IsLetter(c) && char.IsLower(c)) return false;
        return true;
    }

    internal readonly record struct Token(string Text, int Start, int Length)
    {
        /// <summary>The word's stem key (<see cref="StemKey"/>).</summary>
        public string Stem { get; } = StemKey(Text);
    }

    /// <summary>
    /// Words lower-cased with diacritics removed (so й/ў fold to и/у on both sides of a match); apostrophes inside words
    /// kept, except French and Italian elisions ("l'UE" is "UE") and short endings after a name ("Lithuania's",
    /// Turkish "Litvanya'nın": "Lithuania", "Litvanya"). Chinese, Japanese and Korean, written without spaces between
    /// words (and Korean with particles attached), are one token per character, so an alias matches inside a run of text.
    /// </summary>
    internal static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            if (i < text.Length && IsUnspaced(text[i]))
            {
                tokens.Add(new Token(Fold(text.AsSpan(i, 1)), i, 1));
                i++;
                continue;
            }
            int start = i;
            while (i < text.Length && !IsUnspaced(text[i]) && (char.IsLetterOrDigit(text[i]) || IsInnerMark(text, i) || IsCombining(text[i]))) i++;
            if (i > start)
            {
                var word = Fold(text.AsSpan(start, i - start));
                int cut = word.IndexOf('\'');
                // French and Italian elision: "l'UE", "d'Orsay", "dell'ONU" are the words "UE", "Orsay", "ONU".
                if (cut is > 0 and <= 4 && word.Length - cut > 2 && Elisions.Contains(word[..cut]))
                    tokens.Add(new Token(word[(cut + 1)..], start + cut + 1, i - start - cut - 1));
                // A possessive or case ending after a name: "japan's", "eu's", "rusya'da", "litvanya'nın".
                else if (cut >= 2 && word.Length - cut - 1 is >= 1 and <= 4 && word.IndexOf('\'', cut + 1) < 0)
                    tokens.Add(new Token(word[..cut], start, cut));
                else
                    tokens.Add(new Token(word, start, i - start));
            }
        }
        return tokens;
    }

    /// <summary>Han, kana and Hangul: scripts written without spaces between words.</summary>
    private static bool IsUnspaced(char c) =>
        c is >= '\u3040' and <= '\u30FF'      // hiragana, katakana
            or >= '\u3400' and <= '\u4DBF'     // CJK extension A
            or >= '\u4E00' and <= '\u9FFF'     // CJK unified ideographs
            or >= '\uAC00' and <= '\uD7AF'     // Hangul syllables
            or >= '\uF900' and <= '\uFAFF';    // CJK compatibility ideographs

    private static readonly HashSet<string> Elisions = new(StringComparer.Ordinal) { "l", "d", "j", "m", "n", "s", "t", "c", "qu", "dell", "all", "nell", "sull", "dall", "un" };

    /// <summary>Vowel signs and viramas of Devanagari and other Indic scripts are marks, not letters, yet part of the
    /// word: "रूस" (Russia) is one word, and without its vowel sign it would match inside "रास्ता" (road).</summary>
    private static bool IsCombining(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsInnerMark(string text, int i) =>
        text[i] is '\'' or '’' && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]);

    internal static string Fold(ReadOnlySpan<char> word)
    {
        var sb = new StringBuilder(word.Length);
        char previous = ' ';
        foreach (var ch in word.ToString().Normalize(NormalizationForm.FormD))
        {
            // Accents of European scripts and the vowel points of Hebrew and Arabic go; the vowel signs of Indic
            // scripts (from U+0900) are letters of the word and stay.
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark && previous < '\u0900') continue;
            previous = ch;
            var c = char.ToLowerInvariant(ch);
            sb.Append(c switch { 'ё' => 'е', '’' => '\'', 'ł' => 'l', 'ß' => 's', _ => c });
        }
        return sb.ToString().Replace("ss", "s"); // Weißrussland = Weissrussland
    }
}
