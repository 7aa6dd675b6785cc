using Pipeline.Store;
using Pipeline.Worker.Tests.Infrastructure;

namespace Pipeline.Worker.Tests.Review;

/// <summary>
/// Keyset paging of the review queue (<see cref="ReviewStore.QueueAsync"/>): walking the pages by their cursors shows
/// every candidate the filters match exactly once, in the queue's order, in both orders and with every filter, also
/// when many candidates share a confidence or a date; a decision made between two pages neither skips nor repeats one.
/// Runs on SQLite and, with PIPELINE_TEST_POSTGRES, on PostgreSQL. No model needed: the store is filled directly.
/// </summary>
public class QueuePagingTests
{
    private sealed record Seeded(long Id, string Status, string Source, string? Language, DateTimeOffset When, double Confidence,
        IReadOnlyList<string> Types, string Actor);

    private static readonly DateTimeOffset Day0 = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// 90 items: 3 sources, 3 languages (one missing), five confidences and a handful of dates (ties in both orders;
    /// every fourth item has no published date, so its fetch time orders it), four statuses, and two exact copies
    /// (status duplicate).
    /// </summary>
    private static async Task<List<Seeded>> SeedAsync(TestPipeline p)
    {
        await p.Database.MigrateAsync();
        double[] confidences = [0.31, 0.5, 0.5, 0.72, 0.9];
        string[] statuses = ["pending", "pending", "pending", "filtered", "pending", "approved", "pending", "rejected"];
        string[] sources = ["eu", "un", "ngo"];
        string?[] languages = ["en", "ru", null, "en"];
        string[][] types = [["statement"], ["targeted_sanctions", "statement"], ["support"], ["diplomatic"]];
        string[] actors = ["EEAS", "United States", "OSCE"];
        var seeded = new List<Seeded>();
        for (int k = 0; k < 90; k++)
        {
            var published = k % 4 == 3 ? (DateTimeOffset?)null : Day0.AddDays(k % 6);
            var fetched = Day0.AddDays(k % 7).AddHours(k % 3);
            var text = k is 40 or 41 ? k - 30 : k; // the same text as an earlier item: stored as its duplicate
            var item = new NewItem(sources[k % 3], $"https://example.org/{k}", $"https://example.org/{k}", $"Belarus statement {k}", published, fetched,
                languages[k % 4], $"Text {text} about Belarus.", $"hash-{text}", 0, true, ["Belarus"], "test", null);
            var confidence = confidences[k % 5];
            var candidate = new CandidateRecord(statuses[k % statuses.Length], types[k % 4],
                new Dictionary<string, double> { [types[k % 4][0]] = confidence }, actors[k % 3], "igo", [], confidence, "test-model");
            var stored = await p.Items.InsertAsync(item, candidate);
            seeded.Add(new Seeded(stored.Id, stored.DuplicateOf is null ? candidate.Status : "duplicate", item.SourceId, item.Language,
                published ?? fetched, confidence, types[k % 4], actors[k % 3]));
        }
        Assert.Equal(2, seeded.Count(s => s.Status == "duplicate"));
        return seeded;
    }

    private static List<long> Expected(IEnumerable<Seeded> matching, string sort) => sort == "newest"
        ? matching.OrderByDescending(s => s.When).ThenByDescending(s => s.Id).Select(s => s.Id).ToList()
        : matching.OrderBy(s => s.Confidence).ThenBy(s => s.Id).Select(s => s.Id).ToList();

    /// <summary>Walks the queue page by page through the API's cursor strings; returns the ids in the order shown and every page's total.</summary>
    private static async Task<(List<long> Ids, List<int> Totals, int Pages)> WalkAsync(ReviewStore store, QueueQuery query)
    {
        var ids = new List<long>();
        var totals = new List<int>();
        string? cursor = null;
        int pages = 0;
        do
        {
            var page = await store.QueueAsync(query with { After = cursor is null ? null : QueueKey.FromCursor(cursor) });
            Assert.True(page.Entries.Count <= query.Limit);
            Assert.True(page.Next is null || page.Entries.Count == query.Limit, "a page that is not full is the last one");
            ids.AddRange(page.Entries.Select(e => e.Id));
            totals.Add(page.Total);
            cursor = page.Next?.ToCursor();
            Assert.True(++pages < 200, "the walk does not end");
        } while (cursor is not null);
        return (ids, totals, pages);
    }

