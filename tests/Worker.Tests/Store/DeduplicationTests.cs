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

    private static async Task<string> ScalarAsync(TestPipeline p, string sql)
    {
        await using var c = await p.Database.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(await cmd.ExecuteScalarAsync())!;
    }

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
        await p.Database.MigrateAsync();
        // A database from before the index: the same text stored as three primaries (one already approved).
        await ScalarAsync(p, "DROP INDEX items_primary_content");
        var ids = new List<long>();
        foreach (var url in new[] { "https://a.example/1", "https://b.example/1", "https://c.example/1" })
            ids.Add((await p.Items.InsertAsync(Item(url, "same"), Pending)).Id);
        await ScalarAsync(p, "UPDATE items SET duplicate_of = NULL");
        await ScalarAsync(p, "UPDATE candidates SET status = 'pending'");
        await ScalarAsync(p, $"UPDATE candidates SET status = 'approved' WHERE item_id = {ids[2]}");
        await ScalarAsync(p, "DELETE FROM schema_version WHERE version >= 4");

        await p.Database.MigrateAsync();

        var items = (await p.AllItemsAsync()).OrderBy(i => i.Id).ToList();
        Assert.Null(items[0].DuplicateOf);
        Assert.Equal([ids[0], ids[0]], items.Skip(1).Select(i => i.DuplicateOf!.Value));
        Assert.Equal(["pending", "duplicate", "approved"], items.Select(i => i.Status)); // a reviewer's decision is kept
        var another = await p.Items.InsertAsync(Item("https://d.example/1", "same"), Pending);
        Assert.Equal(ids[0], another.DuplicateOf);
    }
}
