using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Classify.Lexicon;

namespace Pipeline.Classify.Facts;

/// <summary>The date of the act a text reports (issue 15's <c>date</c>), with the words it was read from.</summary>
public sealed record ActDate(DateOnly Date, int Start, int Length, string Evidence);

/// <summary>
/// Reads the date of the act from a text — not the date of the page or of the crawl: "on 9 August 2020", "August 9",
/// "am 2. Dezember", "2 грудня", "2021 m. gruodžio 2 d.", "2021. gada 2. decembrī", "9.08.2020", "2020-08-09",
/// "yesterday", "today", "on Monday". A day without a year, a weekday and "yesterday" need the page's date; without it
/// they are not read. Among the dates of the title and the lead, the latest one not after the page's date is the act's
/// (a text recalls older events — "the election of 9 August 2020" — more often than it announces later ones). A day
/// without a year takes the year that puts it nearest the page's date; a date right after "since", "until", "ab", "с",
/// "od"… bounds a period and is not the act's; a dateline on the page's day yields to "on Tuesday" or "yesterday" in the
/// lead unless the text also says "today". Null when the text gives no date it makes certain. Deterministic and bounded:
/// the first <see cref="LeadChars"/> characters, linear in them but for a look-back over their words per date found.
/// </summary>
public static class ActDates
{
    /// <summary>Only the title and the lead are read: the act is dated where it is reported.</summary>
    public const int LeadChars = 1_200;

    // Month names, folded (lower case, no diacritics), in the nominative and the forms dates use (genitive, locative…).
    private static readonly Dictionary<string, int> Months = BuildMonths();

