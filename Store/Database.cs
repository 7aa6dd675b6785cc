using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Pipeline.Store;

/// <summary>
/// Opens connections and keeps the schema current. SQLite by default (one file, WAL, busy timeout so that
/// a review host and a worker can share it). All SQL of the project lives in this folder.
/// </summary>
public sealed class Database
{
    public string Provider { get; }
    private readonly string _connectionString;

    public Database(string provider, string connectionString)
    {
        Provider = provider;
        if (!string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new StoreConfigurationException($"Pipeline:Storage:Provider '{provider}' is not supported by this build (use Sqlite)");
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw new StoreConfigurationException("Pipeline:Storage:ConnectionString has no Data Source");
        if (builder.DataSource != ":memory:")
        {
            var full = Path.GetFullPath(builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            builder.DataSource = full;
        }
        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    /// <summary>The database file (SQLite) — shown in summaries so a maintainer knows where data went.</summary>
    public string DataSource { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        using var pragma = connection.CreateCommand();
        // WAL lets readers (the review page) work while a pass writes; busy_timeout waits instead of failing.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
        await pragma.ExecuteNonQueryAsync(ct);
        return connection;
    }

    /// <summary>Creates the schema or brings it up to date, in one transaction per migration.</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var c = await OpenAsync(ct);
        await Sql.ExecuteAsync(c, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", ct);
        var current = Convert.ToInt32(await Sql.ScalarAsync(c, null, "SELECT COALESCE(MAX(version), 0) FROM schema_version", ct));
        for (int v = current; v < Migrations.Sqlite.Length; v++)
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            foreach (var statement in Migrations.Sqlite[v].Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                await Sql.ExecuteAsync(c, tx, statement, ct);
            await Sql.ExecuteAsync(c, tx, "INSERT INTO schema_version (version) VALUES (@v)", ct, ("@v", v + 1));
            await tx.CommitAsync(ct);
        }
    }
}

public sealed class StoreConfigurationException(string message) : Exception(message);
