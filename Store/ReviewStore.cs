using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Store;

/// <summary>
/// What a review changes on a candidate row: its status and the reviewer's labels (null = not reviewed).
/// <see cref="ReviewedFacts"/> is the <c>reviewed_facts</c> column: a JSON object of the facts the reviewer corrected
/// (keys of <see cref="ResponseFacts.Keys"/>; a key present overrides the prediction, even with null), or null.
/// </summary>
public sealed record ReviewState(
    string Status, IReadOnlyList<string>? ReviewedTypes, string? ReviewedActor, string? ReviewedActorType, string? ReviewedFacts = null);

/// <summary>
/// Which candidates the queue shows and in what order. A page starts after <see cref="After"/> (the key of the last
/// candidate of the previous page: keyset paging) or, for old clients, after skipping <see cref="Offset"/> candidates.
/// </summary>
public sealed record QueueQuery(
    string? Status = "pending", string Sort = "uncertainty", string? Type = null, string? Actor = null, string? Source = null,
    string? Language = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Limit = 50, int Offset = 0, QueueKey? After = null);

/// <summary>
/// Where a queue page ends, in the queue's order: the confidence (uncertainty) or the item's date (newest: its published
/// date, else when it was fetched, as stored), then the item id. <see cref="ToCursor"/> makes it the opaque
/// <c>after</c> of the API; a cursor names its sort order, so it cannot be used with the other one.
/// </summary>
public sealed record QueueKey(string Sort, double Confidence, string Time, long Id)
{
    public string ToCursor() => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Sort == "newest"
            ? $"n|{Time}|{Id.ToString(CultureInfo.InvariantCulture)}"
            : $"u|{Confidence.ToString("R", CultureInfo.InvariantCulture)}|{Id.ToString(CultureInfo.InvariantCulture)}"))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Reads a cursor made by <see cref="ToCursor"/>; null for anything else.</summary>
    public static QueueKey? FromCursor(string cursor)
    {
        try
        {
            var b64 = cursor.Replace('-', '+').Replace('_', '/');
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=')));
            var parts = text.Split('|');
            if (parts.Length != 3 || parts[2].Length is 0 or > 19 || !parts[2].All(char.IsAsciiDigit)
                || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
            if (parts[0] == "n" && parts[1].Length is > 0 and <= 40 && parts[1].All(ch => char.IsAsciiDigit(ch) || ch is 'T' or 'Z' or ':' or '.' or '-' or '+'))
                return new QueueKey("newest", 0, parts[1], id);
            if (parts[0] == "u" && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence) && double.IsFinite(confidence))
                return new QueueKey("uncertainty", confidence, "", id);
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>One page of the queue: the number of candidates the filters match, the entries, and where the next page starts (null: this is the last).</summary>
public sealed record QueueSlice(int Total, List<QueueEntry> Entries, QueueKey? Next)
{
    public void Deconstruct(out int total, out List<QueueEntry> entries) => (total, entries) = (Total, Entries);
}

/// <summary>One line of the queue (labels are the reviewed ones where a reviewer set them, else the predicted ones).</summary>
public sealed record QueueEntry(
    long Id, string SourceId, string Title, DateTimeOffset? Published, DateTimeOffset Fetched, string? Language, string Status,
    IReadOnlyList<string> ResponseTypes, string? Actor, double Confidence, int Version, int Duplicates);

/// <summary>An item of the same statement stored elsewhere (its <c>duplicate_of</c> points at the primary).</summary>
public sealed record DuplicateRef(long Id, string SourceId, string Url, string Title, DateTimeOffset? Published);

/// <summary>Everything the review page shows of one candidate: the prediction and the review kept apart.</summary>
public sealed record ReviewCandidate(
    long Id, string SourceId, string Url, string Title, DateTimeOffset? Published, DateTimeOffset Fetched, string? Language, string Text,
    long? DuplicateOf, string Status, IReadOnlyList<string> PredictedTypes, IReadOnlyDictionary<string, double> Scores,
    string? PredictedActor, string? PredictedActorType, IReadOnlyList<string> CoActors, double Confidence, string ModelVersion,
    IReadOnlyList<string>? ReviewedTypes, string? ReviewedActor, string? ReviewedActorType, int Version, DateTimeOffset Updated,
    IReadOnlyList<string> RelevanceTerms, IReadOnlyList<DuplicateRef> Duplicates)
{
    public IReadOnlyList<string> EffectiveTypes => ReviewedTypes ?? PredictedTypes;
    public string? EffectiveActor => ReviewedActor ?? PredictedActor;
    public string? EffectiveActorType => ReviewedActorType ?? PredictedActorType;

    /// <summary>The facts as predicted when the item was stored (migration 7); all null for rows stored before it.</summary>
    public ResponseFacts PredictedFacts { get; init; } = ResponseFacts.None;

    /// <summary>The reviewer's corrections of the facts (the <c>reviewed_facts</c> JSON object), or null.</summary>
    public string? ReviewedFacts { get; init; }

    /// <summary>The predicted facts with the reviewer's corrections applied key by key.</summary>
    public ResponseFacts EffectiveFacts => PredictedFacts.Effective(ReviewedFacts);
}

/// <summary>One row of the audit trail: who changed what, when, with the state before and after (JSON).</summary>
public sealed record AuditEntry(long Id, long ItemId, string Reviewer, DateTimeOffset At, string Decision, string? Before, string? After);

/// <summary>
/// An approved response as published in the dataset: labels, links and the start of its text (<see cref="Lead"/>, at most
/// <see cref="ReviewStore.LeadLength"/> characters; <see cref="TextContinues"/> when there is more), never the whole page.
/// <see cref="Total"/> is the number of approved responses in all, counted by the statement that read this one.
/// </summary>
public sealed record PublishedResponse(
    long Id, string SourceId, string Url, string Title, DateTimeOffset? Published, DateTimeOffset Fetched, string? Language, string Lead,
    bool TextContinues, IReadOnlyList<string> ResponseTypes, string? Actor, string? ActorType, IReadOnlyList<string> CoActors, DateTimeOffset? Decided,
    IReadOnlyList<string> DuplicateUrls, int Total);

/// <summary>Approved responses of one month (of publication, else of fetching: yyyy-MM) with one primary type and one actor.</summary>
public sealed record MonthlyCount(string Month, string PrimaryType, string Actor, int Count);

public enum ChangeOutcome { Changed, NotFound, Stale, NothingToUndo, NotYours, DecidedWithPrimary }

/// <summary>The result of a decision or an undo; <see cref="Version"/> is the candidate's version after it (or the current one).</summary>
public sealed record ChangeResult(ChangeOutcome Outcome, int Version, string? Status = null, long? Primary = null);

/// <summary>
/// The review side of the candidates table: the queue, decisions with optimistic concurrency (<c>version</c>),
/// the audit trail in <c>reviews</c>, undo, and the approved responses that make up the published dataset.
/// Every change and its audit row are written in one transaction. A duplicate cluster is decided once: the
/// decision on the primary is copied onto its duplicates (their status stays <c>duplicate</c>, so the cluster
/// counts once in the dataset and in training), each copy audited as <c>follow</c>.
/// </summary>
public sealed class ReviewStore(Database db)
{
    public const string Undo = "undo";
    public const string Follow = "follow";

    /// <summary>
    /// A page of the queue. The WHERE clause holds only the filters given (each value a parameter), so that status, order
    /// and cursor are one range of one index (migration 6): the page is chosen on <c>candidates</c> alone — joined to
    /// <c>items</c> only for a source or language filter — and only its rows are then read with their items (never the text).
    /// </summary>
    public async Task<QueueSlice> QueueAsync(QueueQuery q, CancellationToken ct = default)
    {
        var newest = q.Sort == "newest";
        var conditions = new List<string>();
        var args = new List<(string, object?)>();
        void Filter(string condition, string name, object? value)
        {
            conditions.Add(condition);
            args.Add((name, value));
        }
        if (q.Status is not null) Filter("c.status = @status", "@status", q.Status);
        if (q.Type is not null) Filter(db.JsonArrayContains("COALESCE(c.reviewed_types, c.response_types)", "@type"), "@type", q.Type);
        if (q.Actor is not null) Filter("COALESCE(c.reviewed_actor, c.actor) = @actor", "@actor", q.Actor);
        if (q.From is not null) Filter("c.item_time >= @from", "@from", Sql.Time(q.From));
        if (q.To is not null) Filter("c.item_time < @to", "@to", Sql.Time(q.To));
        if (q.Source is not null) Filter("i.source_id = @source", "@source", q.Source);
        if (q.Language is not null) Filter("i.language = @lang", "@lang", q.Language);
        var from = q.Source is not null || q.Language is not null ? "candidates c JOIN items i ON i.id = c.item_id" : "candidates c";
        static string Where(List<string> all) => all.Count == 0 ? "" : "WHERE " + string.Join(" AND ", all);

        var page = new List<string>(conditions);
        var pageArgs = new List<(string, object?)>(args) { ("@limit", q.Limit + 1), ("@offset", q.Offset) };
        if (q.After is { } after)
        {
            if (after.Sort != q.Sort) throw new ArgumentException($"the cursor is for the {after.Sort} order, not {q.Sort}", nameof(q));
            page.Add(newest ? "(c.item_time, c.item_id) < (@after_key, @after_id)" : "(c.confidence, c.item_id) > (@after_key, @after_id)");
            pageArgs.Add(("@after_key", newest ? after.Time : after.Confidence));
            pageArgs.Add(("@after_id", after.Id));
        }
        // Uncertainty: the least confident prediction first (the model's top probability, lowest first).
        var order = newest ? "c.item_time DESC, c.item_id DESC" : "c.confidence ASC, c.item_id ASC";

        await using var c = await db.OpenAsync(ct);
        var total = Convert.ToInt32(await Sql.ScalarAsync(c, null, $"SELECT COUNT(*) FROM {from} {Where(conditions)}", ct, [.. args]));
        await using var cmd = Sql.Command(c, null, $"""
            SELECT i.id, i.source_id, i.title, i.published, i.fetched, i.language, c.status,
                   COALESCE(c.reviewed_types, c.response_types), COALESCE(c.reviewed_actor, c.actor), c.confidence, c.version,
                   CAST((SELECT COUNT(*) FROM items d WHERE d.duplicate_of = i.id) AS INTEGER), c.item_time
            FROM (SELECT c.item_id FROM {from} {Where(page)} ORDER BY {order} LIMIT @limit OFFSET @offset) p
            JOIN candidates c ON c.item_id = p.item_id JOIN items i ON i.id = p.item_id
            ORDER BY {order}
            """, [.. pageArgs]);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<QueueEntry>();
        QueueKey? next = null;
        string? lastTime = null;
        while (await r.ReadAsync(ct))
        {
            if (list.Count == q.Limit)
            {
                // One row more than asked: there is a next page, and it starts after the last row of this one.
                var last = list[^1];
                next = newest ? new QueueKey(q.Sort, 0, lastTime!, last.Id) : new QueueKey(q.Sort, last.Confidence, "", last.Id);
                break;
            }
            list.Add(new QueueEntry(r.GetInt64(0), r.GetString(1), r.GetString(2), Sql.ReadTime(r, 3), Sql.ReadTime(r, 4)!.Value,
                Sql.ReadString(r, 5), r.GetString(6), FromJson<List<string>>(r.GetString(7)) ?? [], Sql.ReadString(r, 8), r.GetDouble(9),
                r.GetInt32(10), r.GetInt32(11)));
            lastTime = r.GetString(12);
        }
        return new QueueSlice(total, list, next);
    }

    /// <summary>One candidate with its duplicates: one command, one round trip (two result sets).</summary>
    public async Task<ReviewCandidate?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var cmd = Sql.Command(c, null, $"""
            SELECT i.id, i.source_id, i.url, i.title, i.published, i.fetched, i.language, i.text, i.duplicate_of,
                   c.status, c.response_types, c.scores, c.actor, c.actor_type, c.co_actors, c.confidence, c.model_version,
                   c.reviewed_types, c.reviewed_actor, c.reviewed_actor_type, c.version, c.updated, i.relevance_terms,
                   c.binding, c.stance, c.lifecycle, c.targets, c.act_date, c.reviewed_facts
            FROM items i JOIN candidates c ON c.item_id = i.id WHERE i.id = @id;
            {DuplicatesSql}
            """, ("@id", id));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        var found = new ReviewCandidate(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), Sql.ReadTime(r, 4), Sql.ReadTime(r, 5)!.Value,
            Sql.ReadString(r, 6), r.GetString(7), Sql.ReadLong(r, 8), r.GetString(9), FromJson<List<string>>(r.GetString(10)) ?? [],
            FromJson<Dictionary<string, double>>(r.GetString(11)) ?? [], Sql.ReadString(r, 12), Sql.ReadString(r, 13),
            FromJson<List<string>>(Sql.ReadString(r, 14)) ?? [], r.GetDouble(15), r.GetString(16), FromJson<List<string>>(Sql.ReadString(r, 17)),
            Sql.ReadString(r, 18), Sql.ReadString(r, 19), r.GetInt32(20), Sql.ReadTime(r, 21)!.Value,
            FromJson<List<string>>(Sql.ReadString(r, 22)) ?? [], [])
        {
            PredictedFacts = new ResponseFacts(r.IsDBNull(23) ? null : Convert.ToInt64(r.GetValue(23), CultureInfo.InvariantCulture) != 0,
                Sql.ReadString(r, 24), Sql.ReadString(r, 25), ResponseFacts.TargetsFromJson(Sql.ReadString(r, 26)), Sql.ReadString(r, 27)),
            ReviewedFacts = Sql.ReadString(r, 28),
        };
        await r.NextResultAsync(ct);
        return found with { Duplicates = await ReadDuplicatesAsync(r, ct) };
    }

    /// <summary>
    /// Writes a decision if the candidate is still at <paramref name="expectedVersion"/>: status and reviewed labels,
    /// version + 1, an audit row; then the same labels onto every duplicate of the item (audited as <c>follow</c>).
    /// </summary>
    public async Task<ChangeResult> DecideAsync(long id, int expectedVersion, string reviewer, string decision, ReviewState next,
        DateTimeOffset at, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var current = await StateAsync(c, tx, id, ct);
        if (Refusal(current, expectedVersion) is { } refused) return refused;
        var held = current!.Value;

        var version = await WriteAsync(c, tx, id, held.Version, next, at, ct);
        await AuditAsync(c, tx, id, reviewer, at, decision, StateJson(held.State, held.Version), StateJson(next, version), ct);
        await FollowAsync(c, tx, id, reviewer, at, next, ct);
        await tx.CommitAsync(ct);
        return new ChangeResult(ChangeOutcome.Changed, version, next.Status);
    }

    /// <summary>
    /// Reverts the latest change of the item that is not yet undone (so repeated undos walk back through the
    /// history), restoring the state recorded before it. The undo is itself a change: version + 1 and an audit row
    /// (<c>undo</c>, with <c>undoes</c> naming the reverted row). Only its author may undo a change unless
    /// <paramref name="anyone"/> (a maintainer).
    /// </summary>
    public async Task<ChangeResult> UndoAsync(long id, int expectedVersion, string reviewer, bool anyone, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var current = await StateAsync(c, tx, id, ct);
        if (Refusal(current, expectedVersion) is { } refused) return refused;
        var held = current!.Value;

        var history = await AuditRowsAsync(c, tx, id, ct);
        var undone = history.Where(h => h.Decision == Undo).Select(h => JsonNode.Parse(h.After ?? "{}")?["undoes"]?.GetValue<long>()).ToHashSet();
        var target = history.LastOrDefault(h => h.Decision is not (Undo or Follow) && !undone.Contains(h.Id));
        if (target is null) return new ChangeResult(ChangeOutcome.NothingToUndo, held.Version, held.State.Status);
        if (!anyone && !string.Equals(target.Reviewer, reviewer, StringComparison.OrdinalIgnoreCase))
            return new ChangeResult(ChangeOutcome.NotYours, held.Version, held.State.Status);

        var restored = ParseState(target.Before);
        var version = await WriteAsync(c, tx, id, held.Version, restored, at, ct);
        var after = StateJson(restored, version);
        after["undoes"] = target.Id;
        await AuditAsync(c, tx, id, reviewer, at, Undo, StateJson(held.State, held.Version), after, ct);
        await FollowAsync(c, tx, id, reviewer, at, restored, ct);
        await tx.CommitAsync(ct);
        return new ChangeResult(ChangeOutcome.Changed, version, restored.Status);
    }

    public async Task<List<AuditEntry>> AuditAsync(long id, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await AuditRowsAsync(c, null, id, ct);
    }

    /// <summary>Characters of an approved response's text that the dataset reads: enough for its excerpt.</summary>
    public const int LeadLength = 1000;

    /// <summary>
    /// Approved responses (primaries only: a duplicate cluster is one response), newest first, from
    /// <paramref name="offset"/> on, at most <paramref name="limit"/> (null: all), read row by row as the caller consumes
    /// them. Each row carries the total, counted by the same statement, so a page and its total always agree.
    /// </summary>
    public async IAsyncEnumerable<PublishedResponse> ApprovedAsync(int? limit, int offset = 0, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var cmd = Sql.Command(c, null, $"""
            SELECT i.id, i.source_id, i.url, i.title, i.published, i.fetched, i.language, SUBSTR(i.text, 1, @lead),
                   COALESCE(c.reviewed_types, c.response_types), COALESCE(c.reviewed_actor, c.actor),
                   COALESCE(c.reviewed_actor_type, c.actor_type), c.co_actors,
                   (SELECT MAX(r.at) FROM reviews r WHERE r.item_id = i.id),
                   (SELECT {db.JsonArrayAgg("d.url")} FROM items d WHERE d.duplicate_of = i.id),
                   CAST(COUNT(*) OVER () AS INTEGER)
            FROM items i JOIN candidates c ON c.item_id = i.id
            WHERE c.status = 'approved' AND i.duplicate_of IS NULL
            ORDER BY COALESCE(i.published, i.fetched) DESC, i.id DESC
            LIMIT @limit OFFSET @offset
            """, ("@lead", LeadLength + 1), ("@limit", limit ?? int.MaxValue), ("@offset", offset));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var lead = r.GetString(7);
            yield return new PublishedResponse(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), Sql.ReadTime(r, 4), Sql.ReadTime(r, 5)!.Value,
                Sql.ReadString(r, 6), lead[..Math.Min(lead.Length, LeadLength)], lead.Length > LeadLength, FromJson<List<string>>(r.GetString(8)) ?? [],
                Sql.ReadString(r, 9), Sql.ReadString(r, 10), FromJson<List<string>>(Sql.ReadString(r, 11)) ?? [], Sql.ReadTime(r, 12),
                FromJson<List<string>>(Sql.ReadString(r, 13)) ?? [], r.GetInt32(14));
        }
    }

    /// <summary>Approved responses (primaries only), counted.</summary>
    public async Task<int> ApprovedCountAsync(CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return Convert.ToInt32(await Sql.ScalarAsync(c, null,
            "SELECT COUNT(*) FROM items i JOIN candidates c ON c.item_id = i.id WHERE c.status = 'approved' AND i.duplicate_of IS NULL", ct));
    }

    /// <summary>Approved responses counted by month, primary type and actor (<c>unknown</c> when none): the statistics, aggregated by the database.</summary>
    public async Task<List<MonthlyCount>> MonthlyCountsAsync(CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var cmd = Sql.Command(c, null, $"""
            SELECT SUBSTR(COALESCE(i.published, i.fetched), 1, 7),
                   COALESCE({db.JsonArrayFirst("COALESCE(c.reviewed_types, c.response_types)")}, ''),
                   COALESCE(c.reviewed_actor, c.actor, 'unknown'), CAST(COUNT(*) AS INTEGER)
            FROM items i JOIN candidates c ON c.item_id = i.id
            WHERE c.status = 'approved' AND i.duplicate_of IS NULL
            GROUP BY 1, 2, 3
            """);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<MonthlyCount>();
        while (await r.ReadAsync(ct)) list.Add(new MonthlyCount(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3)));
        return list;
    }

    /// <summary>Distinct sources and languages of stored items, for the queue's filters.</summary>
    public async Task<(List<string> Sources, List<string> Languages)> FacetsAsync(CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return (await StringsAsync(c, "SELECT DISTINCT source_id FROM items ORDER BY source_id", ct),
                await StringsAsync(c, "SELECT DISTINCT language FROM items WHERE language IS NOT NULL ORDER BY language", ct));
    }

    private static async Task<List<string>> StringsAsync(DbConnection c, string sql, CancellationToken ct)
    {
        await using var cmd = Sql.Command(c, null, sql);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<string>();
        while (await r.ReadAsync(ct)) list.Add(r.GetString(0));
        return list;
    }

    /// <summary>Why a change may not be made: no such candidate, a duplicate (decided with its primary), or changed by
    /// someone else since the reviewer saw it (stale version); null when it may.</summary>
    private static ChangeResult? Refusal((ReviewState State, int Version, long? DuplicateOf)? current, int expectedVersion) =>
        current switch
        {
            null => new ChangeResult(ChangeOutcome.NotFound, 0),
            { DuplicateOf: { } primary } c => new ChangeResult(ChangeOutcome.DecidedWithPrimary, c.Version, c.State.Status, primary),
            { } c when c.Version != expectedVersion => new ChangeResult(ChangeOutcome.Stale, c.Version, c.State.Status),
            _ => null,
        };

    private static async Task<(ReviewState State, int Version, long? DuplicateOf)?> StateAsync(DbConnection c, DbTransaction? tx, long id, CancellationToken ct)
    {
        // Inside a change, PostgreSQL locks the candidate's row while reading it: a concurrent change of the same version
        // waits, then reads the new version and is refused as stale (409), instead of finding no row to update. SQLite's
        // write transaction already holds the database's write lock.
        var lockRow = tx is not null && c is Npgsql.NpgsqlConnection ? " FOR UPDATE OF c" : "";
        await using var cmd = Sql.Command(c, tx, $"""
            SELECT c.status, c.reviewed_types, c.reviewed_actor, c.reviewed_actor_type, c.version, i.duplicate_of, c.reviewed_facts
            FROM candidates c JOIN items i ON i.id = c.item_id WHERE c.item_id = @id{lockRow}
            """, ("@id", id));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return (new ReviewState(r.GetString(0), FromJson<List<string>>(Sql.ReadString(r, 1)), Sql.ReadString(r, 2), Sql.ReadString(r, 3),
            Sql.ReadString(r, 6)), r.GetInt32(4), Sql.ReadLong(r, 5));
    }

    private static async Task<int> WriteAsync(DbConnection c, DbTransaction tx, long id, int version, ReviewState s, DateTimeOffset at, CancellationToken ct)
    {
        // The version in the WHERE clause is the optimistic lock; the transaction already holds the write lock.
        var n = await Sql.ExecuteAsync(c, tx, """
            UPDATE candidates SET status = @s, reviewed_types = @t, reviewed_actor = @a, reviewed_actor_type = @at,
                   reviewed_facts = @f, version = version + 1, updated = @now
            WHERE item_id = @id AND version = @v
            """, ct, ("@s", s.Status), ("@t", s.ReviewedTypes is null ? null : ItemStore.Json(s.ReviewedTypes)), ("@a", s.ReviewedActor),
            ("@at", s.ReviewedActorType), ("@f", s.ReviewedFacts), ("@now", Sql.Time(at)), ("@id", id), ("@v", version));
        if (n != 1) throw new InvalidOperationException($"candidate {id} changed inside its own transaction");
        return version + 1;
    }

    /// <summary>Copies the primary's labels onto each duplicate; a duplicate keeps its own status (<c>duplicate</c>).</summary>
    private static async Task FollowAsync(DbConnection c, DbTransaction tx, long primary, string reviewer, DateTimeOffset at, ReviewState primaryState, CancellationToken ct)
    {
        foreach (var dup in await DuplicatesAsync(c, tx, primary, ct))
        {
            var current = await StateAsync(c, tx, dup.Id, ct);
            if (current is null) continue;
            var next = current.Value.State with
            {
                ReviewedTypes = primaryState.ReviewedTypes, ReviewedActor = primaryState.ReviewedActor, ReviewedActorType = primaryState.ReviewedActorType,
                ReviewedFacts = primaryState.ReviewedFacts,
            };
            var version = await WriteAsync(c, tx, dup.Id, current.Value.Version, next, at, ct);
            var after = StateJson(next, version);
            after["primary"] = primary;
            after["primary_status"] = primaryState.Status;
            await AuditAsync(c, tx, dup.Id, reviewer, at, Follow, StateJson(current.Value.State, current.Value.Version), after, ct);
        }
    }

    private const string DuplicatesSql = "SELECT id, source_id, url, title, published FROM items WHERE duplicate_of = @id ORDER BY id";

    private static async Task<List<DuplicateRef>> DuplicatesAsync(DbConnection c, DbTransaction? tx, long primary, CancellationToken ct)
    {
        await using var cmd = Sql.Command(c, tx, DuplicatesSql, ("@id", primary));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await ReadDuplicatesAsync(r, ct);
    }

    private static async Task<List<DuplicateRef>> ReadDuplicatesAsync(DbDataReader r, CancellationToken ct)
    {
        var list = new List<DuplicateRef>();
        while (await r.ReadAsync(ct)) list.Add(new DuplicateRef(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), Sql.ReadTime(r, 4)));
        return list;
    }

    private static async Task AuditAsync(DbConnection c, DbTransaction tx, long id, string reviewer, DateTimeOffset at, string decision,
        JsonObject before, JsonObject after, CancellationToken ct) =>
        await Sql.ExecuteAsync(c, tx, "INSERT INTO reviews (item_id, reviewer, at, decision, before, after) VALUES (@i, @r, @at, @d, @b, @a)", ct,
            ("@i", id), ("@r", reviewer), ("@at", Sql.Time(at)), ("@d", decision), ("@b", before.ToJsonString()), ("@a", after.ToJsonString()));

    private static async Task<List<AuditEntry>> AuditRowsAsync(DbConnection c, DbTransaction? tx, long id, CancellationToken ct)
    {
        await using var cmd = Sql.Command(c, tx, "SELECT id, item_id, reviewer, at, decision, before, after FROM reviews WHERE item_id = @id ORDER BY id", ("@id", id));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<AuditEntry>();
        while (await r.ReadAsync(ct))
            list.Add(new AuditEntry(r.GetInt64(0), r.GetInt64(1), r.GetString(2), Sql.ReadTime(r, 3)!.Value, r.GetString(4), Sql.ReadString(r, 5), Sql.ReadString(r, 6)));
        return list;
    }

    private static JsonObject StateJson(ReviewState s, int version) => new()
    {
        ["status"] = s.Status,
        ["reviewed_types"] = s.ReviewedTypes is null ? null : new JsonArray(s.ReviewedTypes.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
        ["reviewed_actor"] = s.ReviewedActor,
        ["reviewed_actor_type"] = s.ReviewedActorType,
        ["reviewed_facts"] = s.ReviewedFacts is null ? null : JsonNode.Parse(s.ReviewedFacts),
        ["version"] = version,
    };

    private static ReviewState ParseState(string? json)
    {
        var o = JsonNode.Parse(json ?? "{}")!.AsObject();
        return new ReviewState(o["status"]!.GetValue<string>(), o["reviewed_types"]?.AsArray().Select(n => n!.GetValue<string>()).ToList(),
            o["reviewed_actor"]?.GetValue<string>(), o["reviewed_actor_type"]?.GetValue<string>(),
            // Audit rows written before migration 7 have no reviewed_facts: there were none to restore.
            o["reviewed_facts"] is JsonObject facts ? facts.ToJsonString() : null);
    }

    private static T? FromJson<T>(string? json) => string.IsNullOrEmpty(json) ? default : JsonSerializer.Deserialize<T>(json);
}
