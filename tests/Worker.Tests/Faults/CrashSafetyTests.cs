using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;
using Pipeline.Worker.Tests.Infrastructure;
using static Pipeline.Worker.Tests.Infrastructure.SampleWeb;

namespace Pipeline.Worker.Tests.Faults;

/// <summary>
/// The real program in a child process, killed (SIGKILL) or stopped (SIGTERM) in the middle of a pass, then run again:
/// no duplicate, no lost item, no lost review, a consistent store.
/// </summary>
public class CrashSafetyTests
{
    private const int ItemCount = 30;

    private static async Task<LoopbackPublisher> SlowPublisherAsync(string host)
    {
        var web = await LoopbackPublisher.StartAsync(host);
        var articles = Enumerable.Range(0, ItemCount)
            .Select(i => (Sanctions with { Slug = $"s{i}", Title = $"Belarus: Council lists person {i}", Paragraphs = [.. Sanctions.Paragraphs, $"Listing number {i} of the package."] }, $"s{i}"))
            .ToList();
        web.MapText("/feed.xml", "application/rss+xml", Rss(web.BaseUrl, articles));
        foreach (var (a, path) in articles)
            web.Map("/" + path, async ctx =>
            {
                await Task.Delay(150, ctx.RequestAborted); // slow enough to be caught mid-pass
                ctx.Response.ContentType = "text/html";
                await ctx.Response.WriteAsync(Page(a));
            });
        return web;
    }

    private static Process Start(TestPipeline p, StringBuilder output) => p.StartWorker(output, null, "ingest");

    private static async Task WaitForItemsAsync(TestPipeline p, int atLeast, Process process)
    {
        for (int i = 0; i < 600; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"the child exited early with {process.ExitCode}");
            try { if (await p.SchemaExistsAsync() && await p.Items.CountAsync() >= atLeast) return; }
            catch (System.Data.Common.DbException) { } // schema being created
            await Task.Delay(100);
        }
        throw new TimeoutException("the child stored too few items");
    }

    [Fact]
    public async Task Sigkill_MidPass_RerunLosesNothingAndDuplicatesNothing()
    {
        await TestPipeline.EnsureModelAsync();
        await using var web = await SlowPublisherAsync("127.0.0.21");
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("slow", web.Url("feed.xml"))]);
        var output = new StringBuilder();

        using (var child = Start(p, output))
        {
            await WaitForItemsAsync(p, 5, child);
            // A reviewer's decision made while the pass runs must survive the crash.
            await p.ScalarAsync("INSERT INTO reviews (item_id, reviewer, at, decision, before, after) VALUES (1, 'anna', '2026-11-25T06:00:00.000Z', 'approve', '{}', '{}')");
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }
        var before = await p.Items.CountAsync();
        Assert.InRange(before, 5, ItemCount - 1);

        using (var rerun = Start(p, output))
        {
            await rerun.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            Assert.Equal(0, rerun.ExitCode);
        }

        var items = await p.AllItemsAsync();
        Assert.Equal(ItemCount, items.Count);
        Assert.Equal(ItemCount, items.Select(i => i.CanonicalUrl).Distinct().Count());
        Assert.All(items, i => Assert.Contains("asset freeze", i.Text)); // every item complete, none half-written
        if (!TestPipeline.OnPostgres) Assert.Equal("ok", await p.ScalarAsync("PRAGMA integrity_check"));
        Assert.Equal("1", await p.ScalarAsync("SELECT COUNT(*) FROM reviews"));
        Assert.Equal(ItemCount, int.Parse(await p.ScalarAsync("SELECT COUNT(*) FROM candidates")));
        var log = output.ToString();
        Assert.DoesNotContain("   at ", log); // no stack traces in the logs
    }

    [Fact]
    public async Task Sigterm_MidPass_StopsWithinSecondsAndLeavesTheStoreConsistent()
    {
        await TestPipeline.EnsureModelAsync();
        await using var web = await SlowPublisherAsync("127.0.0.22");
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("slow", web.Url("feed.xml"))]);
        var output = new StringBuilder();

        using (var child = Start(p, output))
        {
            await WaitForItemsAsync(p, 3, child);
            var clock = Stopwatch.StartNew();
            Process.Start("kill", ["-TERM", child.Id.ToString()])!.WaitForExit();
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed.TotalSeconds:0.0} s to stop");
            Assert.Equal(130, child.ExitCode);
        }
        if (!TestPipeline.OnPostgres) Assert.Equal("ok", await p.ScalarAsync("PRAGMA integrity_check"));
        Assert.Contains("cancelled", output.ToString());
        var partial = await p.Items.CountAsync();
        Assert.Equal(partial, int.Parse(await p.ScalarAsync("SELECT COUNT(*) FROM candidates"))); // no item without its candidate

        using (var rerun = Start(p, output))
            await rerun.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.Equal(ItemCount, (await p.AllItemsAsync()).Select(i => i.CanonicalUrl).Distinct().Count());
        Assert.Equal(ItemCount, await p.Items.CountAsync());
    }

    [Fact]
    public async Task Credentials_InASourceUrl_NeverReachLogsOrTheStore()
    {
        await TestPipeline.EnsureModelAsync();
        await using var web = await LoopbackPublisher.StartAsync("127.0.0.23");
        web.Map("/feed.xml", ctx => { ctx.Response.StatusCode = 500; return Task.CompletedTask; });
        using var p = new TestPipeline();
        var url = new UriBuilder(web.Url("feed.xml")) { UserName = "monitor", Password = "s3cr3t-pass" }.Uri;
        p.Configure([TestPipeline.FeedSource("private", url)], o => o["Fetch"]!["MaxRetries"] = 1);
        var output = new StringBuilder();

        using (var child = Start(p, output))
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        var log = output.ToString();
        Assert.Contains("private", log);
        Assert.DoesNotContain("s3cr3t-pass", log);
        Assert.DoesNotContain("   at ", log);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(log, @"Source private failed")); // once per source per pass
        var fetchLog = await p.FetchLog.ListAsync("private");
        Assert.NotEmpty(fetchLog);
        Assert.All(fetchLog, e => Assert.DoesNotContain("s3cr3t-pass", e.Url + e.Error));
    }
}
