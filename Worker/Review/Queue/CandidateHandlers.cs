using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;
using Pipeline.Classify;
using Pipeline.Classify.Facts;
using Pipeline.Ingest.Sources;
using Pipeline.Store;
using Pipeline.Worker.Classification;
using Pipeline.Worker.Review.Auth;

namespace Pipeline.Worker.Review.Queue;

public sealed record ApiError(string Error, int? Version = null, long? Primary = null);
public sealed record ChangeResponse(long Id, int Version, string Status);
public sealed record UndoRequest(int? Version);
public sealed record LabelScore(string Label, double Probability);
public sealed record QueueItem(long Id, string Title, string Source, string SourceName, DateTimeOffset? Published, string? Language, string Status,
    IReadOnlyList<string> ResponseTypes, string? Actor, double Confidence, double Uncertainty, int Version, int Duplicates);
/// <summary>A page of the queue; <see cref="Next"/> is the <c>after</c> of the next page (null on the last page).</summary>
public sealed record QueueResponse(int Total, int Limit, int Offset, string Sort, string? Status, List<QueueItem> Items, string? Next = null);
public sealed record PredictionView(IReadOnlyList<string> ResponseTypes, string? Actor, string? ActorType, IReadOnlyList<string> CoActors, double Confidence, string ModelVersion);
public sealed record ReviewedView(IReadOnlyList<string>? ResponseTypes, string? Actor, string? ActorType);
public sealed record DuplicateView(long Id, string Source, string SourceName, string? Url, string Title, DateTimeOffset? Published);
public sealed record CandidateView(
    long Id, string Title, string Source, string SourceName, string? Url, DateTimeOffset? Published, DateTimeOffset Fetched, string? Language,
    string Status, int Version, PredictionView Predicted, ReviewedView? Reviewed, IReadOnlyList<string> ResponseTypes, string? Actor, string? ActorType,
    List<LabelScore> Scores, List<LabelScore> Alternatives, string Text, List<Mark> Marks, List<Driver> Drivers, string? DriversFor,
    long? DuplicateOf, List<DuplicateView> Duplicates, IReadOnlyList<string> RelevanceTerms, string? DriversNotice = null,
    IReadOnlyList<LegalAct>? LegalActs = null, ActDate? ActDate = null, FactsView? Facts = null, JsonNode? ReviewedFacts = null,
    FactsView? EffectiveFacts = null);
public sealed record AuditView(long Id, string Reviewer, DateTimeOffset At, string Decision, JsonNode? Before, JsonNode? After);
public sealed record TaxonomyView(
    string[] ResponseTypes, string[] Labels, string[] ActorTypes, string[] Statuses, string[] Stances, string[] Lifecycles);
public sealed record SourceView(string Id, string Name);
public sealed record FacetsView(List<SourceView> Sources, List<string> Languages);

/// <summary>The review API: the queue, one candidate with its evidence, decisions, undo and the audit trail.</summary>
public static class CandidateHandlers
{
    public static Ok<TaxonomyView> Taxonomy() =>
        TypedResults.Ok(new TaxonomyView(Classify.Taxonomy.ResponseTypes, Classify.Taxonomy.Labels, Classify.Taxonomy.ActorTypes, ItemStore.Statuses,
            Classify.Taxonomy.Stances, Classify.Taxonomy.Lifecycles));

    public static async Task<Ok<FacetsView>> Facets(ReviewStore store, PipelineOptions options, CancellationToken ct)
    {
        var (sources, languages) = await store.FacetsAsync(ct);
        return TypedResults.Ok(new FacetsView(sources.Select(s => new SourceView(s, SourceName(options, s))).ToList(), languages));
    }

    public static Ok<List<ActorOption>> Actors(string? q, ClassifierProvider classifiers) =>
        TypedResults.Ok(ActorSearch.Find(classifiers.Vocabulary, q));

