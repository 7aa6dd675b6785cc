using System.CommandLine;
using System.CommandLine.Invocation;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Store;
using Pipeline.Worker.Classification;
using Pipeline.Worker.Configuration;
using Pipeline.Worker.Export;
using Pipeline.Worker.Hosting;
using Pipeline.Worker.Ingestion;

namespace Pipeline.Worker.Cli;

/// <summary>
/// The standard streams of one run, and the settings every command loads before any work (<c>--settings</c>, layered
/// over <c>appsettings.json</c>, validated).
/// </summary>
public sealed class Session(TextWriter stdout, TextWriter stderr, TextReader stdin)
{
    public TextWriter Stdout { get; } = stdout;
    public TextWriter Stderr { get; } = stderr;
    public TextReader Stdin { get; } = stdin;

    public async Task<int> WithSettingsAsync(ParseResult result, Func<IConfigurationRoot, PipelineOptions, Task<int>> body)
    {
        var configuration = PipelineConfiguration.Build(result.GetValue<string[]>(CommandLine.SettingsName) ?? []);
        var options = PipelineConfiguration.Bind(configuration);
        PipelineConfiguration.Validate(configuration);
        return await body(configuration, options);
    }

    /// <summary>The services of a one-shot command over a migrated store.</summary>
    public async Task<int> WithStoreAsync(IConfiguration configuration, Func<IServiceProvider, Task<int>> body, CancellationToken ct)
    {
        await using var services = Commands.BuildServices(configuration);
        await services.GetRequiredService<Database>().MigrateAsync(ct);
        return await body(services);
    }
}

/// <summary>
/// Entry point of every command: parse (<see cref="CommandLine"/>), run, and map every error to its exit code
/// (<see cref="ExitCodes"/>).
/// </summary>
public static class Commands
{
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null,
        CancellationToken ct = default, TextReader? stdin = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var session = new Session(stdout, stderr, stdin ?? Console.In);
        var cli = new CommandLine(session);
        var parsed = cli.Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            // A word the command does not know says more than the missing subcommand it caused.
            var errors = parsed.Errors.Select(e => e.Message.TrimEnd('.')).ToList();
            if (errors.Any(e => e.StartsWith("Unrecognized", StringComparison.Ordinal)))
                errors.RemoveAll(e => e.StartsWith("Required command", StringComparison.Ordinal));
            await stderr.WriteLineAsync(OneLine(string.Join("; ", errors), parsed));
            return ExitCodes.Usage;
        }
        try
        {
            var invocation = new InvocationConfiguration
            {
                Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
            };
            return await parsed.InvokeAsync(invocation, ct);
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync(OneLine(e.Message, parsed));
            return ExitCodes.Usage;
        }
        // Invalid settings: one line per problem, exit 2 (also when the host's own start-up validation finds them).
        catch (Exception e) when (((e as ConfigurationException)?.Problems ?? PipelineConfiguration.Problems(e)) is { } problems)
        {
            foreach (var problem in problems) await stderr.WriteLineAsync($"error: {Flat(problem)}");
            return ExitCodes.Usage;
        }
        // Bad input, or a file the command reads or writes (--in, --out, --json, --data) that the file system refuses:
        // one line, exit 2.
        catch (Exception e) when (e is InputException or IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: {Flat(e.Message)}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("cancelled; everything stored so far is kept");
            return ExitCodes.Interrupted;
        }
        // A bug or an unexpected failure: the first line says what, the details follow for the maintainer. (The test host
        // factory's HostAbortedException must reach it.)
        catch (Exception e) when (e is not HostAbortedException)
        {
            await stderr.WriteLineAsync($"error: {Flat(e.Message)} ({e.GetType().Name})");
            await stderr.WriteLineAsync(e.ToString());
            return ExitCodes.Failed;
        }
    }

    /// <summary>A usage error: one line, with the way to the command's help.</summary>
    private static string OneLine(string message, ParseResult parsed)
    {
        var path = CommandLine.CommandPath(parsed);
        return $"error: {Flat(message)} — help: {CommandLine.Invocation} {(path.Length == 0 ? "" : path + " ")}--help";
    }

    private static string Flat(string message) => Regex.Replace(message.Trim(), @"\s*[\r\n]+\s*", " ");

    /// <summary>The host (no command, or <c>run</c>); an address in use is a failure while running (exit 1).</summary>
    public static async Task<int> HostAsync(IConfiguration configuration, PipelineOptions options, Session s, CancellationToken ct)
    {
        try
        {
            return await PipelineHost.RunAsync(configuration, options, [], ct);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            await s.Stderr.WriteLineAsync($"error: cannot listen on {options.Review.Urls}: {Flat(e.Message)} " +
                                          "(is the host already running? choose another address with " +
                                          "Pipeline__Review__Urls=http://127.0.0.1:5081)");
            return ExitCodes.Failed;
        }
    }

    /// <summary>
    /// Services for a one-shot command, with console logging configured from <c>Logging</c>. Every log line goes to
    /// standard error: standard output is the command's result (<c>classify --out -</c>, <c>export --out -</c>) and
    /// must stay machine-readable.
    /// </summary>
    public static ServiceProvider BuildServices(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        }).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddPipeline(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static async Task<int> IngestAsync(IReadOnlyList<string> wanted, IConfiguration configuration, PipelineOptions options,
        TextWriter stdout, CancellationToken ct)
    {
        var unknown = wanted.Where(id => options.Sources.All(s => !string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0) throw new UsageException($"unknown source id(s): {string.Join(", ", unknown)} (see Pipeline:Sources)");
        var selected = wanted.Count > 0
            ? options.Sources.Where(s => wanted.Contains(s.Id, StringComparer.OrdinalIgnoreCase)).ToList()
            : options.Sources.Where(s => s.Enabled).ToList();

        await using var services = BuildServices(configuration);
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

    private static string Trim(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";

    /// <summary><c>export</c>: <paramref name="format"/> and <paramref name="status"/> are checked by the parser.</summary>
    public static async Task<int> ExportAsync(string format, string outPath, string status, IConfiguration configuration,
        TextWriter stdout, CancellationToken ct)
    {
        OutputPath.EnsureFolder(outPath, "--out");

        await using var services = BuildServices(configuration);
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
