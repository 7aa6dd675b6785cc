using System.Text.RegularExpressions;

namespace Pipeline.Classify.Facts;

/// <summary>
/// A legal instrument a text names (issue 15's <c>legal_acts</c>): its kind, its normalised reference, a link where the
/// reference alone gives one, and where it is written in the text.
/// </summary>
/// <param name="Kind"><c>eu</c> (an EU regulation or decision), <c>celex</c> (an EUR-Lex CELEX number), <c>un</c> (a UN
/// document symbol), <c>us_eo</c> (a US executive order), <c>uk_si</c> (a UK statutory instrument), <c>ca_sor</c> (a
/// Canadian regulation).</param>
/// <param name="Id">The normalised reference: "Regulation (EU) 2021/1030", "Decision 2012/642/CFSP", "Regulation (EC)
/// No 765/2006", "32021R1030", "A/HRC/RES/47/19", "Executive Order 14038", "SI 2019/600", "SOR/2020-214".</param>
public sealed record LegalAct(string Kind, string Id, string? Url, int Start, int Length);

/// <summary>
/// Finds references to legal instruments by their numbering patterns, in the languages of the corpus where the pattern
/// is written around a word ("Regulation", "Verordnung", "règlement", "Регламент", "rozporządzenie"…). Deterministic and
/// bounded: non-backtracking expressions over at most <see cref="MaxChars"/> characters.
/// </summary>
public static class LegalActs
{
    /// <summary>Text beyond this is not searched (a page of legal text names its acts long before).</summary>
    public const int MaxChars = 100_000;

    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    // "Regulation" and "Decision" in the corpus languages: the word decides R or D in the CELEX link.
    private const string RegulationWord = @"regulation|verordnung|r[eè]glement|reglamento|regolamento|verordening|forordning|förordning|" +
        @"rozporz[aą]dzeni\w*|na[rř][ií]zen[ií]\w*|reglament\w*|regul[aā]\w*|m[aä][aä]rus\w*|asetus\w*|регламент\w*|постановлени\w*";
    private const string DecisionWord = @"decision|beschluss\w*|d[eé]cision|decisi[oó]n|decisione|besluit|afg[oø]relse|beslut|beslutning|" +
        @"decyzj\w*|rozhodnut[ií]\w*|sprendim\w*|l[eē]mum\w*|otsus\w*|p[aä][aä]t[oö]s\w*|решени\w*|рашэнн\w*|рішенн\w*";
    // Anywhere in the words before the reference: "Durchführungsverordnung" is a regulation.
    private static readonly Regex IsRegulation = new(RegulationWord, Options);
    private static readonly Regex IsDecision = new(DecisionWord, Options);
    private const string Union = @"EU|UE|ЕС|ЄС|ЕЗ|ES|EL|EÚ|EK|EC|CE|EG|EWG|EEC|EGKS|Euratom";
    private const string Cfsp = @"CFSP|PESC|GASP|WPZiB|SZBP|BUSP|ÜVJP|KUSP|ЗВПБ|ОВППБ|ОЗППБ|GBVB|YUTP";

    // "Regulation (EU) 2021/1030", "Verordnung (EU) Nr. 2021/1030", "(EC) No 765/2006", "Durchführungsverordnung (EU) 2021/1030".
    private static readonly Regex EuNumbered = new(
        @"(?<word>(?:implementing\s+|durchführungs|d'exécution\s+)?(?:" + RegulationWord + "|" + DecisionWord + @")[\s\w'’]{0,30}?)?" +
        @"\((?<union>" + Union + @")\)\s*(?:(?:No|Nr|n[°o]|nº|№)\.?\s*)?(?<a>\d{1,4})/(?<b>\d{1,4})(?:/(?<cfsp>" + Cfsp + @"))?", Options);

    // "Decision 2012/642/CFSP", "Beschluss (GASP) 2020/1388", "Council Decision (CFSP) 2021/1031".
    private static readonly Regex Cfsp1 = new(@"\((?<tag>" + Cfsp + @")\)\s*(?<a>\d{4})/(?<b>\d{1,4})", Options);
    private static readonly Regex Cfsp2 = new(@"\b(?<a>\d{4})/(?<b>\d{1,4})/(?<tag>" + Cfsp + @")\b", Options);

    // CELEX: sector 3 (legislation), year, R (regulation) / D (decision) / L (directive), four-digit number.
    private static readonly Regex Celex = new(@"\bCELEX[:\s]*(?<id>3\d{4}[RDL]\d{4})|\b(?<id>3(?:19[5-9]\d|20\d\d)[RDL]\d{4})\b", Options);