    /// <summary>
    /// <c>GET /api/candidates?status=&amp;sort=&amp;type=&amp;actor=&amp;source=&amp;language=&amp;from=&amp;to=&amp;limit=&amp;after=</c>:
    /// the next page is <c>after=</c> the <c>next</c> of this one (keyset paging: a decision made meanwhile neither skips
    /// nor repeats a candidate). <c>offset=</c> still works, but costs more the deeper it goes and shifts when candidates
    /// leave the queue; it cannot be combined with <c>after</c>.
    /// </summary>
    public static async Task<Results<Ok<QueueResponse>, BadRequest<ApiError>>> List(HttpRequest request, ReviewStore store, PipelineOptions options, CancellationToken ct)
    {
        string? Q(string name) => request.Query[name].ToString() is { Length: > 0 } v ? v.Trim() : null;
        var status = Q("status") ?? "pending";
        if (status != "all" && !ItemStore.Statuses.Contains(status))
            return TypedResults.BadRequest(new ApiError($"status must be one of {string.Join(", ", ItemStore.Statuses)} or all"));
        var sort = Q("sort") ?? "uncertainty";
        if (sort is not ("uncertainty" or "newest")) return TypedResults.BadRequest(new ApiError("sort must be uncertainty or newest"));
        var type = Q("type");
        if (type is not null && !Classify.Taxonomy.IsLabel(type)) return TypedResults.BadRequest(new ApiError($"type '{type}' is not a taxonomy label"));
        if (!Day(Q("from"), out var from) || !Day(Q("to"), out var to)) return TypedResults.BadRequest(new ApiError("from and to are dates: yyyy-MM-dd"));
        if (!Number(Q("limit"), 50, 1, 200, out var limit)) return TypedResults.BadRequest(new ApiError("limit is a number from 1 to 200"));
        if (!Number(Q("offset"), 0, 0, int.MaxValue, out var offset)) return TypedResults.BadRequest(new ApiError("offset is a number from 0"));
        QueueKey? after = null;
        if (Q("after") is { } cursor)
        {
            after = QueueKey.FromCursor(cursor);
            if (after is null) return TypedResults.BadRequest(new ApiError("after is the next of a page of this queue"));
            if (after.Sort != sort) return TypedResults.BadRequest(new ApiError($"after is a cursor of the {after.Sort} order; this page is sorted by {sort}"));
            if (offset != 0) return TypedResults.BadRequest(new ApiError("use after or offset, not both"));
        }

        var page = await store.QueueAsync(new QueueQuery(status == "all" ? null : status, sort, type, Q("actor"), Q("source"), Q("language"),
            from, to?.AddDays(1), limit, offset, after), ct);
        var (total, entries) = page;
        var items = entries.Select(e => new QueueItem(e.Id, e.Title, e.SourceId, SourceName(options, e.SourceId), e.Published, e.Language, e.Status,
            e.ResponseTypes, e.Actor, e.Confidence, Math.Round(1 - e.Confidence, 4), e.Version, e.Duplicates)).ToList();
        return TypedResults.Ok(new QueueResponse(total, limit, offset, sort, status, items, page.Next?.ToCursor()));
    }

