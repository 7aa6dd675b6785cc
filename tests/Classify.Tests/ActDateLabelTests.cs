using Pipeline.Classify.Corpus;
using Pipeline.Classify.Evaluation;
using Pipeline.Classify.Facts;
using Pipeline.Classify.Training;

namespace Pipeline.Classify.Tests;

/// <summary>The act's date as a labelled fact (issue 15): the corpus labels, how the loader reads them, how they are scored.</summary>
public class ActDateLabelTests
{
    private static LabelledExample Item(string? date, string language, bool labelled = true)
    {
        var e = new LabelledExample { Text = "x", ResponseTypes = ["statement"], Language = language, Published = "2021-12-03" };
        if (labelled) e.Date = date;
        return e;
    }

    /// <summary>
    /// Seven items, six annotated. en: 2021-12-02 found exactly; 2021-12-02 missed (null); 2021-12-02 read as 2021-12-01
    /// (off by one). de: 2021-12-02 read as 2020-12-02 (wrong year); null answered null; null answered 2021-11-30 (a wrong
    /// guess). The seventh (en) carries no date key and does not count. All: exact 1 of 4 dated = 0.25; accuracy (1 exact +
    /// 1 right null) of 6 = 0.3333. en: 1 of 3, accuracy 1/3. de: 0 of 1 dated, accuracy 1/3.
    /// </summary>
    [Fact]
    public void ScoreDates_matches_hand_computed_values()
    {
        var truths = new List<LabelledExample>
        {
            Item("2021-12-02", "en"), Item("2021-12-02", "en"), Item("2021-12-02", "en"),
            Item("2021-12-02", "de"), Item(null, "de"), Item(null, "de"), Item(null, "en", labelled: false),
        };
        DateOnly? D(string s) => DateOnly.Parse(s);
        var (all, perLanguage) = FactsEvaluator.ScoreDates(truths,
            [D("2021-12-02"), null, D("2021-12-01"), D("2020-12-02"), null, D("2021-11-30"), D("2021-01-01")]);

        Assert.Equal(new DateScores(6, 0.3333, 4, 1, 0.25, 1, 2, 1, 1, 2, 1), all);
        Assert.Equal(new DateScores(3, 0.3333, 3, 1, 0.3333, 1, 1, 1, 0, 0, 0), perLanguage["en"]);
        Assert.Equal(new DateScores(3, 0.3333, 1, 0, 0, 0, 1, 0, 1, 2, 1), perLanguage["de"]);
        Assert.Equal(["de", "en"], perLanguage.Keys);
    }

    [Fact]
    public void EvaluateWithoutModel_reads_each_annotated_text_against_its_published_date()
    {
        var truths = new List<LabelledExample>
        {
            new() { Text = "Lithuania expelled two Belarusian diplomats yesterday.", ResponseTypes = ["diplomatic_measures"], Language = "en",
                Published = "2021-12-03T09:30:00Z", Date = "2021-12-02" },
            new() { Text = "Der Rat hat am Montag Sanktionen beschlossen.", ResponseTypes = ["targeted_sanctions"], Language = "de",
                Published = "2021-12-03", Date = null },
            new() { Text = "The Council adopted new listings on 2 December 2021.", ResponseTypes = ["targeted_sanctions"], Language = "en" },
        };
        var r = FactsEvaluator.EvaluateWithoutModel(truths);
        Assert.Equal(3, r.N);
        Assert.Equal(new DateScores(2, 0.5, 1, 1, 1, 0, 0, 0, 0, 1, 1), r.Date); // Monday is read: a wrong guess where null is labelled
        Assert.Equal(1, r.DatePerLanguage["de"].WrongGuess);
    }

