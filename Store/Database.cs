using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Pipeline.Store;

/// <summary>
/// Opens connections and keeps the schema current. One model, two providers: SQLite by default (one file, WAL, busy
/// timeout so that a review host and a worker can share it) and PostgreSQL for several workers. All SQL of the
/// project lives in this folder; the few statements that differ between the two ask <see cref="IsPostgres"/>.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    public string Provider { get; }
    public bool IsPostgres { get; }
    private readonly string _connectionString = "";
    private readonly NpgsqlDataSource? _postgres;

    public Database(string provider, string connectionString)
    {
        Provider = provider;
        if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase) || string.Equals(provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            IsPostgres = true;
            NpgsqlConnectionStringBuilder builder;
            try { builder = new NpgsqlConnectionStringBuilder(connectionString); }
            catch (ArgumentException e) { throw new StoreConfigurationException($"Pipeline:Storage:ConnectionString is not a valid PostgreSQL connection string: {e.Message}"); }
            if (string.IsNullOrWhiteSpace(builder.Host)) throw new StoreConfigurationException("Pipeline:Storage:ConnectionString has no Host");
            _postgres = NpgsqlDataSource.Create(builder.ConnectionString);
            DataSource = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
            return;
        }
        if (!string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new StoreConfigurationException($"Pipeline:Storage:Provider '{provider}' is not supported (use Sqlite or Postgres)");
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(sqlite.DataSource))
            throw new StoreConfigurationException("Pipeline:Storage:ConnectionString has no Data Source");
        if (sqlite.DataSource != ":memory:")
        {
            var full = Path.GetFullPath(sqlite.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            sqlite.DataSource = full;
        }
        sqlite.Pooling = true;
        sqlite.DefaultTimeout = 30;
        _connectionString = sqlite.ToString();
        DataSource = sqlite.DataSource;
    }

    /// <summary>Where the data goes (file or server/database) — shown in summaries; never includes a password.</summary>
    public string DataSource { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        if (_postgres is not null) return await _postgres.OpenConnectionAsync(ct);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        using var pragma = connection.CreateCommand();
        // WAL lets readers (the review page) work while a pass writes; busy_timeout waits instead of failing.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
        await pragma.ExecuteNonQueryAsync(ct);
        return connection;
    }

    /// <summary>An aggregate of <paramref name="expression"/> into a JSON array (null or "[]" when there are no rows).</summary>
    public string JsonArrayAgg(string expression) => IsPostgres ? $"json_agg({expression})::text" : $"json_group_array({expression})";

    /// <summary>The first element of the JSON array text in <paramref name="jsonArrayExpression"/>, as text (null when empty).</summary>
    public string JsonArrayFirst(string jsonArrayExpression) => IsPostgres
        ? $"(CAST({jsonArrayExpression} AS json) ->> 0)"
        : $"json_extract({jsonArrayExpression}, '$[0]')";

    /// <summary>True when the JSON array text in <paramref name="jsonArrayExpression"/> contains the string <paramref name="parameter"/>.</summary>
    public string JsonArrayContains(string jsonArrayExpression, string parameter) => IsPostgres
        ? $"EXISTS (SELECT 1 FROM json_array_elements_text(CAST({jsonArrayExpression} AS json)) AS e(value) WHERE e.value = {parameter})"
        : $"EXISTS (SELECT 1 FROM json_each({jsonArrayExpression}) WHERE value = {parameter})";

    /// <summary>
    /// Creates the schema or brings it up to date, one transaction per migration file (<c>Store/Migrations/</c>),
    /// recording each version in <c>schema_version</c>. On PostgreSQL an advisory lock serialises workers that start at
    /// the same moment. Fails before touching the database when the two dialects' files do not match.
    /// </summary>
    /// <param name="upTo">Stops after this migration (a test builds an older database with it); null: every migration.</param>
    public async Task MigrateAsync(CancellationToken ct = default, int? upTo = null)
    {
        var migrations = IsPostgres ? Migrations.Postgres : Migrations.Sqlite;
        await using var c = await OpenAsync(ct);
        if (IsPostgres) await Sql.ExecuteAsync(c, null, "SELECT pg_advisory_lock(20200809)", ct);
        try
        {
            await Sql.ExecuteAsync(c, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", ct);
            var current = Convert.ToInt32(await Sql.ScalarAsync(c, null, "SELECT COALESCE(MAX(version), 0) FROM schema_version", ct));
            foreach (var migration in migrations.Where(m => m.Version > current && m.Version <= (upTo ?? int.MaxValue)))
            {
                // The whole file is one command: each provider splits it with its own SQL parser.
                await using var tx = await c.BeginTransactionAsync(ct);
                await Sql.ExecuteAsync(c, tx, migration.Sql, ct);
                await Sql.ExecuteAsync(c, tx, "INSERT INTO schema_version (version) VALUES (@v)", ct, ("@v", migration.Version));
                await tx.CommitAsync(ct);
            }
        }
        finally
        {
            if (IsPostgres) await Sql.ExecuteAsync(c, null, "SELECT pg_advisory_unlock(20200809)", CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}

public sealed class StoreConfigurationException(string message) : Exception(message);
