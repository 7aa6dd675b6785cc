using Pipeline.Store;
using Pipeline.Worker.Tests.Infrastructure;

namespace Pipeline.Worker.Tests.Store;

/// <summary>
/// Exact copies are deduplicated by the database, not by a lock inside one process: workers on several machines
/// storing the same text at once keep one primary. Runs on SQLite and, with PIPELINE_TEST_POSTGRES, on PostgreSQL.
/// </summary>
public class DeduplicationTests
{
    private static NewItem Item(string url, string hash) =>
        new("s", url, url, "Belarus: statement", null, DateTimeOffset.UtcNow, "en", "the same text", hash, 0, true, [], "feed", null);

    private static readonly CandidateRecord Pending =
        new("pending", ["statement"], new Dictionary<string, double> { ["statement"] = 1 }, "EEAS", "igo", [], 1, "v");

    [Fact]
    public async Task TwoStores_RacingTheSameTextFromTwoSources_KeepOnePrimary()
    {
        using var p = new TestPipeline();
        await p.Database.MigrateAsync();
        // Two "workers": separate connection pools, as two processes would have.
        var stores = Enumerable.Range(0, 2).Select(_ => new ItemStore(new Database(p.Provider, p.ConnectionString))).ToList();

        for (int round = 0; round < 5; round++)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
                Task.Run(() => stores[i % 2].InsertAsync(Item($"https://site{i}.example/r{round}", $"hash-{round}"), Pending))));

            var primary = Assert.Single(results, r => r.DuplicateOf is null);
            Assert.All(results, r => Assert.Equal(InsertOutcome.Inserted, r.Outcome));
            Assert.All(results.Where(r => r != primary), r => Assert.Equal(primary.Id, r.DuplicateOf));
        }
        Assert.Equal(5, await p.Items.CountAsync("pending"));
        Assert.Equal(55, await p.Items.CountAsync("duplicate"));
    }

    [Fact]
    public async Task Migration_PrimariesStoredTwiceBefore_BecomeDuplicatesOfTheFirst()
    {
        using var p = new TestPipeline();
        // A database from before the index (schema 3): the same text stored as three primaries, one already approved.
        await p.Database.MigrateAsync(upTo: 3);
        var ids = new List<long>();
        foreach (var (url, i) in new[] { "https://a.example/1", "https://b.example/1", "https://c.example/1" }.Select((u, i) => (u, i)))
        {
            await p.ScalarAsync($"""
                INSERT INTO items (source_id, url, canonical_url, title, fetched, text, content_hash, simhash, relevant, relevance_terms, extraction)
                VALUES ('s', '{url}', '{url}', 't', '2026-12-01T00:00:00.000Z', 'the same text', 'same', 0, 1, '[]', 'feed')
                """);
            ids.Add(long.Parse(await p.ScalarAsync($"SELECT id FROM items WHERE url = '{url}'")));
            await p.ScalarAsync($"""
                INSERT INTO candidates (item_id, status, response_types, scores, actor, actor_type, co_actors, confidence, model_version, created, updated)
                VALUES ({ids[i]}, '{(i == 2 ? "approved" : "pending")}', '[]', '{"{}"}', 'EEAS', 'igo', '[]', 1, 'v', '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')
                """);
        }
        await p.Database.MigrateAsync();

        var items = (await p.AllItemsAsync()).OrderBy(i => i.Id).ToList();
        Assert.Null(items[0].DuplicateOf);
        Assert.Equal([ids[0], ids[0]], items.Skip(1).Select(i => i.DuplicateOf!.Value));
        Assert.Equal(["pending", "duplicate", "approved"], items.Select(i => i.Status)); // a reviewer's decision is kept
        var another = await p.Items.InsertAsync(Item("https://d.example/1", "same"), Pending);
        Assert.Equal(ids[0], another.DuplicateOf);
    }
}
