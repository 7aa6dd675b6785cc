using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Pipeline.Bench.Corpus;
using Pipeline.Bench.Infrastructure;

namespace Pipeline.Bench.Benchmarks;

/// <summary>
/// Issue 5's proof: the wall time of a pass over 14 publishers of which 5 misbehave (B), against the same pass with
/// all of them healthy (A). Each publisher has its own loopback address (127.0.0.10 … 127.0.0.23, so the per-host
/// limits apply per publisher) and a feed of 20 generated statements with their 30–150 KB pages. The real worker runs
/// the pass (<c>ingest</c>, a child process, a fresh SQLite file each run, the same settings for A and B). The waits the
/// faults impose are computed from those settings and compared with what the pass lost: B − A, B against the longest
/// chain of waits, and for each misbehaving publisher its own time against its waits. Pass C runs the resetting
/// publisher alone with its first pages reset before any response, which the fetcher retries page by page.
/// </summary>
public static class FaultBench
{
    private const int Publishers = 14, Items = 20, FirstHost = 10;

    // The settings of every run, A and B alike: the retry policy as shipped (appsettings.json: 3 retries, 2 s base
    // backoff, Retry-After honoured up to 60 s; 4 sources at a time, 2 requests per host, 10 MB bodies) with the
    // attempt timeout cut from 20 s to 2 s, and the pass deadline from 3 h to 120 s, so that a run takes seconds.
    private const double AttemptTimeout = 2, RetryBaseDelay = 2, TotalTimeout = 30, PassDeadline = 120, MaxRetryAfter = 60, RetryAfter = 2;
    /// <summary>How long the resetting publisher holds half a page before the reset, so that the client is reading the body when it comes.</summary>
    private const double ResetPause = 0.2;
    private const int MaxRetries = 3, MaxParallelSources = 4, MaxConcurrencyPerHost = 2, MaxRedirects = 5;
    private const long MaxBodyBytes = 10 * 1024 * 1024, HugePageBytes = 40L * 1024 * 1024;

    private static readonly Dictionary<string, double> FetchSettings = new()
    {
        ["TimeoutSeconds"] = AttemptTimeout, ["TotalTimeoutSeconds"] = TotalTimeout, ["MaxRetries"] = MaxRetries,
        ["RetryBaseDelaySeconds"] = RetryBaseDelay, ["MaxRetryDelaySeconds"] = MaxRetryAfter, ["PassDeadlineSeconds"] = PassDeadline,
        ["MaxParallelSources"] = MaxParallelSources, ["MaxConcurrencyPerHost"] = MaxConcurrencyPerHost, ["MaxBodyBytes"] = MaxBodyBytes,
        ["MaxRedirects"] = MaxRedirects,
    };

    private static string SettingsText => BenchRun.Inv(
        $"attempt timeout {AttemptTimeout:0} s, {MaxRetries} retries with jittered exponential backoff from {RetryBaseDelay:0} s, Retry-After honoured up to {MaxRetryAfter:0} s, whole request ≤ {TotalTimeout:0} s, pass deadline {PassDeadline:0} s, {MaxParallelSources} sources at a time, {MaxConcurrencyPerHost} requests per host, bodies ≤ {MaxBodyBytes / 1048576} MB, ≤ {MaxRedirects} redirects");

    private enum Fault { Healthy, Hangs, Unavailable, RateLimited, ResetsPages, HugeAndLoopingPages }

    /// <summary>Publisher index → its misbehaviour in run B; one in every three publishers, so every round of 4 sources meets one.</summary>
    private static readonly Fault[] Plan =
    [
        Fault.Hangs, Fault.Healthy, Fault.Healthy, Fault.Unavailable, Fault.Healthy, Fault.Healthy, Fault.RateLimited,
        Fault.Healthy, Fault.Healthy, Fault.ResetsPages, Fault.Healthy, Fault.Healthy, Fault.HugeAndLoopingPages, Fault.Healthy,
    ];

    private static string Describe(Fault f) => f switch
    {
        Fault.Hangs => "feed never answers",
        Fault.Unavailable => "feed: 503 twice, then 200",
        Fault.RateLimited => BenchRun.Inv($"feed: 429 with Retry-After: {RetryAfter:0} once, then 200"),
        Fault.ResetsPages => BenchRun.Inv($"every article page: headers and half the body, {ResetPause:0.0} s pause, connection reset"),
        Fault.HugeAndLoopingPages => BenchRun.Inv($"{HugePages.Length} article pages of {HugePageBytes / 1048576} MB (chunked), {LoopingPages.Length} article links in a redirect loop"),
        _ => "healthy",
    };

