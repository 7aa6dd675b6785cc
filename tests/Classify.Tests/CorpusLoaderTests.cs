using Pipeline.Classify.Corpus;

namespace Pipeline.Classify.Tests;

public class CorpusLoaderTests
{
    [Fact]
    public void Unknown_labels_and_bad_lines_are_reported_not_crashed_on()
    {
        var jsonl = string.Join('\n',
            """{"id":"a","text":"Lithuania condemns the sentence.","language":"en","response_types":["statement"],"actor":"Lithuania","actor_type":"state"}""",
            """{"id":"b","text":"Some text.","response_types":["sanctions_maybe"]}""",
            """{"id":"c","text":"Other text.","response_types":["statement"],"actor_type":"government"}""",
            """{"id":"d","text":"No labels."}""",
            "{not json",
            """{"id":"e","response_types":["statement"]}""",
            "",
            """{"id":"f","text":"Valid again.","response_types":["irrelevant","statement"]}""");
        var loaded = CorpusLoader.Read(new StringReader(jsonl), "test.jsonl", requireLabels: true);

        Assert.Equal(["a", "f"], loaded.Examples.Select(e => e.Id));
        Assert.Equal(5, loaded.Problems.Count);
        Assert.Contains(loaded.Problems, p => p.Origin == "test.jsonl:2" && p.Message.Contains("sanctions_maybe"));
        Assert.Contains(loaded.Problems, p => p.Origin == "test.jsonl:3" && p.Message.Contains("government"));
        Assert.Contains(loaded.Problems, p => p.Origin == "test.jsonl:4");
        Assert.Contains(loaded.Problems, p => p.Origin == "test.jsonl:5" && p.Message.Contains("JSON"));
        Assert.Contains(loaded.Problems, p => p.Origin == "test.jsonl:6");
        Assert.Equal("irrelevant", loaded.Examples[1].Primary);
    }

    [Fact]
    public void Text_only_lines_are_accepted_for_classification()
    {
        var loaded = CorpusLoader.Read(new StringReader("""{"text":"Anything"}"""), "stdin", requireLabels: false);
        Assert.Single(loaded.Examples);
        Assert.Empty(loaded.Problems);
    }

    [Fact]
    public void The_shipped_corpus_loads_cleanly_and_the_split_is_stable()
    {
        var corpus = CorpusLoader.LoadDirectory(CorpusLoader.DefaultCorpusDirectory);
        Assert.Empty(corpus.Problems);
        Assert.True(corpus.Examples.Count >= 1500);
        var (train, validation) = CorpusSplit.Split(corpus.Examples);
        Assert.InRange(validation.Count / (double)corpus.Examples.Count, 0.15, 0.25);
        Assert.Empty(train.Select(e => e.Id).Intersect(validation.Select(e => e.Id)));
        Assert.All(validation, e => Assert.True(CorpusSplit.IsValidation(e)));
    }
}
