using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Pipeline.Bench.Corpus;
using Pipeline.Bench.Infrastructure;
using Pipeline.Store;

namespace Pipeline.Bench.Benchmarks;

/// <summary>
/// Review API latency with 100k stored candidates. The store is seeded with 100,000 items and candidates (70 %
/// pending, 3 % duplicates of earlier items, the rest filtered/approved/rejected; texts of about 3 KB from the
/// generator), then the real host runs as a child process (<c>dotnet Pipeline.Worker.dll --settings …</c>, the
/// review page on a loopback port) and is driven over HTTP like the page drives it: sign in, <c>GET /api/session</c>
/// for the CSRF token, queue pages, candidate details, and review decisions. Median and p95 per request kind, one
/// request at a time. Besides, the storage part with <see cref="ItemStore"/> in-process.
/// </summary>
public static class ReviewBench
{
    public const int Candidates = 100_000;

    public static async Task RunAsync(BenchRun bench)
    {
        bench.Section($"Review API with {Candidates:N0} stored candidates");
        var cmd = bench.Command("review");
        var dir = bench.Fresh("review");
        // The host must find a model: without one it trains its first at start-up, in the background of every request
        // measured (CPU taken from the requests), and shows candidates without their driving sentences.
        var trained = await bench.EnsureModelAsync();
        if (trained is { } t) Console.WriteLine(BenchRun.Inv($"  trained the shared model in {t.TotalSeconds:0} s (once per work folder)"));
        var db = Path.Combine(dir, "pipeline.db");
        var clock = Stopwatch.StartNew();
        await SeedAsync(bench, db);
        Console.WriteLine(BenchRun.Inv($"  seeded {Candidates:N0} candidates in {clock.Elapsed.TotalSeconds:0.0} s ({new FileInfo(db).Length / 1048576.0:0} MB)"));
        await StorageAsync(bench, db, cmd);
        await HttpAsync(bench, dir, db, cmd);
    }

    // ---------------------------------------------------------------- seeding

