using System.Globalization;
using System.Text;

namespace Pipeline.Classify.Lexicon;

/// <summary>
/// Text normalisation shared by the lexicon and the models: lower case, diacritics removed (ё→е, й→и, ў→у,
/// ł→l, ß→s), typographic apostrophes unified, whitespace collapsed. The same fold is applied to lexicon
/// patterns, so "Maßnahmen", "Massnahmen" and "massnahmen" all match one stem.
/// </summary>
public static class TextFold
{
    /// <summary>At most <paramref name="max"/> characters from the start, never cutting a surrogate pair (an emoji at the
    /// cut would otherwise make the rest of the pipeline's Unicode normalisation throw).</summary>
    public static string Head(string text, int max) => Slice(text, 0, max);

    /// <summary>A substring clamped to the text that never cuts a surrogate pair.</summary>
    public static string Slice(string s, int from, int to)
    {
        from = Math.Clamp(from, 0, s.Length);
        to = Math.Clamp(to, from, s.Length);
        if (from > 0 && from < s.Length && char.IsLowSurrogate(s[from])) from++;
        if (to > from && to < s.Length && char.IsHighSurrogate(s[to - 1])) to--;
        return from == 0 && to == s.Length ? s : from >= to ? "" : s[from..to];
    }

    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (var ch in text.Normalize(NormalizationForm.FormD)) Append(sb, ch, ref space);
        return sb.Replace("ss", "s").ToString();
    }

    /// <summary>
    /// <see cref="Fold"/> with, for each folded character, the span of the text it comes from (UTF-16 offsets), to show
    /// matches found on folded text in the original. Null for the rare text whose characters, folded one by one, do not
    /// give <see cref="Fold"/> of the whole (combining marks reordered across characters, a lone surrogate).
    /// </summary>
    public static (string Folded, int[] Start, int[] End)? FoldWithOffsets(string text)
    {
        var sb = new StringBuilder(text.Length);
        var start = new List<int>(text.Length);
        var end = new List<int>(text.Length);
        bool space = false;
        for (int i = 0; i < text.Length;)
        {
            int n = char.IsSurrogatePair(text, i) ? 2 : 1;
            string unit;
            try { unit = text.Substring(i, n).Normalize(NormalizationForm.FormD); }
            catch (ArgumentException) { return null; }
            foreach (var ch in unit)
            {
                int before = sb.Length;
                Append(sb, ch, ref space);
                for (int k = before; k < sb.Length; k++) { start.Add(i); end.Add(i + n); }
            }
            i += n;
        }
        // "ss" → "s" from left to right without overlaps, as StringBuilder.Replace does in Fold.
        var folded = new StringBuilder(sb.Length);
        var (s2, e2) = (new List<int>(sb.Length), new List<int>(sb.Length));
        for (int k = 0; k < sb.Length; k++)
        {
            bool pair = sb[k] == 's' && k + 1 < sb.Length && sb[k + 1] == 's';
            folded.Append(sb[k]);
            s2.Add(start[k]);
            e2.Add(end[pair ? ++k : k]);
        }
        var result = folded.ToString();
        return result == Fold(text) ? (result, s2.ToArray(), e2.ToArray()) : null;
    }

    /// <summary>One character of the decomposed text, folded (the one rule of <see cref="Fold"/> and <see cref="FoldWithOffsets"/>,
    /// which checks its result against the fold of the whole text).</summary>
    private static void Append(StringBuilder sb, char ch, ref bool space)
    {
        var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
        if (cat == UnicodeCategory.NonSpacingMark) return;
        if (char.IsWhiteSpace(ch))
        {
            if (!space && sb.Length > 0) sb.Append(' ');
            space = true;
            return;
        }
        space = false;
        var c = char.ToLowerInvariant(ch);
        switch (c)
        {
            case 'ё': sb.Append('е'); break;
            case '’' or 'ʼ' or '`' or '‘': sb.Append('\''); break;
            case 'ł': sb.Append('l'); break;
            case 'ß': sb.Append("ss"); break;
            case 'æ': sb.Append("ae"); break;
            case 'ø': sb.Append('o'); break;
            case 'đ': sb.Append('d'); break;
            case 'ı': sb.Append('i'); break;
            case '«' or '»' or '„' or '“' or '”': sb.Append('"'); break;
            case '–' or '—' or '‑': sb.Append('-'); break;
            default: sb.Append(c); break;
        }
    }

    private static readonly Dictionary<char, string> Latin = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['ґ'] = "g", ['д'] = "d", ['е'] = "e", ['є'] = "je", ['ж'] = "z",
        ['з'] = "z", ['и'] = "i", ['і'] = "i", ['ї'] = "ji", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "ch", ['ц'] = "c", ['ч'] = "c",
        ['ш'] = "s", ['щ'] = "sc", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "ju", ['я'] = "ja",
    };

    /// <summary>Folded Cyrillic written in Latin letters (close to Belarusian Łacinka and Polish/Czech spelling), so
    /// "санкции", "санкцыі", "sankcyi" and "sankcje" share character n-grams. Other scripts are left alone.</summary>
    public static string Transliterate(string folded)
    {
        var sb = new StringBuilder(folded.Length + 16);
        foreach (var c in folded)
        {
            if (Latin.TryGetValue(c, out var s)) sb.Append(s);
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