    private static bool AtFeed(Fault f) => f is Fault.Hangs or Fault.Unavailable or Fault.RateLimited;

    private static readonly int[] HugePages = [0, 5, 10, 15], LoopingPages = [2, 7];

    /// <summary>
    /// The sum of the first <paramref name="k"/> retry delays of Polly's jittered exponential backoff (the fetcher's
    /// <c>DelayBackoffType.Exponential</c> with <c>UseJitter</c>: "decorrelated jitter V2"). Its delays telescope: after k
    /// retries they add up to b/1.4 · 2^t · tanh(√(4t)) with t = k − 1 + u, u the k-th random draw in [0, 1), b the base
    /// delay (checked against Polly.Core 8.4.2 with a fixed randomizer). Returns the mean over u and the range.
    /// </summary>
    private static (double Mean, double Min, double Max) JitteredBackoffs(int k)
    {
        if (k == 0) return (0, 0, 0);
        static double Sum(double t) => RetryBaseDelay / 1.4 * Math.Pow(2, t) * Math.Tanh(Math.Sqrt(4 * t));
        const int Steps = 1000;
        return (Enumerable.Range(0, Steps).Average(i => Sum(k - 1 + (i + 0.5) / Steps)), Sum(k - 1), Sum(k));
    }

    /// <summary>The waits a fault imposes by configuration: timeouts, backoffs, Retry-After (mean and range), and how.</summary>
    private static (double Mean, double Min, double Max, string Formula) Imposed(Fault f)
    {
        switch (f)
        {
            case Fault.Hangs:
            {
                var (mean, min, max) = JitteredBackoffs(MaxRetries);
                double timeouts = (MaxRetries + 1) * AttemptTimeout;
                return (timeouts + mean, timeouts + min, timeouts + max,
                    BenchRun.Inv($"{MaxRetries + 1} attempts × {AttemptTimeout:0} s timeout + {MaxRetries} backoffs ({mean:0.0} s on average, {min:0.0}–{max:0.0})"));
            }
            case Fault.Unavailable:
            {
                var (mean, min, max) = JitteredBackoffs(2);
                return (mean, min, max, BenchRun.Inv($"2 backoffs ({mean:0.0} s on average, {min:0.0}–{max:0.0})"));
            }
            case Fault.RateLimited:
                return (RetryAfter, RetryAfter, RetryAfter, BenchRun.Inv($"Retry-After {RetryAfter:0} s (replaces the backoff)"));
            case Fault.ResetsPages:
                return (Items * ResetPause, Items * ResetPause, Items * ResetPause,
                    BenchRun.Inv($"{Items} pages × the publisher's {ResetPause:0.0} s pause; a body cut after the headers is not retried"));
            default:
                return (0, 0, 0, "none: a body over the cap and a redirect loop fail at once, not retried");
        }
    }

    /// <summary>A request a misbehaving publisher answered (or not): <paramref name="Held"/> is true when it kept the client waiting on purpose (hang, pause).</summary>
    private sealed record Attempt(int Publisher, string Path, DateTimeOffset Start, DateTimeOffset End, bool Held);

    /// <summary>What one source did in one run, read back from the worker's database.</summary>
    private sealed record SourceOutcome(int Stored, Dictionary<string, int> PageErrors, DateTimeOffset? Finished, string? ErrorKind, double ListingSeconds, DateTimeOffset? ListingEnd)
    {
        public DateTimeOffset? ListingStart => ListingEnd?.AddSeconds(-ListingSeconds);
        /// <summary>From the start of its listing fetch to its last record: the source's whole time in the pass.</summary>
        public double Seconds => (Finished - ListingStart)?.TotalSeconds ?? double.NaN;
    }

