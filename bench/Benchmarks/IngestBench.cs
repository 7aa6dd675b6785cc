using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Pipeline.Bench.Corpus;
using Pipeline.Bench.Infrastructure;
using Pipeline.Ingest.Extracting;
using Pipeline.Ingest.Sources;
using Pipeline.Store;

namespace Pipeline.Bench.Benchmarks;

/// <summary>
/// End-to-end ingest over a generated web served from loopback: the real worker (<c>dotnet Pipeline.Worker.dll ingest
/// --settings …</c>, a child process, production defaults: 4 sources at a time, 2 requests per host) fetching, parsing,
/// extracting, classifying and storing N publishers × M items; its peak RSS from /proc; the limit (AngleSharp parse +
/// extraction alone over the same pages in memory); the per-stage breakdown; re-polls of the unchanged web.
/// </summary>
public static partial class IngestBench
{
    public sealed record Size(int Publishers, int Items)
    {
        public int Total => Publishers * Items;
        public override string ToString() => $"{Publishers}×{Items}";
    }

    /// <summary>Set by <c>--sizes 4x50,10x100</c> (publishers x items) to try other sizes.</summary>
    public static Size[]? Override { get; set; }

    public static Size[] Sizes(bool quick) => Override ?? (quick ? [new(5, 60)] : [new(10, 100), new(25, 200), new(50, 400)]);