    public static TheoryData<string> Sorts => ["uncertainty", "newest"];

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Walk_EveryFilter_ShowsEachMatchingCandidateOnceInOrder(string sort)
    {
        using var p = new TestPipeline();
        var seeded = await SeedAsync(p);
        var store = new ReviewStore(p.Database);
        var from = Day0.AddDays(2);
        var to = Day0.AddDays(5);
        var cases = new (string Name, QueueQuery Query, Func<Seeded, bool> Match)[]
        {
            ("pending", new QueueQuery(), s => s.Status == "pending"),
            ("all", new QueueQuery(Status: null), _ => true),
            ("filtered", new QueueQuery(Status: "filtered"), s => s.Status == "filtered"),
            ("type", new QueueQuery(Type: "statement"), s => s.Status == "pending" && s.Types.Contains("statement")),
            ("actor", new QueueQuery(Actor: "OSCE"), s => s.Status == "pending" && s.Actor == "OSCE"),
            ("source+language", new QueueQuery(Source: "eu", Language: "en"), s => s.Status == "pending" && s.Source == "eu" && s.Language == "en"),
            ("dates", new QueueQuery(Status: null, From: from, To: to), s => s.When >= from && s.When < to),
            ("type+source+dates", new QueueQuery(Type: "statement", Source: "un", From: from), s => s.Status == "pending" && s.Types.Contains("statement") && s.Source == "un" && s.When >= from),
            ("nothing", new QueueQuery(Source: "nowhere"), _ => false),
        };
        foreach (var (name, query, match) in cases)
        {
            var expected = Expected(seeded.Where(match), sort);
            foreach (var limit in new[] { 1, 4, 7, Math.Max(1, expected.Count), 200 })
            {
                var (ids, totals, pages) = await WalkAsync(store, query with { Sort = sort, Limit = limit });
                Assert.True(expected.SequenceEqual(ids), $"{name}, limit {limit}: expected [{string.Join(",", expected)}], shown [{string.Join(",", ids)}]");
                Assert.All(totals, t => Assert.Equal(expected.Count, t));
                Assert.Equal(Math.Max(1, (expected.Count + limit - 1) / limit), pages); // no empty page after a full last one
            }
        }
        Assert.True(Expected(seeded.Where(s => s.Status == "pending"), sort).Count >= 40);
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Walk_DecisionsBetweenPages_NeitherSkipNorRepeat(string sort)
    {
        using var p = new TestPipeline();
        var seeded = await SeedAsync(p);
        var store = new ReviewStore(p.Database);
        var expected = Expected(seeded.Where(s => s.Status == "pending"), sort);
        var query = new QueueQuery(Sort: sort, Limit: 5);

        var first = await store.QueueAsync(query);
        Assert.Equal(expected.Take(5), first.Entries.Select(e => e.Id));
        // The reviewer approves three candidates of the page shown and rejects one further down the queue (as another
        // reviewer might), then asks for the next page.
        var later = expected[12];
        foreach (var id in first.Entries.Take(3).Select(e => e.Id).Append(later))
        {
            var c = (await store.GetAsync(id))!;
            var done = await store.DecideAsync(id, c.Version, "alice", id == later ? "reject" : "approve",
                new ReviewState(id == later ? "rejected" : "approved", null, null, null), DateTimeOffset.UtcNow);
            Assert.Equal(ChangeOutcome.Changed, done.Outcome);
        }
        var shown = first.Entries.Select(e => e.Id).ToList();
        var cursor = first.Next;
        while (cursor is not null)
        {
            var page = await store.QueueAsync(query with { After = QueueKey.FromCursor(cursor.ToCursor()) });
            shown.AddRange(page.Entries.Select(e => e.Id));
            cursor = page.Next;
            Assert.True(shown.Count <= expected.Count + 5, "the walk does not end");
        }

        // Keyset semantics: the second page starts right after the last candidate shown (with OFFSET it would skip the
        // three decided ones' worth), nothing is shown twice, and only the candidate decided before it was reached is missing.
        Assert.Equal(expected.Where(id => id != later), shown);
        Assert.Equal(shown.Count, shown.Distinct().Count());
    }

    [Fact]
    public async Task Cursor_OfTheOtherOrderOrGarbled_IsRefused()
    {
        using var p = new TestPipeline();
        await SeedAsync(p);
        var store = new ReviewStore(p.Database);
        var page = await store.QueueAsync(new QueueQuery(Sort: "newest", Limit: 3));
        var cursor = page.Next!.ToCursor();

        Assert.Equal(page.Next, QueueKey.FromCursor(cursor));
        await Assert.ThrowsAsync<ArgumentException>(() => store.QueueAsync(new QueueQuery(Sort: "uncertainty", After: page.Next)));
        foreach (var bad in new[] { "", "x", "not base64!", QueueKey.FromCursor(cursor)!.ToCursor() + "AAAA", "dXw=" /* "u|" */ })
            Assert.Null(QueueKey.FromCursor(bad));
    }

    [Fact]
    public async Task Migration_ExistingCandidates_GetTheirItemDateForTheNewestOrder()
    {
        using var p = new TestPipeline();
        // A database of schema 5 (before the queue's indexes), holding items stored then: with and without a published date.
        await p.Database.MigrateAsync(upTo: 5);
        (string Url, string? Published, string Fetched)[] rows =
        [
            ("https://a.example/1", "2026-11-03T00:00:00.000Z", "2026-11-04T00:00:00.000Z"),
            ("https://a.example/2", null, "2026-11-05T00:00:00.000Z"),
            ("https://a.example/3", "2026-11-01T00:00:00.000Z", "2026-11-09T00:00:00.000Z"),
        ];
        var ids = new List<long>();
        foreach (var (url, published, fetched) in rows)
        {
            await p.ScalarAsync($"""
                INSERT INTO items (source_id, url, canonical_url, title, published, fetched, text, content_hash, simhash, relevant, relevance_terms, extraction)
                VALUES ('s', '{url}', '{url}', 't', {(published is null ? "NULL" : $"'{published}'")}, '{fetched}', 'text {url}', '{url}', 0, 1, '[]', 'feed')
                """);
            ids.Add(long.Parse(await p.ScalarAsync($"SELECT id FROM items WHERE url = '{url}'")));
            await p.ScalarAsync($"""
                INSERT INTO candidates (item_id, status, response_types, scores, actor, actor_type, co_actors, confidence, model_version, created, updated)
                VALUES ({ids[^1]}, 'pending', '["statement"]', '{"{}"}', 'EEAS', 'igo', '[]', 0.5, 'v', '{fetched}', '{fetched}')
                """);
        }
        await p.Database.MigrateAsync();
        var store = new ReviewStore(p.Database);

        var newest = await store.QueueAsync(new QueueQuery(Sort: "newest"));
        var fromThe2nd = await store.QueueAsync(new QueueQuery(Sort: "newest", From: new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal([ids[1], ids[0], ids[2]], newest.Entries.Select(e => e.Id));   // 11-05 (fetched), 11-03, 11-01
        Assert.Equal([ids[1], ids[0]], fromThe2nd.Entries.Select(e => e.Id));
    }
}