    private static async Task SeedAsync(BenchRun bench, string path)
    {
        // Seeded once per schema version and copied, so repeated runs do not pay for it (the copy is what is measured).
        var database = new Database("Sqlite", $"Data Source={path}");
        await database.MigrateAsync();
        long schema;
        await using (var c = new SqliteConnection($"Data Source={path}"))
        {
            await c.OpenAsync();
            await using var q = c.CreateCommand();
            q.CommandText = "SELECT MAX(version) FROM schema_version";
            schema = Convert.ToInt64(await q.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        var cache = Path.Combine(bench.WorkDir, "cache", $"review-{Candidates}-schema{schema}.db");
        SqliteConnection.ClearAllPools();
        if (File.Exists(cache))
        {
            File.Copy(cache, path, overwrite: true);
            foreach (var ext in new[] { "-wal", "-shm" }) if (File.Exists(path + ext)) File.Delete(path + ext);
            return;
        }

        var texts = Enumerable.Range(0, 800).Select(i => TextGenerator.Generate(i % 13, i, 4242)).ToList();
        var labels = Pipeline.Classify.Taxonomy.Labels;
        var rng = new Random(11);
        await using (var c = new SqliteConnection($"Data Source={path}"))
        {
            await c.OpenAsync();
            await using var tx = (SqliteTransaction)await c.BeginTransactionAsync();
            await using (var s = c.CreateCommand())
            {
                s.Transaction = tx;
                s.CommandText = "INSERT OR IGNORE INTO sources (id, name, url, kind) VALUES ($id, $id, $url, 'Feed')";
                var pid = s.Parameters.Add("$id", SqliteType.Text);
                var purl = s.Parameters.Add("$url", SqliteType.Text);
                for (int p = 0; p < 50; p++)
                {
                    pid.Value = $"p{p}";
                    purl.Value = $"http://127.0.0.1/p{p}/feed.xml";
                    await s.ExecuteNonQueryAsync();
                }
            }
            await using var item = c.CreateCommand();
            item.Transaction = tx;
            item.CommandText = """
                INSERT INTO items (id, source_id, url, canonical_url, title, published, fetched, language, text, content_hash, simhash, relevant, relevance_terms, extraction, duplicate_of)
                VALUES ($id, $s, $u, $u, $t, $p, $f, $l, $x, $h, $sh, 1, '["Belarus"]', 'smartreader', $d)
                """;
            var iid = item.Parameters.Add("$id", SqliteType.Integer);
            var isrc = item.Parameters.Add("$s", SqliteType.Text);
            var iurl = item.Parameters.Add("$u", SqliteType.Text);
            var ititle = item.Parameters.Add("$t", SqliteType.Text);
            var ipub = item.Parameters.Add("$p", SqliteType.Text);
            var ifetched = item.Parameters.Add("$f", SqliteType.Text);
            var ilang = item.Parameters.Add("$l", SqliteType.Text);
            var itext = item.Parameters.Add("$x", SqliteType.Text);
            var ihash = item.Parameters.Add("$h", SqliteType.Text);
            var isim = item.Parameters.Add("$sh", SqliteType.Integer);
            var idup = item.Parameters.Add("$d", SqliteType.Integer);
            await using var cand = c.CreateCommand();
            cand.Transaction = tx;
            cand.CommandText = """
                INSERT INTO candidates (item_id, status, response_types, scores, actor, actor_type, co_actors, confidence, model_version, created, updated, item_time)
                VALUES ($id, $st, $rt, $sc, $a, $at, '[]', $cf, 'bench-seed', $now, $now, $p)
                """;
            var cid = cand.Parameters.Add("$id", SqliteType.Integer);
            var cst = cand.Parameters.Add("$st", SqliteType.Text);
            var crt = cand.Parameters.Add("$rt", SqliteType.Text);
            var csc = cand.Parameters.Add("$sc", SqliteType.Text);
            var ca = cand.Parameters.Add("$a", SqliteType.Text);
            var cat = cand.Parameters.Add("$at", SqliteType.Text);
            var ccf = cand.Parameters.Add("$cf", SqliteType.Real);
            var cnow = cand.Parameters.Add("$now", SqliteType.Text);
            var cpub = cand.Parameters.Add("$p", SqliteType.Text); // the item's published date: its place in the newest-first order
            string[] actors = ["Council of the EU", "United States", "Lithuania", "Poland", "OSCE", "Human Rights Watch", "European Parliament", "United Kingdom"];
            var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            for (int k = 1; k <= Candidates; k++)
            {
                var a = texts[k % texts.Count];
                var body = string.Join("\n", a.Paragraphs);
                if (body.Length > 3000) body = body[..3000];
                long? duplicateOf = k > 100 && k % 33 == 0 ? k - 1 - rng.Next(99) : null;
                double roll = rng.NextDouble();
                var status = duplicateOf is not null ? "duplicate" : roll < 0.72 ? "pending" : roll < 0.95 ? "filtered" : roll < 0.98 ? "approved" : "rejected";
                var scores = labels.ToDictionary(l => l, _ => rng.NextDouble() * rng.NextDouble());
                var sum = scores.Values.Sum();
                foreach (var l in labels) scores[l] = Math.Round(scores[l] / sum, 4);
                var top = scores.MaxBy(kv => kv.Value);
                var when = start.AddMinutes(k * 4.5);
                iid.Value = k;
                isrc.Value = $"p{k % 50}";
                iurl.Value = $"http://127.0.0.1/p{k % 50}/news/item-{k}.html";
                ititle.Value = a.Title;
                ipub.Value = Time(when);
                ifetched.Value = Time(when.AddMinutes(30));
                ilang.Value = a.Language;
                itext.Value = $"Reference {k}. {body}";
                ihash.Value = Convert.ToHexStringLower(BitConverter.GetBytes((long)k * 2654435761L)) + k.ToString("x8", CultureInfo.InvariantCulture);
                isim.Value = rng.NextInt64();
                idup.Value = duplicateOf is null ? DBNull.Value : duplicateOf.Value;
                await item.ExecuteNonQueryAsync();
                cid.Value = k;
                cst.Value = status;
                crt.Value = JsonSerializer.Serialize(new[] { Pipeline.Classify.Taxonomy.IsResponse(top.Key) ? top.Key : "statement" });
                csc.Value = JsonSerializer.Serialize(scores);
                ca.Value = actors[k % actors.Length];
                cat.Value = k % 3 == 0 ? "igo" : "state";
                ccf.Value = top.Value;
                cnow.Value = Time(when.AddMinutes(31));
                cpub.Value = Time(when);
                await cand.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(Path.GetDirectoryName(cache)!);
        await using (var c = new SqliteConnection($"Data Source={path}"))
        {
            await c.OpenAsync();
            await using var cp = c.CreateCommand();
            cp.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await cp.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        File.Copy(path, cache, overwrite: true);
    }

    private static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- storage, in-process

    private static async Task StorageAsync(BenchRun bench, string db, string cmd)
    {
        var store = new ItemStore(new Database("Sqlite", $"Data Source={db}"));
        int n = bench.Quick ? 5 : 50;
        var count = await Latencies(n, async () => await store.CountAsync("pending"));
        var firstPage = await Latencies(n, async () =>
        {
            int k = 0;
            await foreach (var _ in store.ListAsync("pending")) if (++k == 50) break;
        });
        var rng = new Random(3);
        var get = await Latencies(n, async () => await store.GetAsync(1 + rng.Next(Candidates)));
        bench.Add("review", "storage: ItemStore.CountAsync(\"pending\")", Stats(count), cmd);
        bench.Add("review", "storage: first 50 of ItemStore.ListAsync(\"pending\")", Stats(firstPage), cmd);
        bench.Add("review", "storage: ItemStore.GetAsync(id)", Stats(get), cmd);

        // The review queue's own queries, in-process (what the API costs without HTTP, JSON and the evidence).
        var reviews = new ReviewStore(new Database("Sqlite", $"Data Source={db}"));
        var queuePage = await Latencies(n, async () => await reviews.QueueAsync(new QueueQuery(Limit: 50)));
        var keys = await PendingKeysAsync(db);
        var deepPage = await Latencies(n, async () =>
        {
            var (confidence, id) = keys[rng.Next(keys.Count)];
            await reviews.QueueAsync(new QueueQuery(Limit: 50, After: new QueueKey("uncertainty", confidence, "", id)));
        });
        var candidate = await Latencies(n, async () => await reviews.GetAsync(keys[rng.Next(keys.Count)].Id));
        bench.Add("review", "storage: ReviewStore.QueueAsync(pending, 50), first page", Stats(queuePage), cmd);
        bench.Add("review", "storage: ReviewStore.QueueAsync(pending, 50), after a random pending candidate", Stats(deepPage), cmd);
        bench.Add("review", "storage: ReviewStore.GetAsync(id) (the detail's one query)", Stats(candidate), cmd);
    }

    /// <summary>(confidence, id) of every pending candidate: where a cursor into the queue may point.</summary>
    private static async Task<List<(double Confidence, long Id)>> PendingKeysAsync(string db)
    {
        await using var c = new SqliteConnection($"Data Source={db}");
        await c.OpenAsync();
        await using var q = c.CreateCommand();
        q.CommandText = "SELECT confidence, item_id FROM candidates WHERE status = 'pending'";
        await using var r = await q.ExecuteReaderAsync();
        var keys = new List<(double, long)>();
        while (await r.ReadAsync()) keys.Add((r.GetDouble(0), r.GetInt64(1)));
        return keys;
    }

    // ---------------------------------------------------------------- the review API over HTTP

    private static async Task HttpAsync(BenchRun bench, string dir, string db, string cmd)
    {
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var settings = Path.Combine(dir, "settings.json");
        File.WriteAllText(settings, new JsonObject
        {
            ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Warning" } },
            ["Pipeline"] = new JsonObject
            {
                ["Sources"] = new JsonArray(),
                ["Storage"] = new JsonObject { ["Provider"] = "Sqlite", ["ConnectionString"] = $"Data Source={db}" },
                ["Classify"] = new JsonObject { ["ModelDirectory"] = bench.ModelDirectory },
                ["Review"] = new JsonObject { ["Urls"] = baseUrl.AbsoluteUri.TrimEnd('/') },
            },
        }.ToJsonString());

        var add = await Proc.RunAsync("dotnet", [bench.WorkerDll, "reviewers", "add", "bench", "--settings", settings], dir);
        var passwordLine = add.Stdout.Split('\n').FirstOrDefault(l => l.StartsWith("password: ", StringComparison.Ordinal));
        if (add.ExitCode != 0 || passwordLine is null)
        {
            Pending(bench, cmd, $"`reviewers add` is not available in this build (exit {add.ExitCode}: {FirstLine(add.Stderr + add.Stdout)})");
            return;
        }
        var password = passwordLine["password: ".Length..].Trim();

        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { bench.WorkerDll, "--settings", settings }) psi.ArgumentList.Add(a);
        using var host = Process.Start(psi)!;
        var hostOut = host.StandardOutput.ReadToEndAsync();
        var hostErr = host.StandardError.ReadToEndAsync();
        try
        {
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
            using var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
            var started = Stopwatch.StartNew();
            while (true)
            {
                if (host.HasExited) throw new InvalidOperationException($"host exited with {host.ExitCode}: {await hostErr}{await hostOut}");
                try
                {
                    if ((await http.GetAsync("health")).IsSuccessStatusCode) break;
                }
                catch (HttpRequestException) { }
                if (started.Elapsed > TimeSpan.FromSeconds(120)) throw new TimeoutException("the review host did not answer /health within 120 s");
                await Task.Delay(200);
            }
            bench.Add("review", "host start-up with 100k candidates (to /health answering)", BenchRun.Inv($"{started.Elapsed.TotalSeconds:0.0} s"), cmd);

            var login = await http.PostAsync("login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "bench", ["password"] = password }));
            if ((int)login.StatusCode is not (302 or 303))
            {
                Pending(bench, cmd, $"POST /login answered {(int)login.StatusCode}");
                return;
            }
            var session = await http.GetAsync("api/session");
            if (!session.IsSuccessStatusCode)
            {
                Pending(bench, cmd, $"GET /api/session answered {(int)session.StatusCode}");
                return;
            }
            var csrf = JsonNode.Parse(await session.Content.ReadAsStringAsync())?["csrf"]?.GetValue<string>() ?? "";
            http.DefaultRequestHeaders.Add("X-CSRF-Token", csrf);

            int n = bench.Quick ? 10 : 100;
            var first = await JsonAsync(http, "api/candidates?status=pending&limit=50");
            int total = first?["total"]?.GetValue<int>() ?? 0;
            var rng = new Random(5);
            var queue = await Latencies(n, () => Get(http, "api/candidates?status=pending&limit=50"));
            var newest = await Latencies(n, () => Get(http, "api/candidates?status=pending&sort=newest&limit=50"));
            var deep = await Latencies(n, () => Get(http, $"api/candidates?status=pending&limit=50&offset={rng.Next(Math.Max(1, total - 50))}"));
            // Keyset pages: after a random pending candidate (the cursor a reader holds deep into the queue), and the
            // pages as a reader walks them, following each page's "next".
            var keys = await PendingKeysAsync(db);
            var after = await Latencies(n, () =>
            {
                var (confidence, id) = keys[rng.Next(keys.Count)];
                return Get(http, $"api/candidates?status=pending&limit=50&after={new QueueKey("uncertainty", confidence, "", id).ToCursor()}");
            });
            string? cursor = null;
            var walk = await Latencies(n, async () =>
            {
                var page = await JsonAsync(http, "api/candidates?status=pending&sort=newest&limit=50" + (cursor is null ? "" : "&after=" + cursor));
                cursor = page?["next"]?.GetValue<string>();
            });
            var filtered = await Latencies(n, () => Get(http, "api/candidates?status=pending&type=statement&language=en&limit=50"));

            // Candidates to decide: a page of the queue per decision batch, newest first (ids and versions from the listing).
            var toDecide = new Queue<(long Id, int Version)>();
            for (int offset = 0; toDecide.Count < n + 10; offset += 200)
                foreach (var it in (await JsonAsync(http, $"api/candidates?status=pending&sort=newest&limit=200&offset={offset}"))?["items"]?.AsArray() ?? [])
                    toDecide.Enqueue((it!["id"]!.GetValue<long>(), it["version"]!.GetValue<int>()));
            var ids = toDecide.ToArray();
            int di = 0;
            var detail = await Latencies(n, () => Get(http, $"api/candidates/{ids[di++ % ids.Length].Id}"));
            var failures = new List<string>();
            var decide = await Latencies(n, async () =>
            {
                var (id, version) = toDecide.Dequeue();
                var body = new StringContent(JsonSerializer.Serialize(new { decision = "approve", version }), Encoding.UTF8, "application/json");
                using var r = await http.PostAsync($"api/candidates/{id}/review", body);
                if (!r.IsSuccessStatusCode && failures.Count < 3) failures.Add($"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            });
            var hostMemory = Proc.Memory(host.Id);

            bench.Add("review", BenchRun.Inv($"GET /api/candidates?status=pending&limit=50 (queue, by uncertainty; {total:N0} pending)"), Stats(queue), cmd, goal: null, headline: true);
            bench.Add("review", "GET /api/candidates?…&sort=newest", Stats(newest), cmd);
            bench.Add("review", "GET /api/candidates?…&offset=random (deep pages)", Stats(deep), cmd);
            bench.Add("review", "GET /api/candidates?…&after=cursor of a random pending candidate (deep pages, keyset)", Stats(after), cmd);
            bench.Add("review", "GET /api/candidates?…&sort=newest&after=next (walking the pages)", Stats(walk), cmd);
            bench.Add("review", "GET /api/candidates?…&type=statement&language=en (filtered)", Stats(filtered), cmd);
            bench.Add("review", "GET /api/candidates/{id} (detail with evidence)", Stats(detail), cmd);
            bench.Add("review", "POST /api/candidates/{id}/review (approve)", Stats(decide) + (failures.Count == 0 ? "" : $"; FAILED: {string.Join(" | ", failures)}"), cmd, headline: true);
            if (hostMemory is { } m) bench.Add("review", "review host peak RSS after these requests", BenchRun.Inv($"{m.Hwm / 1048576.0:0} MB"), cmd);
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
            }
        }
    }

    private static void Pending(BenchRun bench, string cmd, string why) =>
        bench.Add("review", "review API over HTTP", $"PENDING — {why}; only the storage figures above are measured", cmd, headline: true);

    private static string FirstLine(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "";

    private static async Task Get(HttpClient http, string url)
    {
        using var r = await http.GetAsync(url);
        if (!r.IsSuccessStatusCode) throw new HttpRequestException($"GET {url} answered {(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        await r.Content.ReadAsByteArrayAsync();
    }

    private static async Task<JsonNode?> JsonAsync(HttpClient http, string url)
    {
        using var r = await http.GetAsync(url);
        if (!r.IsSuccessStatusCode) throw new HttpRequestException($"GET {url} answered {(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await r.Content.ReadAsStringAsync());
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>Runs <paramref name="action"/> <paramref name="n"/> times after 3 warm-up calls; returns the latencies in ms.</summary>
    public static async Task<List<double>> Latencies(int n, Func<Task> action)
    {
        for (int i = 0; i < 3; i++) await action();
        var list = new List<double>(n);
        for (int i = 0; i < n; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            list.Add(clock.Elapsed.TotalMilliseconds);
        }
        return list;
    }

    public static string Stats(List<double> ms)
    {
        var sorted = ms.Order().ToList();
        double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return BenchRun.Inv($"median {P(0.5):0.0} ms, p95 {P(0.95):0.0} ms ({sorted.Count} requests)");
    }
}
