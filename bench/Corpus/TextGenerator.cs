using System.Globalization;

namespace Pipeline.Bench.Corpus;

/// <summary>One generated statement: what a publisher's press page says.</summary>
public sealed record GeneratedArticle(
    int Publisher, int Index, string Slug, string Title, DateTimeOffset Published, string Language,
    string[] Paragraphs, string Summary, string Intended, bool AboutBelarus, int? CopyOf);

/// <summary>
/// Statements written from templates for the benchmarks (no real publisher's text is copied). Each article is a
/// headline, a lead, and 3–8 paragraphs assembled from sentence templates with many slots (actors, people,
/// places, numbers, dates, institutions), so two articles share few word 3-shingles and are not near-duplicates
/// by the pipeline's SimHash rule. About 70 % are about Belarus (sanctions, statements, diplomatic steps, support,
/// resolutions, investigations, and plain news), the rest are the same kinds of text about other countries, so the
/// relevance filter has work to do. Languages: English (≈60 %), Russian, German, French. Deterministic per seed.
/// </summary>
public static class TextGenerator
{
    private static readonly string[] Kinds = ["statement", "targeted_sanctions", "economic_measures", "diplomatic_measures", "support", "resolution", "investigation", "not_a_response"];

    public static GeneratedArticle Generate(int publisher, int index, int seed, string? forceLanguage = null)
    {
        var rng = new Random(Seeds.Mix(seed, publisher, index, 0x5eed));
        var language = forceLanguage ?? Pick(rng, ["en", "en", "en", "en", "en", "en", "ru", "ru", "de", "fr"]);
        bool aboutBelarus = rng.NextDouble() < 0.7;
        var kind = Kinds[rng.Next(Kinds.Length)];
        var lang = Lang.For(language);
        var ctx = new Slots(rng, lang, aboutBelarus);
        var title = Fill(lang.Headlines[kind][rng.Next(lang.Headlines[kind].Length)], ctx);
        var paragraphs = new List<string> { Fill(Pick(rng, lang.Leads[kind]), ctx) };
        int n = 3 + rng.Next(6);
        for (int p = 0; p < n; p++)
        {
            int sentences = 2 + rng.Next(3);
            var sb = new List<string>();
            for (int s = 0; s < sentences; s++)
            {
                var pool = rng.NextDouble() < 0.5 ? lang.Body[kind] : lang.Common;
                sb.Add(Fill(Pick(rng, pool), ctx));
            }
            if (rng.NextDouble() < 0.6) sb.Add(Detail(rng, lang, ctx));
            paragraphs.Add(string.Join(" ", sb));
        }
        if (rng.NextDouble() < 0.5) paragraphs.Add(Fill(Pick(rng, lang.Closings), ctx));
        var published = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero).AddMinutes(-(index * 97 + publisher * 13 + rng.Next(60)));
        var slug = $"{Slugify(title)}-{publisher}-{index}";
        var summary = paragraphs[0].Length > 240 ? paragraphs[0][..240] + "…" : paragraphs[0];
        return new GeneratedArticle(publisher, index, slug, title, published, language, [.. paragraphs], summary, aboutBelarus ? kind : "irrelevant", aboutBelarus, null);
    }

    /// <summary>A syndicated copy: another publisher republishes the same statement (the dedup path).</summary>
    public static GeneratedArticle Republish(GeneratedArticle original, int publisher, int index, int seed)
    {
        var rng = new Random(Seeds.Mix(seed, publisher, index, 0xc0b1));
        var published = original.Published.AddHours(1 + rng.Next(20));
        return original with
        {
            Publisher = publisher, Index = index, Slug = $"{Slugify(original.Title)}-{publisher}-{index}", Published = published,
            CopyOf = original.Publisher * 1_000_000 + original.Index,
        };
    }

    private static string Detail(Random rng, Lang lang, Slots ctx)
    {
        // Free combinations: subject × verb × object × circumstance — hundreds of thousands of distinct sentences.
        return $"{Fill(Pick(rng, lang.DetailSubjects), ctx)} {Pick(rng, lang.DetailVerbs)} {Fill(Pick(rng, lang.DetailObjects), ctx)} {Fill(Pick(rng, lang.DetailCircumstances), ctx)}.";
    }

    internal static T Pick<T>(Random rng, IReadOnlyList<T> list) => list[rng.Next(list.Count)];

    private static string Fill(string template, Slots ctx)
    {
        var sb = new System.Text.StringBuilder(template.Length + 64);
        int i = 0;
        while (i < template.Length)
        {
            int open = template.IndexOf('{', i);
            if (open < 0) { sb.Append(template, i, template.Length - i); break; }
            sb.Append(template, i, open - i);
            int close = template.IndexOf('}', open);
            sb.Append(ctx.Get(template[(open + 1)..close]));
            i = close + 1;
        }
        var s = sb.ToString();
        return s.Length > 0 && char.IsLower(s[0]) ? char.ToUpperInvariant(s[0]) + s[1..] : s;
    }

    public static string Slugify(string title)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var ch in title.ToLowerInvariant())
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            if (sb.Length >= 60) break;
        }
        var s = sb.ToString().Trim('-');
        return s.Length == 0 ? "item" : s;
    }

    /// <summary>Slot values for one article: the actor and the target stay fixed through the text.</summary>
    private sealed class Slots(Random rng, Lang lang, bool aboutBelarus)
    {
        private readonly string _actor = Pick(rng, lang.Actors);
        // One "other country" index, so target, its genitive, adjective and capital mostly agree.
        private readonly int _other = rng.Next(1000);
        private string Other(string[] list) => list[_other % list.Length];
        private string Target => aboutBelarus ? Pick(rng, lang.Belarus) : Other(lang.OtherCountries);
        private string TargetGen => aboutBelarus ? Pick(rng, lang.BelarusGen) : Other(lang.OtherGen);
        private string TargetAdj => aboutBelarus ? Pick(rng, lang.BelarusAdj) : Other(lang.OtherAdj);
        private string Ruler => aboutBelarus ? Pick(rng, lang.BelarusRuler) : Pick(rng, lang.OtherRuler);
        private string Place => aboutBelarus ? Pick(rng, lang.BelarusPlaces) : Other(lang.OtherPlaces);

        public string Get(string slot) => slot switch
        {
            "actor" => _actor,
            "actor2" => Pick(rng, lang.Actors),
            "target" => Target,
            "targetGen" => TargetGen,
            "targetAdj" => TargetAdj,
            "ruler" => Ruler,
            "place" => Place,
            "person" => $"{Pick(rng, lang.FirstNames)} {Pick(rng, lang.LastNames)}",
            "official" => $"{Pick(rng, lang.Roles)} {Pick(rng, lang.FirstNames)} {Pick(rng, lang.LastNames)}",
            "n" => rng.Next(2, 140).ToString(CultureInfo.InvariantCulture),
            "big" => (rng.Next(1, 99) * 100_000 + rng.Next(1000) * 100).ToString("N0", CultureInfo.InvariantCulture),
            "year" => rng.Next(2020, 2027).ToString(CultureInfo.InvariantCulture),
            "date" => new DateTime(2026, 1, 1).AddDays(rng.Next(330)).ToString(lang.DateFormat, lang.Culture),
            "month" => lang.Culture.DateTimeFormat.MonthNames[rng.Next(12)],
            "sector" => Pick(rng, lang.Sectors),
            "group" => Pick(rng, lang.Groups),
            "institution" => Pick(rng, lang.Institutions),
            "org" => Pick(rng, lang.Orgs),
            "topic" => Pick(rng, lang.Topics),
            "adj" => Pick(rng, lang.Adjectives),
            "city" => Pick(rng, lang.Cities),
            "company" => $"{Pick(rng, lang.CompanyStems)}{Pick(rng, lang.CompanySuffixes)}",
            "article" => $"{rng.Next(1, 40)}.{rng.Next(1, 12)}",
            _ => slot,
        };
    }
}
