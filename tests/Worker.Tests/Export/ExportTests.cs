using System.Text.Json;
using Pipeline.Store;
using Pipeline.Worker.Tests.Infrastructure;
using static Pipeline.Worker.Tests.Infrastructure.SampleWeb;

namespace Pipeline.Worker.Tests.Export;

public class ExportTests
{
    private static async Task<(LoopbackPublisher Web, TestPipeline Pipeline)> IngestedAsync()
    {
        var web = await LoopbackPublisher.StartAsync();
        var articles = new[] { (Sanctions, "s"), (Iran, "i") };
        web.MapText("/feed.xml", "application/rss+xml", Rss(web.BaseUrl, articles));
        foreach (var (a, path) in articles) web.MapText("/" + path, "text/html", Page(a));
        var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("press", web.Url("feed.xml"))]);
        await p.RunAsync("ingest");
        return (web, p);
    }

    [Fact]
    public async Task Export_Jsonl_WritesEveryFieldOfTheContract()
    {
        var (web, p) = await IngestedAsync();
        await using var _ = web;
        using var __ = p;
        var path = Path.Combine(p.Directory, "out", "all.jsonl");

        var run = await p.RunAsync("export", "--format", "jsonl", "--out", path);

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var names = doc.RootElement.EnumerateObject().Select(o => o.Name).ToList();
            Assert.Equal(["id", "url", "canonical_url", "source", "title", "published", "fetched", "language", "text", "response_types", "scores",
                "actor", "actor_type", "date", "legal_acts", "confidence", "status", "model_version", "duplicate_of", "duplicates"], names);
        }
        using var first = JsonDocument.Parse(lines.Single(l => l.Contains("/s\"")));
        Assert.Equal("press", first.RootElement.GetProperty("source").GetString());
        Assert.Equal("2026-11-20T10:30:00Z", first.RootElement.GetProperty("published").GetString());
        Assert.Equal(9, first.RootElement.GetProperty("scores").EnumerateObject().Count());
    }

    [Fact]
    public async Task Export_CsvFilteredStatus_WritesOnlyFilteredRows()
    {
        var (web, p) = await IngestedAsync();
        await using var _ = web;
        using var __ = p;
        var path = Path.Combine(p.Directory, "filtered.csv");

        var run = await p.RunAsync("export", "--format", "csv", "--out", path, "--status", "filtered");

        Assert.Equal(0, run.ExitCode);
        var text = File.ReadAllText(path);
        Assert.StartsWith("id,url,canonical_url,source,title,published,fetched,language,text,response_types,scores,actor,actor_type,date,legal_acts,confidence,status,model_version,duplicate_of,duplicates", text);
        Assert.Contains("EU sanctions Iranian drone makers", text);
        Assert.DoesNotContain("Council lists 25 more", text);
    }

    [Fact]
    public async Task Export_Csv_NeutralisesCellsThatAreFormulasLikeTheDatasetCsv()
    {
        using var p = new TestPipeline();
        p.Configure([]);
        await p.Database.MigrateAsync();
        // A scraped title and text, and an actor name, that a spreadsheet would run as formulas.
        await p.Items.InsertAsync(
            new NewItem("press", "https://example.org/f", "https://example.org/f", "=HYPERLINK(\"http://evil.example\",\"Belarus\")", null, DateTimeOffset.UtcNow, "en",
                "@SUM(A1) and a comma, in the text", "f-hash", 0, true, [], "test", null),
            new CandidateRecord("pending", ["statement"], new Dictionary<string, double> { ["statement"] = 1 }, "+cmd|' /C calc'!A0", "state", [], 0.9, "test-model"));
        var path = Path.Combine(p.Directory, "all.csv");

        Assert.Equal(0, (await p.RunAsync("export", "--format", "csv", "--out", path)).ExitCode);

        var text = File.ReadAllText(path);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Belarus\"\")\",", text);
        Assert.Contains(",\"'@SUM(A1) and a comma, in the text\",", text);
        Assert.Contains(",\"'+cmd|' /C calc'!A0\",", text);
    }

    [Fact]
    public async Task Export_BadFormat_Exits2()
    {
        using var p = new TestPipeline();
        p.Configure([]);
        var run = await p.RunAsync("export", "--format", "xml", "--out", Path.Combine(p.Directory, "x"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("jsonl or csv", run.Stderr);
    }
}