    private sealed record Run(bool Faults, IngestBench.PassResult Pass, SourceOutcome[] Sources, Attempt[] Attempts, long HugeBytesSent)
    {
        /// <summary>
        /// The waits this run's faults drew, as the publisher saw them: the time it held each request on purpose (the
        /// hang until the client's timeout, the pause before a reset), and the gaps between repeated requests for the same
        /// URL (the client's backoffs and Retry-After).
        /// </summary>
        public double Drawn(int p) => Attempts.Where(a => a.Publisher == p).GroupBy(a => a.Path).Sum(requests =>
        {
            var list = requests.OrderBy(a => a.Start).ToList();
            return list.Where(a => a.Held).Sum(a => (a.End - a.Start).TotalSeconds) + list.Zip(list.Skip(1), (a, b) => (b.Start - a.End).TotalSeconds).Sum();
        });

        /// <summary>How many other sources finished while the hanging feed was waiting, and when that wait ended after the pass began.</summary>
        public (int Finished, double WaitEnd, double LastOther) WhileHanging()
        {
            int hang = Array.IndexOf(Plan, Fault.Hangs);
            var start = Sources.Min(s => s.ListingStart)!.Value;
            var (from, to) = (Sources[hang].ListingStart!.Value, Sources[hang].ListingEnd!.Value);
            var others = Sources.Where((_, p) => p != hang).ToList();
            return (others.Count(s => s.Finished > from && s.Finished <= to), (to - start).TotalSeconds, (others.Max(s => s.Finished)!.Value - start).TotalSeconds);
        }
    }

    public static async Task RunAsync(BenchRun bench)
    {
        var trained = await bench.EnsureModelAsync();
        if (trained is { } t) bench.Note(BenchRun.Inv($"the shared model folder was empty: trained the shipped-corpus model first ({t.TotalSeconds:0.0} s, not counted below)"));
        bench.Section($"A pass over {Publishers} publishers, {Plan.Count(f => f != Fault.Healthy)} misbehaving, against all healthy");
        var web = new SyntheticWeb(Publishers, Items);
        var hosts = Enumerable.Range(FirstHost, Publishers).Select(i => IPAddress.Parse($"127.0.0.{i}")).ToList();
        await using var server = await LoopbackWeb.StartAsync(web, hosts);
        var faults = new MisbehavingPublishers(web);
        server.Intercept = faults.HandleAsync;
        var sources = IngestBench.Sources(web, server);
        Console.WriteLine($"  serving {Publishers} publishers × {Items} items on {hosts[0]} … {hosts[^1]}; settings: {SettingsText}");

        async Task<Run> PassAsync(string name, bool misbehave, int resetEarly = 0, int? onlySource = null)
        {
            faults.Start(misbehave, resetEarly);
            var dir = bench.Fresh($"faults-{name}");
            var selected = onlySource is { } one ? [sources[one]] : sources;
            var pass = await IngestBench.PassAsync(bench, new IngestBench.Size(selected.Count, Items), server, IngestBench.WriteSettings(bench, dir, selected, Items, FetchSettings), dir);
            Console.WriteLine(BenchRun.Inv($"  {name}: pass {pass.PassSeconds:0.0} s (process {pass.Run.Wall.TotalSeconds:0.0} s), {pass.New} items stored, {pass.FailedSources} of {selected.Count} sources failed, {pass.Requests} requests, load {pass.LoadBefore:0.0}→{pass.LoadAfter:0.0}"));
            return new Run(misbehave, pass, await OutcomesAsync(Path.Combine(dir, "pipeline.db")), faults.Attempts.ToArray(), Interlocked.Read(ref faults.HugeBytesSent));
        }

        // One uncounted healthy pass first, so that neither A nor B pays for this process's first requests (JIT, page cache).
        await PassAsync("warmup", misbehave: false);
        var runs = new List<Run>();
        for (int r = 1; r <= (bench.Quick ? 1 : 3); r++)
            foreach (bool misbehave in new[] { false, true }) // alternated, so that a change of load hits both alike
                runs.Add(await PassAsync($"{(misbehave ? "B" : "A")}{r}", misbehave));
        Report(bench, runs);

        // C: the resetting publisher alone, its first pages reset before any response instead of half-way through the body.
        int resetting = Array.IndexOf(Plan, Fault.ResetsPages);
        ReportEarlyResets(bench, resetting, await PassAsync("C", misbehave: true, EarlyResets, resetting));
    }

    /// <summary>In pass C, how many of the resetting publisher's pages are reset before any response (an RST right after the request).</summary>
    private const int EarlyResets = 4;

