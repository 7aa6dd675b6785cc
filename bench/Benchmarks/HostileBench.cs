using System.Diagnostics;
using Pipeline.Bench.Infrastructure;
using Pipeline.Ingest.Extracting;
using Pipeline.Ingest.Parsing;
using Pipeline.Ingest.Tests;

namespace Pipeline.Bench.Benchmarks;

/// <summary>
/// What each hostile page of issue 12 (tests/Ingest.Tests/HostilePages.cs, linked) costs the stage it was built to stall:
/// the extractor for item pages, the feed-text helpers for feed text. One thread, wall and CPU time, and the outcome.
/// </summary>
public static class HostileBench
{
    public static void Run(BenchRun bench)
    {
        bench.Section("Hostile pages (issue 12)");
        var cmd = bench.Command("hostile");
        var paragraphs = "<html><body>" + string.Concat(Enumerable.Repeat("<p>Belarus news</p>", 200_000)) + "</body></html>";
        var rows = new List<IReadOnlyList<string>>();
        void Measure(string input, string stage, Func<string> run)
        {
            var clock = Stopwatch.StartNew();
            var cpu0 = Cpu.Thread();
            string outcome;
            try { outcome = run(); }
            catch (Exception e) when (e is PageTooComplexException or FeedParseException) { outcome = $"{e.GetType().Name}: {e.Message}"; }
            var (wall, cpu) = (clock.Elapsed.TotalSeconds, (Cpu.Thread() - cpu0).TotalSeconds);
            bench.Add("hostile", $"{input}, {stage}", BenchRun.Inv($"{wall:0.00} s wall, {cpu:0.00} s CPU: {outcome}"), cmd);
            rows.Add([input, stage, BenchRun.Inv($"{wall:0.00}"), BenchRun.Inv($"{cpu:0.00}"), outcome]);
        }
        string Text(ExtractedArticle a) => BenchRun.Inv($"{a.Text.Length:N0} characters ({a.Method})");
        Uri url = new("https://example.org/news/1");

        ArticleExtractor.Extract("<html><body><p>warm-up</p></body></html>", url);
        Measure("200,000 nested divs (2.2 MB)", "ArticleExtractor", () => Text(ArticleExtractor.Extract(HostilePages.DeepNesting, url)));
        Measure("200,000 paragraphs (3.8 MB)", "ArticleExtractor", () => Text(ArticleExtractor.Extract(paragraphs, url)));
        Measure("850,000 empty comments (6 MB)", "ArticleExtractor", () => Text(ArticleExtractor.Extract(HostilePages.ManyComments, url)));
        Measure("6 MB of '<'", "ArticleExtractor", () => Text(ArticleExtractor.Extract(HostilePages.ManyLessThan, url)));
        Measure("one 4 MB word", "ArticleExtractor", () => Text(ArticleExtractor.Extract(HostilePages.OneLongWord, url)));
        Measure("6 MB of '<'", "HtmlText.ToPlainText", () => BenchRun.Inv($"{HtmlText.ToPlainText(HostilePages.ManyLessThan).Length:N0} characters"));
        Measure("'<!--' × 1.5 million (6 MB)", "HtmlText.ToPlainText", () => BenchRun.Inv($"{HtmlText.ToPlainText(HostilePages.CommentBomb).Length:N0} characters"));
        Measure("'<!DOCTYPE[' × 1 million (10 MB)", "HtmlText.ToPlainText", () => BenchRun.Inv($"{HtmlText.ToPlainText(HostilePages.DoctypeBomb).Length:N0} characters"));
        Measure("'<!DOCTYPE[' × 1 million (10 MB)", "FeedParser (XmlPreparer, XML)", () => FeedParser.Parse(HostilePages.DoctypeBomb, url).Format);
        bench.Table($"Hostile pages, one thread (`{cmd}`)", ["input", "stage", "wall s", "CPU s", "outcome"], rows);
    }
}
