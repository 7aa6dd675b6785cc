using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Ingest.Sources;
using Pipeline.Store;
using Pipeline.Worker.Classification;
using Pipeline.Worker.Configuration;
using Pipeline.Worker.Export;
using Pipeline.Worker.Hosting;
using Pipeline.Worker.Ingestion;

namespace Pipeline.Worker.Cli;

/// <summary>Entry point of every command. Configuration is loaded and validated before any work.</summary>
public static class Commands
{
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, CancellationToken ct = default, TextReader? stdin = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        CommandLine cl;
        IConfigurationRoot configuration;
        PipelineOptions options;
        try
        {
            cl = CommandLine.Parse(args);
            if (cl.Flags.Contains("--help") || cl.Flags.Contains("-h") || cl.Command == "help")
            {
                await stdout.WriteLineAsync(Usage.Text);
                return 0;
            }
            configuration = PipelineConfiguration.Build(cl.All("--settings"));
            options = PipelineConfiguration.Bind(configuration);
            ConfigValidator.ThrowIfInvalid(options);
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}\n\n{Usage.Text}");
            return 2;
        }
        catch (ConfigurationException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return 2;
        }

        try
        {
            return cl.Command switch
            {
                "run" => await PipelineHost.RunAsync(configuration, options, args, ct),
                "ingest" => await IngestAsync(cl, configuration, options, stdout, ct),
                "export" => await ExportAsync(cl, configuration, options, stdout, ct),
                "reviewers" => await ReviewCommands.ReviewersAsync(cl, configuration, options, stdout, stderr, ct),
                "demo" => await ReviewCommands.DemoAsync(cl, stdout, stderr, ct),
                "sources" => await WithStoreAsync(configuration, options, ct, services => SourceCommands.RunAsync(cl, options, services, stdout, ct)),
                "evaluate" or "classify" or "train" or "models" => await WithStoreAsync(configuration, options, ct, services => cl.Command switch
                {
                    "evaluate" => ModelCommands.EvaluateAsync(cl, services, stdout, ct),
                    "classify" => ModelCommands.ClassifyAsync(cl, services, stdin ?? Console.In, stdout, ct),
                    "train" => ModelCommands.TrainAsync(cl, services, stdout, ct),
                    _ => ModelCommands.ModelsAsync(cl, services, stdout, ct),
                }),
                _ => throw new UsageException($"unknown command '{cl.Command}'"),
            };
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}\n\n{Usage.Text}");
            return 2;
        }
        // Bad settings or input, or a file the command reads or writes (--in, --out, --json, --data) that the file system
        // refuses: one line, exit 2.
        catch (Exception e) when (e is ConfigurationException or InputException or IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("cancelled; everything stored so far is kept");
            return 130;
        }
    }

    /// <summary>
    /// Services for a one-shot command, with console logging configured from <c>Logging</c>. Every log line goes to
    /// standard error: standard output is the command's result (<c>classify --out -</c>, <c>export --out -</c>) and
    /// must stay machine-readable.
    /// </summary>
    public static ServiceProvider BuildServices(IConfiguration configuration, PipelineOptions options)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        }).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddPipeline(options);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static async Task<int> IngestAsync(CommandLine cl, IConfiguration configuration, PipelineOptions options, TextWriter stdout, CancellationToken ct)
    {
        cl.Allow("--source");
        var wanted = cl.All("--source");
        var unknown = wanted.Where(id => options.Sources.All(s => !string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0) throw new UsageException($"unknown source id(s): {string.Join(", ", unknown)} (see Pipeline:Sources)");
        var selected = wanted.Count > 0
            ? options.Sources.Where(s => wanted.Contains(s.Id, StringComparer.OrdinalIgnoreCase)).ToList()
            : options.Sources.Where(s => s.Enabled).ToList();

        await using var services = BuildServices(configuration, options);
        var db = services.GetRequiredService<Database>();
        await db.MigrateAsync(ct);
        await stdout.WriteLineAsync($"store: {db.DataSource}");
        await services.GetRequiredService<ClassifierProvider>().GetAsync(ct);

        var clock = Stopwatch.StartNew();
        int done = 0;
        bool terminal = !Console.IsOutputRedirected && ReferenceEquals(stdout, Console.Out);
        var summaries = await services.GetRequiredService<IngestPass>().RunAsync(selected, s =>
        {
            var n = Interlocked.Increment(ref done);
            if (terminal) lock (stdout) stdout.WriteLine($"[{n}/{selected.Count}] {s}");
        }, ct, force: wanted.Count > 0);

        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"{"source",-28} {"new",5} {"dupl",5} {"filt",5} {"queue",5} {"err",4}  status");
        foreach (var s in summaries)
            await stdout.WriteLineAsync($"{Trim(s.SourceId, 28),-28} {s.New,5} {s.Duplicates,5} {s.Filtered,5} {s.Queued,5} {s.ItemErrors + (s.Error is null ? 0 : 1),4}  " +
                (s.Skipped is not null ? $"skipped: {s.Skipped}" : s.Error is not null ? $"FAILED: {s.Error}" : s.NotModified ? "not modified" : s.Warning is not null ? $"ok ({s.Format}); warning: {s.Warning}" : $"ok ({s.Format})"));
        await stdout.WriteLineAsync($"total: {summaries.Sum(s => s.New)} new, {summaries.Sum(s => s.Duplicates)} duplicates, {summaries.Sum(s => s.Filtered)} filtered, " +
            $"{summaries.Sum(s => s.Queued)} queued, {summaries.Count(s => s.Error is not null)} of {summaries.Count} sources failed, {summaries.Count(s => s.Skipped is not null)} backing off, in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private static async Task<int> WithStoreAsync(IConfiguration configuration, PipelineOptions options, CancellationToken ct, Func<IServiceProvider, Task<int>> body)
    {
        await using var services = BuildServices(configuration, options);
        await services.GetRequiredService<Database>().MigrateAsync(ct);
        return await body(services);
    }

    private static string Trim(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";

    private static async Task<int> ExportAsync(CommandLine cl, IConfiguration configuration, PipelineOptions options, TextWriter stdout, CancellationToken ct)
    {
        cl.Allow("--format", "--out", "--status");
        var format = cl.One("--format") ?? throw new UsageException("export needs --format jsonl|csv");
        if (format is not ("jsonl" or "csv")) throw new UsageException($"--format must be jsonl or csv, not '{format}'");
        var outPath = cl.One("--out") ?? throw new UsageException("export needs --out FILE (or --out - for standard output)");
        OutputPath.EnsureFolder(outPath, "--out");
        var status = cl.One("--status") ?? "all";
        if (status != "all" && !ItemStore.Statuses.Contains(status))
            throw new UsageException($"--status must be one of {string.Join(", ", ItemStore.Statuses)} or all, not '{status}'");

        await using var services = BuildServices(configuration, options);
        var db = services.GetRequiredService<Database>();
        await db.MigrateAsync(ct);
        var items = services.GetRequiredService<ItemStore>().ListAsync(status == "all" ? null : status, ct);
        if (outPath == "-")
        {
            await Exporter.WriteAsync(items, format, stdout, ct);
            return 0;
        }
        var full = Path.GetFullPath(outPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".partial";
        int n;
        await using (var writer = new StreamWriter(temp, false, new System.Text.UTF8Encoding(false)))
            n = await Exporter.WriteAsync(items, format, writer, ct);
        File.Move(temp, full, overwrite: true);
        await stdout.WriteLineAsync($"exported {n} item(s) with status {status} to {full}");
        return 0;
    }
}
