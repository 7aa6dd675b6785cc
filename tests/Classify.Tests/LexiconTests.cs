using Pipeline.Classify.Lexicon;
using Pipeline.Classify.Relevance;

namespace Pipeline.Classify.Tests;

public class LexiconTests
{
    [Theory]
    [InlineData("EU imposes travel bans and asset freezes on 25 officials", "target")]
    [InlineData("Rada UE zamroziła aktywa i wprowadziła zakaz wjazdu", "target")]
    [InlineData("ES Padome iesaldēja aktīvus un noteica ieceļošanas aizliegumu", "target")]
    [InlineData("Der Rat hat ein Einreiseverbot verhängt und Vermögenswerte eingefroren", "target")]
    [InlineData("Litva vysłała biełaruskaha dyplamata", "diplomatic")]
    [InlineData("Литва выслала белорусского дипломата", "diplomatic")]
    [InlineData("Литва выслала беларускага дыпламата", "diplomatic")]
    [InlineData("Le Parlement européen a adopté une résolution", "resolution")]
    [InlineData("Europaparlamentet antog en resolution", "resolution")]
    [InlineData("Prokuratura wszczęła śledztwo na zasadzie jurysdykcji uniwersalnej", "investigation")]
    [InlineData("Norway grants humanitarian visas to Belarusian journalists", "support")]
    [InlineData("Nuo šiol draudžiamas kalio trąšų tranzitas", "economic")]
    [InlineData("Суд у Мінску прысудзіў журналістцы пяць гадоў калоніі", "domestic")]
    [InlineData("The United States lifted sanctions on Belavia", "easing")]
    [InlineData("Путин поздравил Лукашенко с победой", "supportive")]
    [InlineData("Brussels is considering a new package", "planned")]
    [InlineData("日本政府はベラルーシに対する資産凍結を発表した", "target")]
    public void Stems_match_across_languages_and_scripts(string text, string group) =>
        Assert.Contains(group, ResponseLexicon.Matches(text).Keys);

    [Fact]
    public void Sanctions_are_recognised_in_many_languages()
    {
        string[] texts = ["sanctions", "санкции", "санкцыі", "sankcyi", "санкції", "sankcje", "sankcijos", "sankcijas", "sanktsioonid", "Sanktionen",
            "sanciones", "sanzioni", "sanções", "sancties", "sanktioner", "sanksjoner", "pakotteet", "sankce", "sankcie", "sancțiuni", "szankciók", "制裁"];
        Assert.All(texts, t => Assert.Contains("sanction", ResponseLexicon.Matches(t).Keys));
    }

    [Fact]
    public void Find_shows_the_models_cues_as_spans_of_the_original_text()
    {
        const string text = "Der Rat hat restriktive  Maßnahmen und ein Einreiseverbot verhängt. 日本は資産凍結を発表した。";
        var found = ResponseLexicon.Find(text).Select(f => (f.Group, Text: text.Substring(f.Start, f.Length))).ToList();
        Assert.Contains(("sanction", "restriktive  Maßnahmen"), found);
        Assert.Contains(("target", "Einreiseverbot"), found);
        Assert.Contains(("target", "資産凍結"), found);
        Assert.Equal(TextFold.Fold(text), TextFold.FoldWithOffsets(text)!.Value.Folded);
    }

    /// <summary>The matcher that replaced one scanning regex per group (issue 13) must count exactly what those regexes
    /// counted, on every text of the corpus and on texts made to break word boundaries and prefixes.</summary>
    [Fact]
    public void The_prefix_matcher_counts_what_one_regex_per_group_counted()
    {
        var reference = ResponseLexicon.Groups.Select(g =>
        {
            var stems = g.Value.SelectMany(ResponseLexicon.SplitTopLevel).Select(TextFold.Fold).Where(s => s.Length > 0)
                .Select(s => (Stem: s, IsRegex: s.Contains('\\') || s.Contains('(') || s.Contains('[') || s.Contains('?')))
                .Select(x => (x.Stem, Pattern: x.IsRegex ? x.Stem : System.Text.RegularExpressions.Regex.Escape(x.Stem).Replace("\\ ", " ")))
                .ToList();
            bool cjk(string s) => s.Any(c => c is >= '\u3040' and <= '\u30ff' or >= '\u3400' and <= '\u9fff');
            var bounded = stems.Where(s => !cjk(s.Stem)).Select(s => s.Pattern).Distinct().OrderByDescending(s => s.Length);
            var anywhere = stems.Where(s => cjk(s.Stem)).Select(s => s.Pattern).Distinct().ToList();
            var b = new System.Text.RegularExpressions.Regex(@"(?<![\p{L}\p{N}])(?:" + string.Join("|", bounded) + ")");
            var a = anywhere.Count == 0 ? null : new System.Text.RegularExpressions.Regex("(?:" + string.Join("|", anywhere) + ")");
            return (g.Key, Bounded: b, Anywhere: a);
        }).ToList();
        Dictionary<string, int> counted(string folded) => reference
            .Select(r => (r.Key, N: r.Bounded.Count(folded) + (r.Anywhere?.Count(folded) ?? 0))).Where(x => x.N > 0).ToDictionary(x => x.Key, x => x.N);

        var texts = Corpus.CorpusLoader.LoadDirectory(Corpus.CorpusLoader.DefaultCorpusDirectory).Examples
            .Select(e => (e.Title ?? "") + ".\n" + e.Text).ToList();
        texts.AddRange([
            "sanctionsanctions sanction-sanction 2sanction _sanction «санкции»санкции", "freeze of their assets, freezing assets; asset freeze",
            "may may may ", "могуць можуць", "e", "", "制裁制裁 資産凍結", "x\u0301sanction \ud83d\ude00sanction", "restrictive  measure restrictive measures",
        ]);
        Assert.True(texts.Count > 5000);
        int differ = 0;
        foreach (var text in texts)
        {
            var folded = TextFold.Fold(text);
            var expected = counted(folded);
            var actual = ResponseLexicon.Count(folded);
            if (!expected.OrderBy(x => x.Key).SequenceEqual(actual.OrderBy(x => x.Key)))
                Assert.Fail($"{++differ}: {string.Join(", ", expected.OrderBy(x => x.Key))} ≠ {string.Join(", ", actual.OrderBy(x => x.Key))} for {text[..Math.Min(200, text.Length)]}");
        }
    }