    public static async Task<Results<Ok<CandidateView>, NotFound<ApiError>>> Detail(long id, ReviewStore store, ClassifierProvider classifiers,
        PipelineOptions options, ILoggerFactory logs, CancellationToken ct)
    {
        var c = await store.GetAsync(id, ct);
        if (c is null) return TypedResults.NotFound(new ApiError($"no candidate {id}"));
        var ranked = c.Scores.OrderByDescending(kv => kv.Value).Select(kv => new LabelScore(kv.Key, Math.Round(kv.Value, 4))).ToList();
        var label = c.PredictedTypes.FirstOrDefault();
        List<Driver> drivers = [];
        string? notice = null;
        if (label is not null && classifiers.Current is null && (classifiers.Status.Training || classifiers.Status.Failed))
            // The first model is still loading or training: the candidate shows without its driving sentences (the
            // request does not wait minutes for the model).
            notice = $"{classifiers.Status.Message}: the sentences that drive the prediction appear when it is ready";
        else if (label is not null)
        {
            try
            {
                drivers = Evidence.Drivers(c.Title, c.Text, label, await classifiers.GetAsync(ct));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The evidence is a help, not a condition: without a model the page still shows the marks.
                logs.CreateLogger("Pipeline.Review").LogWarning(e, "No prediction drivers for item {ItemKey}", id);
            }
        }
        // The date read from the text is the prediction of a row stored before the facts were (migration 7), and the
        // evidence of a stored or reviewed date when it is the same day.
        var found = ActDates.Find(c.Title, c.Text, DateOnly.FromDateTime((c.Published ?? c.Fetched).UtcDateTime));
        var predicted = c.PredictedFacts.ActDate is null && found is not null
            ? c.PredictedFacts with { ActDate = found.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } : c.PredictedFacts;
        // The legal acts are read from the text, never stored.
        predicted = predicted with { LegalActs = PredictedFacts.LegalActIds(c.Title, c.Text) };
        c = c with { PredictedFacts = predicted };
        var predictedFacts = FactsView.Of(c, predicted, found);
        return TypedResults.Ok(new CandidateView(c.Id, c.Title, c.SourceId, SourceName(options, c.SourceId), SafeUrl(c.Url), c.Published, c.Fetched, c.Language,
            c.Status, c.Version,
            new PredictionView(c.PredictedTypes, c.PredictedActor, c.PredictedActorType, c.CoActors, Math.Round(c.Confidence, 4), c.ModelVersion),
            c.ReviewedTypes is null && c.ReviewedActor is null ? null : new ReviewedView(c.ReviewedTypes, c.ReviewedActor, c.ReviewedActorType),
            c.EffectiveTypes, c.EffectiveActor, c.EffectiveActorType,
            ranked, ranked.Where(s => !c.PredictedTypes.Contains(s.Label)).Take(3).ToList(),
            c.Text, Evidence.Marks(c.Text, classifiers.Vocabulary, c.PredictedTypes), drivers, drivers.Count > 0 ? label : null,
            c.DuplicateOf,
            c.Duplicates.Select(d => new DuplicateView(d.Id, d.SourceId, SourceName(options, d.SourceId), SafeUrl(d.Url), d.Title, d.Published)).ToList(),
            c.RelevanceTerms, notice, LegalActs.Find(c.Text), found, predictedFacts,
            c.ReviewedFacts is null ? null : ParseObject(c.ReviewedFacts),
            FactsView.Of(c, c.EffectiveFacts, found, FactsView.ReviewedKeys(c.ReviewedFacts))));
    }

    /// <summary><c>POST /api/candidates/{id}/review</c>: approve, correct or reject at the version the reviewer saw.</summary>
    public static async Task<Results<Ok<ChangeResponse>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>>> Review(
        long id, ReviewRequest body, ClaimsPrincipal user, ReviewStore store, ClassifierProvider classifiers, IOutputCacheStore cache, TimeProvider clock,
        ILoggerFactory logs, CancellationToken ct)
    {
        if (body.Version is not { } version) return TypedResults.BadRequest(new ApiError("version is required (the version you reviewed)"));
        var current = await store.GetAsync(id, ct);
        if (current is null) return TypedResults.NotFound(new ApiError($"no candidate {id}"));
        if (current.DuplicateOf is { } primary)
            return TypedResults.Conflict(new ApiError($"this item is a duplicate of {primary}: decide the primary and its duplicates follow", current.Version, primary));
        if (current.Version != version)
            return TypedResults.Conflict(new ApiError($"candidate {id} changed since you loaded it (now version {current.Version}, status {current.Status}); nothing was overwritten", current.Version));
        if (current.Status is "approved" or "rejected" && !user.IsMaintainer())
            return Forbidden($"candidate {id} is already {current.Status}: undo your own decision, or ask a maintainer");

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (next, error) = DecisionRules.Apply(body, current, classifiers.Vocabulary, today);
        if (error is not null) return TypedResults.BadRequest(new ApiError(error));
        var result = await store.DecideAsync(id, version, user.ReviewerName(), body.Decision!, next!, clock.GetUtcNow(), ct);
        await PublishedChangedAsync(result, cache);
        logs.CreateLogger("Pipeline.Review").LogInformation("Reviewer {Reviewer}: {Decision} item {ItemKey} → {Outcome} v{Version}",
            user.ReviewerName(), body.Decision, id, result.Outcome, result.Version);
        return Outcome(id, result);
    }

