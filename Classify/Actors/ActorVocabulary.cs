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

    public IReadOnlyList<ActorEntry> Actors { get; }

    public ActorVocabulary(IEnumerable<ActorEntry> actors)
    {
        Actors = actors.ToList();
        _byName = new Dictionary<string, ActorEntry>(StringComparer.OrdinalIgnoreCase);
        _byAlias = new Dictionary<string, ActorEntry>(StringComparer.Ordinal);
        foreach (var a in Actors)
        {
            _byName.TryAdd(a.Name, a);
            foreach (var alias in a.Aliases.Append(a.Name))
            {
                var key = string.Join(' ', Tokens(alias).Select(t => t.Text));
                if (key.Length == 0) continue;
                _byAlias.TryAdd(key, a);
                _longestAlias = Math.Max(_longestAlias, key.Count(c => c == ' ') + 1);
            }
        }
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
            for (int len = Math.Min(_longestAlias, tokens.Count - i); len >= 1; len--)
            {
                sb.Clear();
                for (int k = 0; k < len; k++) { if (k > 0) sb.Append(' '); sb.Append(tokens[i + k].Text); }
                if (_byAlias.TryGetValue(sb.ToString(), out var actor))
                {
                    var end = tokens[i + len - 1];
                    found.Add(new ActorMention(actor, i, tokens[i].Start, end.Start + end.Length - tokens[i].Start));
                    i += len - 1;
                    break;
                }
            }
        }
        return found;
    }

    internal readonly record struct Token(string Text, int Start, int Length);

    /// <summary>Words lower-cased with diacritics removed (so й/ў fold to и/у on both sides of a match); apostrophes inside words kept.</summary>
    internal static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            int start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsInnerMark(text, i))) i++;
            if (i > start) tokens.Add(new Token(Fold(text.AsSpan(start, i - start)), start, i - start));
        }
        return tokens;
    }

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
