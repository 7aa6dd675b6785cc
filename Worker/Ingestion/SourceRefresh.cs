using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Pipeline.Classify;
using Pipeline.Classify.Relevance;
using Pipeline.Ingest.Extracting;
using Pipeline.Ingest.Fetching;
using Pipeline.Ingest.Deduplication;
using Pipeline.Ingest.Parsing;
using Pipeline.Ingest.Sources;
using Pipeline.Store;
using Pipeline.Worker.Classification;

namespace Pipeline.Worker.Ingestion;

/// <summary>
/// The one orchestrator of a source refresh, top to bottom: fetch the listing (conditional GET) → parse →
/// skip known items → fetch each new page → extract → relevance → classify → dedup → store. Stages never
/// call each other. Every item is stored in its own transaction, and the listing's validators are saved only
/// after all its items, so a crash at any point loses nothing and the rerun stores nothing twice.
/// </summary>
public sealed class SourceRefresh(
    Fetcher fetcher, ClassifierProvider classifiers, SourceStore sources, ItemStore items, FetchLogStore fetchLog,
    FetchOptions options, TimeProvider clock, ILogger<SourceRefresh> logger)
{
    /// <summary>Serialises the dedup check with the insert, so two sources storing the same text at once still make one primary.</summary>
    private static readonly TimeSpan NearDuplicateWindow = TimeSpan.FromDays(120);

    /// <summary>
    /// Refreshes one source. <paramref name="deadline"/> is the pass's overall deadline: when it passes, the source is
    /// recorded as failed and the summary returned; <paramref name="ct"/> (shutdown) abandons the work and throws.
    /// </summary>
    public async Task<SourceSummary> RunAsync(SourceDefinition source, CancellationToken ct, CancellationToken deadline = default)
    {
        var summary = new SourceSummary(source.Id);
        var timer = Stopwatch.StartNew();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline);
        try
        {
            await RefreshAsync(source, summary, linked.Token);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            summary.Error = "the pass was cancelled before this source finished";
            throw;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            summary.Error = "the pass deadline was reached before this source finished; the items stored so far are kept";
            logger.LogWarning("Source {SourceId} failed (Timeout): {Error}", source.Id, summary.Error);
            await RecordFailureAsync(source.Id, "Timeout", summary.Error, CancellationToken.None);
        }
        catch (Exception e)
        {
            // One bad source never stops the pass: the failure is recorded on the source.
            summary.Error = $"unexpected {e.GetType().Name}: {e.Message}";
            logger.LogError("Source {SourceId} failed unexpectedly: {Error}", source.Id, summary.Error);
            await RecordFailureAsync(source.Id, "Internal", summary.Error, CancellationToken.None);
        }
        summary.Elapsed = timer.Elapsed;
        return summary;
    }

    private async Task RefreshAsync(SourceDefinition source, SourceSummary summary, CancellationToken ct)
    {
        // 1. Listing, conditionally.
        var state = await sources.GetAsync(source.Id, ct);
        // A permanent redirect recorded earlier is followed directly (until the configured URL changes).
        var configured = new Uri(source.Url);
        var url = state?.RedirectedTo is { } moved && state.Url == source.Url ? new Uri(moved) : configured;
        // The configured address is the operator's word and may be private; an address the publisher named is trusted
        // as much only on the same host and port (an http → https move keeps it), else it is judged like any link.
        var trusted = string.Equals(url.Authority, configured.Authority, StringComparison.OrdinalIgnoreCase);
        var listing = await fetcher.FetchListingAsync(url, new Validators(state?.ETag, state?.LastModified), source.UserAgent, ct, trusted);
        await fetchLog.AddAsync(new FetchLogEntry(source.Id, Fetcher.Redact(url), clock.GetUtcNow(), listing.Outcome.ToString(), (int?)listing.Status,
            listing.Body.Length, (long)listing.Elapsed.TotalMilliseconds, listing.ErrorKind == FetchErrorKind.None ? null : listing.ErrorKind.ToString(), listing.Error), ct);
        if (listing.Outcome == FetchOutcome.Failed)
        {
            await FailAsync(source, summary, listing.ErrorKind.ToString(), listing.Error!, ct);
            return;
        }
        string? redirect = listing.PermanentlyRedirected ? listing.FinalUrl?.AbsoluteUri : null;
        if (listing.Outcome == FetchOutcome.NotModified)
        {
            summary.NotModified = true;
            await sources.RecordSuccessAsync(source.Id, clock.GetUtcNow(), false, null, null, null, state?.Flagged, null, ct);
            return;
        }

        // 2. Parse.
        ParsedListing parsed;
        try
        {
            var text = listing.Text;
            var baseUrl = listing.FinalUrl ?? url;
            parsed = source.Kind == SourceKind.Html ? HtmlListingParser.Parse(text, baseUrl, source) : FeedParser.Parse(text, baseUrl);
        }
        catch (FeedParseException e)
        {
            // A feed that is not one, or a listing page that could not be read (an HTML source is not a feed).
            var kind = source.Kind == SourceKind.Html ? FetchErrorKind.UnreadableListing : FetchErrorKind.NotAFeed;
            await FailAsync(source, summary, kind.ToString(), e.Message, ct);
            return;
        }
        summary.Format = parsed.Format;
        summary.Entries = parsed.Entries.Count;

        // 3. Skip what is already stored (one query for the whole listing).
        var entries = parsed.Entries
            .Where(e => e.Link is not null)
            .Select(e => (Entry: e, Canonical: UrlCanonicalizer.Canonicalize(e.Link!)))
            .DistinctBy(e => e.Canonical)
            .ToList();
        var known = await items.ExistingAsync(entries.Select(e => e.Canonical).ToList(), ct);
        var fresh = entries.Where(e => !known.Contains(e.Canonical)).Take(options.MaxItemsPerSource).ToList();
        summary.AlreadyKnown = entries.Count - fresh.Count;

        var classifier = await classifiers.GetAsync(ct);
        var recent = await items.RecentSimHashesAsync(clock.GetUtcNow() - NearDuplicateWindow, ct);

        // 4. Each new item: page → extract → relevance → classify → dedup → store.
        var pages = new PageFailures(options.MaxConsecutivePageFailures);
        foreach (var (entry, canonical) in fresh)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                await IngestItemAsync(source, entry, canonical, classifier, recent, summary, pages, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                summary.ItemErrors++;
                logger.LogWarning("Source {SourceId}: item {Url} failed: {Error}", source.Id, Fetcher.Redact(entry.Link!), e.Message);
            }
        }

        // 5. Health, and validators only now that every item is stored.
        string? flag = null;
        if (source.ExpectMinItems is { } min && parsed.Entries.Count < min)
            flag = $"only {parsed.Entries.Count} entries, fewer than the expected minimum of {min} (placeholder page or broken selector?)";
        else if (state?.UsualItemCount is { } usual && usual >= 5 && parsed.Entries.Count < usual * 0.25)
            flag = $"only {parsed.Entries.Count} entries where usually about {usual:0} (placeholder page or broken selector?)";
        summary.Warning = flag ?? (redirect is null ? null : $"permanently moved to {Fetcher.Redact(listing.FinalUrl!)}; update its Url");
        await sources.RecordSuccessAsync(source.Id, clock.GetUtcNow(), true, listing.Validators.ETag, listing.Validators.LastModified,
            parsed.Entries.Count, flag, redirect, ct);
    }

    private async Task IngestItemAsync(SourceDefinition source, ParsedEntry entry, string canonical, Classifier classifier,
        List<(long Id, long SimHash)> recent, SourceSummary summary, PageFailures pages, CancellationToken ct)
    {
        var title = entry.Title;
        var text = entry.Summary ?? "";
        var published = entry.Published;
        var language = source.Language;
        var extraction = "feed";
        var url = entry.Link!;
        if (source.FetchArticles && pages.Tripped)
        {
            extraction = $"feed (page not fetched: {pages.Reason})";
        }
        else if (source.FetchArticles)
        {
            var page = await fetcher.FetchAsync(url, null, source.UserAgent, trusted: false, ct);
            pages.Record(page);
            if (page.IsOk)
            {
                try
                {
                    var article = ArticleExtractor.Extract(page.Text, page.FinalUrl ?? url, source.ContentSelector);
                    pages.RecordRead();
                    if (article.Text.Length >= Math.Min(200, Math.Max(1, text.Length)))
                    {
                        text = article.Text;
                        extraction = article.Method;
                    }
                    if (string.IsNullOrWhiteSpace(title)) title = article.Title;
                    published ??= article.Published;
                    language = article.Language ?? language;
                }
                catch (PageTooComplexException e)
                {
                    pages.RecordTooComplex(e.Message); // seconds of CPU each: a source of such pages stops after a few
                    extraction = $"feed (page too complex: {e.Message})";
                    summary.ItemErrors++;
                    logger.LogInformation("Source {SourceId}: page {Url} is too complex to read ({Reason}); stored from the feed text", source.Id, Fetcher.Redact(url), e.Message);
                }
            }
            else
            {
                extraction = $"feed (page failed: {page.Error})";
                summary.ItemErrors++;
                logger.LogInformation("Source {SourceId}: page {Url} not fetched: {Error}", source.Id, Fetcher.Redact(url), page.Error);
            }
        }
        if (source.FetchArticles && pages.JustTripped) // once: a tripped source fetches no more pages this pass
            logger.LogWarning("Source {SourceId}: {Reason}; its other new items this pass are stored from the feed text", source.Id, pages.Reason);
        if (string.IsNullOrWhiteSpace(text)) text = title;
        if (string.IsNullOrWhiteSpace(title)) title = text.Length > 120 ? text[..120] + "…" : text;
        language ??= LanguageGuesser.Guess(text);

        // The relevance rule runs once: its result is stored with the item and its focus is the classifier's gate.
        var relevance = BelarusRelevance.Assess(title, text);
        var prediction = classifier.Predict(title, text, source.ActorHint, source.AboutBelarus, relevance.Focus);
        var hash = TextFingerprint.ContentHash(text);
        var simhash = TextFingerprint.Words(text).Length >= TextFingerprint.MinWordsForNearDuplicate ? TextFingerprint.SimHash(text) : 0;

        // Exact copies are found by the store, in the same statement as the insert (a unique index settles races between
        // workers); near-copies by SimHash against the primaries stored recently.
        long? nearCopyOf = null;
        if (simhash != 0)
            foreach (var (id, other) in recent)
                if (TextFingerprint.Distance(simhash, other) <= TextFingerprint.NearDuplicateDistance) { nearCopyOf = id; break; }

        // The queue decision is the classifier's (the same as `classify` reports): the relevance rule is inside it, as a
        // gate that a text naming no Belarus term passes only with specific Belarusian evidence (Poczobut, Akrestsina,
        // "Minsk" outside the Minsk agreements, the Belarus sanctions acts' numbers).
        var status = nearCopyOf is not null ? "duplicate" : prediction.Queue ? "pending" : "filtered";
        var fetched = clock.GetUtcNow();
        // The facts of the response (binding, stance, lifecycle, targets, date of the act), stored as predicted (issue 15).
        var facts = PredictedFacts.Of(title, text, DateOnly.FromDateTime((published ?? fetched).UtcDateTime), prediction);
        var stored = await items.InsertAsync(
            new NewItem(source.Id, url.AbsoluteUri, canonical, title, published, fetched, language, text, hash, simhash,
                relevance.Result.IsAboutBelarus, relevance.Result.Matches, extraction, nearCopyOf),
            new CandidateRecord(status, prediction.Queue ? prediction.CandidateTypes : prediction.ResponseTypes, prediction.Scores, prediction.Actor, prediction.ActorType,
                prediction.CoActors, prediction.Confidence, prediction.ModelVersion, facts), ct);
        if (stored.Outcome == InsertOutcome.AlreadyStored) { summary.AlreadyKnown++; return; }
        summary.New++;
        if (stored.DuplicateOf is not null) { summary.Duplicates++; return; }
        if (simhash != 0) recent.Add((stored.Id, simhash));
        if (status == "pending") summary.Queued++;
        else summary.Filtered++;
    }

    private async Task FailAsync(SourceDefinition source, SourceSummary summary, string kind, string message, CancellationToken ct)
    {
        summary.Error = message;
        // Logged once per source per pass, with the source id, in plain words — no stack trace.
        logger.LogWarning("Source {SourceId} failed ({Kind}): {Error}", source.Id, kind, message);
        await RecordFailureAsync(source.Id, kind, message, ct);
    }

    /// <summary>Records the failure and schedules the next attempt with a weighted, jittered exponential backoff.</summary>
    private async Task RecordFailureAsync(string sourceId, string kind, string message, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var failures = ((await sources.GetAsync(sourceId, ct))?.ConsecutiveFailures ?? 0) + 1;
        var next = SourceHealth.NextCheck(kind, failures, now, Random.Shared.NextDouble());
        await sources.RecordFailureAsync(sourceId, now, kind, message, next, ct);
    }
}

