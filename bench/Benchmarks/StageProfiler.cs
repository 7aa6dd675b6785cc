using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Bench.Infrastructure;
using Pipeline.Classify;
using Pipeline.Ingest.Extracting;
using Pipeline.Ingest.Fetching;
using Pipeline.Ingest.Deduplication;
using Pipeline.Ingest.Parsing;
using Pipeline.Classify.Relevance;
using Pipeline.Ingest.Sources;
using Pipeline.Store;
using Pipeline.Worker.Classification;

namespace Pipeline.Bench.Benchmarks;

/// <summary>Time, CPU time and allocations of one pipeline stage, summed over a run.</summary>
public sealed class StageTotals(string name, bool perItem)
{
    public string Name { get; } = name;
    public bool PerItem { get; } = perItem;
    public TimeSpan Wall;
    public TimeSpan Cpu;
    public long Allocated;
    public int Count;
}

/// <summary>
/// The per-stage breakdown: runs the stages of <c>Worker/Ingestion/SourceRefresh</c> itself, in the same order with
/// the same calls (listing fetch → parse → known-URL check → page fetch → decode → extract → relevance → classify →
/// fingerprint → dedup check → store → source record), one source and one item at a time, timing each stage
/// (wall and thread CPU; allocations for the synchronous stages). Run sequentially so that a stage's time is its own
/// cost and not time spent waiting for the other core.
/// </summary>
public static class StageProfiler
{
    public static readonly string[] Order =
        ["listing fetch", "listing parse", "known-URL check", "page fetch", "decode", "extract", "relevance", "classify", "fingerprint", "dedup check", "store", "source record"];

    public sealed record Result(List<StageTotals> Stages, int Items, TimeSpan Wall, TimeSpan ProcessCpu, Dictionary<string, int> Statuses);

    public static async Task<Result> RunAsync(BenchRun bench, IReadOnlyList<SourceDefinition> sources, string databasePath, int maxItemsPerSource)
    {
        var options = bench.Options(databasePath, [.. sources], maxItemsPerSource);
        await using var services = bench.Services(options);
        await services.GetRequiredService<Database>().MigrateAsync();
        var fetcher = services.GetRequiredService<Fetcher>();
        var sourceStore = services.GetRequiredService<SourceStore>();
        var items = services.GetRequiredService<ItemStore>();
        var fetchLog = services.GetRequiredService<FetchLogStore>();
        var classifier = await services.GetRequiredService<ClassifierProvider>().GetAsync();
        await sourceStore.SyncAsync(sources.Select(s => (s.Id, s.Name, s.Url, s.Kind.ToString())));

        var stages = Order.ToDictionary(n => n, n => new StageTotals(n, n is not ("listing fetch" or "listing parse" or "known-URL check" or "source record")));
        var statuses = new Dictionary<string, int>();
        int count = 0;
        var wall = Stopwatch.StartNew();
        var cpu0 = Cpu.Process();
        foreach (var source in sources)
        {
            var state = await Async(stages["listing fetch"], () => sourceStore.GetAsync(source.Id));
            var url = new Uri(source.Url);
            var listing = await Async(stages["listing fetch"], () => fetcher.FetchListingAsync(url, new Validators(state?.ETag, state?.LastModified), source.UserAgent, CancellationToken.None));
            await Async(stages["source record"], async () =>
            {
                await fetchLog.AddAsync(new FetchLogEntry(source.Id, source.Url, DateTimeOffset.UtcNow, listing.Outcome.ToString(), (int?)listing.Status,
                    listing.Body.Length, (long)listing.Elapsed.TotalMilliseconds, null, listing.Error));
                return 0;
            });
            if (!listing.IsOk) throw new InvalidOperationException($"listing {url} failed: {listing.Error}");
            var parsed = Sync(stages["listing parse"], () =>
            {
                var text = listing.Text;
                var baseUrl = listing.FinalUrl ?? url;
                return source.Kind == SourceKind.Html ? HtmlListingParser.Parse(text, baseUrl, source) : FeedParser.Parse(text, baseUrl);
            });
            var entries = Sync(stages["listing parse"], () => parsed.Entries
                .Where(e => e.Link is not null)
                .Select(e => (Entry: e, Canonical: UrlCanonicalizer.Canonicalize(e.Link!)))
                .DistinctBy(e => e.Canonical)
                .ToList());
            var known = await Async(stages["known-URL check"], () => items.ExistingAsync(entries.Select(e => e.Canonical).ToList()));
            var fresh = entries.Where(e => !known.Contains(e.Canonical)).Take(maxItemsPerSource).ToList();
            var recent = await Async(stages["known-URL check"], () => items.RecentSimHashesAsync(DateTimeOffset.UtcNow - TimeSpan.FromDays(120)));

            foreach (var (entry, canonical) in fresh)
            {
                var status = await ItemAsync(source, entry, canonical, classifier, recent, fetcher, items, stages);
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                count++;
            }
            await Async(stages["source record"], async () =>
            {
                await sourceStore.RecordSuccessAsync(source.Id, DateTimeOffset.UtcNow, true, listing.Validators.ETag, listing.Validators.LastModified, parsed.Entries.Count, null, null);
                return 0;
            });
        }
        wall.Stop();
        return new Result([.. Order.Select(n => stages[n])], count, wall.Elapsed, Cpu.Process() - cpu0, statuses);
    }