    // UN document symbols: "A/HRC/RES/47/19", "A/RES/75/181", "S/RES/2222 (2015)", "A/HRC/52/68", "CCPR/C/135/D/2936/2017".
    private static readonly Regex UnSymbol = new(
        @"\b(?<id>(?:A/HRC/RES|A/RES|S/RES|A/HRC|A/C\.3|A|S|CCPR/C|CAT/C|CEDAW/C|E/CN\.4)/(?:\d{1,4}|[A-Z]{1,4}\.\d{1,3})(?:/[A-Z]{1,3})?(?:/\d{1,5}){1,3})\b",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    // "Executive Order 14038", "E.O. 14038", "EO 13405", "Executive Order (E.O.) 14038".
    private static readonly Regex UsExecutiveOrder = new(@"(?:executive\s+order(?:\s*\(E\.O\.\))?|E\.\s?O\.|\bEO)\s*(?:No\.?\s*)?(?<n>1[0-4]\d{3})\b", Options);

    // UK statutory instruments: "S.I. 2019/600", "SI 2021/1078", "2019 No. 600".
    private static readonly Regex UkSi = new(@"(?:\bS\.?\s?I\.?\s*(?<y>(?:19|20)\d\d)/(?<n>\d{1,4})\b)|(?:\b(?<y2>(?:19|20)\d\d)\s+No\.\s*(?<n2>\d{1,4})\b)", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    // Canada: "SOR/2020-214", "DORS/2020-214".
    private static readonly Regex CaSor = new(@"\b(?:SOR|DORS)/(?<y>(?:19|20)?\d\d)-(?<n>\d{1,4})\b", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    /// <summary>Every legal act the text names, once each (at its first mention), in reading order.</summary>
    public static List<LegalAct> Find(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        if (text.Length > MaxChars) text = text[..MaxChars];
        var found = new List<LegalAct>();
        var taken = new List<(int Start, int End)>();

        void Add(string kind, string id, string? url, int start, int length)
        {
            if (taken.Any(t => start < t.End && t.Start < start + length)) return; // a span already read as another act
            taken.Add((start, start + length));
            found.Add(new LegalAct(kind, id, url, start, length));
        }

        foreach (Match m in EuNumbered.Matches(text))
        {
            var word = m.Groups["word"].Value;
            var union = m.Groups["union"].Value.ToUpperInvariant();
            string a = m.Groups["a"].Value, b = m.Groups["b"].Value;
            bool cfsp = m.Groups["cfsp"].Success;
            char? type = cfsp || IsDecision.IsMatch(word) ? 'D' : IsRegulation.IsMatch(word) ? 'R' : null;
            // Before 2015 an act was "No number/year"; since, "year/number".
            bool yearFirst = a.Length == 4 && int.Parse(a) is >= 1990 and <= 2100 && !(b.Length == 4 && int.Parse(b) is >= 1958 and <= 2014);
            var (year, number) = yearFirst ? (a, b) : (b, a);
            var latin = union switch { "UE" or "ЕС" or "ЄС" or "ES" or "EL" or "EÚ" or "EK" or "ЕЗ" => "EU", "CE" or "EG" => "EC", _ => union };
            var kindWord = type == 'D' ? "Decision " : type == 'R' ? "Regulation " : "";
            var id = yearFirst ? $"{kindWord}({latin}) {year}/{number}" : $"{kindWord}({latin}) No {number}/{year}";
            if (cfsp) id = $"Decision {year}/{number}/CFSP";
            string? url = type is { } t && year.Length == 4 ? CelexUrl($"3{year}{t}{int.Parse(number):0000}") : null;
            int start = m.Groups["word"].Success && m.Groups["word"].Length > 0 ? m.Groups["word"].Index : m.Index;
            Add("eu", id, url, start, m.Index + m.Length - start);
        }
        foreach (var regex in new[] { Cfsp1, Cfsp2 })
            foreach (Match m in regex.Matches(text))
            {
                string year = m.Groups["a"].Value, number = m.Groups["b"].Value;
                Add("eu", $"Decision {year}/{number}/CFSP", CelexUrl($"3{year}D{int.Parse(number):0000}"), m.Index, m.Length);
            }
        foreach (Match m in Celex.Matches(text))
        {
            var id = m.Groups["id"].Value.ToUpperInvariant();
            Add("celex", id, CelexUrl(id), m.Index, m.Length);
        }
        foreach (Match m in UnSymbol.Matches(text))
        {
            var id = m.Groups["id"].Value;
            if (m.Index > 0 && text[m.Index - 1] == '/' || m.Index + m.Length < text.Length && text[m.Index + m.Length] == '/') continue; // part of a longer path
            if (id.Count(c => c == '/') < 2 && !id.StartsWith("S/RES", StringComparison.Ordinal)) continue; // "A/75" is a fraction, not a symbol
            Add("un", id, $"https://undocs.org/{id}", m.Index, m.Length);
        }
        foreach (Match m in UsExecutiveOrder.Matches(text))
            Add("us_eo", $"Executive Order {m.Groups["n"].Value}", null, m.Index, m.Length);
        foreach (Match m in UkSi.Matches(text))
        {
            var (y, n) = m.Groups["y"].Success ? (m.Groups["y"].Value, m.Groups["n"].Value) : (m.Groups["y2"].Value, m.Groups["n2"].Value);
            Add("uk_si", $"SI {y}/{n}", $"https://www.legislation.gov.uk/uksi/{y}/{n}", m.Index, m.Length);
        }
        foreach (Match m in CaSor.Matches(text))
        {
            var y = m.Groups["y"].Value;
            if (y.Length == 2) y = (int.Parse(y) > 50 ? "19" : "20") + y;
            var id = $"SOR/{y}-{m.Groups["n"].Value}";
            Add("ca_sor", id, $"https://laws-lois.justice.gc.ca/eng/regulations/SOR-{y}-{m.Groups["n"].Value}/", m.Index, m.Length);
        }
        return found.GroupBy(a => a.Id).Select(g => g.OrderBy(a => a.Start).First()).OrderBy(a => a.Start).ToList();
    }

    private static string CelexUrl(string celex) => $"https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:{celex}";
}
