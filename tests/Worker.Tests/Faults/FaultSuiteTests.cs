using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Pipeline.Worker.Tests.Infrastructure;
using static Pipeline.Worker.Tests.Infrastructure.SampleWeb;

namespace Pipeline.Worker.Tests.Faults;

/// <summary>
/// The overnight fault suite: each publisher misbehaves in one way on its own loopback address (127.0.0.x), next to a
/// healthy publisher on another, and each test asserts what the pipeline did.
/// </summary>
public class FaultSuiteTests
{
    private static readonly Article[] Three = [Sanctions, Expulsion, Trial];

    /// <summary>A healthy publisher: a feed of three articles and their pages.</summary>
    private static async Task<LoopbackPublisher> HealthyAsync(string host)
    {
        var web = await LoopbackPublisher.StartAsync(host);
        web.MapText("/feed.xml", "application/rss+xml", Rss(web.BaseUrl, Three.Select(a => (a, "p/" + a.Slug))));
        foreach (var a in Three) web.MapText("/p/" + a.Slug, "text/html; charset=utf-8", Page(a));
        return web;
    }

    private static void MapArticles(LoopbackPublisher web)
    {
        foreach (var a in Three) web.MapText("/p/" + a.Slug, "text/html; charset=utf-8", Page(a));
    }

    private static string Feed(LoopbackPublisher web) => Rss(web.BaseUrl, Three.Select(a => (a, "p/" + a.Slug)));