    private static Dictionary<string, int> BuildMonths()
    {
        var lists = new[]
        {
            // en, de, fr, es, it, nl, pt
            "january|januar|janvier|enero|gennaio|januari|janeiro|jan", "february|februar|fevrier|febrero|febbraio|februari|fevereiro|feb",
            "march|marz|mars|marzo|maart|marco|mar", "april|avril|abril|aprile|apr",
            "may|mai|mayo|maggio|mei|maio", "june|juni|juin|junio|giugno|junho|jun",
            "july|juli|juillet|julio|luglio|julho|jul", "august|aout|agosto|augustus|aug",
            "september|septembre|septiembre|settembre|setembro|sep|sept", "october|oktober|octobre|octubre|ottobre|outubro|oct|okt",
            "november|novembre|noviembre|novembro|nov", "december|dezember|decembre|diciembre|dicembre|dezembro|dec|dez",
        };
        var slavic = new[]
        {
            // ru (nominative, genitive), uk (genitive, nominative), be (genitive, nominative), pl (genitive, nominative)
            "январь|января|січня|січень|студзеня|студзень|stycznia|styczen",
            "февраль|февраля|лютого|лютий|лютага|люты|lutego|luty",
            "март|марта|березня|березень|сакавiка|сакавiк|marca|marzec",
            "апрель|апреля|квiтня|квiтень|красавiка|красавiк|kwietnia|kwiecien",
            "май|мая|травня|травень|травеня|maja|maj",
            "июнь|июня|червня|червень|чэрвеня|чэрвень|czerwca|czerwiec",
            "июль|июля|липня|липень|лiпеня|лiпень|lipca|lipiec",
            "август|августа|серпня|серпень|жнiуня|жнiвень|sierpnia|sierpien",
            "сентябрь|сентября|вересня|вересень|верасня|верасень|wrzesnia|wrzesien",
            "октябрь|октября|жовтня|жовтень|кастрычнiка|кастрычнiк|pazdziernika|pazdziernik",
            "ноябрь|ноября|листопада|листопад|лiстапада|лiстапад|listopada|listopad",
            "декабрь|декабря|грудня|грудень|снежня|снежань|grudnia|grudzien",
        };
        var baltic = new[]
        {
            // lt (genitive, nominative), lv (locative, nominative), et (nominative, adessive)
            "sausio|sausis|janvari|janvaris|jaanuar|jaanuaril", "vasario|vasaris|februari|februaris|veebruar|veebruaril",
            "kovo|kovas|marta|marts|marts|martsil", "balandzio|balandis|aprili|aprilis|aprill|aprillil",
            "geguzes|geguze|maija|maijs|mail", "birzelio|birzelis|junija|junijs|juuni|juunil",
            "liepos|liepa|julija|julijs|juuli|juulil", "rugpjucio|rugpjutis|augusta|augusts|augustil",
            "rugsejo|rugsejis|septembri|septembris|septembril", "spalio|spalis|oktobri|oktobris|oktoober|oktoobril",
            "lapkricio|lapkritis|novembri|novembris|novembril", "gruodzio|gruodis|decembri|decembris|detsember|detsembril",
        };
        var central = new[]
        {
            // hu (nominative), cs (genitive), sk (genitive), ro
            "januar|ledna|januara|ianuarie", "februar|unora|februara|februarie", "marcius|brezna|marca|martie",
            "aprilis|dubna|aprila|aprilie", "majus|kvetna|maja|mai", "junius|cervna|juna|iunie", "julius|cervence|jula|iulie",
            "augusztus|srpna|augusta|august", "szeptember|zari|septembra|septembrie", "oktober|rijna|oktobra|octombrie",
            "november|listopadu|novembra|noiembrie", "december|prosince|decembra|decembrie",
        };
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in new[] { lists, slavic, baltic, central })
            for (int m = 0; m < 12; m++)
                foreach (var name in table[m].Split('|')) months.TryAdd(Fold(name), m + 1);
        return months;
    }

    // Abbreviations read only after a day number ("11 ago." in Spanish and Italian wire copy; "ago" is an English word).
    private static readonly Dictionary<string, int> DayFirstMonths = new(StringComparer.Ordinal) { ["ago"] = 8 };

    private static readonly HashSet<string> Today =
    [
        "today", "heute", "aujourd", "hoy", "oggi", "vandaag", "сегодня", "сьогоднi", "сення", "сеньня", "dzis", "dzisiaj", "siandien",
        "sodien", "tana", "dnes", "данас", "astazi", "heutige", "heutigen", "sodienas", "siandienos",
    ];
    private static readonly HashSet<string> Yesterday =
    [
        "yesterday", "gestern", "hier", "ayer", "ieri", "gisteren", "вчера", "вчора", "учора", "wczoraj", "vakar", "eile", "vcera",
    ];

    // A date right after one of these words bounds a period ("since 1 May 2020", "until 28 February", "ab 1. Februar",
    // "с 1 мая", "od 9 sierpnia", "à compter du 20 mars"): an effective date or a deadline, not the day of the act.
    private static readonly HashSet<string> RangeWords = new(new[]
    {
        "since", "from", "until", "till", "through", "by", "seit", "ab", "bis", "depuis", "jusqu", "compter", "partir", "desde",
        "hasta", "dal", "dall", "fino", "entro", "sinds", "vanaf", "tot", "ate", "с", "со", "до", "по", "з", "iз", "да", "па", "od",
        "do", "nuo", "iki", "no", "lidz", "alates", "kuni", "fra", "fran", "sedan", "siden", "til", "till", "indtil", "pana",
    }.Select(w => Fold(w)), StringComparer.Ordinal);
    // Short words that may stand between such a word and the date ("bis zum", "jusqu'au", "hasta el", "fino al").
    private static readonly HashSet<string> Linkers =
        ["zum", "zur", "dem", "den", "au", "du", "le", "l", "de", "del", "el", "al", "all", "the", "la", "a"];

    // "hier" is French for "yesterday" but German and Dutch for "here": it counts only in French-looking text.
    private static readonly HashSet<string> FrenchWords =
        ["le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "qui", "sur", "avec"];
    private static readonly HashSet<string> GermanicWords =
        ["der", "die", "das", "und", "ist", "den", "dem", "nicht", "sich", "het", "een", "van", "zijn", "niet", "mit", "auf"];

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday, ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday,
        ["montag"] = DayOfWeek.Monday, ["dienstag"] = DayOfWeek.Tuesday, ["mittwoch"] = DayOfWeek.Wednesday, ["donnerstag"] = DayOfWeek.Thursday,
        ["freitag"] = DayOfWeek.Friday, ["lundi"] = DayOfWeek.Monday, ["mardi"] = DayOfWeek.Tuesday, ["mercredi"] = DayOfWeek.Wednesday,
        ["jeudi"] = DayOfWeek.Thursday, ["vendredi"] = DayOfWeek.Friday,
        ["понедельник"] = DayOfWeek.Monday, ["вторник"] = DayOfWeek.Tuesday, ["среду"] = DayOfWeek.Wednesday, ["четверг"] = DayOfWeek.Thursday,
        ["пятницу"] = DayOfWeek.Friday, ["poniedzialek"] = DayOfWeek.Monday, ["wtorek"] = DayOfWeek.Tuesday, ["srode"] = DayOfWeek.Wednesday,
        ["czwartek"] = DayOfWeek.Thursday, ["piatek"] = DayOfWeek.Friday,
    };

    // More weekdays, in the forms "on Tuesday" takes (folded when the table is built): de and fr weekends, nl, sv/no/da,
    // es, it, uk, be, lt, lv, et, fi.
    private static readonly string[][] MoreWeekdays =
    [
        ["sonntag", "dimanche", "zondag", "söndag", "søndag", "domingo", "domenica", "неділю", "нядзелю", "sekmadienį", "svētdien",
            "pühapäeval", "sunnuntaina"],
        ["maandag", "måndag", "mandag", "lunes", "lunedì", "понеділок", "панядзелак", "pirmadienį", "pirmdien", "esmaspäeval",
            "maanantaina"],
        ["dinsdag", "tisdag", "tirsdag", "martes", "martedì", "вівторок", "аўторак", "antradienį", "otrdien", "teisipäeval", "tiistaina"],
        ["woensdag", "onsdag", "miércoles", "mercoledì", "середу", "сераду", "trečiadienį", "trešdien", "kolmapäeval", "keskiviikkona"],
        ["donderdag", "torsdag", "jueves", "giovedì", "четвер", "чацвер", "ketvirtadienį", "ceturtdien", "neljapäeval", "torstaina"],
        ["vrijdag", "fredag", "viernes", "venerdì", "пʼятницю", "пятніцу", "penktadienį", "piektdien", "reedel", "perjantaina"],
        ["samstag", "samedi", "zaterdag", "lördag", "lørdag", "sábado", "sabato", "суботу", "суботу", "šeštadienį", "sestdien", "laupäeval",
            "lauantaina"],
    ];

    private static readonly Dictionary<string, DayOfWeek> AllWeekdays = BuildWeekdays();

    private static Dictionary<string, DayOfWeek> BuildWeekdays()
    {
        var all = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal);
        foreach (var (name, day) in Weekdays) all.TryAdd(Fold(name), day);
        all.TryAdd("saturday", DayOfWeek.Saturday);
        all.TryAdd("sunday", DayOfWeek.Sunday);
        for (int d = 0; d < 7; d++)
            foreach (var name in MoreWeekdays[d]) all.TryAdd(Fold(name), (DayOfWeek)d);
        return all;
    }

    private static readonly Regex Iso = new(@"\b(?<y>(?:19|20)\d\d)-(?<m>\d\d)-(?<d>\d\d)\b", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
    private static readonly Regex Dotted = new(@"\b(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>(?:19|20)\d\d)\b", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    private readonly record struct Word(string Text, int Start, int Length);

    /// <summary>The act's date, or null when the text does not make one certain.</summary>
    /// <param name="published">The page's date (the feed's or the page's own), for days without a year and for "yesterday".</param>
    public static ActDate? Find(string? title, string text, DateOnly? published)
    {
        var source = string.IsNullOrWhiteSpace(title) ? text : title.Trim() + "\n" + text;
        source = TextFold.Head(source, LeadChars);
        var found = new List<(ActDate Date, bool Relative)>();
        var limit = published?.AddDays(1);
        var words = Words(source);

        void Add(int y, int m, int d, int start, int length, bool relative = false)
        {
            if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(Math.Clamp(y, 1, 9999), m) || y is < 1990 or > 2100) return;
            var date = new DateOnly(y, m, d);
            if (limit is { } l && date > l) return; // the act of a report is not after the report
            if (!relative && AfterRangeWord(words, start)) return;
            found.Add((new ActDate(date, start, length, source.Substring(start, length)), relative));
        }

        foreach (Match x in Iso.Matches(source)) Add(Int(x, "y"), Int(x, "m"), Int(x, "d"), x.Index, x.Length);
        foreach (Match x in Dotted.Matches(source)) Add(Int(x, "y"), Int(x, "m"), Int(x, "d"), x.Index, x.Length);

        bool? french = null;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Text;
            int? Number(int k, int max) => k < words.Count && words[k].Text.Length <= 2 && int.TryParse(words[k].Text, out var n) && n >= 1 && n <= max ? n : null;
            int? Year(int k) => k < words.Count && words[k].Text.Length == 4 && int.TryParse(words[k].Text, out var n) && n is >= 1990 and <= 2100 ? n : null;
            int? Month(int k) => k < words.Count && Months.TryGetValue(words[k].Text, out var m) ? m : null;
            int? DayFirstMonth(int k) => Month(k) ?? (k < words.Count && DayFirstMonths.TryGetValue(words[k].Text, out var m) ? m : null);
            int End(int k) => words[k].Start + words[k].Length;

            // Lithuanian "2021 m. gruodžio 2 d.", Latvian "2021. gada 2. decembrī", Estonian "2022. aasta 18. augustil",
            // Hungarian "2024. augusztus 9.".
            if (Year(i) is { } y0)
            {
                if (i + 3 < words.Count && words[i + 1].Text == "m" && Month(i + 2) is { } mlt && Number(i + 3, 31) is { } dlt)
                {
                    Add(y0, mlt, dlt, words[i].Start, End(i + 3) - words[i].Start);
                    i += 3;
                    continue;
                }
                if (i + 3 < words.Count && words[i + 1].Text is "gada" or "aasta" && Number(i + 2, 31) is { } dlv
                    && Month(i + 3) is { } mlv)
                {
                    Add(y0, mlv, dlv, words[i].Start, End(i + 3) - words[i].Start);
                    i += 3;
                    continue;
                }
                if (i + 2 < words.Count && Month(i + 1) is { } mhu && Number(i + 2, 31) is { } dhu)
                {
                    Add(y0, mhu, dhu, words[i].Start, End(i + 2) - words[i].Start);
                    i += 2;
                    continue;
                }
                continue;
            }
            // "9 August 2020", "am 2. Dezember", "2 грудня 2021", "11 ago.".
            if (Number(i, 31) is { } d1 && DayFirstMonth(i + 1) is { } m1)
            {
                if (Year(i + 2) is { } y1) { Add(y1, m1, d1, words[i].Start, End(i + 2) - words[i].Start); i += 2; }
                else if (published is { } p1) { Add(YearNear(p1, m1, d1), m1, d1, words[i].Start, End(i + 1) - words[i].Start); i += 1; }
                continue;
            }
            // "August 9, 2020", "on August 9".
            if (Month(i) is { } m2 && w.Length >= 3 && Number(i + 1, 31) is { } d2)
            {
                if (Year(i + 2) is { } y2) { Add(y2, m2, d2, words[i].Start, End(i + 2) - words[i].Start); i += 2; }
                else if (published is { } p2) { Add(YearNear(p2, m2, d2), m2, d2, words[i].Start, End(i + 1) - words[i].Start); i += 1; }
                continue;
            }
            if (published is not { } pub) continue;
            if (Today.Contains(w)) Add(pub.Year, pub.Month, pub.Day, words[i].Start, words[i].Length, relative: true);
            else if (Yesterday.Contains(w) && (w != "hier" || (french ??= LooksFrench(words))))
            {
                var y = pub.AddDays(-1);
                Add(y.Year, y.Month, y.Day, words[i].Start, words[i].Length, relative: true);
            }
            else if (AllWeekdays.TryGetValue(w, out var day))
            {
                var back = ((int)pub.DayOfWeek - (int)day + 7) % 7;
                var on = pub.AddDays(-back);
                Add(on.Year, on.Month, on.Day, words[i].Start, words[i].Length, relative: true);
            }
        }
        if (found.Count == 0) return null;
        var latest = found.OrderByDescending(f => f.Date.Date).ThenBy(f => f.Date.Start).First();
        // A dateline gives the day of the report; "on Tuesday" or "yesterday" in the lead, read against it, gives the day of
        // the act ("Tartu, 9 March 2022 — the rectorate decided on Tuesday"), unless the text also says "today".
        if (latest.Relative || latest.Date.Date != published || found.Any(f => f.Relative && f.Date.Date == latest.Date.Date))
            return latest.Date;
        return found.Where(f => f.Relative).OrderByDescending(f => f.Date.Date).ThenBy(f => f.Date.Start)
            .Select(f => f.Date).FirstOrDefault() ?? latest.Date;
    }

    /// <summary>The year that puts a day without a year nearest the page's date: "28 December" read on 4 January is of the
    /// year before, "1 February" read in December of the year after (a date to come, so not the act's).</summary>
    private static int YearNear(DateOnly page, int month, int day)
    {
        int best = page.Year, distance = int.MaxValue;
        for (int y = page.Year - 1; y <= page.Year + 1; y++)
        {
            var d = new DateOnly(y, month, Math.Min(day, DateTime.DaysInMonth(y, month)));
            if (Math.Abs(d.DayNumber - page.DayNumber) < distance) (best, distance) = (y, Math.Abs(d.DayNumber - page.DayNumber));
        }
        return best;
    }

    /// <summary>Whether the date at <paramref name="start"/> follows a word that bounds a period ("since", "until", "ab",
    /// "с", "od"…), directly or across one short linking word ("bis zum", "jusqu'au").</summary>
    private static bool AfterRangeWord(List<Word> words, int start)
    {
        int k = words.FindLastIndex(x => x.Start + x.Length <= start);
        if (k < 0) return false;
        if (RangeWords.Contains(words[k].Text)) return true;
        return k > 0 && Linkers.Contains(words[k].Text) && RangeWords.Contains(words[k - 1].Text);
    }

    private static bool LooksFrench(List<Word> words)
    {
        int french = 0, germanic = 0;
        foreach (var w in words)
        {
            if (FrenchWords.Contains(w.Text)) french++;
            else if (GermanicWords.Contains(w.Text)) germanic++;
        }
        return french > germanic;
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static List<Word> Words(string s)
    {
        var words = new List<Word>();
        int i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && !char.IsLetterOrDigit(s[i])) i++;
            int start = i;
            bool digits = i < s.Length && char.IsDigit(s[i]);
            while (i < s.Length && char.IsLetterOrDigit(s[i]) && char.IsDigit(s[i]) == digits) i++;
            if (i > start) words.Add(new Word(Fold(s.AsSpan(start, i - start).ToString()), start, i - start));
        }
        return words;
    }

    private static string Fold(string word) => Actors.ActorVocabulary.Fold(word).Replace('і', 'i').Replace('ў', 'у');
}
