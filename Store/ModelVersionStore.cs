namespace Pipeline.Store;

public sealed record ModelVersionRow(string Version, DateTimeOffset Created, string Path, string? MetricsJson, string? DataFingerprint, bool Active,
    DateTimeOffset? Activated = null, string? FeatureVersion = null);

/// <summary>
/// Registered classifier versions (exactly one is active at a time), their files when the database is shared by
/// several workers, and the lease that lets one worker train the first model while the others wait.
/// </summary>
public sealed class ModelVersionStore(Database db)
{
    /// <summary>True when model files are kept in the database: PostgreSQL, where workers on several machines share it.
    /// With SQLite every process runs on the machine that holds the file, and reads the registered folder.</summary>
    public bool KeepsFiles => db.IsPostgres;

    public async Task RegisterAsync(ModelVersionRow row, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await Sql.ExecuteAsync(c, null, """
            INSERT INTO model_versions (version, created, path, metrics, data_fingerprint, feature_version, active) VALUES (@v, @c, @p, @m, @f, @fv, 0)
            ON CONFLICT(version) DO UPDATE SET path = excluded.path, metrics = excluded.metrics, data_fingerprint = excluded.data_fingerprint,
                                               feature_version = excluded.feature_version
            """, ct, ("@v", row.Version), ("@c", Sql.Time(row.Created)), ("@p", row.Path), ("@m", row.MetricsJson), ("@f", row.DataFingerprint),
            ("@fv", row.FeatureVersion));
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
        await using var cmd = Sql.Command(c, null, "SELECT version, created, path, metrics, data_fingerprint, active, activated, feature_version FROM model_versions ORDER BY created, version");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<ModelVersionRow>();
        while (await r.ReadAsync(ct))
            list.Add(new ModelVersionRow(r.GetString(0), Sql.ReadTime(r, 1)!.Value, r.GetString(2), Sql.ReadString(r, 3), Sql.ReadString(r, 4), r.GetInt32(5) == 1,
                Sql.ReadTime(r, 6), Sql.ReadString(r, 7)));
        return list;
    }

    /// <summary>The version that was active before the current one (by activation time), for rollback.</summary>
    public async Task<ModelVersionRow?> PreviousAsync(CancellationToken ct = default) =>
        (await ListAsync(ct)).Where(r => !r.Active && r.Activated is not null).MaxBy(r => r.Activated);

    public async Task<ModelVersionRow?> ActiveAsync(CancellationToken ct = default) => (await ListAsync(ct)).FirstOrDefault(r => r.Active);

    /// <summary>Copies every file of a saved version's folder into the database (files already there are kept).</summary>
    public async Task SaveFilesAsync(string version, string folder, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        foreach (var file in Directory.EnumerateFiles(folder).Order())
            await Sql.ExecuteAsync(c, tx, "INSERT INTO model_files (version, name, content) VALUES (@v, @n, @b) ON CONFLICT(version, name) DO NOTHING",
                ct, ("@v", version), ("@n", System.IO.Path.GetFileName(file)), ("@b", await File.ReadAllBytesAsync(file, ct)));
        await tx.CommitAsync(ct);
    }

    public async Task<bool> HasFilesAsync(string version, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await Sql.ScalarAsync(c, null, "SELECT 1 FROM model_files WHERE version = @v AND name = 'manifest.json'", ct, ("@v", version)) is not null;
    }

    /// <summary>Writes a version's files from the database into <paramref name="folder"/>; false when the database has none.</summary>
    public async Task<bool> ReadFilesAsync(string version, string folder, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var cmd = Sql.Command(c, null, "SELECT name, content FROM model_files WHERE version = @v", ("@v", version));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        int n = 0;
        while (await r.ReadAsync(ct))
        {
            var name = System.IO.Path.GetFileName(r.GetString(0)); // a name is a file name, never a path
            Directory.CreateDirectory(folder);
            await using var target = File.Create(System.IO.Path.Combine(folder, name));
            await using var content = r.GetStream(1);
            await content.CopyToAsync(target, ct);
            n++;
        }
        return n > 0;
    }

    /// <summary>
    /// Takes (or renews) the lease <paramref name="name"/> for <paramref name="holder"/> until now + <paramref name="ttl"/>;
    /// false while another holder's lease runs. A holder that dies loses its lease when it expires.
    /// </summary>
    public async Task<bool> TryLeaseAsync(string name, string holder, TimeSpan ttl, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var now = DateTimeOffset.UtcNow;
        await Sql.ExecuteAsync(c, null, """
            INSERT INTO leases (name, holder, expires) VALUES (@n, @h, @e)
            ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires = excluded.expires
            WHERE leases.expires < @now OR leases.holder = excluded.holder
            """, ct, ("@n", name), ("@h", holder), ("@e", Sql.Time(now + ttl)), ("@now", Sql.Time(now)));
        return Equals(await Sql.ScalarAsync(c, null, "SELECT holder FROM leases WHERE name = @n", ct, ("@n", name)), holder);
    }

    /// <summary>True while a holder other than <paramref name="holder"/> holds the lease <paramref name="name"/>.</summary>
    public async Task<bool> HeldByAnotherAsync(string name, string holder, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await Sql.ScalarAsync(c, null, "SELECT 1 FROM leases WHERE name = @n AND holder <> @h AND expires >= @now", ct,
            ("@n", name), ("@h", holder), ("@now", Sql.Time(DateTimeOffset.UtcNow))) is not null;
    }

    public async Task ReleaseLeaseAsync(string name, string holder, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await Sql.ExecuteAsync(c, null, "DELETE FROM leases WHERE name = @n AND holder = @h", ct, ("@n", name), ("@h", holder));
    }
}
