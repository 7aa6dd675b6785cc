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
    /// <summary>The first word of every alias: a position whose word starts no alias is skipped at once (most words
    /// of a text; measured 1.0 → 0.24 ms per scan of a 2 KB article, the same mentions found).</summary>
    private readonly HashSet<string> _firstWords = new(StringComparer.Ordinal);

    public IReadOnlyList<ActorEntry> Actors { get; }

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
                if (IsAcronym(alias)) _acronymKeys.Add(key); else mixedKeys.Add(key);
                _byAlias.TryAdd(key, a);
                _firstWords.Add(key.Split(' ')[0]);
                _longestAlias = Math.Max(_longestAlias, key.Count(c => c == ' ') + 1);
            }
        }
        _acronymKeys.ExceptWith(mixedKeys);
    }

    private static bool IsAcronym(string alias)
    {
        var t = alias.Trim();
        return t.Length is >= 2 and <= 6 && t.All(c => char.IsUpper(c) || char.IsDigit(c)) && t.Any(char.IsLetter);
    }

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Data", "actors.json");

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
        return _byAlias.GetValueOrDefault(string.Join(' ', Tokens(nameOrAlias).Select(t => t.Text)));
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
            // "the EU Council": "the EU" matches at "the", but "EU Council" starting one word later reaches further.
            if (i + 1 < tokens.Count && BestAt(text, tokens, i + 1, sb, out var next) is var nextLen && next is not null && nextLen >= len) continue;
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
                return len;
            }
        }
        actor = null;
        return 0;
    }

    private static bool IsUpperWord(ReadOnlySpan<char> surface)
    {
        foreach (var c in surface) if (char.IsLetter(c) && char.IsLower(c)) return false;
        return true;
    }

    internal readonly record struct Token(string Text, int Start, int Length);

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
            while (i < text.Length && !IsUnspaced(text[i]) && (char.IsLetterOrDigit(text[i]) || IsInnerMark(text, i))) i++;
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

    private static bool IsInnerMark(string text, int i) =>
        text[i] is '\'' or '’' && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]);

    internal static string Fold(ReadOnlySpan<char> word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var ch in word.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = char.ToLowerInvariant(ch);
            sb.Append(c switch { 'ё' => 'е', '’' => '\'', 'ł' => 'l', 'ß' => 's', _ => c });
        }
        return sb.ToString().Replace("ss", "s"); // Weißrussland = Weissrussland
    }
}