    /// <summary><c>POST /api/candidates/{id}/undo</c>: reverts the latest change not yet undone (the caller's own, unless a maintainer).</summary>
    public static async Task<Results<Ok<ChangeResponse>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>>> Undo(
        long id, UndoRequest body, ClaimsPrincipal user, ReviewStore store, IOutputCacheStore cache, TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        if (body.Version is not { } version) return TypedResults.BadRequest(new ApiError("version is required (the version you see)"));
        var result = await store.UndoAsync(id, version, user.ReviewerName(), user.IsMaintainer(), clock.GetUtcNow(), ct);
        await PublishedChangedAsync(result, cache);
        logs.CreateLogger("Pipeline.Review").LogInformation("Reviewer {Reviewer}: undo item {ItemKey} → {Outcome} v{Version}",
            user.ReviewerName(), id, result.Outcome, result.Version);
        return Outcome(id, result);
    }

    public static async Task<Results<Ok<List<AuditView>>, NotFound<ApiError>>> Audit(long id, ReviewStore store, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is null) return TypedResults.NotFound(new ApiError($"no candidate {id}"));
        var rows = await store.AuditAsync(id, ct);
        return TypedResults.Ok(rows.Select(r => new AuditView(r.Id, r.Reviewer, r.At, r.Decision,
            r.Before is null ? null : JsonNode.Parse(r.Before), r.After is null ? null : JsonNode.Parse(r.After))).ToList());
    }

    /// <summary>A decision or undo may change what is published: the cached dataset and statistics go (even if the reviewer has gone).</summary>
    private static async Task PublishedChangedAsync(ChangeResult result, IOutputCacheStore cache)
    {
        if (result.Outcome == ChangeOutcome.Changed) await cache.EvictByTagAsync(Dataset.DatasetHandlers.CacheTag, CancellationToken.None);
    }

    private static Results<Ok<ChangeResponse>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>> Outcome(long id, ChangeResult r) =>
        r.Outcome switch
        {
            ChangeOutcome.Changed => TypedResults.Ok(new ChangeResponse(id, r.Version, r.Status!)),
            ChangeOutcome.NotFound => TypedResults.NotFound(new ApiError($"no candidate {id}")),
            ChangeOutcome.Stale => TypedResults.Conflict(new ApiError($"candidate {id} changed since you loaded it (now version {r.Version}, status {r.Status}); nothing was overwritten", r.Version)),
            ChangeOutcome.NothingToUndo => TypedResults.Conflict(new ApiError($"candidate {id} has no decision left to undo", r.Version)),
            ChangeOutcome.DecidedWithPrimary => TypedResults.Conflict(new ApiError($"this item is a duplicate of {r.Primary}: decide the primary and its duplicates follow", r.Version, r.Primary)),
            ChangeOutcome.NotYours => Forbidden($"the latest decision on candidate {id} is another reviewer's: only a maintainer can undo it"),
            _ => throw new InvalidOperationException(r.Outcome.ToString()),
        };

    private static JsonHttpResult<ApiError> Forbidden(string message) => TypedResults.Json(new ApiError(message), statusCode: StatusCodes.Status403Forbidden);

    public static string SourceName(PipelineOptions options, string id) =>
        options.Sources.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase)) is { Name.Length: > 0 } s ? s.Name : id;

    /// <summary>Only web links become links: a feed could carry <c>javascript:</c> or <c>data:</c> URLs.</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) ? u.AbsoluteUri : null;

    private static JsonNode? ParseObject(string json)
    {
        try { return JsonNode.Parse(json) as JsonObject; }
        catch (System.Text.Json.JsonException) { return null; }
    }

    private static bool Day(string? text, out DateTimeOffset? day)
    {
        day = null;
        if (text is null) return true;
        if (!DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        day = new DateTimeOffset(d, TimeSpan.Zero);
        return true;
    }

    private static bool Number(string? text, int fallback, int min, int max, out int value)
    {
        value = fallback;
        if (text is null) return true;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
