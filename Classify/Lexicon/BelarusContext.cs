using System.Text.RegularExpressions;

namespace Pipeline.Classify.Lexicon;

/// <summary>How strongly a text points at Belarus.</summary>
public enum BelarusEvidence { None, Weak, Specific, Strong }

/// <summary>
/// The classifier's own Belarus detector (on folded text), wider than the ingest relevance rule: besides the
/// country and its leaders it knows people, places and institutions that only occur in Belarusian news
/// (Akrestsina, Pratasevich, Poczobut, Belsat, Viasna, Ryanair FR4978…) and "Minsk" when it is not the
/// Minsk agreements. Used as a model feature and to let the model overrule a relevance rule that missed such
/// a text; the model still decides <c>irrelevant</c> on its own.
/// </summary>
public static class BelarusContext
{
    private static readonly string[] StrongTerms =
    [
        "belarus", "byelorussia", "belorussia", "lukashenk", "lukashenko", "lukaschenk", "loukachenk", "lukasenk", "lukasenk", "lukaszenk",
        "tsikhanousk", "tikhanovsk", "tichanowsk", "tichanovsk", "tijanovsk", "tsichanousk", "cichanousk", "cichanowsk", "tihanovsk", "tsihanousk", "tyihanovszk",
        "bialoru", "baltarus", "baltkriev", "valgevene", "weisrus", "weissrus", "belarusisch", "bielorus", "bielorrus", "bielorussi",
        "wit-rus", "witrus", "vitrys", "hviderus", "hviterus", "valko-venaj", "valkovenaj", "belorus", "feheroros", "belarusz", "bilorus",
        "беларус", "белорус", "белорос", "білорус", "лукашенк", "лукашэнк", "тихановск", "цихановск", "ціханоўск", "biellarus", "bielarus", "bielaru",
        "ბელარუს", "ლუკაშენკ", "belorusij", "bjelorusij", "bjellorusi", "beyaz rusya", "λευκορωσ", "λουκασενκ", "բելառուս", "լուկաշենկ",
        "बेलारूस", "बेलारुस", "लुकाशेंको", "벨라루스", "루카셴코",
    ];

    /// <summary>Names in scripts that attach prefixes (Arabic, Persian, Hebrew) or write without spaces (Chinese,
    /// Japanese, Thai): matched without a word boundary on the left (the same list as the ingest rule).</summary>
    private static readonly string[] AffixedTerms =
    [
        "بيلاروس", "بيلوروسيا", "روسيا البيضاء", "لوكاشينكو", "لوكاشنكو", "بلاروس", "روسیه سفید", "لوکاشنکو",
        "בלארוס", "בלרוס", "ביילורוסיה", "לוקשנקו", "לוקאשנקו",
        "白俄", "卢卡申科", "盧卡申科", "ベラルーシ", "白ロシア", "ルカシェンコ", "เบลารุส", "ลูกาเชนโก",
    ];

    private static readonly string[] SpecificTerms =
    [
        "akrestsin", "akrestin", "akreszin", "okrestin", "окрестин", "акрэсцін", "акрестин", "akrescin",
        "pratasevic", "protasevic", "pratasiewicz", "пратасевіч", "протасевич", "пратасевич", "fr4978", "fr 4978",
        "poczobut", "pachobut", "pocobut", "почобут", "пачобут", "losik", "лосик", "лосік", "babaryk", "бабарык", "бабарико",
        "latushk", "латушк", "kalesnikav", "kolesnikov", "калеснікав", "колесников", "statkevic", "статкевіч", "статкевич",
        "bialiatsk", "bialack", "bjaljazk", "bialiack", "бяляцк", "беляцк", "viasna", "wjasna", "вясна", "вясны", "вясну",
        "belsat", "белсат", "tut.by", "belaz", "белаз", "belaruskali", "беларуськал", "naftan", "нафтан", "grodno azot", "гродно азот", "гродна азот",
        "belavia", "белавиа", "белавія", "biełavi", "bielavi", "hrodna", "гродн", "homiel", "гомел", "гомель", "vitebsk", "viciebsk", "віцебск", "витебск",
        "mahilyow", "mogilev", "магілё", "могилев", "mahiliou", "babruisk", "бабруйск", "бобруйск", "zhodzin", "жодин", "жодзін", "shklou", "шклоў", "шклов",
        "andreyeva", "andreeva", "андрэева", "андреева", "bakhvalava", "бахвалав", "tsepkalo", "цапкала", "цепкало", "kolesnikova", "mikalai", "ihar ",
        "ryanair", "kgb", "кгб", "кдб", "omon", "амон", "омон", "вкл", "biełaru", "weißrus", "minsk court", "minsk city court",
        "coordination council", "координационн\\w* совет", "каардынацыйн", "rada bnr", "belarusian", "bielaruski", "białorusk",
        // the numbers of the EU's Belarus sanctions acts (framework decision and regulations), cited in every amendment
        "2012/642", "765/2006", "2021/1030", "2021/1031",
    ];

