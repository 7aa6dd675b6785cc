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
                "actor", "actor_type", "date", "binding", "stance", "lifecycle", "targets", "legal_acts", "confidence", "status", "model_version",
                "duplicate_of", "duplicates"], names);
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
        Assert.StartsWith("id,url,canonical_url,source,title,published,fetched,language,text,response_types,scores,actor,actor_type,date,"
                          + "binding,stance,lifecycle,targets,legal_acts,confidence,status,model_version,duplicate_of,duplicates", text);
        Assert.Contains("EU sanctions Iranian drone makers", text);
        Assert.DoesNotContain("Council lists 25 more", text);
    }

    /// <summary>The facts of a response are exported as stored, with a reviewer's corrections applied; a row stored before
    /// migration 7 (NULL facts) has its lifecycle, targets and date read from the text.</summary>
    [Fact]
    public async Task Export_WritesTheEffectiveFactsOfEachResponse()
    {
        using var p = new TestPipeline();
        p.Configure([]);
        await p.Database.MigrateAsync();
        const string text = "The Council extended the sanctions on Naftan and Belshina until 28 February 2027.";
        var published = new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.Zero);
        var scores = new Dictionary<string, double> { ["targeted_sanctions"] = 1 };
        var stored = await p.Items.InsertAsync(
            new NewItem("press", "https://example.org/a", "https://example.org/a", "Sanctions", published, published, "en", text, "a-hash", 0,
                true, [], "test", null),
            new CandidateRecord("approved", ["targeted_sanctions"], scores, "Council of the EU", "igo", [], 0.9, "test-model",
                new ResponseFacts(true, "critical", "adopted", [new TargetMention("Naftan", 38, 6)], "2026-02-19")));
        var older = await p.Items.InsertAsync(
            new NewItem("press", "https://example.org/b", "https://example.org/b", "Sanctions", published, published, "en", text + " ", "b-hash", 0,
                true, [], "test", null),
            new CandidateRecord("approved", ["targeted_sanctions"], scores, "Council of the EU", "igo", [], 0.9, "test-model"));
        await using (var c = await p.Database.OpenAsync())
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = $$"""
                UPDATE candidates SET reviewed_facts = '{"lifecycle": "extended", "binding": null}' WHERE item_id = {{stored.Id}}
                """;
            await cmd.ExecuteNonQueryAsync();
        }
        var path = Path.Combine(p.Directory, "facts.jsonl");

        Assert.Equal(0, (await p.RunAsync("export", "--format", "jsonl", "--out", path)).ExitCode);

        var rows = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(r => r.GetProperty("id").GetInt64());
        var reviewed = rows[stored.Id];
        Assert.Equal("extended", reviewed.GetProperty("lifecycle").GetString());   // the reviewer's
        Assert.Equal(JsonValueKind.Null, reviewed.GetProperty("binding").ValueKind); // the reviewer said "unclear"
        Assert.Equal("critical", reviewed.GetProperty("stance").GetString());      // as predicted
        Assert.Equal(["Naftan"], reviewed.GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("2026-02-19", reviewed.GetProperty("date").GetString());
        var computed = rows[older.Id];
        Assert.Equal("extended", computed.GetProperty("lifecycle").GetString());
        Assert.Equal(["Naftan", "Belshina"], computed.GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(JsonValueKind.Null, computed.GetProperty("binding").ValueKind);

        var csvPath = Path.Combine(p.Directory, "facts.csv");
        Assert.Equal(0, (await p.RunAsync("export", "--format", "csv", "--out", csvPath)).ExitCode);
        Assert.Contains(",2026-02-19,,critical,extended,Naftan,", File.ReadAllText(csvPath));
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
