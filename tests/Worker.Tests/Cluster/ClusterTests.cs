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
[Collection(ClusterCollection.Name)]
public class ClusterTests
{
    private const int SlotSeconds = 3;

    /// <summary>Quartz cluster check-in; a node is taken for dead after about twice this without a check-in.</summary>
    private const int CheckinSeconds = 4;

    [SkippableFact]
    public async Task TwoWorkers_OneSchedule_EachTriggerFiresOnceAndSurvivorContinues()
    {
        Skip.IfNot(TestPipeline.OnPostgres, "needs PostgreSQL: set PIPELINE_TEST_POSTGRES (bash .ci/run starts a server)");
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
            o["Schedule"] = new System.Text.Json.Nodes.JsonObject { ["ClusterCheckinSeconds"] = CheckinSeconds };
        });
        var logA = new StringBuilder();
        var logB = new StringBuilder();
        var a = StartWorker(p, logA);
        var b = StartWorker(p, logB);
        try
        {
            // A worker is ready once its model is loaded and its schedule has started (the host listens before that, while
            // the model loads: PollingStart starts the scheduler afterwards, and provisions the qrtz_ tables then).
            await Until(() => Ready(logA) && Ready(logB), TimeSpan.FromSeconds(180), () => "workers did not start:\n" + logA + logB);
            // Two nodes, told apart by their instance ids (a shared id makes each "recover" the other's running triggers).
            await Until(() => Nodes(p).Count == 2, TimeSpan.FromSeconds(30), () => "cluster nodes: " + string.Join(", ", Nodes(p)));
            var bothFrom = DateTimeOffset.UtcNow.AddSeconds(SlotSeconds);
            await Task.Delay(TimeSpan.FromSeconds(SlotSeconds * 5));
            var killedAt = DateTimeOffset.UtcNow;
            a.Kill(entireProcessTree: true);
            await a.WaitForExitAsync();

            // The survivor recovers the dead node's work (after CheckinSeconds + the misfire threshold) and carries on.
            var after = killedAt.AddSeconds(CheckinSeconds * 3);
            await Until(() => polls.Values.All(bag => bag.Count(t => t > after) >= 2), TimeSpan.FromSeconds(90),
                () => "the survivor did not poll every source twice after worker A died: " + Describe(polls, after) + "\n" + logB);

            // While both workers lived, each trigger fired on one of them: a source polled by both would show about twice as
            // many polls as there were trigger times (one poll of slack at each end for a poll in flight).
            int fires = (int)(killedAt.ToUnixTimeSeconds() / SlotSeconds - bothFrom.ToUnixTimeSeconds() / SlotSeconds);
            foreach (var (id, bag) in polls)
            {
                int n = bag.Count(t => t >= bothFrom && t < killedAt);
                Assert.True(n <= fires + 1, $"{id}: {n} polls for {fires} trigger times while both workers ran (fired on both?)");
                Assert.True(n >= fires - 1, $"{id}: {n} polls for {fires} trigger times while both workers ran (triggers lost?)");
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

    private static List<string> Nodes(TestPipeline p)
    {
        using var connection = new Npgsql.NpgsqlConnection(p.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("SELECT instance_name FROM qrtz_scheduler_state", connection);
        using var reader = command.ExecuteReader();
        var nodes = new List<string>();
        while (reader.Read()) nodes.Add(reader.GetString(0));
        return nodes;
    }

    private static bool Ready(StringBuilder log)
    {
        lock (log) return log.ToString().Contains("the schedule of every enabled source has started", StringComparison.Ordinal);
    }

    private static string Describe(ConcurrentDictionary<string, ConcurrentBag<DateTimeOffset>> polls, DateTimeOffset after) =>
        string.Join(", ", polls.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value.Count} polls, {kv.Value.Count(t => t > after)} after"));

    private static async Task Until(Func<bool> condition, TimeSpan deadline, Func<string> failure)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > deadline) Assert.Fail(failure());
            await Task.Delay(250);
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

    // Information level: readiness is read from PollingStart's "the schedule of every enabled source has started" line.
    private static Process StartWorker(TestPipeline p, StringBuilder log) =>
        p.StartWorker(log, new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Information" });
}

/// <summary>
/// The two-worker test runs alone: on a 2-core machine, other test classes running beside it starve the two worker
/// processes of CPU, their Quartz check-ins come late, and each takes the other for dead (a real Quartz behaviour that
/// docs/scale-out.md explains, but not what this test is about).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster (runs alone)";
}
