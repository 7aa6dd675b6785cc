using System.Text.Json.Nodes;
using Pipeline.Worker.Tests.Infrastructure;
using static Pipeline.Worker.Tests.Infrastructure.SampleWeb;

namespace Pipeline.Worker.Tests.Ingestion;

/// <summary>End to end over a real loopback HTTP server: sources → fetch → parse → extract → filter → classify → store.</summary>
public class IngestPassTests
{
    private static async Task<LoopbackPublisher> PublisherWithFeedAsync(bool honourConditional = true)
    {
        var web = await LoopbackPublisher.StartAsync();
        var articles = new[] { (Sanctions, "press/sanctions"), (Expulsion, "press/expulsion"), (Trial, "news/trial"), (Iran, "press/iran") };
        web.MapText("/feed.xml", "application/rss+xml", Rss(web.BaseUrl, articles), honourConditional: honourConditional);
        foreach (var (a, path) in articles) web.MapText("/" + path, "text/html; charset=utf-8", Page(a));
        return web;
    }

    [Fact]
    public async Task Ingest_FeedWithArticlePages_StoresItemsWithTitlesDatesAndMainText()
    {
        await using var web = await PublisherWithFeedAsync();
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("press", web.Url("feed.xml"))]);

        var run = await p.RunAsync("ingest");

        Assert.Equal(0, run.ExitCode);
        var items = await p.AllItemsAsync();
        Assert.Equal(4, items.Count);
        var sanctions = items.Single(i => i.Url.EndsWith("press/sanctions"));
        Assert.Equal(Sanctions.Title, sanctions.Title);
        Assert.Equal(Sanctions.Published, sanctions.Published);
        Assert.Contains("asset freeze", sanctions.Text);
        Assert.Contains("release immediately and unconditionally", sanctions.Text);
        Assert.DoesNotContain("Cookie settings", sanctions.Text);
        Assert.DoesNotContain("Other news item", sanctions.Text);
        Assert.Equal("en", sanctions.Language);
        Assert.Contains("press", run.Stdout);
        Assert.Contains("4 new", run.Stdout);
    }

    [Fact]
    public async Task Ingest_ClassifiesAndQueues_ResponsesPendingOthersFiltered()
    {
        await using var web = await PublisherWithFeedAsync();
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("press", web.Url("feed.xml"))]);
        await p.RunAsync("ingest");

        var items = (await p.AllItemsAsync()).ToDictionary(i => i.Url[(i.Url.LastIndexOf('/') + 1)..]);
        // Not about Belarus at all: stored, filtered, never queued.
        Assert.Equal("filtered", items["iran"].Status);
        // A clear sanctions listing and a clear expulsion are queued for review with their scores and model version.
        Assert.Equal("pending", items["sanctions"].Status);
        Assert.Equal("pending", items["expulsion"].Status);
        Assert.True(items["sanctions"].Scores.Count == 9, "all nine labels get a probability");
        Assert.InRange(items["sanctions"].Scores.Values.Sum(), 0.99, 1.01);
        Assert.Equal(items["sanctions"].ResponseTypes[0], items["sanctions"].Scores.MaxBy(kv => kv.Value).Key);
        Assert.False(string.IsNullOrEmpty(items["sanctions"].ModelVersion));
        Assert.Equal("Lithuania", items["expulsion"].Actor);
        Assert.Equal("state", items["expulsion"].ActorType);
    }

    /// <summary>Ingest stores the facts of the response in migration 7's columns: binding and stance as the classifier
    /// predicts them, the lifecycle read from the title, the targets with their place in the stored text, the act's date.</summary>
    [Fact]
    public async Task Ingest_StoresTheFactsOfTheResponseOnItsCandidate()
    {
        var renewal = new Article("renewal", "EU extends sanctions on Belaruskali and Belavia",
            new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero),
            [
                "The Council today extended the restrictive measures against Belaruskali and Belavia until 28 February 2027.",
                "The asset freeze and the travel ban on 233 persons and 37 entities in Belarus remain in force.",
            ]);
        await using var web = await LoopbackPublisher.StartAsync();
        web.MapText("/feed.xml", "application/rss+xml", Rss(web.BaseUrl, [(renewal, "press/renewal"), (Iran, "press/iran")]));
        web.MapText("/press/renewal", "text/html; charset=utf-8", Page(renewal));
        web.MapText("/press/iran", "text/html; charset=utf-8", Page(Iran));
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("press", web.Url("feed.xml"))]);
        Assert.Equal(0, (await p.RunAsync("ingest")).ExitCode);

        var items = (await p.AllItemsAsync()).ToDictionary(i => i.Url[(i.Url.LastIndexOf('/') + 1)..]);
        var stored = items["renewal"];
        var columns = new Dictionary<string, object?>();
        await using (var c = await p.Database.OpenAsync())
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT binding, stance, lifecycle, targets, act_date, reviewed_facts FROM candidates "
                              + $"WHERE item_id = {stored.Id}";
            await using var r = await cmd.ExecuteReaderAsync();
            Assert.True(await r.ReadAsync());
            for (int k = 0; k < r.FieldCount; k++) columns[r.GetName(k)] = r.IsDBNull(k) ? null : r.GetValue(k);
        }
        Assert.Equal("extended", columns["lifecycle"]);
        Assert.Equal("2026-11-25", columns["act_date"]);
        Assert.Null(columns["reviewed_facts"]);
        Assert.Contains(columns["stance"], new object?[] { "critical", "supportive", "easing", null });
        Assert.Contains(columns["binding"] is null ? null : Convert.ToInt64(columns["binding"]), new long?[] { 0, 1, null });
        var targets = JsonNode.Parse((string)columns["targets"]!)!.AsArray();
        Assert.Equal(["Belaruskali", "Belavia"], targets.Select(t => t!["name"]!.GetValue<string>()));
        foreach (var t in targets)
            Assert.Equal(t!["name"]!.GetValue<string>(), stored.Text.Substring(t["start"]!.GetValue<int>(), t["length"]!.GetValue<int>()));
        // The same facts read back with the item; the filtered text about Iran has no lifecycle and no targets.
        Assert.Equal("extended", stored.Facts.Lifecycle);
        Assert.Equal(2, stored.Facts.Targets.Count);
        Assert.Null(items["iran"].Facts.Lifecycle);
        Assert.Empty(items["iran"].Facts.Targets);
    }

    /// <summary>The queue decision is P(any response type) against the threshold, not the top label: with a threshold
    /// near zero the domestic trial report (top label not_a_response) goes to review too, proposed with its most likely
    /// response type; the Iran item stays filtered by the relevance gate inside the classifier whatever the threshold.</summary>
    [Fact]
    public async Task Ingest_QueueFollowsTheProbabilityOfAResponse_NotTheTopLabel()
    {
        await using var web = await PublisherWithFeedAsync();
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("press", web.Url("feed.xml"))], c => c["Classify"]!["QueueThreshold"] = 0.0001);
        await p.RunAsync("ingest");

        var items = (await p.AllItemsAsync()).ToDictionary(i => i.Url[(i.Url.LastIndexOf('/') + 1)..]);
        Assert.Equal("not_a_response", items["trial"].Scores.MaxBy(kv => kv.Value).Key);
        Assert.Equal("pending", items["trial"].Status);
        Assert.True(Pipeline.Classify.Taxonomy.IsResponse(items["trial"].ResponseTypes[0]), "a queued item is proposed as a response type");
        Assert.Equal("filtered", items["iran"].Status);
        Assert.Equal("pending", items["sanctions"].Status);
    }

    /// <summary>Exile media often name the country in no form the relevance rule knows ("the regime", a court in a
    /// town): a source marked <c>AboutBelarus</c> has none of its items filtered as not about Belarus.</summary>
    [Fact]
    public async Task Ingest_SourceAboutBelarus_QueuesAResponseThatNeverNamesTheCountry()
    {
        var unnamed = new Article("regime-judges", "Council lists 25 judges of the regime",
            new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero),
            [
                "The Council today imposed an asset freeze and a travel ban on 25 judges and prosecutors of the regime who handed down politically motivated sentences.",
                "Those listed are responsible for the trials of journalists and opposition figures since August 2020.",
            ]);
        await using var web = await LoopbackPublisher.StartAsync();
        web.MapText("/feed.xml", "application/rss+xml", Rss(web.BaseUrl, [(unnamed, "news/judges"), (Iran, "news/iran")]));
        web.MapText("/news/judges", "text/html; charset=utf-8", Page(unnamed));
        web.MapText("/news/iran", "text/html; charset=utf-8", Page(Iran));

        async Task<Dictionary<string, string>> StatusesAsync(bool aboutBelarus)
        {
            using var p = new TestPipeline();
            var source = TestPipeline.FeedSource("exile", web.Url("feed.xml"));
            source["AboutBelarus"] = aboutBelarus;
            p.Configure([source]);
            Assert.Equal(0, (await p.RunAsync("ingest")).ExitCode);
            return (await p.AllItemsAsync()).ToDictionary(i => i.Url[(i.Url.LastIndexOf('/') + 1)..], i => i.Status);
        }

        Assert.Equal("filtered", (await StatusesAsync(aboutBelarus: false))["judges"]);
        var marked = await StatusesAsync(aboutBelarus: true);
        Assert.Equal("pending", marked["judges"]);
    }

    [Fact]
    public async Task Ingest_SecondPass_StoresNothingNewAndSendsConditionalRequests()
    {
        await using var web = await PublisherWithFeedAsync();
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("press", web.Url("feed.xml"))]);
        await p.RunAsync("ingest");
        var firstCount = (await p.AllItemsAsync()).Count;

        var second = await p.RunAsync("ingest");

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(firstCount, (await p.AllItemsAsync()).Count);
        var feedRequests = web.Requests.Where(r => r.Path == "/feed.xml").ToList();
        Assert.Equal(2, feedRequests.Count);
        Assert.Null(feedRequests[0].IfNoneMatch);
        Assert.Equal("\"v1\"", feedRequests[1].IfNoneMatch);
        Assert.Equal("Tue, 24 Nov 2026 10:00:00 GMT", feedRequests[1].IfModifiedSince);
        Assert.Equal(1, web.Count("/press/sanctions")); // no article fetched again
        var log = await p.FetchLog.ListAsync("press");
        Assert.Equal(["Ok", "NotModified"], log.Select(l => l.Outcome));
        var state = await p.Sources.GetAsync("press");
        Assert.Equal("\"v1\"", state!.ETag); // a 304 keeps the stored validators
    }

    [Fact]
    public async Task Ingest_ServerIgnoringConditionalGet_StillStoresNoDuplicates()
    {
        await using var web = await PublisherWithFeedAsync(honourConditional: false);
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("press", web.Url("feed.xml"))]);
        await p.RunAsync("ingest");
        await p.RunAsync("ingest");
        await p.RunAsync("ingest");

        Assert.Equal(4, (await p.AllItemsAsync()).Count);
        Assert.Equal(1, web.Count("/press/sanctions"));
    }

    [Fact]
    public async Task Ingest_FailingSources_DoNotStopTheOthersAndErrorsAreRecorded()
    {
        await using var web = await PublisherWithFeedAsync();
        web.Map("/broken", ctx => { ctx.Response.StatusCode = 500; return Task.CompletedTask; });
        web.MapText("/garbage", "application/rss+xml", "\u0001\u0002 this is not xml <<<", etag: null);
        web.Map("/hang", async ctx => await Task.Delay(TimeSpan.FromSeconds(60), ctx.RequestAborted));
        using var p = new TestPipeline();
        p.Configure(
        [
            TestPipeline.FeedSource("broken", web.Url("broken")),
            TestPipeline.FeedSource("garbage", web.Url("garbage")),
            TestPipeline.FeedSource("hang", web.Url("hang")),
            TestPipeline.FeedSource("press", web.Url("feed.xml")),
        ]);

        var run = await p.RunAsync("ingest");

        Assert.Equal(0, run.ExitCode); // the pass completed even though sources failed
        Assert.Equal(4, (await p.AllItemsAsync()).Count);
        var broken = await p.Sources.GetAsync("broken");
        Assert.Equal("ServerError", broken!.LastErrorKind);
        Assert.Contains("500", broken.LastError);
        Assert.Equal(1, broken.ConsecutiveFailures);
        Assert.True(web.Count("/broken") >= 2, "a 5xx is retried");
        var garbage = await p.Sources.GetAsync("garbage");
        Assert.Equal("NotAFeed", garbage!.LastErrorKind);
        var hang = await p.Sources.GetAsync("hang");
        Assert.Equal("Timeout", hang!.LastErrorKind);
        Assert.Contains("FAILED", run.Stdout);
        Assert.Contains("3 of 4 sources failed", run.Stdout);
    }

    [Fact]
    public async Task Ingest_EntityExpansionFeed_IsRefusedAndRecorded()
    {
        await using var web = await LoopbackPublisher.StartAsync();
        var lol = string.Concat(Enumerable.Range(2, 8).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">\n"));
        web.MapText("/bomb.xml", "application/rss+xml", $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY lol1 "lol">
            {lol}]>
            <rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><link>{web.BaseUrl}x</link></item></channel></rss>
            """);
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("bomb", web.Url("bomb.xml"))]);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = await p.RunAsync("ingest");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(await p.AllItemsAsync());
        var state = await p.Sources.GetAsync("bomb");
        Assert.Contains("entities", state!.LastError);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "hang guard: the expansion is never attempted");
    }

    [Fact]
    public async Task Ingest_SameStatementAtTwoUrls_BecomesOneCandidateWithBothAsEvidence()
    {
        await using var web = await LoopbackPublisher.StartAsync();
        var copy = Sanctions with { Slug = "copy" };
        web.MapText("/a.xml", "application/rss+xml", Rss(web.BaseUrl, [(Sanctions, "eu/sanctions")]));
        web.MapText("/b.xml", "application/rss+xml", Rss(web.BaseUrl, [(copy, "mirror/sanctions-copy?utm_source=rss")]));
        web.MapText("/eu/sanctions", "text/html", Page(Sanctions));
        // The mirror republishes the statement with its own chrome and a different title.
        web.MapText("/mirror/sanctions-copy", "text/html", Page(copy with { Title = "EU Council: more Belarus listings" }).Replace("Cookie settings", "Mirror site footer"));
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("a", web.Url("a.xml")), TestPipeline.FeedSource("b", web.Url("b.xml"))],
            o => o["Fetch"]!["MaxParallelSources"] = 1);

        await p.RunAsync("ingest");

        var items = await p.AllItemsAsync();
        Assert.Equal(2, items.Count);
        var primary = items.Single(i => i.DuplicateOf is null);
        var duplicate = items.Single(i => i.DuplicateOf is not null);
        Assert.Equal(primary.Id, duplicate.DuplicateOf);
        Assert.Equal("duplicate", duplicate.Status);
        Assert.Equal([duplicate.Url], primary.DuplicateUrls);
        Assert.Equal(1, await p.Items.CountAsync("pending"));
    }

    [SkippableFact]
    public async Task Ingest_SharedFixtureFeedInWindows1251_StoresCyrillicTitles()
    {
        var bytes = await File.ReadAllBytesAsync(global::Pipeline.Ingest.Tests.SharedData.Require("fixtures/feeds/rss20_ibash-org-ru_ru_windows-1251.xml"));
        await using var web = await LoopbackPublisher.StartAsync();
        web.MapContent("/ru.xml", "application/rss+xml", bytes); // no charset in the header: the XML declaration decides
        using var p = new TestPipeline();
        var source = TestPipeline.FeedSource("ru", web.Url("ru.xml"));
        source["FetchArticles"] = false;
        p.Configure([source]);

        await p.RunAsync("ingest");

        var items = await p.AllItemsAsync();
        Assert.Equal(50, items.Count);
        Assert.All(items, i => Assert.NotEqual("pending", i.Status)); // a jokes site: nothing about Belarus is queued
        // The real feed carries one quote twice under two URLs: stored once as primary, once as its duplicate.
        var duplicate = Assert.Single(items, i => i.Status == "duplicate");
        Assert.Equal(items[0].Id, duplicate.DuplicateOf);
        Assert.Contains(items, i => i.Text.Any(c => c is >= 'а' and <= 'я'));
    }

    /// <summary>The same on the team's own windows-1251 feed (tests/Fixtures), in every clone.</summary>
    [Fact]
    public async Task Ingest_OwnFeedInWindows1251_StoresCyrillicTitlesAndTheRepeatAsDuplicate()
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(global::Pipeline.Ingest.Tests.SharedData.Fixtures, "feeds", "rss20_windows-1251_ru.xml"));
        await using var web = await LoopbackPublisher.StartAsync();
        web.MapContent("/ru.xml", "application/rss+xml", bytes); // no charset in the header: the XML declaration decides
        using var p = new TestPipeline();
        var source = TestPipeline.FeedSource("ru", web.Url("ru.xml"));
        source["FetchArticles"] = false;
        p.Configure([source]);

        await p.RunAsync("ingest");

        var items = await p.AllItemsAsync();
        Assert.Equal(6, items.Count);
        Assert.All(items, i => Assert.NotEqual("pending", i.Status)); // garden notes: nothing about Belarus is queued
        // The weekly tip is published twice under two URLs: stored once as primary, once as its duplicate.
        var duplicate = Assert.Single(items, i => i.Status == "duplicate");
        Assert.Equal(items.Single(i => i.Url.EndsWith("/zametki/3")).Id, duplicate.DuplicateOf);
        Assert.Contains(items, i => i.Title == "Обрезка яблонь в марте");
    }

    [Fact]
    public async Task Ingest_NamedSource_RunsOnlyThatSource()
    {
        await using var web = await PublisherWithFeedAsync();
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("press", web.Url("feed.xml")), TestPipeline.FeedSource("other", web.Url("missing.xml"))]);

        var run = await p.RunAsync("ingest", "--source", "press");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, web.Count("/missing.xml"));
        Assert.Equal(4, (await p.AllItemsAsync()).Count);
    }
}