    private static void ReportEarlyResets(BenchRun bench, int p, Run c)
    {
        var (mean, min, max) = JitteredBackoffs(MaxRetries);
        double imposed = EarlyResets * mean + (Items - EarlyResets) * ResetPause;
        var early = c.Attempts.Where(a => !a.Held).GroupBy(a => a.Path).Select(g => g.OrderBy(a => a.Start).ToList()).ToList();
        var gaps = early.Select(list => string.Join(" + ", list.Zip(list.Skip(1), (x, y) => BenchRun.Inv($"{(y.Start - x.End).TotalSeconds:0.0}"))));
        bench.Add("faults", BenchRun.Inv($"C: one publisher whose first {EarlyResets} of {Items} pages are reset before any response (the rest half-way, as in B), alone"),
            BenchRun.Inv($"source {c.Sources[p].Seconds:0.0} s (pass {c.Pass.PassSeconds:0.0} s): each of those pages was requested {string.Join("/", early.Select(l => l.Count).Distinct())} times (a failed send is retried) and waited {MaxRetries} backoffs ({mean:0.0} s on average, {min:0.0}–{max:0.0}; drawn: {string.Join(", ", gaps)} s); imposed {EarlyResets} × {mean:0.0} + {Items - EarlyResets} × {ResetPause:0.0} = {imposed:0.0} s, drawn {c.Drawn(p):0.0} s, source time beyond the drawn waits {c.Sources[p].Seconds - c.Drawn(p):0.0} s; {c.Pass.New} of {Items} items stored"),
            bench.Command("faults"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static void Report(BenchRun bench, List<Run> runs)
    {
        var cmd = bench.Command("faults");
        var healthy = runs.Where(r => !r.Faults).ToList();
        var faulty = runs.Where(r => r.Faults).ToList();
        bench.Table($"Each run (`{cmd}`; {SettingsText})",
            ["run", "publishers misbehaving", "pass s", "process s", "worker CPU s", "items stored", "sources failed", "requests", "load avg"],
            runs.Select((r, i) => (IReadOnlyList<string>)
            [
                $"{(r.Faults ? "B" : "A")}{i / 2 + 1}", r.Faults ? "5 of 14" : "none", BenchRun.Inv($"{r.Pass.PassSeconds:0.0}"), BenchRun.Inv($"{r.Pass.Run.Wall.TotalSeconds:0.0}"),
                BenchRun.Inv($"{r.Pass.Run.CpuTime.TotalSeconds:0.0}"),
                r.Pass.New.ToString(CultureInfo.InvariantCulture), r.Pass.FailedSources.ToString(CultureInfo.InvariantCulture), r.Pass.Requests.ToString(CultureInfo.InvariantCulture),
                BenchRun.Inv($"{r.Pass.LoadBefore:0.0}→{r.Pass.LoadAfter:0.0}"),
            ]));

        // Each misbehaving publisher: the waits its fault imposes by configuration, what its own listing fetch took, what it stored.
        var rows = new List<IReadOnlyList<string>>();
        for (int p = 0; p < Publishers; p++)
        {
            if (Plan[p] == Fault.Healthy) continue;
            int q = p;
            var imposed = Imposed(Plan[p]);
            double timeA = Median(healthy.Select(r => r.Sources[q].Seconds)), timeB = Median(faulty.Select(r => r.Sources[q].Seconds));
            var outcome = faulty[^1].Sources[p];
            rows.Add([
                BenchRun.Inv($"p{p} (127.0.0.{FirstHost + p})"), Describe(Plan[p]), imposed.Formula, BenchRun.Inv($"{imposed.Mean:0.0}"),
                BenchRun.Inv($"{Median(faulty.Select(r => r.Drawn(q))):0.0}"),
                BenchRun.Inv($"{Median(faulty.Select(r => r.Sources[q].ListingSeconds)):0.00}"),
                AtFeed(Plan[p]) ? BenchRun.Inv($"{Median(faulty.Select(r => r.Sources[q].ListingSeconds - r.Drawn(q))):+0.00;-0.00}") : "— (pages)",
                BenchRun.Inv($"{timeA:0.0} → {timeB:0.0}"),
                BenchRun.Inv($"{Median(faulty.Select(r => (double)r.Sources[q].Stored)):0} of {Items}"),
                string.Join("; ", outcome.PageErrors.Select(e => BenchRun.Inv($"{e.Value} × page failed: {e.Key}")).Prepend(outcome.ErrorKind is { } kind ? $"source failed: {kind}" : "source ok")),
            ]);
        }
        bench.Table($"The misbehaving publishers (medians of {faulty.Count} runs each): the waits each fault imposes by configuration; the waits drawn in B as the publisher saw them (requests held on purpose, gaps between repeated requests for one URL: backoffs, Retry-After); the listing fetch in B (worker's fetch log, retries included) and its time beyond the drawn waits; the source's whole time, A → B (listing fetch start to its last record)",
            ["publisher", "misbehaviour", "imposed waits: formula", "imposed s (mean)", "drawn s (B)", "listing fetch s (B)", "beyond drawn s", "source s (A → B)", "items stored (B)", "outcome (last B run)"], rows);

        double a = Median(healthy.Select(r => r.Pass.PassSeconds)), b = Median(faulty.Select(r => r.Pass.PassSeconds));
        var all = Enumerable.Range(0, Publishers).Select(p => Imposed(Plan[p])).ToList();
        double imposedSum = all.Sum(i => i.Mean), imposedMin = all.Sum(i => i.Min), imposedMax = all.Sum(i => i.Max);
        var hang = Imposed(Fault.Hangs);
        int expectedA = Publishers * Items, expectedB = Plan.Count(f => f != Fault.Hangs) * Items;
        var itemsA = healthy.Select(r => r.Pass.New).ToList();
        var itemsB = faulty.Select(r => r.Pass.New).ToList();
        var whileHanging = faulty.Select(r => r.WhileHanging()).ToList();
        var hugeMb = faulty.Select(r => r.HugeBytesSent / 1048576.0).ToList();

        bench.Add("faults", "pass, all 14 publishers healthy (A)", BenchRun.Inv($"{a:0.0} s (median of {healthy.Count}: {string.Join(", ", healthy.Select(r => r.Pass.PassSeconds.ToString("0.0", CultureInfo.InvariantCulture)))})"), cmd);
        bench.Add("faults", "pass, 5 of 14 publishers misbehaving (B)", BenchRun.Inv($"{b:0.0} s (median of {faulty.Count}: {string.Join(", ", faulty.Select(r => r.Pass.PassSeconds.ToString("0.0", CultureInfo.InvariantCulture)))})"), cmd);
        bench.Add("faults", "waits the faults impose by configuration",
            BenchRun.Inv($"{imposedSum:0.0} s in sum on average ({imposedMin:0.0}–{imposedMax:0.0} with the backoff jitter): hanging feed {hang.Mean:0.0} s ({hang.Formula}), 503 twice {Imposed(Fault.Unavailable).Mean:0.0} s, 429 {RetryAfter:0} s, the resetting publisher's own pauses {Imposed(Fault.ResetsPages).Mean:0.0} s, 40 MB pages and redirect loop 0; the longest single chain (the hanging feed) {hang.Mean:0.0} s"), cmd);
        int hanging = Array.IndexOf(Plan, Fault.Hangs);
        double chain = Median(faulty.Select(r => r.Drawn(hanging)));
        bench.Add("faults", "B − A, and overhead B − A − imposed waits",
            BenchRun.Inv($"B − A = {b - a:+0.0;-0.0} s against {imposedSum:0.0} s of imposed waits: overhead {b - a - imposedSum:+0.0;-0.0} s (negative: the waits overlap one another and the other sources' work, {MaxParallelSources} sources at a time)"),
            cmd, headline: true);
        bench.Add("faults", "B beyond the longer of A and the longest chain of waits",
            BenchRun.Inv($"B − max(A, hanging feed's drawn waits) = {b:0.0} − max({a:0.0}, {chain:0.0}) = {b - Math.Max(a, chain):+0.0;-0.0} s"),
            cmd, goal: "the faults cost little more than the waits they impose (≤ 1 s beyond)", met: b - Math.Max(a, chain) <= 1, headline: true);
        bench.Add("faults", "each misbehaving feed's listing fetch beyond the waits drawn; each source's time A → B",
            string.Join("; ", rows.Select(r => $"{r[0]}: source {r[7]} s{(r[6].StartsWith('—') ? "" : $", listing {r[6]} s beyond the drawn waits")}")), cmd);
        bench.Add("faults", "items stored",
            BenchRun.Inv($"A: {string.Join(", ", itemsA)} of {expectedA}; B: {string.Join(", ", itemsB)} of {expectedB} expected (every item but the hanging publisher's {Items})"),
            cmd, goal: "B stores every item the healthy and recovering publishers serve", met: itemsA.All(n => n == expectedA) && itemsB.All(n => n == expectedB), headline: true);
        bench.Add("faults", "other sources finished while the hanging feed waited",
            BenchRun.Inv($"{string.Join(", ", whileHanging.Select(w => w.Finished))} of {Publishers - 1} (per B run); its wait ended {Median(whileHanging.Select(w => w.WaitEnd)):0.0} s into the pass, the last other source finished at {Median(whileHanging.Select(w => w.LastOther)):0.0} s (medians)"),
            cmd);
        bench.Add("faults", BenchRun.Inv($"bytes sent of each {HugePageBytes / 1048576} MB page before the client stopped"),
            BenchRun.Inv($"{Median(hugeMb) / HugePages.Length:0.0} MB on average (cap {MaxBodyBytes / 1048576} MB; Kestrel's buffers count as sent)"), cmd);
    }

    /// <summary>Reads back, per source, what the worker stored and recorded: items, items kept from the feed's text, last check, error kind, listing fetch.</summary>
    private static async Task<SourceOutcome[]> OutcomesAsync(string databasePath)
    {
        var result = new SourceOutcome[Publishers];
        await using var c = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await c.OpenAsync();
        await using var q = c.CreateCommand();
        // Items kept from the feed's own text say why their page failed: "feed (page failed: <error>)"; redirect errors name the URL.
        q.CommandText = """
            SELECT s.id, s.last_checked, s.last_error_kind, f.elapsed_ms, f.at,
                   (SELECT COUNT(*) FROM items i WHERE i.source_id = s.id),
                   (SELECT json_group_array(i.extraction) FROM items i WHERE i.source_id = s.id AND i.extraction LIKE 'feed (page failed: %')
            FROM sources s LEFT JOIN fetch_log f ON f.id = (SELECT MAX(id) FROM fetch_log WHERE source_id = s.id)
            """;
        await using var r = await q.ExecuteReaderAsync();
        static DateTimeOffset? Time(SqliteDataReader r, int i) =>
            r.IsDBNull(i) ? null : DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        while (await r.ReadAsync())
        {
            var errors = JsonSerializer.Deserialize<string[]>(r.GetString(6))!
                .Select(e => e["feed (page failed: ".Length..^1].Split(" (last: ")[0])
                .GroupBy(e => e).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count());
            result[int.Parse(r.GetString(0)[1..], CultureInfo.InvariantCulture)] = new SourceOutcome(r.GetInt32(5), errors, Time(r, 1),
                r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? double.NaN : r.GetInt64(3) / 1000.0, Time(r, 4));
        }
        return result;
    }

    /// <summary>The five misbehaviours, played by <see cref="LoopbackWeb.Intercept"/> while switched on; the others answer normally.</summary>
    private sealed class MisbehavingPublishers(SyntheticWeb web)
    {
        private readonly Dictionary<string, GeneratedArticle> _articles = web.All().Where(a => Plan[a.Publisher] != Fault.Healthy).ToDictionary(SyntheticWeb.ArticlePath);
        private readonly ConcurrentDictionary<int, int> _listingCalls = new();
        private volatile bool _on;
        public ConcurrentQueue<Attempt> Attempts { get; private set; } = new();
        public long HugeBytesSent;

        private int _resetEarly;

        /// <param name="resetEarly">How many of the resetting publisher's pages (the first by index) are reset before any response.</param>
        public void Start(bool misbehave, int resetEarly = 0)
        {
            _on = misbehave;
            _resetEarly = resetEarly;
            _listingCalls.Clear();
            Attempts = new ConcurrentQueue<Attempt>();
            Interlocked.Exchange(ref HugeBytesSent, 0);
        }

        public async Task<bool> HandleAsync(HttpContext ctx, int p)
        {
            if (!_on || p < 0 || Plan[p] == Fault.Healthy) return false;
            var path = ctx.Request.Path.Value ?? "/";
            if (path == SyntheticWeb.ListingPath(p, web.Kind(p))) return AtFeed(Plan[p]) && await ListingAsync(ctx, p);
            var (article, looping) = path.Contains("/loop/", StringComparison.Ordinal)
                ? (_articles.GetValueOrDefault(path.Replace("/loop/", "/news/", StringComparison.Ordinal)), true)
                : (_articles.GetValueOrDefault(path), false);
            if (article is null) return false;
            switch (Plan[p])
            {
                case Fault.ResetsPages when article.Index < _resetEarly:
                    Attempts.Enqueue(new Attempt(p, path, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, Held: false));
                    ctx.Abort();
                    return true;
                case Fault.ResetsPages:
                    var start = DateTimeOffset.UtcNow;
                    await ResetHalfWayAsync(ctx, Encoding.UTF8.GetBytes(web.Page(p, article.Index)));
                    Attempts.Enqueue(new Attempt(p, path, start, DateTimeOffset.UtcNow, Held: true));
                    return true;
                case Fault.HugeAndLoopingPages when looping || LoopingPages.Contains(article.Index):
                    // news/x → loop/x → news/x → …: the fetcher gives up after MaxRedirects hops.
                    ctx.Response.StatusCode = StatusCodes.Status302Found;
                    ctx.Response.Headers.Location = looping ? SyntheticWeb.ArticlePath(article) : path.Replace("/news/", "/loop/", StringComparison.Ordinal);
                    return true;
                case Fault.HugeAndLoopingPages when HugePages.Contains(article.Index):
                    await HugeAsync(ctx);
                    return true;
                default:
                    return false;
            }
        }

        private async Task<bool> ListingAsync(HttpContext ctx, int p)
        {
            var start = DateTimeOffset.UtcNow;
            int call = _listingCalls.AddOrUpdate(p, 1, (_, n) => n + 1);
            bool answered = true;
            switch (Plan[p])
            {
                case Fault.Hangs:
                    try { await Task.Delay(TimeSpan.FromMinutes(5), ctx.RequestAborted); }
                    catch (OperationCanceledException) { }
                    break;
                case Fault.Unavailable when call <= 2:
                    ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    break;
                case Fault.RateLimited when call == 1:
                    ctx.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    ctx.Response.Headers.RetryAfter = RetryAfter.ToString(CultureInfo.InvariantCulture);
                    break;
                default:
                    answered = false; // recovered: the listing is served normally
                    break;
            }
            Attempts.Enqueue(new Attempt(p, ctx.Request.Path.Value!, start, DateTimeOffset.UtcNow, Held: Plan[p] == Fault.Hangs));
            return answered;
        }

        /// <summary>
        /// Declares the whole page, sends half of it, and resets the connection once the client is reading the body. (A
        /// reset at once can overtake the headers — the client's kernel drops the unread bytes — and is then a failed
        /// send, which the fetcher retries: a different fault, see BENCHMARKS.md.)
        /// </summary>
        private static async Task ResetHalfWayAsync(HttpContext ctx, byte[] page)
        {
            ctx.Response.ContentType = "text/html; charset=utf-8";
            ctx.Response.ContentLength = page.Length;
            await ctx.Response.Body.WriteAsync(page.AsMemory(0, page.Length / 2));
            await ctx.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(ResetPause));
            ctx.Abort();
        }

        private static readonly byte[] HugeChunk = Encoding.UTF8.GetBytes("<p>" + new string('x', 65_000) + "</p>\n");

        /// <summary>A 40 MB page without Content-Length (chunked), so that only the client's size cap can stop the download.</summary>
        private async Task HugeAsync(HttpContext ctx)
        {
            ctx.Response.ContentType = "text/html; charset=utf-8";
            try
            {
                for (long sent = 0; sent < HugePageBytes; sent += HugeChunk.Length)
                {
                    // Kestrel accepts writes after the client went away; a flush marked completed says the reader is gone.
                    await ctx.Response.BodyWriter.WriteAsync(HugeChunk, ctx.RequestAborted);
                    var flushed = await ctx.Response.BodyWriter.FlushAsync(ctx.RequestAborted);
                    if (flushed.IsCompleted || flushed.IsCanceled) break;
                    Interlocked.Add(ref HugeBytesSent, HugeChunk.Length);
                }
            }
            catch (OperationCanceledException) { }
            catch (IOException) { }
        }
    }
}
