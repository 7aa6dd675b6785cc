using System.Data.Common;
using Pipeline.Ingest.Tests;
using Pipeline.Store;
using Pipeline.Worker.Tests.Infrastructure;

namespace Pipeline.Worker.Tests.Store;

/// <summary>
/// The migration files (<c>Store/Migrations/sqlite</c> and <c>…/postgres</c>): the same versions in both folders,
/// databases built step by step end like fresh ones, and both dialects reach the same tables, columns, keys and
/// indexes. The step test runs on SQLite and, with PIPELINE_TEST_POSTGRES, on PostgreSQL; the dialect comparison
/// needs PostgreSQL.
/// </summary>
public class MigrationTests
{
    /// <summary>Where the dialects differ on purpose, as lines of <see cref="SchemaSnapshot"/>, with the reason.</summary>
    private static readonly Dictionary<string, string> PostgresOnly = new()
    {
        ["index users_name_ci on users (lower(name)) unique"] = "SQLite declares the key COLLATE NOCASE instead",
    };

    [Fact]
    public void Folders_HoldTheSameContiguousVersions_AndEveryFileIsEmbedded()
    {
        var sqlite = Migrations.Sqlite;
        var postgres = Migrations.Postgres;
        Assert.Equal(Enumerable.Range(1, sqlite.Count), sqlite.Select(m => m.Version));
        Assert.Equal(sqlite.Select(m => m.Name), postgres.Select(m => m.Name));
        Assert.All(sqlite.Concat(postgres), m => Assert.False(string.IsNullOrWhiteSpace(m.Sql), m.Name));
        foreach (var (dialect, list) in new[] { ("sqlite", sqlite), ("postgres", postgres) })
        {
            var folder = Path.Combine(SharedData.RepositoryRoot, "Store", "Migrations", dialect);
            var files = Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);
            Assert.Equal(list.Select(m => m.Name + ".sql"), files); // nothing in the folder that is not run
        }
    }

    [Theory]
    [InlineData("sqlite/0001_a.sql sqlite/0002_b.sql postgres/0001_a.sql", "only in sqlite: [0002_b]")]
    [InlineData("sqlite/0001_a.sql postgres/0001_a.sql postgres/0002_b.sql", "only in postgres: [0002_b]")]
    [InlineData("sqlite/0001_a.sql sqlite/0002_b.sql postgres/0001_a.sql postgres/0002_c.sql", "only in sqlite: [0002_b], only in postgres: [0002_c]")]
    [InlineData("sqlite/0001_a.sql sqlite/0003_c.sql postgres/0001_a.sql postgres/0003_c.sql", "expected 2, found 0003_c")]
    [InlineData("sqlite/0001_a.sql sqlite/0001_b.sql postgres/0001_a.sql postgres/0001_b.sql", "expected 2, found 0001_b")]
    [InlineData("sqlite/0001_a.sql sqlite/2_b.sql postgres/0001_a.sql", "NNNN_short_description.sql")]
    [InlineData("sqlite/0001_a.sql", "Store/Migrations/postgres/: no migration files")]
    public void Build_RejectsFoldersThatDoNotMatch(string files, string expected)
    {
        var names = files.Split(' ').Select(f => "Migrations/" + f);
        var e = Assert.Throws<InvalidOperationException>(() => Migrations.Build(names, _ => "SELECT 1"));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Build_OrdersByVersion_AndIgnoresOtherResources()
    {
        var names = new[] { "Migrations/sqlite/0002_b.sql", "Migrations/postgres/0002_b.sql", "Other.txt", "Migrations/sqlite/0001_a.sql", "Migrations/postgres/0001_a.sql" };
        var (sqlite, postgres) = Migrations.Build(names, n => n);
        Assert.Equal(["Migrations/sqlite/0001_a.sql", "Migrations/sqlite/0002_b.sql"], sqlite.Select(m => m.Sql));
        Assert.Equal([1, 2], postgres.Select(m => m.Version));
    }

    /// <summary>
    /// A database left at every earlier version (as an older release left it) is recognised at that version and
    /// ends with the same schema as a fresh one, the versions recorded once each.
    /// </summary>
    [Fact]
    public async Task OlderDatabase_MigratedTheRestOfTheWay_EndsIdenticalToAFreshOne()
    {
        var last = Migrations.Sqlite.Count;
        List<string> fresh;
        using (var p = new TestPipeline())
        {
            await p.Database.MigrateAsync();
            fresh = await SchemaSnapshot.ReadAsync(p.Database, exact: true);
            Assert.Equal(string.Join(",", Enumerable.Range(1, last)), await VersionsAsync(p));
        }
        for (int from = 1; from < last; from++)
        {
            using var p = new TestPipeline();
            await p.Database.MigrateAsync(upTo: from);
            Assert.Equal(string.Join(",", Enumerable.Range(1, from)), await VersionsAsync(p));
            await p.Database.MigrateAsync();
            await p.Database.MigrateAsync(); // a second start changes nothing
            Assert.Equal(string.Join(",", Enumerable.Range(1, last)), await VersionsAsync(p));
            AssertSame(fresh, await SchemaSnapshot.ReadAsync(p.Database, exact: true), "fresh", $"migrated to {from}, then on");
        }
    }

    [SkippableFact]
    public async Task BothDialects_ReachTheSameTablesColumnsKeysAndIndexes()
    {
        Skip.IfNot(TestPipeline.OnPostgres, "needs PostgreSQL: set PIPELINE_TEST_POSTGRES (bash .ci/run starts a server)");
        var folder = Path.Combine(Path.GetTempPath(), "pipeline-tests", "schema-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            List<string> sqlite;
            await using (var db = new Database("Sqlite", $"Data Source={Path.Combine(folder, "pipeline.db")}"))
            {
                await db.MigrateAsync();
                sqlite = await SchemaSnapshot.ReadAsync(db, exact: false);
            }
            using var pg = new TestPipeline();
            await pg.Database.MigrateAsync();
            var postgres = await SchemaSnapshot.ReadAsync(pg.Database, exact: false);
            foreach (var line in PostgresOnly.Keys) Assert.True(postgres.Remove(line), $"expected on PostgreSQL only: {line}");

            Assert.Contains("table items (id, source_id, url, canonical_url, title, published, fetched, language, text, content_hash, simhash, relevant, relevance_terms, extraction, duplicate_of)", sqlite);
            AssertSame(sqlite, postgres, "SQLite", "PostgreSQL");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    private static void AssertSame(List<string> a, List<string> b, string aName, string bName)
    {
        var onlyA = a.Except(b).ToList();
        var onlyB = b.Except(a).ToList();
        Assert.True(onlyA.Count == 0 && onlyB.Count == 0,
            $"schemas differ\nonly in {aName}:\n  {string.Join("\n  ", onlyA)}\nonly in {bName}:\n  {string.Join("\n  ", onlyB)}");
        Assert.Equal(a, b);
    }

    private static Task<string> VersionsAsync(TestPipeline p) =>
        p.ScalarAsync(TestPipeline.OnPostgres
            ? "SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_version"
            : "SELECT group_concat(version, ',') FROM (SELECT version FROM schema_version ORDER BY version)");
}

/// <summary>
/// A database's schema as sorted lines, comparable across dialects: each table's columns in order (with NOT NULL),
/// primary key, unique constraints and foreign keys, and each created index with its key columns (unique, partial).
/// Types and the names the database gives constraint indexes are left out. <c>exact</c> adds, on SQLite, each
/// object's CREATE statement as stored, so that two SQLite databases are compared to the letter.
/// </summary>
internal static class SchemaSnapshot
{
    public static async Task<List<string>> ReadAsync(Database db, bool exact)
    {
        await using var c = await db.OpenAsync();
        var lines = new List<string>();
        foreach (var table in await ColumnAsync(c, db.IsPostgres
                     ? "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'"
                     : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        {
            var columns = await RowsAsync(c, db.IsPostgres
                ? "SELECT attname, attnotnull, (SELECT count(*) FROM pg_index x WHERE x.indrelid = a.attrelid AND x.indisprimary AND a.attnum = ANY(x.indkey)) FROM pg_attribute a WHERE attrelid = to_regclass(@t) AND attnum > 0 AND NOT attisdropped ORDER BY attnum"
                : "SELECT name, \"notnull\", pk FROM pragma_table_info(@t) ORDER BY cid", table);
            lines.Add($"table {table} ({string.Join(", ", columns.Select(r => r[0]))})");
            // A primary key is NOT NULL in PostgreSQL; SQLite does not say so (and lets a TEXT key be null).
            lines.Add($"not null {table} ({string.Join(", ", columns.Where(r => Flag(r[1]) || Flag(r[2])).Select(r => r[0]))})");
            lines.Add($"primary key {table} ({string.Join(", ", columns.Where(r => Flag(r[2])).Select(r => r[0]))})");

            var foreignKeys = await RowsAsync(c, db.IsPostgres
                ? "SELECT a.attname, f.relname, af.attname FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] JOIN pg_class f ON f.oid = k.confrelid JOIN pg_attribute af ON af.attrelid = k.confrelid AND af.attnum = k.confkey[1] WHERE k.contype = 'f' AND k.conrelid = to_regclass(@t)"
                : "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(@t)", table);
            lines.AddRange(foreignKeys.Select(r => $"foreign key {table} ({r[0]}) references {r[1]} ({r[2]})"));

            // name, unique, partial, constraint (p, u or none), key columns
            var indexes = await RowsAsync(c, db.IsPostgres
                ? """
                  SELECT i.relname, x.indisunique, x.indpred IS NOT NULL, COALESCE(k.contype::text, ''),
                         (SELECT string_agg(pg_get_indexdef(x.indexrelid, n, true), ', ' ORDER BY n) FROM generate_series(1, x.indnkeyatts) n)
                  FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                  LEFT JOIN pg_constraint k ON k.conindid = x.indexrelid AND k.contype IN ('p', 'u')
                  WHERE x.indrelid = to_regclass(@t)
                  """
                : """
                  SELECT l.name, l."unique", l.partial, CASE l.origin WHEN 'c' THEN '' WHEN 'pk' THEN 'p' ELSE l.origin END,
                         (SELECT group_concat(COALESCE(name, '<expression>'), ', ') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno))
                  FROM pragma_index_list(@t) l
                  """, table);
            foreach (var r in indexes)
            {
                if (r[3] == "p") continue; // listed above (SQLite has no index for an INTEGER PRIMARY KEY)
                if (r[3] == "u") lines.Add($"unique {table} ({r[4]})");
                else lines.Add($"index {r[0]} on {table} ({r[4]}){(Flag(r[1]) ? " unique" : "")}{(Flag(r[2]) ? " partial" : "")}");
            }
        }
        if (exact && !db.IsPostgres)
            lines.AddRange((await RowsAsync(c, "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL", "")).Select(r => $"{r[0]} {r[1]}: {r[2]}"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static bool Flag(string value) => value is "1" or "True" or "true" || (long.TryParse(value, out var n) && n > 0);

    private static async Task<List<string>> ColumnAsync(DbConnection c, string sql) => (await RowsAsync(c, sql, "")).Select(r => r[0]).ToList();

    private static async Task<List<string[]>> RowsAsync(DbConnection c, string sql, string table)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        var p = cmd.CreateParameter();
        p.ParameterName = "@t";
        p.Value = table;
        if (sql.Contains("@t", StringComparison.Ordinal)) cmd.Parameters.Add(p);
        var rows = new List<string[]>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList().ToArray());
        return rows;
    }
}