    private static readonly Regex Strong = Build(StrongTerms, AffixedTerms);
    private static readonly Regex Specific = Build(SpecificTerms, []);
    // The text is a page's. Minsk and the term lists need a lookbehind, which the non-backtracking engine lacks: a match
    // timeout guards them. The agreements have none: on the backtracking engine "\w*\s+" after every mention rescans the
    // rest of the word, quadratic over one long word of mentions.
    private static readonly Regex Minsk = new(@"(?<![\p{L}\p{N}])(?:minsk|minsk|minski|mińsk|минск|мінск|менск|мінськ|miensk|mensk|minszk|minskis|minske|minsku|minska|minskin|minskiin|minskist)\w*", RegexOptions.CultureInvariant | RegexOptions.Compiled, ResponseLexicon.MatchTimeout);
    private static readonly Regex MinskAgreements = new(@"(?:minsk|минск|мінськ|мінск|mińsk)\w*\s+(?:agreement|accord|protocol|format|process|peace|agreements|deal|abkommen|vereinbarung|abkomm|soglashen|соглашен|договорен|протокол|формат|угод|домовленост|porozumie|uzgodn|accordi|acuerdo|acordo|akkoord|avtal|sopimu|dohod|acord|megallapod|susitarim|vienosan|kokkulepp)|(?:agreements?|accords?|protocol|format|соглашени\w*|договоренност\w*|угод\w*|porozumie\w*|abkommen|accords?|acuerdos?)\s+(?:of |de |von |di |z )?(?:minsk|минск|мінськ|mińsk)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static Regex Build(string[] terms, string[] affixed) =>
        new(@"(?<![\p{L}\p{N}])(?:" + string.Join("|", terms.Select(t => TextFold.Fold(t)).Select(t => t.Contains('\\') ? t : Regex.Escape(t).Replace("\\ ", " "))) + ")"
            + (affixed.Length == 0 ? "" : "|(?:" + string.Join("|", affixed.Select(t => Regex.Escape(TextFold.Fold(t)).Replace("\\ ", " "))) + ")"),
            RegexOptions.CultureInvariant | RegexOptions.Compiled, ResponseLexicon.MatchTimeout);

    /// <summary>Evidence on an already folded text.</summary>
    public static BelarusEvidence Evaluate(string folded)
    {
        if (Strong.IsMatch(folded)) return BelarusEvidence.Strong;
        if (Specific.IsMatch(folded)) return BelarusEvidence.Specific;
        var minsk = Minsk.Matches(folded).Count;
        var agreements = MinskAgreements.Matches(folded).Count;
        if (minsk > agreements) return BelarusEvidence.Specific;
        return minsk > 0 ? BelarusEvidence.Weak : BelarusEvidence.None;
    }

    public static bool MentionsMinskAgreements(string folded) => MinskAgreements.IsMatch(folded);

    /// <summary>Belarusian Cyrillic ў or Łacinka ŭ at least twice (the same test as the ingest relevance rule; unfolded text).</summary>
    public static bool WrittenInBelarusian(string text) => text.Count(c => c is 'ў' or 'Ў' or 'ŭ' or 'Ŭ') >= 2;
}
