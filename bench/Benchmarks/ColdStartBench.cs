using System.Globalization;
using Pipeline.Bench.Corpus;
using Pipeline.Bench.Infrastructure;

namespace Pipeline.Bench.Benchmarks;

/// <summary>
/// How much of the worker's CPU per item is JIT warm-up: the same 1k-item pass with the worker as built, with JIT
/// settings changed by environment variables, and published ReadyToRun (AngleSharp, SmartReader, ML.NET and the
/// pipeline precompiled; the repository's sources are copied to the work folder and published there, so nothing in
/// the repository changes).
/// </summary>
public static class ColdStartBench
{
    public static async Task RunAsync(BenchRun bench)
    {
        await bench.EnsureModelAsync();
        var size = IngestBench.Sizes(true)[0];
        bench.Section($"Worker cold start: JIT settings and ReadyToRun, {size} = {size.Total:N0} items");
        var cmd = bench.Command("coldstart");
        var r2r = await PublishReadyToRunAsync(bench);
        var web = new SyntheticWeb(size.Publishers, size.Items);
        await using var server = await LoopbackWeb.StartAsync(web);
        var rows = new List<IReadOnlyList<string>>();
        var variants = new List<(string Label, string? Dll, Dictionary<string, string>? Env)>
        {
            ("as built (tiered JIT, dynamic PGO off, server GC)", null, null),
            ("DOTNET_TieredPGO=1 (dynamic PGO on, the .NET default)", null, new() { ["DOTNET_TieredPGO"] = "1" }),
            ("DOTNET_TieredCompilation=0 (full JIT at once)", null, new() { ["DOTNET_TieredCompilation"] = "0" }),
        };
        if (r2r is not null) variants.Add(("published ReadyToRun", r2r, null));
        foreach (var (label, dll, env) in variants)
        {
            var dir = bench.Fresh($"coldstart-{rows.Count}");
            var settings = IngestBench.WriteSettings(bench, dir, IngestBench.Sources(web, server), size.Items);
            var p = await IngestBench.PassAsync(bench, size, server, settings, dir, env, dll);
            rows.Add([label, BenchRun.Inv($"{p.Run.Wall.TotalSeconds:0.0}"), BenchRun.Inv($"{p.PassSeconds:0.0}"), BenchRun.Inv($"{p.Run.CpuTime.TotalSeconds:0.0}"),
                BenchRun.Inv($"{p.CpuMsPerItem:0.0}"), BenchRun.Inv($"{p.Run.PeakRssBytes / 1048576.0:0}"), BenchRun.Inv($"{p.LoadBefore:0.0}")]);
            bench.Add("coldstart", $"worker, {label}, {size.Total:N0} items", BenchRun.Inv($"{p.CpuMsPerItem:0.0} ms CPU/item, process {p.Run.Wall.TotalSeconds:0.0} s, pass {p.PassSeconds:0.0} s, peak RSS {p.Run.PeakRssBytes / 1048576.0:0} MB"), cmd);
        }
        bench.Table($"The same {size.Total:N0}-item pass by JIT mode (`{cmd}`)", ["worker", "process s", "pass s", "CPU s", "CPU ms/item", "peak RSS MB", "load avg"], rows);
    }

    private static async Task<string?> PublishReadyToRunAsync(BenchRun bench)
    {
        var root = Path.Combine(bench.WorkDir, "r2r");
        var src = Path.Combine(root, "src");
        var outDir = Path.Combine(root, "out");
        if (Directory.Exists(root)) Directory.Delete(root, true);
        foreach (var project in new[] { "Ingest", "Classify", "Store", "Worker" })
            Copy(Path.Combine(bench.RepoRoot, project), Path.Combine(src, project));
        foreach (var file in new[] { "Directory.Build.props", "appsettings.json" })
            File.Copy(Path.Combine(bench.RepoRoot, file), Path.Combine(src, file));
        var run = await Proc.RunAsync("dotnet", ["publish", Path.Combine(src, "Worker", "Worker.csproj"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
            "-p:PublishReadyToRun=true", "-o", outDir, "--nologo"], src, timeout: TimeSpan.FromMinutes(10));
        var dll = Path.Combine(outDir, "Pipeline.Worker.dll");
        if (run.ExitCode != 0 || !File.Exists(dll))
        {
            bench.Note($"ReadyToRun publish failed (exit {run.ExitCode}): {string.Join(" ", run.Stdout.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(3))}");
            return null;
        }
        return dll;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (name is "bin" or "obj") continue;
            Copy(dir, Path.Combine(to, name));
        }
    }
}
