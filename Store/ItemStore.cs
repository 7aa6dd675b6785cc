using System.Data.Common;
using System.Text.Json;

namespace Pipeline.Store;

public sealed record NewItem(
    string SourceId, string Url, string CanonicalUrl, string Title, DateTimeOffset? Published, DateTimeOffset Fetched,
    string? Language, string Text, string ContentHash, long SimHash, bool Relevant, IReadOnlyList<string> RelevanceTerms,
    string Extraction, long? DuplicateOf);

/// <summary>The classifier's verdict as stored with the item; <see cref="Status"/> places it in (or out of) the queue.
/// <see cref="Facts"/> are the predicted facts of the response (migration 7's columns); null stores none.</summary>
public sealed record CandidateRecord(
    string Status, IReadOnlyList<string> ResponseTypes, IReadOnlyDictionary<string, double> Scores,
    string? Actor, string? ActorType, IReadOnlyList<string> CoActors, double Confidence, string ModelVersion,
    ResponseFacts? Facts = null);

public enum InsertOutcome { Inserted, AlreadyStored }

/// <summary>What <see cref="ItemStore.InsertAsync"/> did: the item's id, and the primary it duplicates (null for a primary).</summary>
public sealed record InsertResult(InsertOutcome Outcome, long Id, long? DuplicateOf);

public sealed record StoredItem(
    long Id, string SourceId, string Url, string CanonicalUrl, string Title, DateTimeOffset? Published, DateTimeOffset Fetched,
    string? Language, string Text, long? DuplicateOf, string Status, IReadOnlyList<string> ResponseTypes,
    IReadOnlyDictionary<string, double> Scores, string? Actor, string? ActorType, IReadOnlyList<string> CoActors, double Confidence,
    string ModelVersion, int Version, IReadOnlyList<string> DuplicateUrls, IReadOnlyList<string> RelevanceTerms)
{
    /// <summary>The facts as predicted when the item was stored (migration 7's columns: NULL ones are null or empty here,
    /// as for rows stored before it).</summary>
    public ResponseFacts Facts { get; init; } = ResponseFacts.None;
    /// <summary>A reviewer's corrections of <see cref="Facts"/> (JSON; see <see cref="ResponseFacts.Effective"/>).</summary>
    public string? ReviewedFacts { get; init; }
}

/// <summary>
/// Items and their candidate rows. An item is stored once: the canonical URL is unique in the database, and
/// the item with its candidate is written in one short transaction, so a rerun after a crash stores nothing twice.
/// </summary>
public sealed class ItemStore(Database db)
{
    public static readonly string[] Statuses = ["pending", "approved", "rejected", "filtered", "duplicate"];