    private static async Task<string> ItemAsync(SourceDefinition source, ParsedEntry entry, string canonical, Classifier classifier,
        List<(long Id, long SimHash)> recent, Fetcher fetcher, ItemStore items, Dictionary<string, StageTotals> stages)
    {
        var title = entry.Title;
        var text = entry.Summary ?? "";
        var published = entry.Published;
        var language = source.Language;
        var extraction = "feed";
        var url = entry.Link!;
        var page = await Async(stages["page fetch"], () => fetcher.FetchAsync(url, null, source.UserAgent, trusted: false));
        if (!page.IsOk) throw new InvalidOperationException($"page {url} failed: {page.Error}");
        var html = Sync(stages["decode"], () => page.Text);
        var article = Sync(stages["extract"], () => ArticleExtractor.Extract(html, page.FinalUrl ?? url, source.ContentSelector));
        if (article.Text.Length >= Math.Min(200, Math.Max(1, text.Length)))
        {
            text = article.Text;
            extraction = article.Method;
        }
        if (string.IsNullOrWhiteSpace(title)) title = article.Title;
        published ??= article.Published;
        language = article.Language ?? language;
        if (string.IsNullOrWhiteSpace(text)) text = title;
        if (string.IsNullOrWhiteSpace(title)) title = text.Length > 120 ? text[..120] + "…" : text;
        language ??= Sync(stages["extract"], () => LanguageGuesser.Guess(text));

        var relevance = Sync(stages["relevance"], () => BelarusRelevance.Assess(title, text));
        var prediction = Sync(stages["classify"], () => classifier.Predict(title, text, source.ActorHint, focus: relevance.Focus));
        var (hash, simhash) = Sync(stages["fingerprint"], () => (TextFingerprint.ContentHash(text),
            TextFingerprint.Words(text).Length >= TextFingerprint.MinWordsForNearDuplicate ? TextFingerprint.SimHash(text) : 0));

        // Exact copies are found by the store inside the insert; near-copies here.
        long? duplicateOf = simhash == 0 ? null : Sync(stages["dedup check"], () =>
        {
            foreach (var (id, other) in recent)
                if (TextFingerprint.Distance(simhash, other) <= TextFingerprint.NearDuplicateDistance) return (long?)id;
            return null;
        });
        var status = duplicateOf is not null ? "duplicate"
            : !relevance.Result.IsAboutBelarus ? "filtered" : prediction.IsResponse ? "pending" : "filtered";
        var stored = await Async(stages["store"], () => items.InsertAsync(
            new NewItem(source.Id, url.AbsoluteUri, canonical, title, published, DateTimeOffset.UtcNow, language, text, hash, simhash,
                relevance.Result.IsAboutBelarus, relevance.Result.Matches, extraction, duplicateOf),
            new CandidateRecord(status, prediction.ResponseTypes, prediction.Scores, prediction.Actor, prediction.ActorType,
                prediction.CoActors, prediction.Confidence, prediction.ModelVersion)));
        if (stored.DuplicateOf is not null) status = "duplicate";
        var outcome = stored.Outcome;
        if (outcome == InsertOutcome.Inserted && stored.DuplicateOf is null && simhash != 0) recent.Add((stored.Id, simhash));
        return outcome == InsertOutcome.AlreadyStored ? "already stored" : status;
    }

    private static T Sync<T>(StageTotals stage, Func<T> f)
    {
        var alloc0 = GC.GetAllocatedBytesForCurrentThread();
        var cpu0 = Cpu.Thread();
        var clock = Stopwatch.StartNew();
        var result = f();
        stage.Wall += clock.Elapsed;
        stage.Cpu += Cpu.Thread() - cpu0;
        stage.Allocated += GC.GetAllocatedBytesForCurrentThread() - alloc0;
        stage.Count++;
        return result;
    }

    /// <summary>Asynchronous stages: wall time, and process CPU time (the run is sequential, so that is this stage's plus Kestrel's).</summary>
    private static async Task<T> Async<T>(StageTotals stage, Func<Task<T>> f)
    {
        var cpu0 = Cpu.Process();
        var alloc0 = GC.GetTotalAllocatedBytes(false);
        var clock = Stopwatch.StartNew();
        var result = await f();
        stage.Wall += clock.Elapsed;
        stage.Cpu += Cpu.Process() - cpu0;
        stage.Allocated += GC.GetTotalAllocatedBytes(false) - alloc0;
        stage.Count++;
        return result;
    }
}
