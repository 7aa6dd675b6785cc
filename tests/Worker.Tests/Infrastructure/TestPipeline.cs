using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Store;
using Pipeline.Worker.Cli;

namespace Pipeline.Worker.Tests.Infrastructure;

/// <summary>
/// A throw-away installation: its own folder, database and settings file, run through the real command line
/// entry point. The database is a SQLite file, or — when <c>PIPELINE_TEST_POSTGRES</c> holds an admin connection
/// string (as <c>.ci/run</c> sets it for the second run of the suite) — a fresh PostgreSQL database per installation. The classifier is trained once per test run into a shared folder and adopted by every
/// installation (the same path a fresh production database takes next to an existing model folder).
/// </summary>
public sealed class TestPipeline : IDisposable
{
    private static readonly SemaphoreSlim ModelGate = new(1, 1);
    private static bool _modelReady;
    public static readonly string ModelDirectory = Path.Combine(Path.GetTempPath(), "pipeline-tests", "models");

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "pipeline-tests", Guid.NewGuid().ToString("N")[..12]);
    public string SettingsPath => Path.Combine(Directory, "settings.json");
    public string DatabasePath => Path.Combine(Directory, "pipeline.db");
    public Database Database { get; }
    public ItemStore Items { get; }
    public SourceStore Sources { get; }
    public FetchLogStore FetchLog { get; }

    /// <summary>Admin connection string of the PostgreSQL server the suite runs against, or null for SQLite.</summary>
    public static string? PostgresAdmin => Environment.GetEnvironmentVariable("PIPELINE_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;
    public static bool OnPostgres => PostgresAdmin is not null;
    public string Provider => OnPostgres ? "Postgres" : "Sqlite";
    public string ConnectionString { get; }
    private readonly string? _postgresDatabase;
    private static readonly object TemplateLock = new();

    /// <param name="template">An installation whose database is copied (a SQLite file copy, or CREATE DATABASE … TEMPLATE).</param>
    public TestPipeline(TestPipeline? template = null)
    {
        System.IO.Directory.CreateDirectory(Directory);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // closes pooled connections: the WAL is folded into the file
        if (template is not null && !OnPostgres) File.Copy(template.DatabasePath, DatabasePath);
        if (PostgresAdmin is { } admin)
        {
            _postgresDatabase = "pipeline_test_" + Path.GetFileName(Directory);
            using var c = new Npgsql.NpgsqlConnection(admin);
            c.Open();
            using var cmd = c.CreateCommand();
            if (template is null)
            {
                cmd.CommandText = $"CREATE DATABASE {_postgresDatabase}";
                cmd.ExecuteNonQuery();
            }
            else
            {
                // A template database must have no other connections, and PostgreSQL copies one template at a time.
                lock (TemplateLock)
                {
                    template.Database.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    Npgsql.NpgsqlConnection.ClearAllPools();
                    cmd.CommandText = $"CREATE DATABASE {_postgresDatabase} TEMPLATE {template._postgresDatabase}";
                    cmd.ExecuteNonQuery();
                }
            }
            ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = _postgresDatabase }.ConnectionString;
        }
        else ConnectionString = $"Data Source={DatabasePath}";
        Database = new Database(Provider, ConnectionString);
        Items = new ItemStore(Database);
        Sources = new SourceStore(Database);
        FetchLog = new FetchLogStore(Database);
    }

    /// <summary>Writes the settings file: the given sources plus test-friendly fetch limits.</summary>
    public void Configure(JsonArray sources, Action<JsonObject>? tweak = null)
    {
        var pipeline = new JsonObject
        {
            ["Sources"] = sources,
            ["Storage"] = new JsonObject { ["Provider"] = Provider, ["ConnectionString"] = ConnectionString },
            // Without the raw-text companion the shared test model trains in half the time; Classify.Tests covers the
            // companion (CompanionTests) and the shipped settings keep it on.
            ["Classify"] = new JsonObject { ["ModelDirectory"] = ModelDirectory, ["Companion"] = false },
            ["Fetch"] = new JsonObject
            {
                ["AllowPrivateNetworks"] = true, ["TimeoutSeconds"] = 2, ["TotalTimeoutSeconds"] = 6, ["MaxRetries"] = 2,
                ["RetryBaseDelaySeconds"] = 0.05, ["MaxRetryDelaySeconds"] = 2,
            },
        };
        tweak?.Invoke(pipeline);
        var root = new JsonObject
        {
            ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Warning" } },
            ["Pipeline"] = pipeline,
        };
        File.WriteAllText(SettingsPath, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    public static JsonObject FeedSource(string id, Uri url, string? actorHint = null) => new()
    {
        ["Id"] = id, ["Name"] = id, ["Url"] = url.AbsoluteUri, ["Kind"] = "Feed", ["ActorHint"] = actorHint,
    };

    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public async Task<Run> RunAsync(params string[] args)
    {
        await EnsureModelAsync();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var all = args.Concat(["--settings", SettingsPath]).ToArray();
        var code = await Commands.RunAsync(all, stdout, stderr);
        return new Run(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Runs the real worker as a child process (<c>dotnet exec Pipeline.Worker.dll ARGS --settings …</c>) in this
    /// pipeline's folder, collecting its standard output and error into <paramref name="output"/>.
    /// </summary>
    public System.Diagnostics.Process StartWorker(System.Text.StringBuilder output, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var worker = typeof(Commands).Assembly.Location;
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet", ["exec", worker, .. args, "--settings", SettingsPath])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Directory, UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        var process = System.Diagnostics.Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Trains the shared model once per test run (the first installation does it, the rest adopt it).</summary>
    public static async Task EnsureModelAsync()
    {
        if (_modelReady) return;
        await ModelGate.WaitAsync();
        try
        {
            if (_modelReady) return;
            using var bootstrap = new TestPipeline();
            bootstrap.Configure([]);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = await Commands.RunAsync(["ingest", "--settings", bootstrap.SettingsPath], stdout, stderr);
            if (code != 0) throw new InvalidOperationException($"model bootstrap failed: {stderr}");
            _modelReady = true;
        }
        finally
        {
            ModelGate.Release();
        }
    }

    public async Task<List<StoredItem>> AllItemsAsync()
    {
        var list = new List<StoredItem>();
        await foreach (var i in Items.ListAsync()) list.Add(i);
        return list;
    }

    /// <summary>Runs one SQL statement against the pipeline's database and returns its first value as text ("" for none).</summary>
    public async Task<string> ScalarAsync(string sql)
    {
        await using var c = await Database.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(await cmd.ExecuteScalarAsync()) ?? "";
    }

    /// <summary>How the item's text was obtained (<c>items.extraction</c>: the method, or the feed with the reason).</summary>
    public Task<string> ExtractionOfAsync(long id) => ScalarAsync($"SELECT extraction FROM items WHERE id = {id}");

    /// <summary>True once the program has created its schema (nothing runs before the configuration is valid).</summary>
    public async Task<bool> SchemaExistsAsync()
    {
        if (!OnPostgres && !File.Exists(DatabasePath)) return false;
        await using var c = await Database.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = OnPostgres ? "SELECT to_regclass('public.schema_version') IS NOT NULL" : "SELECT COUNT(*) > 0 FROM sqlite_master WHERE name = 'schema_version'";
        return Convert.ToBoolean(await cmd.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (PostgresAdmin is { } admin && _postgresDatabase is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            using var c = new Npgsql.NpgsqlConnection(admin);
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)";
            cmd.ExecuteNonQuery();
        }
        try { System.IO.Directory.Delete(Directory, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