    public static Size[] ParseSizes(string text) => text.Split(',').Select(s => s.Split('x')).Select(p => new Size(int.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture))).ToArray();

    public sealed record PassResult(Size Size, ChildRun Run, int New, int Duplicates, int Filtered, int Queued, int FailedSources, double PassSeconds,
        long Requests, long ListingRequests, long ConditionalRequests, long NotModified, long PageRequests, long RobotsRequests, long Bytes, TimeSpan ServerCpu, TimeSpan RenderCpu, double LoadBefore, double LoadAfter, Dictionary<string, int> Statuses)
    {
        public double ItemsPerSecond => New / PassSeconds;
        public double CpuMsPerItem => Run.CpuTime.TotalMilliseconds / Math.Max(1, New);
    }

    public sealed record LimitResult(int Pages, double AvgKb, double SingleWallPps, double SingleCpuMsPerPage, double ParallelWallPps, double ParallelCpuMsPerPage,
        double ParseOnlyCpuMsPerPage, double LoadAverage, Pipeline.Ingest.Tests.Extracting.ExtractionBenchmark.Result Quality, double AvgTextChars, double AvgBodyChars);

    public static async Task RunAsync(BenchRun bench, string what)
    {
        var trained = await bench.EnsureModelAsync();
        if (trained is { } t) bench.Note(BenchRun.Inv($"the shared model folder was empty: trained the shipped-corpus model first ({t.TotalSeconds:0.0} s, not counted below)"));
        var sizes = Sizes(bench.Quick);
        if (what == "rss") sizes = [sizes[^1]];
        if (what == "repoll") sizes = [sizes[0]];
        var passes = new List<PassResult>();
        var limits = new List<LimitResult>();
        foreach (var size in sizes)
        {
            bench.Section($"Ingest {size} = {size.Total:N0} items");
            var genClock = Stopwatch.StartNew();
            var web = new SyntheticWeb(size.Publishers, size.Items);
            await using var server = await LoopbackWeb.StartAsync(web);
            Console.WriteLine(BenchRun.Inv($"  generated the web in {genClock.Elapsed.TotalSeconds:0.0} s; serving {size.Publishers} publishers on 127.0.0.1 ports {server.BaseUrls[0].Port}…"));
            var dir = bench.Fresh($"ingest-{size.Total}");
            var sources = Sources(web, server);
            var settings = WriteSettings(bench, dir, sources, size.Items);

            var pass = await PassAsync(bench, size, server, settings, dir);
            passes.Add(pass);
            Report(bench, pass, what == "rss" ? "rss" : "ingest");

            if (what is "ingest" or "all" or "repoll")
                await RepollAsync(bench, size, server, settings, dir, what == "repoll" ? "repoll" : "ingest");
            if (what is "ingest" or "all")
            {
                var limit = Limit(web, bench, maxPages: 2000);
                limits.Add(limit);
                ReportLimit(bench, pass, limit);
                if (size == sizes[0]) await BreakdownAsync(bench, web, server, pass, limit);
            }
        }
        if (passes.Count > 1) Scaling(bench, passes);
        if (!bench.Quick && what is "ingest" or "all" or "rss") await GcModeAsync(bench, what, passes);
    }

    // ---------------------------------------------------------------- the corpus as sources

    public static List<SourceDefinition> Sources(SyntheticWeb web, LoopbackWeb server) =>
        Enumerable.Range(0, web.Publishers).Select(p => web.Kind(p) == ListingKind.Html
            ? new SourceDefinition
            {
                Id = $"p{p}", Name = web.SiteName(p), Url = server.ListingUrl(p).AbsoluteUri, Kind = SourceKind.Html,
                ItemSelector = "ul.news-list li.news-item", LinkSelector = "a", TitleSelector = ".title", DateSelector = "time",
            }
            : new SourceDefinition { Id = $"p{p}", Name = web.SiteName(p), Url = server.ListingUrl(p).AbsoluteUri, Kind = SourceKind.Feed }).ToList();

    /// <summary>
    /// A settings file for the worker: the generated sources, its own database, the shared model folder, loopback allowed,
    /// and any other <c>Pipeline:Fetch</c> values in <paramref name="fetch"/> (timeouts, retries, deadline; the fault
    /// benchmark). <paramref name="tweak"/> may then change the whole document (its root) before it is written (the
    /// cluster benchmark: storage, schedule, review).
    /// </summary>
    public static string WriteSettings(BenchRun bench, string dir, List<SourceDefinition> sources, int maxItems,
        IReadOnlyDictionary<string, double>? fetch = null, Action<JsonObject>? tweak = null)
    {
        var list = new JsonArray();
        foreach (var s in sources)
        {
            var o = new JsonObject { ["Id"] = s.Id, ["Name"] = s.Name, ["Url"] = s.Url, ["Kind"] = s.Kind.ToString() };
            if (s.ItemSelector is not null)
            {
                o["ItemSelector"] = s.ItemSelector;
                o["LinkSelector"] = s.LinkSelector;
                o["TitleSelector"] = s.TitleSelector;
                o["DateSelector"] = s.DateSelector;
            }
            list.Add(o);
        }
        var root = new JsonObject
        {
            ["Pipeline"] = new JsonObject
            {
                ["Sources"] = list,
                ["Storage"] = new JsonObject { ["Provider"] = "Sqlite", ["ConnectionString"] = $"Data Source={Path.Combine(dir, "pipeline.db")}" },
                ["Classify"] = new JsonObject { ["ModelDirectory"] = bench.ModelDirectory },
                ["Fetch"] = new JsonObject { ["AllowPrivateNetworks"] = true, ["MaxItemsPerSource"] = Math.Max(200, maxItems) },
            },
        };
        foreach (var (key, value) in fetch ?? new Dictionary<string, double>()) root["Pipeline"]!["Fetch"]![key] = value;
        tweak?.Invoke(root);
        var path = Path.Combine(dir, "settings.json");
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    // ---------------------------------------------------------------- the real worker as a child process

    [GeneratedRegex(@"total: (\d+) new, (\d+) duplicates, (\d+) filtered, (\d+) queued, (\d+) of (\d+) sources failed.*?in ([\d.,]+) s")]
    private static partial Regex Total();

    public static async Task<PassResult> PassAsync(BenchRun bench, Size size, LoopbackWeb server, string settings, string dir, IDictionary<string, string>? env = null,
        string? workerDll = null)
    {
        server.ResetCounters();
        var load0 = Cpu.LoadAverage();
        var cpu0 = Cpu.Process();
        var run = await Proc.RunAsync("dotnet", [workerDll ?? bench.WorkerDll, "ingest", "--settings", settings], dir, env);
        var serverCpu = Cpu.Process() - cpu0;
        var load1 = Cpu.LoadAverage();
        if (run.ExitCode != 0) throw new InvalidOperationException($"worker exited with {run.ExitCode}:\n{run.Stdout}\n{run.Stderr}");
        var m = Total().Match(run.Stdout);
        if (!m.Success) throw new InvalidOperationException($"no summary line in the worker's output:\n{run.Stdout}\n{run.Stderr}");
        int I(int g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        var seconds = double.Parse(m.Groups[7].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
        var statuses = await StatusesAsync(Path.Combine(dir, "pipeline.db"));
        return new PassResult(size, run, I(1), I(2), I(3), I(4), I(5), seconds, server.Requests, server.ListingRequests, server.ConditionalRequests,
            server.ListingNotModified, server.PageRequests, server.RobotsRequests, server.BodyBytes, serverCpu,
            TimeSpan.FromTicks(server.RenderCpuTicks), load0, load1, statuses);
    }

    public static async Task<Dictionary<string, int>> StatusesAsync(string databasePath)
    {
        var store = new ItemStore(new Database("Sqlite", $"Data Source={databasePath}"));
        var result = new Dictionary<string, int>();
        foreach (var s in ItemStore.Statuses) result[s] = await store.CountAsync(s);
        return result;
    }

    private static void Report(BenchRun bench, PassResult p, string sub)
    {
        var cmd = bench.Command(sub);
        string s = p.Size.Total.ToString("N0", CultureInfo.InvariantCulture);
        Console.WriteLine(BenchRun.Inv($"  worker: {p.New} new, {p.Duplicates} duplicates, {p.Filtered} filtered, {p.Queued} queued, {p.FailedSources} sources failed; statuses in the store: {string.Join(", ", p.Statuses.Select(kv => $"{kv.Key} {kv.Value}"))}"));
        if (p.New != p.Size.Total) bench.Note($"only {p.New} of {p.Size.Total} items were stored in the {p.Size} pass");
        bench.Add("ingest", $"end-to-end throughput, {s} items", BenchRun.Inv($"{p.ItemsPerSecond:0.0} items/s (pass {p.PassSeconds:0.0} s; process {p.Run.Wall.TotalSeconds:0.0} s with start-up and model load; load average {p.LoadBefore:0.0}→{p.LoadAfter:0.0})"),
            cmd, headline: true);
        bench.Add("ingest", $"worker CPU per item, {s} items", BenchRun.Inv($"{p.CpuMsPerItem:0.0} ms (worker CPU {p.Run.CpuTime.TotalSeconds:0.0} s = {p.Run.CpuTime.TotalSeconds / p.Run.Wall.TotalSeconds:0.00} cores busy on average)"), cmd);
        bench.Add("ingest", $"publisher (this process) CPU during the pass, {s} items", BenchRun.Inv($"{p.ServerCpu.TotalSeconds:0.0} s, of which page rendering {p.RenderCpu.TotalSeconds:0.0} s (an artefact of serving from the same 2 cores)"), cmd);
        bench.Add("ingest", $"traffic, {s} items", BenchRun.Inv($"{p.Requests:N0} requests ({p.ListingRequests} listings, {p.PageRequests:N0} pages, {p.RobotsRequests} robots.txt), {p.Bytes / 1048576.0:N0} MB"), cmd);
        var curve = p.Run.RssCurve.Count == 0 ? "" : "; RSS over the run: " + string.Join(", ",
            new[] { 0.1, 0.25, 0.5, 0.75, 1.0 }.Select(q => p.Run.RssCurve[Math.Min(p.Run.RssCurve.Count - 1, (int)(q * (p.Run.RssCurve.Count - 1)))])
                .Select(c => BenchRun.Inv($"{c.Seconds:0}s {c.RssBytes / 1048576.0:0}")).Distinct()) + " MB";
        bench.Add("ingest", $"worker peak RSS (VmHWM), {s} items", BenchRun.Inv($"{p.Run.PeakRssBytes / 1048576.0:0} MB{curve}"), cmd,
            goal: p.Size.Total >= 20_000 ? "< 300 MB" : null, met: p.Size.Total >= 20_000 ? p.Run.PeakRssBytes < 300L * 1048576 : null, headline: p.Size.Total >= 20_000 || bench.Quick);
    }

    // ---------------------------------------------------------------- re-poll of the unchanged web

    private static async Task RepollAsync(BenchRun bench, Size size, LoopbackWeb server, string settings, string dir, string sub)
    {
        var cmd = bench.Command(sub);
        foreach (var honour in new[] { true, false })
        {
            server.HonourConditional = honour;
            var p = await PassAsync(bench, size, server, settings, dir);
            server.HonourConditional = true;
            var label = honour ? "re-poll, publisher answers 304" : "re-poll, publisher ignores If-None-Match (200 every time)";
            bool met = p.ListingRequests == size.Publishers && p.ConditionalRequests == size.Publishers && p.PageRequests == 0 && (!honour || p.NotModified == size.Publishers);
            bench.Add("repoll", $"{label}, {size.Total:N0} items stored",
                BenchRun.Inv($"{p.ListingRequests} listing requests for {size.Publishers} sources ({p.ConditionalRequests} conditional, {p.NotModified} answered 304), {p.PageRequests} article fetches, plus {p.RobotsRequests} robots.txt; {p.Bytes / 1024.0:N0} KB; pass {p.PassSeconds:0.00} s (process {p.Run.Wall.TotalSeconds:0.0} s, {p.Run.CpuTime.TotalSeconds:0.0} s CPU), {p.New} new"),
                cmd, goal: "one conditional request per source, no article fetches", met: met, headline: honour);
        }
    }

    // ---------------------------------------------------------------- the limit: parse + extraction over the same pages in memory

    /// <summary>Parse + extraction over the web's pages in memory (at most <paramref name="maxPages"/>, spread evenly: the pages are drawn from one distribution).</summary>
    public static LimitResult Limit(SyntheticWeb web, BenchRun bench, int maxPages)
    {
        const int Batch = 500;
        var every = web.All().ToList();
        int step = Math.Max(1, (every.Count + maxPages - 1) / maxPages);
        var all = every.Where((_, k) => k % step == 0).ToList();
        // Warm-up so that the limit is the steady state (tiered JIT promotes hot methods after ~30 calls and a pause;
        // the worker's cold start is reported separately).
        var warm = all.Take(50).Select(a => web.Page(a.Publisher, a.Index)).ToList();
        for (int r = 0; r < 6; r++) foreach (var h in warm) ArticleExtractor.Extract(h, new Uri("http://127.0.0.1/"));
        Thread.Sleep(500);
        for (int r = 0; r < 2; r++) foreach (var h in warm) ArticleExtractor.Extract(h, new Uri("http://127.0.0.1/"));
        double bytes = 0;
        var truth = new Dictionary<string, string>();
        var predicted = new Dictionary<string, string>();
        TimeSpan singleWall = default, singleCpu = default, parWall = default, parCpu = default, parseCpu = default;
        var load = Cpu.LoadAverage();
        for (int start = 0; start < all.Count; start += Batch)
        {
            var batch = all.Skip(start).Take(Batch).Select(a => (Html: web.Page(a.Publisher, a.Index), Url: new Uri($"http://127.0.0.1{SyntheticWeb.ArticlePath(a)}"))).ToList();
            bytes += batch.Sum(b => (double)System.Text.Encoding.UTF8.GetByteCount(b.Html));
            GC.Collect();
            var cpu0 = Cpu.Thread();
            var clock = Stopwatch.StartNew();
            var texts = batch.Select(b => ArticleExtractor.Extract(b.Html, b.Url).Text).ToList();
            singleWall += clock.Elapsed;
            singleCpu += Cpu.Thread() - cpu0;
            for (int k = 0; k < batch.Count; k++)
            {
                var a = all[start + k];
                var id = $"{a.Publisher}/{a.Index}";
                truth[id] = string.Join("\n", a.Paragraphs);
                predicted[id] = texts[k];
            }

            GC.Collect();
            cpu0 = Cpu.Thread();
            foreach (var (html, _) in batch) new HtmlParser().ParseDocument(html);
            parseCpu += Cpu.Thread() - cpu0;

            GC.Collect();
            var pcpu0 = Cpu.Process();
            clock.Restart();
            Parallel.ForEach(batch, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, b => ArticleExtractor.Extract(b.Html, b.Url));
            parWall += clock.Elapsed;
            parCpu += Cpu.Process() - pcpu0;
        }
        int n = all.Count;
        return new LimitResult(n, bytes / n / 1024, n / singleWall.TotalSeconds, singleCpu.TotalMilliseconds / n, n / parWall.TotalSeconds, parCpu.TotalMilliseconds / n,
            parseCpu.TotalMilliseconds / n, (load + Cpu.LoadAverage()) / 2, Pipeline.Ingest.Tests.Extracting.ExtractionBenchmark.Score(truth, predicted),
            predicted.Values.Average(t => t.Length), truth.Values.Average(t => t.Length));
    }

    private static void ReportLimit(BenchRun bench, PassResult p, LimitResult l)
    {
        var cmd = bench.Command("ingest");
        string s = p.Size.Total.ToString("N0", CultureInfo.InvariantCulture);
        bench.Add("limit", $"limit: parse + extraction in memory, {s} items' pages ({(l.Pages == p.Size.Total ? "all" : $"an even sample of {l.Pages:N0}")}, avg {l.AvgKb:0} KB)",
            BenchRun.Inv($"{l.ParallelWallPps:0.0} pages/s on {Environment.ProcessorCount} threads, {l.SingleWallPps:0.0} pages/s on 1 thread; CPU {l.SingleCpuMsPerPage:0.0} ms/page (AngleSharp parse alone {l.ParseOnlyCpuMsPerPage:0.0} ms); load average {l.LoadAverage:0.0}"),
            cmd, headline: true);
        bench.Add("limit", $"extraction quality on these generated pages ({l.Pages:N0})", BenchRun.Inv($"F1 {l.Quality.F1:0.000}, precision {l.Quality.Precision:0.000}, recall {l.Quality.Recall:0.000} against the generated article bodies; extracted text {l.AvgTextChars:N0} chars on average for bodies of {l.AvgBodyChars:N0}"), cmd);
        double wallRatio = p.ItemsPerSecond / l.ParallelWallPps;
        double cpuRatio = l.SingleCpuMsPerPage / p.CpuMsPerItem;
        bench.Add("limit", $"ratio end-to-end / limit, {s} items",
            BenchRun.Inv($"{cpuRatio:0.00} by CPU time (limit {l.SingleCpuMsPerPage:0.0} ms/page ÷ worker {p.CpuMsPerItem:0.0} ms/item); {wallRatio:0.00} by wall time ({p.ItemsPerSecond:0.0} items/s ÷ {l.ParallelWallPps:0.0} pages/s)"),
            cmd, goal: "≥ 0.5", met: cpuRatio >= 0.5, headline: true);
    }

    // ---------------------------------------------------------------- where the time goes

    private static async Task BreakdownAsync(BenchRun bench, SyntheticWeb web, LoopbackWeb server, PassResult pass, LimitResult limit)
    {
        // Warm-up on the first one or two sources (own database, not counted), so the table shows the steady state.
        var warmDir = bench.Fresh($"breakdown-warmup-{web.TotalItems}");
        await StageProfiler.RunAsync(bench, Sources(web, server).Take(bench.Quick ? 1 : 2).ToList(), Path.Combine(warmDir, "pipeline.db"), web.ItemsPerPublisher);
        Thread.Sleep(500);
        var dir = bench.Fresh($"breakdown-{web.TotalItems}");
        server.ResetCounters();
        var r = await StageProfiler.RunAsync(bench, Sources(web, server), Path.Combine(dir, "pipeline.db"), web.ItemsPerPublisher);
        var render = TimeSpan.FromTicks(server.RenderCpuTicks);
        var totalCpu = r.Stages.Sum(s => s.Cpu.TotalMilliseconds) - render.TotalMilliseconds;
        var rows = r.Stages.Select(s =>
        {
            var cpu = s.Cpu.TotalMilliseconds - (s.Name == "page fetch" ? render.TotalMilliseconds : 0);
            return (IReadOnlyList<string>)
            [
                s.Name + (s.Name == "page fetch" ? " (minus publisher rendering)" : ""),
                BenchRun.Inv($"{s.Wall.TotalMilliseconds / r.Items:0.00}"),
                BenchRun.Inv($"{cpu / r.Items:0.00}"),
                BenchRun.Inv($"{100 * cpu / totalCpu:0.0} %"),
                s.Allocated == 0 ? "" : BenchRun.Inv($"{s.Allocated / (double)r.Items / 1024:0}"),
            ];
        }).ToList();
        rows.Add(["total", BenchRun.Inv($"{r.Stages.Sum(s => s.Wall.TotalMilliseconds) / r.Items:0.00}"), BenchRun.Inv($"{totalCpu / r.Items:0.00}"), "100 %",
            BenchRun.Inv($"{r.Stages.Sum(s => s.Allocated) / (double)r.Items / 1024:0}")]);
        bench.Table(BenchRun.Inv($"Per-stage cost per item, {r.Items:N0} items, one source and one item at a time (same calls and order as SourceRefresh; `{bench.Command("ingest")}`). CPU of async stages is process CPU and includes the runtime's background threads."),
            ["stage", "wall ms/item", "CPU ms/item", "share of CPU", "KB allocated/item"], rows);
        var extract = r.Stages.First(s => s.Name == "extract");
        bench.Add("breakdown", "sequential pipeline cost per item (in-process, warm)", BenchRun.Inv($"{totalCpu / r.Items:0.0} ms CPU, of which extract {extract.Cpu.TotalMilliseconds / r.Items:0.0} ms; {r.Items / r.Wall.TotalSeconds:0.0} items/s on one thread"),
            bench.Command("ingest"));
        bench.Add("breakdown", "statuses in the breakdown run", string.Join(", ", r.Statuses.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}")), bench.Command("ingest"));
        // The rest of the worker's CPU beyond the in-process, warm, per-stage total: start-up, model load, JIT, GC, parallel overhead.
        var overhead = pass.CpuMsPerItem - totalCpu / r.Items;
        bench.Add("breakdown", "worker CPU per item beyond the warm stage total",
            BenchRun.Inv($"{overhead:0.0} ms/item ({pass.CpuMsPerItem:0.0} in the child pass vs {totalCpu / r.Items:0.0} warm in-process): start-up, model load, JIT warm-up, GC"), bench.Command("ingest"));
    }

    private static void Scaling(BenchRun bench, List<PassResult> passes)
    {
        var first = passes[0];
        bench.Table($"How cost grows with N·M (`{bench.Command("ingest")}`; the worker as a child process, production defaults)",
            ["N×M", "items", "pass s", "items/s", "worker CPU s", "CPU ms/item", "peak RSS MB", "load avg"],
            passes.Select(p => (IReadOnlyList<string>)
            [
                p.Size.ToString(), p.New.ToString("N0", CultureInfo.InvariantCulture), BenchRun.Inv($"{p.PassSeconds:0.0}"), BenchRun.Inv($"{p.ItemsPerSecond:0.0}"),
                BenchRun.Inv($"{p.Run.CpuTime.TotalSeconds:0.0}"), BenchRun.Inv($"{p.CpuMsPerItem:0.0}"), BenchRun.Inv($"{p.Run.PeakRssBytes / 1048576.0:0}"), BenchRun.Inv($"{p.LoadBefore:0.0}→{p.LoadAfter:0.0}"),
            ]));
        var last = passes[^1];
        double growth = last.CpuMsPerItem / first.CpuMsPerItem;
        bench.Add("scaling", $"CPU per item at {last.Size.Total:N0} vs {first.Size.Total:N0} items", BenchRun.Inv($"×{growth:0.00} ({first.CpuMsPerItem:0.0} → {last.CpuMsPerItem:0.0} ms/item)"),
            bench.Command("ingest"), goal: "linear (≈ ×1)", met: growth < 1.25, headline: true);
        double memGrowth = (double)last.Run.PeakRssBytes / first.Run.PeakRssBytes;
        bench.Add("scaling", $"peak RSS at {last.Size.Total:N0} vs {first.Size.Total:N0} items", BenchRun.Inv($"×{memGrowth:0.00} ({first.Run.PeakRssBytes / 1048576.0:0} → {last.Run.PeakRssBytes / 1048576.0:0} MB) for ×{(double)last.Size.Total / first.Size.Total:0} items"),
            bench.Command("ingest"), headline: true);
    }

    /// <summary>
    /// The worker ships with server GC (the Web SDK's default). The same passes with workstation GC
    /// (<c>DOTNET_gcServer=0</c>) show what that costs in memory; compared with the server-GC passes above.
    /// </summary>
    private static async Task GcModeAsync(BenchRun bench, string what, List<PassResult> serverPasses)
    {
        bench.Section("Worker memory by GC mode");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var server in serverPasses.Where(p => what == "rss" || p.Size.Total <= 5_000))
        {
            var size = server.Size;
            var web = new SyntheticWeb(size.Publishers, size.Items);
            await using var loopback = await LoopbackWeb.StartAsync(web);
            var dir = bench.Fresh($"gc-workstation-{size.Total}");
            var settings = WriteSettings(bench, dir, Sources(web, loopback), size.Items);
            var p = await PassAsync(bench, size, loopback, settings, dir, new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" });
            foreach (var (label, r) in new[] { ("server GC (as shipped)", server), ("workstation GC (DOTNET_gcServer=0)", p) })
                rows.Add([size.Total.ToString("N0", CultureInfo.InvariantCulture), label, BenchRun.Inv($"{r.Run.PeakRssBytes / 1048576.0:0}"), BenchRun.Inv($"{r.PassSeconds:0.0}"),
                    BenchRun.Inv($"{r.ItemsPerSecond:0.0}"), BenchRun.Inv($"{r.CpuMsPerItem:0.0}"), BenchRun.Inv($"{r.LoadBefore:0.0}")]);
            bench.Add("gc", $"worker peak RSS with workstation GC, {size.Total:N0} items", BenchRun.Inv($"{p.Run.PeakRssBytes / 1048576.0:0} MB (server GC: {server.Run.PeakRssBytes / 1048576.0:0} MB); {p.CpuMsPerItem:0.0} ms CPU/item (server GC: {server.CpuMsPerItem:0.0})"),
                bench.Command(what), goal: size.Total >= 20_000 ? "< 300 MB" : null, met: size.Total >= 20_000 ? p.Run.PeakRssBytes < 300L * 1048576 : null, headline: true);
        }
        bench.Table($"Worker peak RSS (VmHWM) by GC mode (`{bench.Command(what)}`)", ["items", "GC", "peak RSS MB", "pass s", "items/s", "CPU ms/item", "load avg"], rows);
    }
}