    [Fact]
    public async Task Fault_503TwiceThenOk_RetriesAndStoresEverything()
    {
        await using var web = await LoopbackPublisher.StartAsync("127.0.0.2");
        int calls = 0;
        web.Map("/feed.xml", async ctx =>
        {
            if (Interlocked.Increment(ref calls) <= 2) { ctx.Response.StatusCode = 503; return; }
            ctx.Response.ContentType = "application/rss+xml";
            await ctx.Response.WriteAsync(Feed(web));
        });
        MapArticles(web);
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("flaky", web.Url("feed.xml"))]);

        await p.RunAsync("ingest");

        Assert.Equal(3, web.Count("/feed.xml"));
        Assert.Equal(3, (await p.AllItemsAsync()).Count);
        var state = await p.Sources.GetAsync("flaky");
        Assert.Equal(0, state!.ConsecutiveFailures);
    }

    [Fact]
    public async Task Fault_429WithRetryAfter_WaitsAsToldThenSucceeds()
    {
        await using var web = await LoopbackPublisher.StartAsync("127.0.0.3");
        var times = new List<DateTimeOffset>();
        web.Map("/feed.xml", async ctx =>
        {
            lock (times) times.Add(DateTimeOffset.UtcNow);
            if (times.Count == 1) { ctx.Response.StatusCode = 429; ctx.Response.Headers.RetryAfter = "1"; return; }
            ctx.Response.ContentType = "application/rss+xml";
            await ctx.Response.WriteAsync(Feed(web));
        });
        MapArticles(web);
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("limited", web.Url("feed.xml"))]);

        await p.RunAsync("ingest");

        Assert.Equal(2, times.Count);
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(0.95), $"retried after {(times[1] - times[0]).TotalSeconds:0.00} s, not after the 1 s asked for");
        Assert.Equal(3, (await p.AllItemsAsync()).Count);
    }

    [Fact]
    public async Task Fault_NeverAnswers_TimesOutWhileOthersFinish()
    {
        await using var healthy = await HealthyAsync("127.0.0.4");
        await using var hang = await LoopbackPublisher.StartAsync("127.0.0.5");
        hang.Map("/feed.xml", async ctx => await Task.Delay(TimeSpan.FromMinutes(2), ctx.RequestAborted));
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("hang", hang.Url("feed.xml")), TestPipeline.FeedSource("healthy", healthy.Url("feed.xml"))]);

        var run = await p.RunAsync("ingest");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, (await p.AllItemsAsync()).Count);
        var state = await p.Sources.GetAsync("hang");
        Assert.Equal("Timeout", state!.LastErrorKind);
        Assert.True(state.NextCheck > DateTimeOffset.UtcNow, "a failing source backs off");
    }

    [Fact]
    public async Task Fault_PassDeadline_StopsASlowSourceKeepsWhatItStored()
    {
        await using var healthy = await HealthyAsync("127.0.0.6");
        await using var slow = await LoopbackPublisher.StartAsync("127.0.0.7");
        var many = Enumerable.Range(0, 30).Select(i => (Trial with { Slug = $"t{i}", Title = $"Minsk court hearing {i}" }, $"t{i}")).ToList();
        slow.MapText("/feed.xml", "application/rss+xml", Rss(slow.BaseUrl, many));
        foreach (var (a, path) in many)
            slow.Map("/" + path, async ctx => { await Task.Delay(400, ctx.RequestAborted); ctx.Response.ContentType = "text/html"; await ctx.Response.WriteAsync(Page(a)); });
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("slow", slow.Url("feed.xml")), TestPipeline.FeedSource("healthy", healthy.Url("feed.xml"))],
            o => o["Fetch"]!["PassDeadlineSeconds"] = 4);

        var run = await p.RunAsync("ingest");

        Assert.Equal(0, run.ExitCode);
        var items = await p.AllItemsAsync();
        Assert.Equal(3, items.Count(i => i.SourceId == "healthy"));
        var slowCount = items.Count(i => i.SourceId == "slow");
        Assert.InRange(slowCount, 1, 29); // some stored before the deadline, kept
        var state = await p.Sources.GetAsync("slow");
        Assert.Contains("deadline", state!.LastError);
        Assert.Null(state.ETag); // validators are not saved for an unfinished listing: the next pass sees it again

        // The next pass (no deadline pressure) finishes the listing without storing anything twice.
        p.Configure([TestPipeline.FeedSource("slow", slow.Url("feed.xml"))]);
        await p.RunAsync("ingest", "--source", "slow");
        var after = await p.AllItemsAsync();
        Assert.Equal(30, after.Count(i => i.SourceId == "slow"));
        Assert.Equal(after.Count, after.Select(i => i.CanonicalUrl).Distinct().Count());
    }

    [Fact]
    public async Task Fault_ConnectionResetMidBody_IsRecordedAsNetworkError()
    {
        await using var healthy = await HealthyAsync("127.0.0.8");
        await using var web = await LoopbackPublisher.StartAsync("127.0.0.9");
        web.Map("/feed.xml", async ctx =>
        {
            ctx.Response.ContentType = "application/rss+xml";
            ctx.Response.ContentLength = 100_000;
            await ctx.Response.WriteAsync(Feed(web)[..300]);
            await ctx.Response.Body.FlushAsync();
            ctx.Abort();
        });
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("reset", web.Url("feed.xml")), TestPipeline.FeedSource("healthy", healthy.Url("feed.xml"))]);

        await p.RunAsync("ingest");

        var state = await p.Sources.GetAsync("reset");
        Assert.Equal("Network", state!.LastErrorKind);
        Assert.Equal(3, (await p.AllItemsAsync()).Count);
    }

    [Fact]
    public async Task Fault_EveryArticlePageResets_StopsFetchingPagesAfterThreeAndStoresEveryItemFromTheFeed()
    {
        await using var web = await LoopbackPublisher.StartAsync("127.0.0.26");
        var articles = Enumerable.Range(0, 8).Select(i => Sanctions with
        {
            Slug = $"a{i}", Title = $"Belarus: Council lists {10 + i} more individuals",
            Paragraphs = [$"The Council of the EU listed {10 + i} more individuals responsible for repression in Belarus, case {i}."],
        }).ToList();
        web.MapText("/feed.xml", "application/rss+xml", Rss(web.BaseUrl, articles.Select(a => (a, "p/" + a.Slug))));
        foreach (var a in articles) web.Map("/p/" + a.Slug, ctx => { ctx.Abort(); return Task.CompletedTask; }); // reset before any response
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("resets", web.Url("feed.xml"))]);

        await p.RunAsync("ingest");

        // Three pages fail (each with its retries), then the publisher is taken to be down for this pass.
        var pagesTried = web.Requests.Select(r => r.Path).Where(path => path.StartsWith("/p/", StringComparison.Ordinal)).Distinct().Count();
        Assert.Equal(3, pagesTried);
        var items = await p.AllItemsAsync();
        Assert.Equal(8, items.Count(i => i.SourceId == "resets"));
        Assert.All(items, i => Assert.Contains("Council of the EU listed", i.Text)); // the feed's text
    }

    [Fact]
    public async Task Fault_TruncatedXml_IsRefusedWithAPlainMessage()
    {
        await using var web = await LoopbackPublisher.StartAsync("127.0.0.10");
        var feed = Feed(web);
        web.MapText("/feed.xml", "application/rss+xml", feed[..(feed.Length * 2 / 3)]);
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("truncated", web.Url("feed.xml"))]);

        await p.RunAsync("ingest");

        var state = await p.Sources.GetAsync("truncated");
        Assert.Equal("NotAFeed", state!.LastErrorKind);
        Assert.Contains("malformed", state.LastError);
        Assert.DoesNotContain("   at ", state.LastError);
    }

    [Fact]
    public async Task Fault_40MbPage_IsCutAtTheSizeCapAndTheItemMarked()
    {
        await using var web = await LoopbackPublisher.StartAsync("127.0.0.11");
        long sent = 0;
        web.MapText("/feed.xml", "application/rss+xml", Rss(web.BaseUrl, [(Sanctions, "huge"), (Expulsion, "huge-declared")]));
        web.Map("/huge", async ctx =>
        {
            ctx.Response.ContentType = "text/html"; // chunked: no Content-Length, the cap must stop the download
            var chunk = Encoding.UTF8.GetBytes("<p>" + new string('x', 65_000) + "</p>");
            try
            {
                for (int i = 0; i < 40 * 1024 * 1024 / chunk.Length; i++)
                {
                    // Kestrel accepts writes after the client went away; a flush result marked completed says the reader is gone.
                    await ctx.Response.BodyWriter.WriteAsync(chunk, ctx.RequestAborted);
                    var flushed = await ctx.Response.BodyWriter.FlushAsync(ctx.RequestAborted);
                    if (flushed.IsCompleted || flushed.IsCanceled || ctx.RequestAborted.IsCancellationRequested) break;
                    Interlocked.Add(ref sent, chunk.Length);
                }
            }
            catch (OperationCanceledException) { }
            catch (IOException) { }
        });
        web.Map("/huge-declared", async ctx =>
        {
            ctx.Response.ContentLength = 40L * 1024 * 1024; // declared up front: refused before the body is read
            ctx.Response.ContentType = "text/html";
            await ctx.Response.StartAsync();
            await ctx.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("<html><body>"));
            await ctx.Response.Body.FlushAsync();
            try { await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted); } catch (OperationCanceledException) { }
            ctx.Abort();
        });
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("huge", web.Url("feed.xml"))], o => o["Fetch"]!["MaxBodyBytes"] = 2 * 1024 * 1024);

        await p.RunAsync("ingest");

        var items = await p.AllItemsAsync();
        Assert.Equal(2, items.Count); // stored from the feed's own text, marked
        var huge = items.Single(i => i.Url.EndsWith("/huge"));
        var extraction = await p.ExtractionOfAsync(huge.Id);
        Assert.Contains("page failed", extraction);
        Assert.Contains("limit", extraction);
        Assert.True(Interlocked.Read(ref sent) < 20 * 1024 * 1024, $"the client kept reading: {sent:N0} bytes sent");
        Assert.Contains("limit", await p.ExtractionOfAsync(items.Single(i => i.Url.EndsWith("/huge-declared")).Id));
    }

    [Fact]
    public async Task Fault_PermanentRedirect_IsFollowedRecordedAndUsedNextTime()
    {
        await using var web = await LoopbackPublisher.StartAsync("127.0.0.12");
        web.Map("/old.xml", ctx => { ctx.Response.StatusCode = 301; ctx.Response.Headers.Location = "/new.xml"; return Task.CompletedTask; });
        web.MapText("/new.xml", "application/rss+xml", Feed(web));
        MapArticles(web);
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("moved", web.Url("old.xml"))]);

        var first = await p.RunAsync("ingest");
        await p.RunAsync("ingest");

        Assert.Equal(3, (await p.AllItemsAsync()).Count);
        var state = await p.Sources.GetAsync("moved");
        Assert.Equal(web.Url("new.xml").AbsoluteUri, state!.RedirectedTo);
        Assert.Contains("permanently moved", first.Stdout);
        Assert.Equal(1, web.Count("/old.xml"));
        Assert.Equal(2, web.Count("/new.xml"));
        var status = await p.RunAsync("sources", "status");
        Assert.Contains("permanently moved to", status.Stdout);
    }

    [Fact]
    public async Task Fault_RedirectLoop_StopsAfterFiveRedirects()
    {
        await using var web = await LoopbackPublisher.StartAsync("127.0.0.13");
        web.Map("/a", ctx => { ctx.Response.StatusCode = 302; ctx.Response.Headers.Location = "/b"; return Task.CompletedTask; });
        web.Map("/b", ctx => { ctx.Response.StatusCode = 302; ctx.Response.Headers.Location = "/a"; return Task.CompletedTask; });
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("loop", web.Url("a"))]);

        await p.RunAsync("ingest");

        var state = await p.Sources.GetAsync("loop");
        Assert.Equal("TooManyRedirects", state!.LastErrorKind);
        Assert.Equal(6, web.Count("/a") + web.Count("/b"));
    }

    [Theory]
    [InlineData(404, "NotFound")]
    [InlineData(410, "Gone")]
    public async Task Fault_404And410_BackOffAndAreMarkedGoneAfterRepeatedFailures(int httpStatus, string kind)
    {
        await using var web = await LoopbackPublisher.StartAsync("127.0.0.14");
        web.Map("/feed.xml", ctx => { ctx.Response.StatusCode = httpStatus; return Task.CompletedTask; });
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("removed", web.Url("feed.xml"))]);

        await p.RunAsync("ingest");
        var afterFirst = await p.Sources.GetAsync("removed");
        Assert.Equal(kind, afterFirst!.LastErrorKind);
        Assert.True(afterFirst.NextCheck > DateTimeOffset.UtcNow.AddHours(4), "a hard failure backs off for hours");
        var skipped = await p.RunAsync("ingest"); // a plain pass leaves a backing-off source alone
        Assert.Contains("backing off", skipped.Stdout);
        Assert.Equal(1, web.Count("/feed.xml"));

        await p.RunAsync("ingest", "--source", "removed"); // naming it forces a poll
        await p.RunAsync("ingest", "--source", "removed");
        var status = await p.RunAsync("sources", "status");
        Assert.Matches(@"removed\s+gone\s+3", status.Stdout);
        var state = await p.Sources.GetAsync("removed");
        Assert.True(state!.NextCheck <= DateTimeOffset.UtcNow.AddDays(1.01), "backoff is capped at a day");
    }

    [Fact]
    public async Task Fault_WrongOrMissingCharset_StillDecodesCyrillic()
    {
        await using var web = await LoopbackPublisher.StartAsync("127.0.0.15");
        var ru = new Article("ru", "Евросоюз ввёл санкции против Беларуси", Sanctions.Published, ["Совет ЕС включил в санкционный список ещё двадцать пять человек, причастных к репрессиям в Беларуси."]);
        string Rss1(string path) => Rss(web.BaseUrl, [(ru, path)]).Replace("encoding=\"utf-8\"", "");
        web.MapContent("/wrong.xml", "application/rss+xml; charset=utf-8", Encoding.GetEncoding(1251).GetBytes(Rss1("ru1"))); // header lies
        web.MapContent("/none.xml", "application/rss+xml", Encoding.GetEncoding("koi8-r").GetBytes(Rss1("ru2"))); // nothing declared
        using var p = new TestPipeline();
        var a = TestPipeline.FeedSource("wrong", web.Url("wrong.xml")); a["FetchArticles"] = false;
        var b = TestPipeline.FeedSource("none", web.Url("none.xml")); b["FetchArticles"] = false;
        p.Configure([a, b]);

        await p.RunAsync("ingest");

        var items = await p.AllItemsAsync();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("Евросоюз ввёл санкции против Беларуси", i.Title));
    }

    [Fact]
    public async Task Fault_GzipAndBrotliBodies_AreDecompressed()
    {
        await using var web = await LoopbackPublisher.StartAsync("127.0.0.16");
        var feed = Encoding.UTF8.GetBytes(Feed(web));
        web.Map("/gzip.xml", async ctx =>
        {
            ctx.Response.ContentType = "application/rss+xml";
            ctx.Response.Headers.ContentEncoding = "gzip";
            await using var z = new GZipStream(ctx.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await z.WriteAsync(feed);
        });
        web.Map("/br.xml", async ctx =>
        {
            ctx.Response.ContentType = "application/rss+xml";
            ctx.Response.Headers.ContentEncoding = "br";
            await using var z = new BrotliStream(ctx.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await z.WriteAsync(feed);
        });
        using var p = new TestPipeline();
        var g = TestPipeline.FeedSource("gzip", web.Url("gzip.xml")); g["FetchArticles"] = false;
        var br = TestPipeline.FeedSource("br", web.Url("br.xml")); br["FetchArticles"] = false;
        p.Configure([g, br], o => o["Fetch"]!["MaxParallelSources"] = 1);

        await p.RunAsync("ingest");

        Assert.Null((await p.Sources.GetAsync("gzip"))!.LastError);
        Assert.Null((await p.Sources.GetAsync("br"))!.LastError);
        Assert.Equal(3, (await p.AllItemsAsync()).Count); // the second feed lists the same links: nothing stored twice
    }

    [Fact]
    public async Task Fault_AccountSuspendedPlaceholder_IsFlaggedAsUnwell()
    {
        await using var web = await LoopbackPublisher.StartAsync("127.0.0.17");
        var listing = "<html><body><ul>" + string.Concat(Enumerable.Range(0, 10).Select(i => $"<li class='n'><a href='/n{i}'>Belarus news {i}</a></li>")) + "</ul></body></html>";
        bool suspended = false;
        web.Map("/news", async ctx =>
        {
            ctx.Response.ContentType = "text/html";
            await ctx.Response.WriteAsync(suspended ? "<html><body><h1>Account suspended</h1><p>Contact your hosting provider.</p></body></html>" : listing);
        });
        using var p = new TestPipeline();
        var s = TestPipeline.FeedSource("mfa", web.Url("news"));
        s["Kind"] = "Html"; s["ItemSelector"] = "li.n"; s["FetchArticles"] = false;
        p.Configure([s]);

        await p.RunAsync("ingest");
        suspended = true;
        var second = await p.RunAsync("ingest");

        var state = await p.Sources.GetAsync("mfa");
        Assert.Contains("only 0 entries where usually about 10", state!.Flagged);
        Assert.Contains("warning", second.Stdout);
        var status = await p.RunAsync("sources", "status");
        Assert.Matches(@"mfa\s+suspect", status.Stdout);
    }

    [Fact]
    public async Task Fault_RobotsTxtDisallow_IsHonoured()
    {
        await using var web = await LoopbackPublisher.StartAsync("127.0.0.18");
        web.MapText("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n", etag: null);
        web.MapText("/feed.xml", "application/rss+xml", Rss(web.BaseUrl, [(Sanctions, "private/s"), (Expulsion, "public/e")]));
        web.MapText("/private/s", "text/html", Page(Sanctions));
        web.MapText("/public/e", "text/html", Page(Expulsion));
        web.MapText("/private/feed.xml", "application/rss+xml", Feed(web));
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("polite", web.Url("feed.xml")), TestPipeline.FeedSource("forbidden", web.Url("private/feed.xml"))]);

        await p.RunAsync("ingest");

        Assert.Equal(0, web.Count("/private/s"));
        Assert.Equal(0, web.Count("/private/feed.xml"));
        Assert.Equal(1, web.Count("/public/e"));
        var items = await p.AllItemsAsync();
        Assert.Equal(2, items.Count);
        Assert.Contains("robots.txt", await p.ExtractionOfAsync(items.Single(i => i.Url.EndsWith("/private/s")).Id));
        var forbidden = await p.Sources.GetAsync("forbidden");
        Assert.Equal("Blocked", forbidden!.LastErrorKind);
        Assert.Contains("robots.txt", forbidden.LastError);
    }

    [Fact]
    public async Task Fault_FeedLinksToPrivateAddresses_AreNotFetched()
    {
        await using var source = await LoopbackPublisher.StartAsync("127.0.0.19");
        await using var internalHost = await LoopbackPublisher.StartAsync("127.0.0.20");
        internalHost.MapText("/secret", "text/html", Page(Sanctions));
        var rss = Rss(source.BaseUrl, [(Sanctions, "x")]).Replace(source.Url("x").AbsoluteUri, internalHost.Url("secret").AbsoluteUri);
        source.MapText("/feed.xml", "application/rss+xml", rss);
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("ssrf", source.Url("feed.xml"))], o => o["Fetch"]!["AllowPrivateNetworks"] = false);

        await p.RunAsync("ingest");

        Assert.Equal(1, source.Count("/feed.xml")); // the configured source address itself is trusted
        Assert.Empty(internalHost.Requests); // the link found in the feed is not
        var item = Assert.Single(await p.AllItemsAsync());
        Assert.Contains("private", await p.ExtractionOfAsync(item.Id));
    }

    [Fact]
    public async Task Fault_NetworkFaults_AreOneLineEachWithoutStackTraces()
    {
        // Polly's own telemetry printed a warning with a multi-kilobyte stack trace for every failed attempt: a
        // 503, a reset connection and a hang beside a healthy publisher must print one plain line per retry instead.
        await using var healthy = await HealthyAsync("127.0.0.27");
        await using var web = await LoopbackPublisher.StartAsync("127.0.0.28");
        web.Map("/busy.xml", ctx => { ctx.Response.StatusCode = 503; return Task.CompletedTask; });
        web.Map("/reset.xml", ctx => { ctx.Abort(); return Task.CompletedTask; });
        web.Map("/hang.xml", async ctx => await Task.Delay(TimeSpan.FromMinutes(2), ctx.RequestAborted));
        using var p = new TestPipeline();
        p.Configure([
            TestPipeline.FeedSource("busy", web.Url("busy.xml")), TestPipeline.FeedSource("reset", web.Url("reset.xml")),
            TestPipeline.FeedSource("hang", web.Url("hang.xml")), TestPipeline.FeedSource("healthy", healthy.Url("feed.xml")),
        ]);
        await TestPipeline.EnsureModelAsync();
        var output = new StringBuilder();

        using (var child = p.StartWorker(output, new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Information" }, "ingest"))
        {
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(0, child.ExitCode);
        }

        var log = output.ToString();
        Assert.DoesNotContain("   at ", log);
        Assert.DoesNotContain("Exception", log);
        Assert.Contains("Retrying " + web.Url("busy.xml").AbsoluteUri + " in", log);
        Assert.Contains("HTTP 503", log);
        Assert.Contains("Retrying " + web.Url("hang.xml").AbsoluteUri + " in", log);
        Assert.Contains("no answer within the attempt timeout", log);
        Assert.Equal(3, (await p.AllItemsAsync()).Count);
        Assert.Equal("Network", (await p.Sources.GetAsync("reset"))!.LastErrorKind);
    }
}
