using System.Globalization;
using System.Text;
using Pipeline.Classify.Actors;

namespace Pipeline.Bench.Benchmarks;

/// <summary>
/// A measured proposal for <c>Classify/Actors/ActorVocabulary.FindMentions</c>: the same tokenisation, the same
/// longest-match and acronym rules (as of 2026-11-25), but a position is only tried when its token starts some alias (a set of first tokens built
/// once), instead of joining and looking up every length from the longest alias down at every token. Used only by
/// <see cref="ClassifyProfile"/> to measure the effect; it checks that it finds exactly the same mentions.
/// </summary>
public sealed class MentionPrototype
{
    private readonly Dictionary<string, ActorEntry> _byAlias = new(StringComparer.Ordinal);
    private readonly HashSet<string> _acronymKeys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _firstTokens = new(StringComparer.Ordinal);
    private readonly int _longest;

    public MentionPrototype(ActorVocabulary vocabulary)
    {
        var mixed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in vocabulary.Actors)
            foreach (var alias in a.Aliases.Append(a.Name))
            {
                var tokens = Tokens(alias).Select(t => t.Text).ToList();
                if (tokens.Count == 0) continue;
                var key = string.Join(' ', tokens);
                var t = alias.Trim();
                if (t.Length is >= 2 and <= 6 && t.All(c => char.IsUpper(c) || char.IsDigit(c)) && t.Any(char.IsLetter)) _acronymKeys.Add(key); else mixed.Add(key);
                _byAlias.TryAdd(key, a);
                _firstTokens.Add(tokens[0]);
                _longest = Math.Max(_longest, tokens.Count);
            }
        _acronymKeys.ExceptWith(mixed);
    }

    public List<(string Actor, int Start)> FindMentions(string text)
    {
        var tokens = Tokens(text);
        var found = new List<(string, int)>();
        var sb = new StringBuilder();
        for (int i = 0; i < tokens.Count; i++)
        {
            var len = LongestAt(text, tokens, i, sb, out var actor);
            if (actor is null) continue;
            if (i + 1 < tokens.Count && LongestAt(text, tokens, i + 1, sb, out var next) is var nextLen && next is not null && nextLen >= len) continue;
            found.Add((actor.Name, tokens[i].Start));
            i += len - 1;
        }
        return found;
    }

    private int LongestAt(string text, List<Token> tokens, int i, StringBuilder sb, out ActorEntry? actor)
    {
        actor = null;
        if (!_firstTokens.Contains(tokens[i].Text)) return 0; // the proposal: most words start no alias
        for (int len = Math.Min(_longest, tokens.Count - i); len >= 1; len--)
        {
            sb.Clear();
            for (int k = 0; k < len; k++) { if (k > 0) sb.Append(' '); sb.Append(tokens[i + k].Text); }
            if (_byAlias.TryGetValue(sb.ToString(), out actor))
            {
                if (len == 1 && _acronymKeys.Contains(sb.ToString()) && !IsUpperWord(text.AsSpan(tokens[i].Start, tokens[i].Length))) continue;
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

    public readonly record struct Token(string Text, int Start, int Length);

    // Tokenisation copied from ActorVocabulary (internal there) so that the comparison is like for like.
    public static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            int start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsInnerMark(text, i))) i++;
            if (i > start)
            {
                var word = Fold(text.AsSpan(start, i - start));
                int cut = word.IndexOf('\'');
                if (cut is > 0 and <= 4 && word.Length - cut > 2 && Elisions.Contains(word[..cut]))
                    tokens.Add(new Token(word[(cut + 1)..], start + cut + 1, i - start - cut - 1));
                else
                    tokens.Add(new Token(word, start, i - start));
            }
        }
        return tokens;
    }

    private static readonly HashSet<string> Elisions = new(StringComparer.Ordinal) { "l", "d", "j", "m", "n", "s", "t", "c", "qu", "dell", "all", "nell", "sull", "dall", "un" };

    private static bool IsInnerMark(string text, int i) =>
        text[i] is '\'' or '’' && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]);

    private static string Fold(ReadOnlySpan<char> word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var ch in word.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = char.ToLowerInvariant(ch);
            sb.Append(c switch { 'ё' => 'е', '’' => '\'', 'ł' => 'l', 'ß' => 's', _ => c });
        }
        return sb.ToString().Replace("ss", "s");
    }
}