/// <summary>
/// Consecutive network-level page failures (timeouts, resets, refused connections) of one source in one pass. Once
/// <c>limit</c> pages in a row have failed, the publisher is taken to be down for this pass: each further page would
/// only cost its timeouts and retries.
/// </summary>
public sealed class PageFailures(int limit)
{
    private int _consecutive;
    private string? _lastError;
    private bool _reported;

    public bool Tripped => limit > 0 && _consecutive >= limit;

    /// <summary>True the first time it is asked after the source tripped (to log it once).</summary>
    public bool JustTripped => Tripped && !_reported && (_reported = true);

    public string Reason => $"{_consecutive} article pages in a row could not be fetched or read (last: {_lastError})";

    /// <summary>
    /// Counts a page fetch: a network-level failure adds one, another failure (even a 404) starts again; a page that
    /// answered counts once it is read (<see cref="RecordRead"/>) or given up (<see cref="RecordTooComplex"/>).
    /// </summary>
    public void Record(FetchResult page)
    {
        if (page.ErrorKind is FetchErrorKind.Timeout or FetchErrorKind.Network) Fail(page.Error);
        else if (!page.IsOk) _consecutive = 0;
    }

    public void RecordRead() => _consecutive = 0;

    /// <summary>Counts a page given up as too complex to read: like a timeout, it cost the pass seconds and gave nothing.</summary>
    public void RecordTooComplex(string reason) => Fail($"page too complex: {reason}");

    private void Fail(string? error)
    {
        _consecutive++;
        _lastError = error;
    }
}