    [Fact]
    public void The_loader_tells_a_null_date_from_no_date_and_refuses_bad_ones()
    {
        const string lines = """
            {"id":"a","text":"x","response_types":["statement"],"published":"2021-12-03","date":null}
            {"id":"b","text":"x","response_types":["statement"]}
            {"id":"c","text":"x","response_types":["statement"],"published":"2021-12-03","date":"2021-12-02"}
            {"id":"d","text":"x","response_types":["statement"],"published":"2021-12-03","date":"2021-12-04"}
            {"id":"e","text":"x","response_types":["statement"],"published":"2021-12-03","date":"3 December"}
            {"id":"f","text":"x","response_types":["statement"],"published":"soon","date":null}
            """;
        var corpus = CorpusLoader.Read(new StringReader(lines), "t.jsonl", requireLabels: true);
        Assert.Equal(["a", "b", "c"], corpus.Examples.Select(e => e.Id));
        Assert.Equal([true, false, true], corpus.Examples.Select(e => e.DateLabelled));
        Assert.Null(corpus.Examples[0].Date);
        Assert.Equal(["t.jsonl:4", "t.jsonl:5", "t.jsonl:6"], corpus.Problems.Select(p => p.Origin));
        Assert.Contains("after published", corpus.Problems[0].Message);
        Assert.Contains("yyyy-MM-dd", corpus.Problems[1].Message);
        Assert.Contains("published is not a date", corpus.Problems[2].Message);
    }

    /// <summary>Every date label of the shipped corpus parses, is not after its page's date, and there are enough of them,
    /// in enough languages, with both kinds (a date, and null) and hard cases among them.</summary>
    [Fact]
    public void The_shipped_corpus_carries_valid_date_labels_in_many_languages()
    {
        var corpus = CorpusLoader.LoadDirectory(CorpusLoader.DefaultCorpusDirectory);
        Assert.Empty(corpus.Problems);
        var annotated = corpus.Examples.Where(e => e.DateLabelled).ToList();
        Assert.True(annotated.Count >= 200, $"{annotated.Count} annotated");
        foreach (var e in annotated)
        {
            var page = FactsEvaluator.PageDate(e.Published);
            Assert.True(page is not null, $"{e.Origin}: published {e.Published}");
            if (e.Date is null) continue;
            var act = FactsEvaluator.LabelDate(e.Date);
            Assert.True(act is not null, $"{e.Origin}: date {e.Date}");
            Assert.True(act <= page, $"{e.Origin}: date {e.Date} after published {e.Published}");
        }
        Assert.True(annotated.Count(e => e.Date is not null) >= 150);
        Assert.True(annotated.Count(e => e.Date is null) >= 150);
        Assert.True(annotated.Select(e => e.Language).Distinct().Count() >= 13);
        Assert.True(annotated.Select(e => OutOfStyle.FileOf(e)).Distinct().Count() >= 20);
        Assert.All(annotated, e => Assert.NotEqual(Taxonomy.Irrelevant, e.Primary));
        // Validation items carry them too (those annotated with a lifecycle are all annotated with a date).
        var (_, validation) = CorpusSplit.Split(corpus.Examples);
        Assert.True(validation.Count(e => e.DateLabelled) >= 50);
        Assert.All(corpus.Examples.Where(e => e.Lifecycle is not null), e => Assert.True(e.DateLabelled, e.Origin));
    }

    /// <summary>The figure the date reader reaches on the shipped labels, so that a change that lowers it is seen: exact day
    /// on the items labelled with a date, and few dates given where the label is null. In-style: we wrote the labels.</summary>
    [Fact]
    public void The_date_reader_keeps_its_figure_on_the_shipped_labels()
    {
        var corpus = CorpusLoader.LoadDirectory(CorpusLoader.DefaultCorpusDirectory);
        var r = FactsEvaluator.EvaluateWithoutModel(corpus.Examples);
        Assert.True(r.Date.ExactAccuracy >= 0.95, $"exact day {r.Date.ExactAccuracy}");
        Assert.True(r.Date.WrongGuess <= 25, $"{r.Date.WrongGuess} wrong guesses");
    }
}
