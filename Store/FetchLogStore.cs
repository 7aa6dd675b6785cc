namespace Pipeline.Store;

public sealed record FetchLogEntry(string SourceId, string Url, DateTimeOffset At, string Outcome, int? Status, long? Bytes, long ElapsedMs, string? ErrorKind, string? Error);

/// <summary>One row per listing request: what was asked, what came back.</summary>
public sealed class FetchLogStore(Database db)
{
    public async Task AddAsync(FetchLogEntry e, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await Sql.ExecuteAsync(c, null, """
            INSERT INTO fetch_log (source_id, url, at, outcome, status, bytes, elapsed_ms, error_kind, error)
            VALUES (@s, @u, @at, @o, @st, @b, @ms, @k, @e)
            """, ct, ("@s", e.SourceId), ("@u", e.Url), ("@at", Sql.Time(e.At)), ("@o", e.Outcome), ("@st", e.Status), ("@b", e.Bytes),
            ("@ms", e.ElapsedMs), ("@k", e.ErrorKind), ("@e", e.Error));
    }

    public async Task<List<FetchLogEntry>> ListAsync(string sourceId, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var cmd = Sql.Command(c, null, "SELECT source_id, url, at, outcome, status, bytes, elapsed_ms, error_kind, error FROM fetch_log WHERE source_id = @s ORDER BY id", ("@s", sourceId));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<FetchLogEntry>();
        while (await r.ReadAsync(ct))
            list.Add(new FetchLogEntry(r.GetString(0), r.GetString(1), Sql.ReadTime(r, 2)!.Value, r.GetString(3), r.IsDBNull(4) ? null : r.GetInt32(4),
                Sql.ReadLong(r, 5), r.GetInt64(6), Sql.ReadString(r, 7), Sql.ReadString(r, 8)));
        return list;
    }
}
