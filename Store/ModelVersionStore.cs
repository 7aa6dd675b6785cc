namespace Pipeline.Store;

public sealed record ModelVersionRow(string Version, DateTimeOffset Created, string Path, string? MetricsJson, string? DataFingerprint, bool Active,
    DateTimeOffset? Activated = null);

/// <summary>Registered classifier versions; exactly one is active at a time.</summary>
public sealed class ModelVersionStore(Database db)
{
    public async Task RegisterAsync(ModelVersionRow row, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await Sql.ExecuteAsync(c, null, """
            INSERT INTO model_versions (version, created, path, metrics, data_fingerprint, active) VALUES (@v, @c, @p, @m, @f, 0)
            ON CONFLICT(version) DO UPDATE SET path = excluded.path, metrics = excluded.metrics, data_fingerprint = excluded.data_fingerprint
            """, ct, ("@v", row.Version), ("@c", Sql.Time(row.Created)), ("@p", row.Path), ("@m", row.MetricsJson), ("@f", row.DataFingerprint));
        if (row.Active) await ActivateAsync(row.Version, ct);
    }

    public async Task ActivateAsync(string version, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        if (await Sql.ScalarAsync(c, tx, "SELECT 1 FROM model_versions WHERE version = @v", ct, ("@v", version)) is null)
            throw new InvalidOperationException($"model version '{version}' is not registered");
        await Sql.ExecuteAsync(c, tx, """
            UPDATE model_versions SET active = CASE WHEN version = @v THEN 1 ELSE 0 END,
                                      activated = CASE WHEN version = @v THEN @now ELSE activated END
            """, ct, ("@v", version), ("@now", Sql.Time(DateTimeOffset.UtcNow)));
        await tx.CommitAsync(ct);
    }

    public async Task<List<ModelVersionRow>> ListAsync(CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var cmd = Sql.Command(c, null, "SELECT version, created, path, metrics, data_fingerprint, active, activated FROM model_versions ORDER BY created, version");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<ModelVersionRow>();
        while (await r.ReadAsync(ct))
            list.Add(new ModelVersionRow(r.GetString(0), Sql.ReadTime(r, 1)!.Value, r.GetString(2), Sql.ReadString(r, 3), Sql.ReadString(r, 4), r.GetInt32(5) == 1, Sql.ReadTime(r, 6)));
        return list;
    }

    /// <summary>The version that was active before the current one (by activation time), for rollback.</summary>
    public async Task<ModelVersionRow?> PreviousAsync(CancellationToken ct = default) =>
        (await ListAsync(ct)).Where(r => !r.Active && r.Activated is not null).MaxBy(r => r.Activated);

    public async Task<ModelVersionRow?> ActiveAsync(CancellationToken ct = default) => (await ListAsync(ct)).FirstOrDefault(r => r.Active);
}