    [Fact]
    public void Folding_removes_case_and_diacritics_and_transliteration_joins_scripts()
    {
        Assert.Equal("masnahmen", TextFold.Fold("Maßnahmen"));
        Assert.Equal(TextFold.Fold("Massnahmen"), TextFold.Fold("Maßnahmen"));
        Assert.Equal("sankcyi", TextFold.Transliterate(TextFold.Fold("Санкцыі")));
    }

    [Theory]
    [InlineData("The Minsk court sentenced him.", BelarusEvidence.Specific)]
    [InlineData("Talks on the Minsk agreements resumed in Kyiv.", BelarusEvidence.Weak)]
    [InlineData("Sanctions on Iran were extended.", BelarusEvidence.None)]
    [InlineData("Лукашэнка сустрэўся з Пуціным.", BelarusEvidence.Strong)]
    [InlineData("Poland demands the release of Andrzej Poczobut.", BelarusEvidence.Specific)]
    [InlineData("فرضت الولايات المتحدة عقوبات جديدة على روسيا البيضاء.", BelarusEvidence.Strong)]
    [InlineData("العقوبات الجديدة وبيلاروسيا في صلب النقاش.", BelarusEvidence.Strong)]
    [InlineData("Եվրամիությունը նոր պատժամիջոցներ է սահմանել Բելառուսի դեմ։", BelarusEvidence.Strong)]
    [InlineData("Η Ελλάδα καταδικάζει την καταστολή στη Λευκορωσία.", BelarusEvidence.Strong)]
    [InlineData("השגריר דיבר על המצב ובבלארוס בכלל.", BelarusEvidence.Strong)]
    [InlineData("欧盟宣布对白俄罗斯实施新一轮制裁。", BelarusEvidence.Strong)]
    [InlineData("日本政府はベラルーシに対する制裁を発表した。", BelarusEvidence.Strong)]
    [InlineData("한국 정부는 벨라루스에 대한 제재를 발표했다.", BelarusEvidence.Strong)]
    [InlineData("اتحادیه اروپا تحریم‌های تازه‌ای علیه بلاروس وضع کرد.", BelarusEvidence.Strong)]
    [InlineData("यूरोपीय संघ ने बेलारूस पर नए प्रतिबंध लगाए।", BelarusEvidence.Strong)]
    [InlineData("欧盟宣布对伊朗实施新一轮制裁。", BelarusEvidence.None)]
    public void Belarus_evidence(string text, BelarusEvidence expected) =>
        Assert.Equal(expected, BelarusContext.Evaluate(TextFold.Fold(text)));

    [Theory]
    [InlineData("Вялікабрытанія ўвяла санкцыі супраць кіраўнікоў дзяржаўнага тэлебачання.", true)]
    [InlineData("U Hrodnie zatrymali vykładčycu ŭniviersiteta. Joj pahražaje da šaści hadoŭ.", true)]
    [InlineData("Великобритания ввела санкции против руководителей государственного телевидения.", false)]
    [InlineData("Велика Британія запровадила санкції проти керівників державного телебачення.", false)]
    public void FeatureText_MarksTextsWrittenInBelarusian(string text, bool belarusian)
    {
        Assert.Equal(belarusian, FeatureText.Build(null, text, null).Contains(" zzbelarusianlanguage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MentionsMinskAgreements_OneLongWordOfMentions_ReturnsInOnePass()
    {
        // A page's text: on the backtracking engine "\w*\s+" after each mention rescanned the rest of the word (minutes for
        // 1 MB). The timeout is only a hang guard.
        var word = string.Concat(Enumerable.Repeat("minsk", 200_000));

        var found = await Task.Run(() => BelarusContext.MentionsMinskAgreements(word)).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.False(found);
    }
}

public class TextCutTests
{
    /// <summary>An emoji (a surrogate pair) right at the 12,000-character cut used to leave half a pair, and Unicode
    /// normalisation then threw: one such page crashed every prediction of its item.</summary>
    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var text = new string('a', 11_999) + "😀" + " Belarus";
        var head = TextFold.Head(text, 12_000);
        Assert.Equal(11_999, head.Length);
        TextFold.Fold(head); // does not throw
        Assert.Equal("😀", TextFold.Slice("x😀y", 1, 3));
        Assert.Equal("y", TextFold.Slice("x😀y", 2, 4));
        Assert.Equal("", TextFold.Slice("x😀y", 1, 2));
    }

    [Fact]
    public void A_prediction_over_an_emoji_at_the_cut_does_not_throw()
    {
        var text = "The Council of the EU imposed sanctions on Belarusian officials. " + new string('a', 11_935) + "😀 more";
        var p = SharedModel.Classifier.Predict("Sanctions 😀", text);
        Assert.NotNull(p.Primary);
    }
}