    public async Task<HashSet<string>> ExistingAsync(IReadOnlyCollection<string> canonicalUrls, CancellationToken ct = default)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (canonicalUrls.Count == 0) return found;
        await using var c = await db.OpenAsync(ct);
        foreach (var chunk in canonicalUrls.Chunk(400))
        {
            var names = chunk.Select((_, i) => $"@u{i}").ToArray();
            await using var cmd = Sql.Command(c, null, $"SELECT canonical_url FROM items WHERE canonical_url IN ({string.Join(",", names)})",
                chunk.Select((u, i) => (names[i], (object?)u)).ToArray());
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) found.Add(r.GetString(0));
        }
        return found;
    }

    /// <summary>SimHashes of primary items fetched since <paramref name="since"/> (zero hashes = too short to compare).</summary>
    public async Task<List<(long Id, long SimHash)>> RecentSimHashesAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var cmd = Sql.Command(c, null, "SELECT id, simhash FROM items WHERE duplicate_of IS NULL AND simhash <> 0 AND fetched >= @since", ("@since", Sql.Time(since)));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<(long, long)>();
        while (await r.ReadAsync(ct)) list.Add((r.GetInt64(0), r.GetInt64(1)));
        return list;
    }

    /// <summary>
    /// Stores an item and its candidate in one transaction. An item the caller did not mark as a duplicate becomes the
    /// duplicate of the primary with the same exact text, if there is one (its candidate's status becomes
    /// <c>duplicate</c>): the check and the insert are one statement, and the unique index on the primaries' content
    /// hash settles a race between two processes — the loser retries and finds the winner.
    /// </summary>
    public async Task<InsertResult> InsertAsync(NewItem item, CandidateRecord candidate, CancellationToken ct = default)
    {
        try
        {
            return await TryInsertAsync(item, candidate, ct);
        }
        catch (DbException e) when (IsSecondPrimary(e))
        {
            return await TryInsertAsync(item, candidate, ct);
        }
    }

    /// <summary>The unique index on the primaries' content hash refused a second primary of the same text.</summary>
    private static bool IsSecondPrimary(DbException e) => e switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation && pg.ConstraintName == "items_primary_content",
        // SQLite names the index's column, not the index.
        Microsoft.Data.Sqlite.SqliteException lite => lite.SqliteExtendedErrorCode == 2067 && lite.Message.Contains("items.content_hash", StringComparison.Ordinal),
        _ => false,
    };

    private async Task<InsertResult> TryInsertAsync(NewItem item, CandidateRecord candidate, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        long? id = null, duplicateOf = null;
        await using (var insert = Sql.Command(c, tx, """
            INSERT INTO items (source_id, url, canonical_url, title, published, fetched, language, text, content_hash, simhash,
                               relevant, relevance_terms, extraction, duplicate_of)
            VALUES (@s, @u, @cu, @t, @p, @f, @l, @x, @h, @sh, @r, @rt, @e,
                    COALESCE(@d, (SELECT p.id FROM items p WHERE p.content_hash = @h AND p.duplicate_of IS NULL)))
            ON CONFLICT(canonical_url) DO NOTHING
            RETURNING id, duplicate_of
            """, ("@s", item.SourceId), ("@u", item.Url), ("@cu", item.CanonicalUrl), ("@t", item.Title), ("@p", Sql.Time(item.Published)),
            ("@f", Sql.Time(item.Fetched)), ("@l", item.Language), ("@x", item.Text), ("@h", item.ContentHash), ("@sh", item.SimHash),
            ("@r", item.Relevant ? 1 : 0), ("@rt", Json(item.RelevanceTerms)), ("@e", item.Extraction), ("@d", item.DuplicateOf)))
        await using (var r = await insert.ExecuteReaderAsync(ct))
            if (await r.ReadAsync(ct)) (id, duplicateOf) = (r.GetInt64(0), Sql.ReadLong(r, 1));
        if (id is null)
        {
            await tx.RollbackAsync(ct);
            var existing = await Sql.ScalarAsync(c, null, "SELECT id FROM items WHERE canonical_url = @u", ct, ("@u", item.CanonicalUrl));
            return new InsertResult(InsertOutcome.AlreadyStored, Convert.ToInt64(existing), null);
        }
        var now = Sql.Time(DateTimeOffset.UtcNow);
        await Sql.ExecuteAsync(c, tx, """
            INSERT INTO candidates (item_id, status, response_types, scores, actor, actor_type, co_actors, confidence, model_version,
                                    created, updated, item_time, binding, stance, lifecycle, targets, act_date)
            VALUES (@i, @st, @rt, @sc, @a, @at, @co, @cf, @mv, @now, @now, @it, @fb, @fs, @fl, @ft, @fd)
            """, ct, ("@i", id), ("@it", Sql.Time(item.Published ?? item.Fetched)), ("@st", duplicateOf is null ? candidate.Status : "duplicate"), ("@rt", Json(candidate.ResponseTypes)), ("@sc", Json(candidate.Scores)),
            ("@a", candidate.Actor), ("@at", candidate.ActorType), ("@co", Json(candidate.CoActors)), ("@cf", candidate.Confidence),
            ("@mv", candidate.ModelVersion), ("@now", now), ("@fb", candidate.Facts?.Binding is { } b ? (b ? 1 : 0) : null),
            ("@fs", candidate.Facts?.Stance), ("@fl", candidate.Facts?.Lifecycle),
            ("@ft", candidate.Facts is { } f ? ResponseFacts.TargetsToJson(f.Targets) : null), ("@fd", candidate.Facts?.ActDate));
        await tx.CommitAsync(ct);
        return new InsertResult(InsertOutcome.Inserted, id.Value, duplicateOf);
    }

    public async Task<int> CountAsync(string? status = null, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var v = status is null
            ? await Sql.ScalarAsync(c, null, "SELECT COUNT(*) FROM items", ct)
            : await Sql.ScalarAsync(c, null, "SELECT COUNT(*) FROM candidates WHERE status = @s", ct, ("@s", status));
        return Convert.ToInt32(v);
    }

    /// <summary>Stored items with their candidate, oldest first; <paramref name="status"/> null means all.</summary>
    public IAsyncEnumerable<StoredItem> ListAsync(string? status = null, CancellationToken ct = default) =>
        status is null ? ListWhereAsync("ORDER BY i.id", ct) : ListWhereAsync("WHERE c.status = @status ORDER BY i.id", ct, ("@status", status));

    public async Task<StoredItem?> GetAsync(long id, CancellationToken ct = default)
    {
        await foreach (var item in ListWhereAsync("WHERE i.id = @id", ct, ("@id", id))) return item;
        return null;
    }

    private async IAsyncEnumerable<StoredItem> ListWhereAsync(string where, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct, params (string, object?)[] args)
    {
        await using var c = await db.OpenAsync(ct);
        await using var cmd = Sql.Command(c, null, $"""
            SELECT i.id, i.source_id, i.url, i.canonical_url, i.title, i.published, i.fetched, i.language, i.text, i.duplicate_of,
                   c.status, COALESCE(c.reviewed_types, c.response_types), c.scores, COALESCE(c.reviewed_actor, c.actor),
                   COALESCE(c.reviewed_actor_type, c.actor_type), c.co_actors, c.confidence, c.model_version, c.version,
                   (SELECT {db.JsonArrayAgg("d.url")} FROM items d WHERE d.duplicate_of = i.id), i.relevance_terms,
                   c.binding, c.stance, c.lifecycle, c.targets, c.act_date, c.reviewed_facts
            FROM items i JOIN candidates c ON c.item_id = i.id {where}
            """, args);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) yield return Read(r);
    }

    private static StoredItem Read(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Sql.ReadTime(r, 5), Sql.ReadTime(r, 6)!.Value,
        Sql.ReadString(r, 7), r.GetString(8), Sql.ReadLong(r, 9), r.GetString(10),
        FromJson<List<string>>(r.GetString(11)) ?? [], FromJson<Dictionary<string, double>>(r.GetString(12)) ?? [],
        Sql.ReadString(r, 13), Sql.ReadString(r, 14), FromJson<List<string>>(Sql.ReadString(r, 15)) ?? [], r.GetDouble(16),
        r.GetString(17), r.GetInt32(18), FromJson<List<string>>(Sql.ReadString(r, 19)) ?? [], FromJson<List<string>>(Sql.ReadString(r, 20)) ?? [])
    {
        Facts = ReadFacts(r, 21),
        ReviewedFacts = Sql.ReadString(r, 26),
    };

    /// <summary>Migration 7's predicted facts from five columns in their order: binding, stance, lifecycle, targets, act_date.</summary>
    internal static ResponseFacts ReadFacts(DbDataReader r, int first) => new(
        r.IsDBNull(first) ? null : Convert.ToInt64(r.GetValue(first), System.Globalization.CultureInfo.InvariantCulture) != 0,
        Sql.ReadString(r, first + 1), Sql.ReadString(r, first + 2), ResponseFacts.TargetsFromJson(Sql.ReadString(r, first + 3)),
        Sql.ReadString(r, first + 4));

    /// <summary>
    /// A reviewer's decision turned into a training example: its labels and the facts the model learns (binding and
    /// stance, as predicted with the reviewer's corrections applied, <see cref="ResponseFacts.Effective"/>).
    /// </summary>
    public sealed record ReviewedExample(long ItemId, string Title, string Text, string? Language, IReadOnlyList<string> ResponseTypes, string? Actor,
        string? ActorType, bool? Binding = null, string? Stance = null);

    /// <summary>Every approved or corrected candidate (reviewed labels and facts where the reviewer changed them), oldest first.</summary>
    public async Task<List<ReviewedExample>> ReviewedExamplesAsync(CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var cmd = Sql.Command(c, null, """
            SELECT i.id, i.title, i.text, i.language, COALESCE(c.reviewed_types, c.response_types),
                   COALESCE(c.reviewed_actor, c.actor), COALESCE(c.reviewed_actor_type, c.actor_type),
                   c.binding, c.stance, c.reviewed_facts
            FROM candidates c JOIN items i ON i.id = c.item_id
            WHERE c.status = 'approved' OR (c.status = 'rejected' AND c.reviewed_types IS NOT NULL)
            ORDER BY i.id
            """);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<ReviewedExample>();
        while (await r.ReadAsync(ct))
        {
            // A key of reviewed_facts overrides the predicted column even with null ("unclear"): applied here, not in SQL.
            var predicted = ResponseFacts.None with
            {
                Binding = r.IsDBNull(7) ? null : Convert.ToInt64(r.GetValue(7), System.Globalization.CultureInfo.InvariantCulture) != 0,
                Stance = Sql.ReadString(r, 8),
            };
            var facts = predicted.Effective(Sql.ReadString(r, 9));
            list.Add(new ReviewedExample(r.GetInt64(0), r.GetString(1), r.GetString(2), Sql.ReadString(r, 3),
                FromJson<List<string>>(r.GetString(4)) ?? [], Sql.ReadString(r, 5), Sql.ReadString(r, 6), facts.Binding, facts.Stance));
        }
        return list;
    }

    internal static string Json<T>(T value) => JsonSerializer.Serialize(value);
    internal static T? FromJson<T>(string? json) => string.IsNullOrEmpty(json) ? default : JsonSerializer.Deserialize<T>(json);
}
