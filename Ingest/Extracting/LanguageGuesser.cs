namespace Pipeline.Ingest.Extracting;

/// <summary>
/// A small stop-word and letter guesser for the languages the monitors read, used when a page does not
/// declare its language. It is a fallback, not a general language identifier: unknown → null.
/// </summary>
public static class LanguageGuesser
{
    private static readonly (string Lang, string[] Words)[] StopWords =
    [
        ("en", ["the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "has", "was"]),
        ("ru", ["и", "в", "не", "на", "что", "с", "по", "это", "как", "для", "из", "года"]),
        ("be", ["і", "ў", "на", "што", "з", "па", "гэта", "як", "для", "ад", "year", "быў"]),
        ("uk", ["і", "в", "на", "що", "з", "та", "це", "як", "для", "від", "україни", "було"]),
        ("pl", ["i", "w", "na", "że", "z", "do", "się", "nie", "jest", "przez", "dla", "oraz"]),
        ("lt", ["ir", "į", "kad", "su", "yra", "dėl", "nuo", "buvo", "bei", "jo", "kaip", "prie"]),
        ("lv", ["un", "ar", "ka", "par", "no", "uz", "ir", "tika", "kā", "arī", "lai", "gada"]),
        ("et", ["ja", "on", "et", "ei", "ka", "see", "oli", "kui", "mis", "ning", "välisminister", "aasta"]),
        ("de", ["der", "die", "und", "das", "nicht", "mit", "den", "von", "ist", "für", "auf", "dem"]),
        ("fr", ["le", "la", "les", "et", "des", "du", "est", "une", "pour", "dans", "que", "sur"]),
        ("es", ["el", "la", "los", "de", "que", "y", "en", "por", "para", "con", "una", "del"]),
        ("it", ["il", "della", "che", "di", "e", "per", "con", "una", "non", "sono", "del", "gli"]),
        ("nl", ["de", "het", "een", "van", "en", "dat", "niet", "voor", "met", "zijn", "op", "wordt"]),
        ("be-latn", ["i", "u", "na", "ŭ", "što", "heta", "jak", "dla", "ad", "byŭ", "pa", "z"]),
    ];

    public static string? Guess(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var sample = text.Length > 4000 ? text[..4000] : text;
        var words = sample.ToLowerInvariant().Split([' ', '\n', '\t', ',', '.', ';', ':', '"', '«', '»', '(', ')', '!', '?'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        var set = words.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        // Letters that only one of the Cyrillic languages uses settle most cases.
        if (sample.Contains('ў') || sample.Contains("ы") && sample.Contains('і')) return "be";
        if (sample.Contains('ї') || sample.Contains('є') || sample.Contains('ґ')) return "uk";
        if (sample.Contains('ŭ') || sample.Contains("ć") && sample.Contains("ł") && sample.Contains("Biełaru", StringComparison.OrdinalIgnoreCase)) return "be";
        string? best = null;
        int bestScore = 0;
        foreach (var (lang, stop) in StopWords)
        {
            int score = stop.Sum(w => set.GetValueOrDefault(w));
            if (score > bestScore) { best = lang; bestScore = score; }
        }
        if (best == "be-latn") best = "be";
        return bestScore >= 2 ? best : null;
    }
}
