using System.Diagnostics;
using Pipeline.Bench.Infrastructure;
using Pipeline.Ingest.Extracting;
using Pipeline.Ingest.Tests.Extracting;

namespace Pipeline.Bench.Benchmarks;

/// <summary>
/// Extraction quality and speed on ../shared/benchmarks/article-extraction (181 pages) with the benchmark's own
/// metric (the scorer linked from tests/Ingest.Tests/Extracting/ExtractionBenchmark.cs), next to the published figures.
/// The scorer is first checked on the published trafilatura output.
/// </summary>
public static class ExtractBench
{
    private static readonly (string Name, string Version, double F1, double P, double R)[] Published =
    [
        ("trafilatura", "2.0.0", 0.958, 0.938, 0.978),
        ("readability_js (Mozilla Readability.js)", "0.6.0", 0.947, 0.914, 0.982),
        ("go_readability_fork (readeck)", "fb0fbc5", 0.947, 0.914, 0.982),
        ("readability-lxml", "0.8.4.1", 0.922, 0.913, 0.931),
        ("goose3", "3.1.20", 0.896, 0.940, 0.856),
        ("html-text (whole-page baseline)", "0.7.0", 0.665, 0.500, 0.994),
    ];

    public static void Run(BenchRun bench)
    {
        bench.Section("Extraction benchmark (181 pages)");
        var cmd = bench.Command("extract");
        var folder = ExtractionBenchmark.TryLocate(bench.RepoRoot);
        if (folder is null)
        {
            bench.Note("../shared/benchmarks/article-extraction not found next to the repository: extraction benchmark skipped");
            return;
        }
        var pages = ExtractionBenchmark.LoadPages(folder);
        var truth = pages.ToDictionary(p => p.Id, p => p.ArticleBody);
        var html = pages.ToDictionary(p => p.Id, p => ExtractionBenchmark.LoadHtml(p.Id, folder));
        double mb = html.Values.Sum(h => (double)System.Text.Encoding.UTF8.GetByteCount(h)) / 1048576;

        var check = ExtractionBenchmark.Score(truth, ExtractionBenchmark.LoadOutput("trafilatura", folder));
        bench.Add("extract", "scorer check: trafilatura's published output", BenchRun.Inv($"F1 {check.F1:0.000} P {check.Precision:0.000} R {check.Recall:0.000} (published 0.958 / 0.938 / 0.978)"), cmd,
            goal: "reproduces the published figures", met: Math.Abs(check.F1 - 0.958) < 0.002);

        // Cold: the first pass in this process (JIT); then warm passes for the speed figure.
        var predicted = new Dictionary<string, string>();
        var clock = Stopwatch.StartNew();
        var cpu0 = Cpu.Thread();
        foreach (var p in pages) predicted[p.Id] = ArticleExtractor.Extract(html[p.Id], p.Url).Text;
        var cold = (Wall: clock.Elapsed, Cpu: Cpu.Thread() - cpu0);
        int rounds = bench.Quick ? 2 : 5;
        var walls = new List<double>();
        var cpus = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            GC.Collect();
            clock.Restart();
            cpu0 = Cpu.Thread();
            foreach (var p in pages) ArticleExtractor.Extract(html[p.Id], p.Url);
            walls.Add(clock.Elapsed.TotalSeconds);
            cpus.Add((Cpu.Thread() - cpu0).TotalSeconds);
        }
        var score = ExtractionBenchmark.Score(truth, predicted);
        bench.Add("extract", "ArticleExtractor on the 181 pages", BenchRun.Inv($"F1 {score.F1:0.000}, precision {score.Precision:0.000}, recall {score.Recall:0.000}, accuracy {score.Accuracy:0.000}"), cmd, headline: true);
        double bestWall = walls.Min(), bestCpu = cpus.Min();
        bench.Add("extract", "extraction speed, 1 thread, warm", BenchRun.Inv($"{pages.Count / bestWall:0} pages/s ({mb / bestWall:0.0} MB/s; {1000 * bestCpu / pages.Count:0.0} ms CPU/page; best of {rounds}, avg page {1024 * mb / pages.Count:0} KB)"), cmd, headline: true);
        bench.Add("extract", "extraction speed, 1 thread, first pass in a fresh process", BenchRun.Inv($"{pages.Count / cold.Wall.TotalSeconds:0} pages/s ({1000 * cold.Cpu.TotalSeconds / pages.Count:0.0} ms CPU/page: JIT of AngleSharp/SmartReader)"), cmd);

        var rows = new List<IReadOnlyList<string>> { (IReadOnlyList<string>)["**Pipeline ArticleExtractor** (SmartReader 0.11.1 on AngleSharp 1.10.3)", "this repo", BenchRun.Inv($"**{score.F1:0.000}**"), BenchRun.Inv($"{score.Precision:0.000}"), BenchRun.Inv($"{score.Recall:0.000}")] };
        rows.AddRange(Published.Select(p => (IReadOnlyList<string>)[p.Name, p.Version, BenchRun.Inv($"{p.F1:0.000}"), BenchRun.Inv($"{p.P:0.000}"), BenchRun.Inv($"{p.R:0.000}")]));
        bench.Table($"Extraction quality, 181 pages, the benchmark's metric (`{cmd}`; others from RESULTS-PUBLISHED.md)", ["extractor", "version", "F1", "precision", "recall"], rows);
    }
}
