namespace Pipeline.Store;

/// <summary>Per-source state: validators for conditional GET and health (Miniflux keeps these on the feed row).</summary>
public sealed record SourceState(
    string Id, string Name, string Url, string Kind, string? ETag, string? LastModified,
    DateTimeOffset? LastChecked, DateTimeOffset? LastSuccess, int ConsecutiveFailures,
    string? LastError, string? LastErrorKind, int? LastItemCount, double? UsualItemCount,
    DateTimeOffset? NextCheck, string? RedirectedTo, string? Flagged)
{
    /// <summary>A configured source the store has not seen yet (it joins at its first poll).</summary>
    public static SourceState NeverChecked(string id, string name, string url, string kind) =>
        new(id, name, url, kind, null, null, null, null, 0, null, null, null, null, null, null, null);
}

public sealed class SourceStore(Database db)
{
    /// <summary>Adds catalogue sources and refreshes names/URLs; never removes history of dropped sources.</summary>
    public async Task SyncAsync(IEnumerable<(string Id, string Name, string Url, string Kind)> sources, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        foreach (var s in sources)
        {
            // A changed URL invalidates the stored validators: they belong to the old address.
            await Sql.ExecuteAsync(c, tx, """
                INSERT INTO sources (id, name, url, kind) VALUES (@id, @name, @url, @kind)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                    etag = CASE WHEN sources.url = excluded.url THEN sources.etag END,
                    last_modified = CASE WHEN sources.url = excluded.url THEN sources.last_modified END,
                    redirected_to = CASE WHEN sources.url = excluded.url THEN sources.redirected_to END,
                    url = excluded.url
                """, ct, ("@id", s.Id), ("@name", s.Name), ("@url", s.Url), ("@kind", s.Kind));
        }
        await tx.CommitAsync(ct);
    }

    public async Task<SourceState?> GetAsync(string id, CancellationToken ct = default) =>
        (await QueryAsync("WHERE id = @id", ct, ("@id", id))).FirstOrDefault();

    public Task<List<SourceState>> ListAsync(CancellationToken ct = default) => QueryAsync("ORDER BY id", ct);

    private async Task<List<SourceState>> QueryAsync(string where, CancellationToken ct, params (string, object?)[] args)
    {
        await using var c = await db.OpenAsync(ct);
        await using var cmd = Sql.Command(c, null, $"""
            SELECT id, name, url, kind, etag, last_modified, last_checked, last_success, consecutive_failures,
                   last_error, last_error_kind, last_item_count, usual_item_count, next_check, redirected_to, flagged
            FROM sources {where}
            """, args);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<SourceState>();
        while (await r.ReadAsync(ct))
            list.Add(new SourceState(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Sql.ReadString(r, 4), Sql.ReadString(r, 5),
                Sql.ReadTime(r, 6), Sql.ReadTime(r, 7), r.GetInt32(8), Sql.ReadString(r, 9), Sql.ReadString(r, 10),
                r.IsDBNull(11) ? null : r.GetInt32(11), r.IsDBNull(12) ? null : r.GetDouble(12), Sql.ReadTime(r, 13), Sql.ReadString(r, 14), Sql.ReadString(r, 15)));
        return list;
    }

    /// <summary>
    /// A successful pass. Validators are replaced only when the listing came back 200 (<paramref name="etag"/>
    /// and <paramref name="lastModified"/> given); a 304 keeps the old ones. Resets the failure counter and
    /// keeps a running "usual" item count so that a sudden drop can be flagged.
    /// </summary>
    public async Task RecordSuccessAsync(string id, DateTimeOffset at, bool replaceValidators, string? etag, string? lastModified,
        int? itemCount, string? flagged, string? redirectedTo, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await Sql.ExecuteAsync(c, null, """
            UPDATE sources SET last_checked = @at, last_success = @at, consecutive_failures = 0, last_error = NULL, last_error_kind = NULL,
                etag = CASE WHEN @replace = 1 THEN CAST(@etag AS TEXT) ELSE etag END,
                last_modified = CASE WHEN @replace = 1 THEN CAST(@lm AS TEXT) ELSE last_modified END,
                last_item_count = COALESCE(CAST(@count AS INTEGER), last_item_count),
                usual_item_count = CASE WHEN CAST(@count AS INTEGER) IS NULL THEN usual_item_count
                                        WHEN usual_item_count IS NULL THEN CAST(@count AS INTEGER)
                                        ELSE usual_item_count * 0.7 + CAST(@count AS INTEGER) * 0.3 END,
                flagged = CAST(@flagged AS TEXT), redirected_to = COALESCE(CAST(@redirect AS TEXT), redirected_to), next_check = NULL
            WHERE id = @id
            """, ct, ("@id", id), ("@at", Sql.Time(at)), ("@replace", replaceValidators ? 1 : 0), ("@etag", etag), ("@lm", lastModified),
            ("@count", itemCount), ("@flagged", flagged), ("@redirect", redirectedTo));
    }

    /// <summary>A failed pass: the error in plain words, the kind, and when to try again.</summary>
    public async Task RecordFailureAsync(string id, DateTimeOffset at, string kind, string message, DateTimeOffset? nextCheck, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await Sql.ExecuteAsync(c, null, """
            UPDATE sources SET last_checked = @at, consecutive_failures = consecutive_failures + 1,
                last_error = @error, last_error_kind = @kind, next_check = @next
            WHERE id = @id
            """, ct, ("@id", id), ("@at", Sql.Time(at)), ("@error", message), ("@kind", kind), ("@next", Sql.Time(nextCheck)));
    }
}
