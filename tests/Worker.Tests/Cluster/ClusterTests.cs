using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Pipeline.Worker.Tests.Infrastructure;
using static Pipeline.Worker.Tests.Infrastructure.SampleWeb;

namespace Pipeline.Worker.Tests.Cluster;

/// <summary>
/// Two worker processes on one schedule against one PostgreSQL (Quartz's clustered ADO.NET job store): every trigger
/// fires on exactly one of them, no item is stored twice, and when one worker is killed the other carries on.
/// Needs the PostgreSQL server that <c>.ci/run</c> starts (PIPELINE_TEST_POSTGRES).
/// </summary>
public class ClusterTests
{
    private const int SlotSeconds = 3;

    [SkippableFact]
    public async Task TwoWorkers_OneSchedule_EachTriggerFiresOnceAndSurvivorContinues()
    {
        Skip.IfNot(TestPipeline.OnPostgres, "needs PostgreSQL: set PIPELINE_TEST_POSTGRES (bash .ci/run starts a server)");
        // Known open problem (issue 7): on a loaded 2-core machine the two-node run sometimes stalls every job after its
        // first article (each source polled once in 30 s), so this test is opt-in until the cause is found.
        Skip.IfNot(Environment.GetEnvironmentVariable("PIPELINE_TEST_CLUSTER") == "1",
            "opt-in (PIPELINE_TEST_CLUSTER=1): the two-worker run can stall jobs after their first article; see the issue 7 note");
        await TestPipeline.EnsureModelAsync();

        var polls = new ConcurrentDictionary<string, ConcurrentBag<DateTimeOffset>>();
        var publishers = new List<LoopbackPublisher>();
        var sources = new System.Text.Json.Nodes.JsonArray();
        for (int i = 0; i < 3; i++)
        {
            var web = await LoopbackPublisher.StartAsync($"127.0.0.{30 + i}");
            publishers.Add(web);
            var id = $"pub{i}";
            var bag = polls.GetOrAdd(id, _ => []);
            var articles = new[] { (Sanctions with { Slug = $"s{i}" }, $"s{i}"), (Expulsion with { Slug = $"e{i}" }, $"e{i}") };
            var rss = Rss(web.BaseUrl, articles);
            web.Map("/feed.xml", async ctx =>
            {
                bag.Add(DateTimeOffset.UtcNow);
                ctx.Response.ContentType = "application/rss+xml";
                await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(ctx.Response, rss); // no validators: every poll is a full poll, so every poll is counted
            });
            foreach (var (article, path) in articles) web.MapText("/" + path, "text/html", Page(article), etag: null);
            var source = TestPipeline.FeedSource(id, web.Url("feed.xml"));
            source["Schedule"] = $"0/{SlotSeconds} * * * * ?";
            sources.Add(source);
        }
        using var p = new TestPipeline();
        p.Configure(sources, o =>
        {
            o["Review"] = new System.Text.Json.Nodes.JsonObject { ["Urls"] = "http://127.0.0.1:0" };
            o["Schedule"] = new System.Text.Json.Nodes.JsonObject { ["ClusterCheckinSeconds"] = 2 };
        });
        var logA = new StringBuilder();
        var logB = new StringBuilder();
        var a = StartWorker(p, logA);
        var b = StartWorker(p, logB);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(16));
            var killedAt = DateTimeOffset.UtcNow;
            a.Kill(entireProcessTree: true);
            await a.WaitForExitAsync();
            await Task.Delay(TimeSpan.FromSeconds(14));

            foreach (var (id, bag) in polls)
            {
                var times = bag.OrderBy(t => t).ToList();
                Assert.True(times.Count >= 4, $"{id} polled only {times.Count} times; requests: " +
                    string.Join(", ", publishers.SelectMany(w => w.Requests).GroupBy(r => r.Path).Select(g => $"{g.Key}×{g.Count()}")));
                // While both workers live, each trigger fires on one of them: no two polls of a source in one slot.
                // (After the kill, Quartz re-fires the jobs the dead node had claimed: that recovery poll is expected.)
                var perSlot = times.Where(t => t < killedAt).GroupBy(t => t.ToUnixTimeSeconds() / SlotSeconds).Where(g => g.Count() > 1).ToList();
                Assert.True(perSlot.Count == 0, $"{id}: {perSlot.Count} slots polled twice while both workers ran");
                // The survivor carries on after the kill.
                Assert.True(times.Count(t => t > killedAt.AddSeconds(SlotSeconds * 2)) >= 2, $"{id} was not polled after worker A died");
            }
            var items = await p.AllItemsAsync();
            Assert.Equal(6, items.Count);
            Assert.Equal(6, items.Select(i => i.CanonicalUrl).Distinct().Count());
            Assert.Matches("(Loaded|Adopted saved) classifier", logA.ToString() + logB);
        }
        finally
        {
            File.WriteAllText(Path.Combine(Path.GetTempPath(), "pipeline-cluster-test.log"), $"--- A\n{logA}\n--- B\n{logB}");
            foreach (var w in new[] { a, b }) if (!w.HasExited) { w.Kill(entireProcessTree: true); await w.WaitForExitAsync(); }
            foreach (var web in publishers) await web.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task TwoStores_RacingOnTheSameItem_StoreItOnce()
    {
        Skip.IfNot(TestPipeline.OnPostgres, "needs PostgreSQL: set PIPELINE_TEST_POSTGRES (bash .ci/run starts a server)");
        using var p = new TestPipeline();
        await p.Database.MigrateAsync();
        var item = new Pipeline.Store.NewItem("s", "https://example.org/a", "https://example.org/a", "t", null, DateTimeOffset.UtcNow, "en", "text",
            "hash", 0, true, [], "feed", null);
        var candidate = new Pipeline.Store.CandidateRecord("pending", ["statement"], new Dictionary<string, double> { ["statement"] = 1 }, "EEAS", "igo", [], 1, "v");
        // Two "workers" (separate data sources) insert the same canonical URL at once.
        var stores = Enumerable.Range(0, 2).Select(_ => new Pipeline.Store.ItemStore(new Pipeline.Store.Database("Postgres", p.ConnectionString))).ToList();
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => stores[i % 2].InsertAsync(item, candidate)));
        Assert.Single(results, r => r.Outcome == Pipeline.Store.InsertOutcome.Inserted);
        Assert.Equal(1, await p.Items.CountAsync());
        Assert.Equal(1, await p.Items.CountAsync("pending"));
    }

    private static Process StartWorker(TestPipeline p, StringBuilder log)
    {
        var worker = typeof(Pipeline.Worker.Cli.Commands).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet", ["exec", worker, "--settings", p.SettingsPath])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = p.Directory, UseShellExecute = false,
        };
        psi.Environment["Logging__LogLevel__Default"] = "Information";
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
