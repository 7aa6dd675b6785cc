using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;
using Pipeline.Bench.Corpus;
using Pipeline.Bench.Infrastructure;
using Pipeline.Ingest.Sources;

namespace Pipeline.Bench.Benchmarks;

/// <summary>
/// Scale-out (issue 7): the same generated corpus ingested by one worker host and by two worker hosts sharing one
/// clustered Quartz schedule on PostgreSQL (docs/scale-out.md), each time on a fresh database. The workers are the
/// real host (<c>dotnet exec Pipeline.Worker.dll --settings …</c>: scheduler + review web) as child processes; every
/// source's cron names one second of one year, so all triggers fire once, at the same moment, soon after the workers
/// are ready. Measured: wall time from that moment until every item is stored (the items table is polled), which
/// node ran which source (its log, and <c>qrtz_fired_triggers</c> while the polls run), that nothing was fetched or
/// stored twice, and each worker's CPU time.
/// </summary>
public static partial class ClusterBench
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=55432;Username=postgres";

    /// <summary>Publisher p answers on 127.0.0.(40 + p) (<see cref="LoopbackWeb.ConsecutiveHosts"/>): one host per publisher, as with real sites.</summary>
    private static readonly IPAddress FirstAddress = IPAddress.Parse("127.0.0.40");

    /// <summary>Real publishers are remote: every answer (listing, robots.txt, page) waits 30–80 ms, drawn per path.</summary>
    private static readonly (TimeSpan Min, TimeSpan Max) Latency = (TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(80));

    /// <summary>Pipeline's production default (docs/scale-out.md); the cluster test uses 4 s.</summary>
    private const int CheckinSeconds = 15;

    private static readonly TimeSpan PassTimeout = TimeSpan.FromMinutes(10);

    public sealed record Node(int Pid, List<string> Sources, int Items, TimeSpan PassCpu, TimeSpan StartCpu, long PeakRss, double ReadySeconds, double LastPollSeconds,
        int MaxRunning);

    public sealed record Pass(int Workers, int Repeat, double Seconds, int Items, int DistinctUrls, long Listings, long Pages, List<Node> Nodes,
        double FirstFireSeconds, double LastFireSeconds, TimeSpan PublisherCpu, double MachineBusy, double LoadBefore, double LoadAfter,
        Dictionary<string, int> Statuses, TimeSpan NetworkWait)
    {
        public double ItemsPerSecond => Items / Seconds;
        public TimeSpan WorkerCpu => Nodes.Aggregate(TimeSpan.Zero, (sum, n) => sum + n.PassCpu);
        public double CpuMsPerItem => WorkerCpu.TotalMilliseconds / Math.Max(1, Items);
        public string Split => string.Join(" + ", Nodes.Select(n => n.Sources.Count));
    }

    public static async Task RunAsync(BenchRun bench, string postgres)
    {
        var cmd = bench.Command("cluster");
        await CheckServerAsync(postgres);
        var trained = await bench.EnsureModelAsync();
        if (trained is { } t) bench.Note(BenchRun.Inv($"the shared model folder was empty: trained the shipped-corpus model first ({t.TotalSeconds:0.0} s, not counted below)"));
        int publishers = bench.Quick ? 8 : 16, items = bench.Quick ? 40 : 50, repeats = bench.Quick ? 1 : 3;
        bench.Section(BenchRun.Inv($"One worker vs two on one clustered schedule ({publishers} sources × {items} items, PostgreSQL)"));
        var web = new SyntheticWeb(publishers, items);
        await using var server = await LoopbackWeb.StartAsync(web, LoopbackWeb.ConsecutiveHosts(FirstAddress, publishers));
        server.Latency = Latency;
        var sources = IngestBench.Sources(web, server);
        Console.WriteLine(BenchRun.Inv($"  serving {publishers} publishers on {server.BaseUrls[0].Host}…{server.BaseUrls[^1].Host}, {Latency.Min.TotalMilliseconds:0}–{Latency.Max.TotalMilliseconds:0} ms per answer"));

        var passes = new List<Pass>();
        var lead = TimeSpan.FromSeconds(40);
        for (int r = 1; r <= repeats; r++)
            foreach (var workers in new[] { 1, 2 }) // interleaved, so that a change in the machine's load hits both alike
            {
                Pass? pass = null;
                for (int attempt = 0; pass is null; attempt++, lead *= 2)
                {
                    if (attempt == 3) throw new TimeoutException("the workers were not ready before the fire time three times");
                    pass = await PassAsync(bench, postgres, server, sources, items, workers, r, lead);
                    if (pass is null) Console.WriteLine(BenchRun.Inv($"  workers not ready {lead.TotalSeconds:0} s after launch: again with a longer lead"));
                }
                passes.Add(pass);
                lead = TimeSpan.FromSeconds(Math.Clamp(2 * pass.Nodes.Max(n => n.ReadySeconds) + 5, 20, 120));
                Console.WriteLine(BenchRun.Inv($"  run {r}, {workers} worker{(workers == 1 ? "" : "s")}: {pass.Items} items in {pass.Seconds:0.0} s = {pass.ItemsPerSecond:0.0} items/s; sources per node {pass.Split}; worker CPU {pass.WorkerCpu.TotalSeconds:0.0} s; machine busy {pass.MachineBusy:0} %; load {pass.LoadBefore:0.0}→{pass.LoadAfter:0.0}"));
            }
        Report(bench, passes, web.TotalItems, cmd);
    }

    // ---------------------------------------------------------------- one pass: fresh database, N workers, one fire time

    private static async Task<Pass?> PassAsync(BenchRun bench, string postgres, LoopbackWeb server, List<SourceDefinition> sources, int items, int workers, int repeat,
        TimeSpan lead)
    {
        int expected = sources.Count * items;
        var database = $"pipeline_bench_cluster_{workers}w_{repeat}_{Environment.ProcessId}";
        await AdminAsync(postgres, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        await AdminAsync(postgres, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
        var dir = bench.Fresh($"cluster-{workers}w-{repeat}");
        var launch = DateTimeOffset.UtcNow;
        var fireAt = new DateTimeOffset((launch + lead).UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(1);
        var settings = IngestBench.WriteSettings(bench, dir, sources, items, tweak: root => Clustered(root, connectionString, fireAt));
        server.ResetCounters();
        var nodes = Enumerable.Range(0, workers).Select(_ => WorkerProcess.Start(bench.WorkerDll, settings, dir)).ToList();
        try
        {
            await using var db = NpgsqlDataSource.Create(connectionString);
            // Ready: model loaded, host started (the scheduler starts with it), and every node checked in with the cluster.
            while (!nodes.All(n => n.Ready) || await ScalarAsync(db, "SELECT count(*) FROM qrtz_scheduler_state") < workers)
            {
                if (nodes.FirstOrDefault(n => n.Process.HasExited) is { } dead)
                    throw new InvalidOperationException($"a worker exited with {dead.Process.ExitCode}:\n{dead.Log()}");
                if (DateTimeOffset.UtcNow > fireAt - TimeSpan.FromSeconds(1)) return null;
                await Task.Delay(100);
            }
            if (fireAt - DateTimeOffset.UtcNow is { Ticks: > 0 } wait) await Task.Delay(wait);

            var load0 = Cpu.LoadAverage();
            var machine0 = Cpu.Machine();
            var publisher0 = Cpu.Process();
            var cpu0 = nodes.Select(n => Proc.CpuTime(n.Pid) ?? TimeSpan.Zero).ToList();
            var fired = new Dictionary<string, (string Instance, DateTimeOffset At)>();
            var running = new Dictionary<string, int>();
            var clock = Stopwatch.StartNew();
            while (await ScalarAsync(db, "SELECT count(*) FROM items") < expected && nodes.Sum(n => n.Polls().Count) < sources.Count)
            {
                if (clock.Elapsed > PassTimeout) throw new TimeoutException($"{workers} worker(s) did not store {expected} items in {PassTimeout}:\n{string.Join("\n", nodes.Select(n => n.Log()))}");
                await SampleFiredAsync(db, fired, running);
                await Task.Delay(100);
            }
            var seconds = (DateTimeOffset.UtcNow - fireAt).TotalSeconds;
            var cpu1 = nodes.Select(n => Proc.CpuTime(n.Pid) ?? TimeSpan.Zero).ToList();
            var publisherCpu = Cpu.Process() - publisher0;
            var machine1 = Cpu.Machine();
            var load1 = Cpu.LoadAverage();
            double busy = machine0 is { } m0 && machine1 is { } m1 && m1.Total > m0.Total ? 100.0 * (m1.Busy - m0.Busy) / (m1.Total - m0.Total) : double.NaN;

            // The last item is stored a moment before its source's poll ends and is logged.
            for (int k = 0; k < 150 && nodes.Sum(n => n.Polls().Count) < sources.Count; k++) await Task.Delay(100);
            int stored = (int)await ScalarAsync(db, "SELECT count(*) FROM items");
            int distinct = (int)await ScalarAsync(db, "SELECT count(DISTINCT canonical_url) FROM items");
            var statuses = await StatusesAsync(db);
            var instances = (await InstancesAsync(db)).ToList();
            var result = nodes.Select((n, k) =>
            {
                var polls = n.Polls();
                var instance = instances.FirstOrDefault(i => i.Contains($"-{n.Pid}-", StringComparison.Ordinal)) ?? "";
                return new Node(n.Pid, polls.Select(p => p.Source).Order(StringComparer.Ordinal).ToList(), polls.Sum(p => p.New), cpu1[k] - cpu0[k], cpu0[k],
                    Proc.Memory(n.Pid)?.Hwm ?? 0, (n.ReadyAt!.Value - launch).TotalSeconds,
                    polls.Count == 0 ? double.NaN : (polls.Max(p => p.At) - fireAt).TotalSeconds, running.GetValueOrDefault(instance));
            }).ToList();
            foreach (var n in nodes.Where(n => !n.Has("Adopted saved classifier") && !n.Has("Loaded classifier")))
                bench.Note($"worker {n.Pid} did not log that it loaded or adopted the saved model (did it train?)");
            if (stored != expected) bench.Note($"{workers} worker(s), run {repeat}: {stored} of {expected} items stored");
            var fireTimes = fired.Values.Select(f => (f.At - fireAt).TotalSeconds).ToList();
            return new Pass(workers, repeat, seconds, stored, distinct, server.ListingRequests, server.PageRequests, result,
                fireTimes.DefaultIfEmpty(double.NaN).Min(), fireTimes.DefaultIfEmpty(double.NaN).Max(), publisherCpu, busy, load0, load1, statuses,
                TimeSpan.FromTicks(server.LatencyTicks));
        }
        finally
        {
            foreach (var n in nodes) await n.DisposeAsync();
            File.WriteAllText(Path.Combine(dir, "workers.log"), string.Join("\n", nodes.Select(n => $"--- worker {n.Pid}\n{n.Log()}")));
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(postgres, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    /// <summary>PostgreSQL for the store and the clustered schedule; every source fires once, at <paramref name="fireAt"/>.</summary>
    private static void Clustered(JsonObject root, string connectionString, DateTimeOffset fireAt)
    {
        var pipeline = root["Pipeline"]!.AsObject();
        pipeline["Storage"] = new JsonObject { ["Provider"] = "Postgres", ["ConnectionString"] = connectionString };
        pipeline["Schedule"] = new JsonObject { ["ClusterCheckinSeconds"] = CheckinSeconds };
        pipeline["Review"] = new JsonObject { ["Urls"] = "http://127.0.0.1:0" };
        // Quartz cron with a year: second minute hour day month ? year (UTC, the default time zone).
        var cron = fireAt.UtcDateTime.ToString("s m H d M '?' yyyy", CultureInfo.InvariantCulture);
        foreach (var source in pipeline["Sources"]!.AsArray()) source!["Schedule"] = cron;
    }

    /// <summary>Which node runs which trigger (rows of qrtz_fired_triggers exist while a job executes), and how many at most at once per node.</summary>
    private static async Task SampleFiredAsync(NpgsqlDataSource db, Dictionary<string, (string Instance, DateTimeOffset At)> fired, Dictionary<string, int> running)
    {
        await using var command = db.CreateCommand("SELECT trigger_name, instance_name, fired_time FROM qrtz_fired_triggers WHERE state = 'EXECUTING'");
        await using var reader = await command.ExecuteReaderAsync();
        var now = new Dictionary<string, int>();
        while (await reader.ReadAsync())
        {
            var instance = reader.GetString(1);
            fired.TryAdd(reader.GetString(0), (instance, new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero)));
            now[instance] = now.GetValueOrDefault(instance) + 1;
        }
        foreach (var (instance, count) in now) running[instance] = Math.Max(running.GetValueOrDefault(instance), count);
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<Dictionary<string, int>> StatusesAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("SELECT status, count(*) FROM candidates GROUP BY status ORDER BY status");
        await using var reader = await command.ExecuteReaderAsync();
        var result = new Dictionary<string, int>();
        while (await reader.ReadAsync()) result[reader.GetString(0)] = (int)reader.GetInt64(1);
        return result;
    }

    private static async Task<List<string>> InstancesAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("SELECT instance_name FROM qrtz_scheduler_state");
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<string>();
        while (await reader.ReadAsync()) result.Add(reader.GetString(0));
        return result;
    }

    private static async Task AdminAsync(string postgres, string sql)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task CheckServerAsync(string postgres)
    {
        try
        {
            await AdminAsync(postgres, "SELECT 1");
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException($"""
                the cluster benchmark needs a PostgreSQL server it may create databases on ({postgres}): {e.Message}
                start one, e.g. (trust auth, loopback only, as root):
                  mkdir -p /tmp/pgtest && chown postgres /tmp/pgtest && su postgres -s /bin/sh -c "$(ls /usr/lib/postgresql/*/bin/initdb | head -n 1) -D /tmp/pgtest/data -U postgres -A trust"
                  su postgres -s /bin/sh -c "pg_ctl -D /tmp/pgtest/data -o '-c listen_addresses=127.0.0.1 -p 55432 -c max_connections=200 -c fsync=off' -l /tmp/pgtest/log start"
                or pass another server with --postgres "Host=…;Port=…;Username=…"
                """, e);
        }
    }

    // ---------------------------------------------------------------- the worker host as a child process

    [GeneratedRegex(@"Scheduled poll: (\S+): \d+ entries, (\d+) new")]
    private static partial Regex PollLine();

    private sealed class WorkerProcess : IAsyncDisposable
    {
        private readonly List<(DateTimeOffset At, string Line)> _lines = [];
        public required Process Process { get; init; }
        public int Pid { get; private init; }
        public DateTimeOffset? ReadyAt { get; private set; }
        public bool Ready => ReadyAt is not null;

        public static WorkerProcess Start(string workerDll, string settings, string dir)
        {
            var psi = new ProcessStartInfo("dotnet", ["exec", workerDll, "--settings", settings])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir, UseShellExecute = false,
            };
            psi.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
            var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the worker");
            var worker = new WorkerProcess { Process = process, Pid = process.Id };
            worker.Process.OutputDataReceived += (_, e) => worker.Add(e.Data);
            worker.Process.ErrorDataReceived += (_, e) => worker.Add(e.Data);
            worker.Process.BeginOutputReadLine();
            worker.Process.BeginErrorReadLine();
            return worker;
        }

        private void Add(string? line)
        {
            if (line is null) return;
            var now = DateTimeOffset.UtcNow;
            lock (_lines)
            {
                _lines.Add((now, line));
                if (ReadyAt is null && line.Contains("the schedule of every enabled source has started", StringComparison.Ordinal)) ReadyAt = now;
            }
        }

        public bool Has(string text) { lock (_lines) return _lines.Any(l => l.Line.Contains(text, StringComparison.Ordinal)); }

        /// <summary>The polls this node finished: source, new items, when the line arrived.</summary>
        public List<(string Source, int New, DateTimeOffset At)> Polls()
        {
            lock (_lines)
                return _lines.Select(l => (l.At, Match: PollLine().Match(l.Line))).Where(l => l.Match.Success)
                    .Select(l => (l.Match.Groups[1].Value, int.Parse(l.Match.Groups[2].Value, CultureInfo.InvariantCulture), l.At)).ToList();
        }

        public string Log()
        {
            lock (_lines)
            {
                var sb = new StringBuilder();
                foreach (var (at, line) in _lines) sb.Append(at.ToString("HH:mm:ss.fff ", CultureInfo.InvariantCulture)).AppendLine(line);
                return sb.ToString();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                await Process.WaitForExitAsync();
            }
            Process.Dispose();
        }
    }

    // ---------------------------------------------------------------- report

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToList();
        return v.Count == 0 ? double.NaN : v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2;
    }

    private static void Report(BenchRun bench, List<Pass> passes, int expected, string cmd)
    {
        bench.Table(BenchRun.Inv($"Every run (`{cmd}`; fresh PostgreSQL database per run; all triggers fire at one second; time from that second until the {expected:N0}th item is stored)"),
            ["run", "workers", "pass s", "items/s", "items stored (distinct URLs)", "listing / page requests", "sources per node", "items per node", "first–last fire s",
                "polls at once per node", "last poll done s per node", "worker CPU s during pass (per node)", "CPU ms/item", "start-up CPU s per node", "peak RSS MB per node", "machine busy", "load avg"],
            passes.Select(p => (IReadOnlyList<string>)
            [
                p.Repeat.ToString(CultureInfo.InvariantCulture), p.Workers.ToString(CultureInfo.InvariantCulture), BenchRun.Inv($"{p.Seconds:0.0}"), BenchRun.Inv($"{p.ItemsPerSecond:0.0}"),
                BenchRun.Inv($"{p.Items} ({p.DistinctUrls})"), BenchRun.Inv($"{p.Listings} / {p.Pages}"), p.Split, string.Join(" + ", p.Nodes.Select(n => n.Items)),
                BenchRun.Inv($"{p.FirstFireSeconds:0.0}–{p.LastFireSeconds:0.0}"), string.Join(" + ", p.Nodes.Select(n => n.MaxRunning)),
                string.Join(" + ", p.Nodes.Select(n => BenchRun.Inv($"{n.LastPollSeconds:0.0}"))),
                string.Join(" + ", p.Nodes.Select(n => BenchRun.Inv($"{n.PassCpu.TotalSeconds:0.0}"))), BenchRun.Inv($"{p.CpuMsPerItem:0.0}"),
                string.Join(" + ", p.Nodes.Select(n => BenchRun.Inv($"{n.StartCpu.TotalSeconds:0.0}"))), string.Join(" + ", p.Nodes.Select(n => BenchRun.Inv($"{n.PeakRss / 1048576.0:0}"))),
                BenchRun.Inv($"{p.MachineBusy:0} %"), BenchRun.Inv($"{p.LoadBefore:0.0}→{p.LoadAfter:0.0}"),
            ]));

        // Near-duplicates are judged against what is already stored, so the order in which parallel polls store can change the count.
        var statuses = passes.GroupBy(p => string.Join(", ", p.Statuses.Select(kv => $"{kv.Key} {kv.Value}")))
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(p => $"run {p.Repeat}/{p.Workers}w"))})").ToList();
        bench.Add("cluster", "statuses stored", string.Join(" | ", statuses), cmd);
        bool once = passes.All(p => p.Items == expected && p.DistinctUrls == p.Items && p.Pages == expected && p.Listings == p.Nodes.Sum(n => n.Sources.Count)
            && p.Nodes.SelectMany(n => n.Sources).Distinct().Count() == p.Nodes.Sum(n => n.Sources.Count));
        bench.Add("cluster", "each source polled once, each item fetched and stored once",
            once ? BenchRun.Inv($"yes, in all {passes.Count} runs ({expected} items, as many distinct URLs and page requests; one listing request and one poll per source)")
                 : "NO — see the table of runs", cmd, goal: "no item stored twice", met: once);

        var one = passes.Where(p => p.Workers == 1).ToList();
        var two = passes.Where(p => p.Workers == 2).ToList();
        double s1 = Median(one.Select(p => p.Seconds)), s2 = Median(two.Select(p => p.Seconds));
        double r1 = Median(one.Select(p => p.ItemsPerSecond)), r2 = Median(two.Select(p => p.ItemsPerSecond));
        double c1 = Median(one.Select(p => p.WorkerCpu.TotalSeconds)), c2 = Median(two.Select(p => p.WorkerCpu.TotalSeconds));
        double b1 = Median(one.Select(p => p.MachineBusy)), b2 = Median(two.Select(p => p.MachineBusy));
        string loads = BenchRun.Inv($"load average {passes.Min(p => p.LoadBefore):0.0}–{passes.Max(p => p.LoadBefore):0.0} at the fire times");
        bench.Add("cluster", BenchRun.Inv($"one worker, {expected:N0} items (median of {one.Count})"),
            BenchRun.Inv($"{r1:0.0} items/s ({s1:0.0} s; worker CPU {c1:0.0} s = {1000 * c1 / expected:0.0} ms/item; machine {b1:0} % busy)"), cmd);
        bench.Add("cluster", BenchRun.Inv($"two workers, one clustered schedule, {expected:N0} items (median of {two.Count})"),
            BenchRun.Inv($"{r2:0.0} items/s ({s2:0.0} s; worker CPU {c2:0.0} s = {1000 * c2 / expected:0.0} ms/item; machine {b2:0} % busy; sources per node {string.Join(", ", two.Select(p => p.Split))})"), cmd);
        bench.Add("cluster", BenchRun.Inv($"two workers vs one on {Environment.ProcessorCount} shared cores"),
            BenchRun.Inv($"×{r2 / r1:0.00} throughput ({r1:0.0} → {r2:0.0} items/s, medians; {loads})"), cmd, headline: true);

        // On separate machines each node would have the cores to itself: its share of the items at the one-worker CPU cost per item.
        double msPerItem = Median(one.Select(p => p.CpuMsPerItem));
        var split = two.Select(p => p.Nodes.Max(n => n.Items)).Order().ElementAt(two.Count / 2);
        bench.Add("cluster", "estimate, not measured: two workers on separate machines like this one",
            BenchRun.Inv($"≈ ×{(double)expected / split:0.0} (the busier node's {split} of {expected} items at the one-worker {msPerItem:0.0} ms CPU/item on {Environment.ProcessorCount} cores: {split * msPerItem / 1000 / Environment.ProcessorCount:0.0} s against {expected * msPerItem / 1000 / Environment.ProcessorCount:0.0} s; an even split would give ×2)"),
            cmd);

        // Where the time goes: what the network alone and the CPU alone would allow.
        foreach (var group in new[] { one, two })
        {
            var p = group.OrderBy(x => x.Seconds).ElementAt(group.Count / 2);
            int sourcesCount = p.Nodes.Sum(n => n.Sources.Count);
            double waitPerSource = p.NetworkWait.TotalSeconds / Math.Max(1, sourcesCount);
            int atOnce = Math.Max(1, p.Nodes.Sum(n => n.MaxRunning));
            double networkFloor = Math.Ceiling((double)sourcesCount / atOnce) * waitPerSource;
            double cpuFloor = (p.WorkerCpu + p.PublisherCpu).TotalSeconds / Environment.ProcessorCount;
            bench.Add("cluster", BenchRun.Inv($"where the time goes, {p.Workers} worker{(p.Workers == 1 ? "" : "s")} (median run, {p.Seconds:0.0} s)"),
                BenchRun.Inv($"network alone ≥ {networkFloor:0.0} s ({waitPerSource:0.0} s of publisher latency per source, one page at a time, {atOnce} polls at once); CPU alone ≥ {cpuFloor:0.0} s (workers {p.WorkerCpu.TotalSeconds:0.0} s + publisher {p.PublisherCpu.TotalSeconds:0.0} s on {Environment.ProcessorCount} cores, other work not counted); machine {p.MachineBusy:0} % busy"),
                cmd);
        }
    }
}
