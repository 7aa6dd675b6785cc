using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Classify;
using Pipeline.Ingest.Fetching;
using Pipeline.Ingest.Sources;
using Pipeline.Store;
using Pipeline.Worker.Classification;
using Pipeline.Worker;
using Pipeline.Worker.Cli;

namespace Pipeline.Bench.Infrastructure;

/// <summary>One reported figure, with the command that reproduces it.</summary>
public sealed record Figure(string Section, string Name, string Value, string? Goal, bool? Met, string Command, bool Headline);

/// <summary>Run-wide state: mode, folders, the report.</summary>
public sealed class BenchRun
{
    public required bool Quick { get; init; }
    public required string WorkDir { get; init; }
    public string RepoRoot { get; } = FindRepoRoot();
    public string ModelDirectory => Path.Combine(WorkDir, "models");
    public List<Figure> Figures { get; } = [];
    public List<string> Notes { get; } = [];
    public StringBuilder Markdown { get; } = new();

    public static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    public string Command(string sub, string? extra = null) =>
        $"dotnet run -c Release --project bench -- {sub}{(extra is null ? "" : " " + extra)}{(Quick ? " --quick" : "")}";

    public void Add(string section, string name, string value, string command, string? goal = null, bool? met = null, bool headline = false)
    {
        var f = new Figure(section, name, value, goal, met, command, headline);
        Figures.Add(f);
        var verdict = met is null ? "" : met.Value ? "  [goal met]" : "  [GOAL MISSED]";
        var line = $"  {name}: {value}{(goal is null ? "" : $"  (goal {goal})")}{verdict}";
        Console.WriteLine(line);
        // Appended as it goes, so a run stopped half-way still leaves its figures.
        File.AppendAllText(Path.Combine(WorkDir, "progress.log"), $"{DateTime.UtcNow:HH:mm:ss} [{section}] {line.Trim()}  — {command}\n");
    }

    public void Section(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"== {title} ==");
        Markdown.AppendLine().AppendLine($"### {title}").AppendLine();
    }

    public void Table(string caption, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var rowList = rows.ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rowList.Count == 0 ? 0 : rowList.Max(r => r[i].Length))).ToArray();
        Console.WriteLine();
        Console.WriteLine($"  {caption}");
        Console.WriteLine("  " + string.Join("  ", header.Select((h, i) => h.PadLeft(widths[i]))));
        foreach (var r in rowList) Console.WriteLine("  " + string.Join("  ", r.Select((c, i) => c.PadLeft(widths[i]))));
        Markdown.AppendLine($"{caption}").AppendLine();
        Markdown.AppendLine("| " + string.Join(" | ", header) + " |");
        Markdown.AppendLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var r in rowList) Markdown.AppendLine("| " + string.Join(" | ", r) + " |");
        Markdown.AppendLine();
    }

    public void Note(string text)
    {
        Notes.Add(text);
        Console.WriteLine($"  note: {text}");
        Markdown.AppendLine($"- {text}");
    }

    /// <summary>Writes the figures (JSON) and the tables (Markdown) under the work folder; returns the JSON path.</summary>
    public string Save(string command)
    {
        var dir = Path.Combine(WorkDir, "results");
        Directory.CreateDirectory(dir);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var name = $"{command}{(Quick ? "-quick" : "")}-{stamp}";
        var json = Path.Combine(dir, name + ".json");
        File.WriteAllText(json, JsonSerializer.Serialize(new { command, quick = Quick, machine = Machine.Describe(), at = DateTime.UtcNow, figures = Figures, notes = Notes },
            new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText(Path.Combine(dir, name + ".md"), Markdown.ToString());
        return json;
    }

    public static string FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Set by <c>--worker DLL</c> to measure another build of the worker.</summary>
    public string? WorkerOverride { get; init; }

    /// <summary>The worker program built next to this benchmark (same configuration: Release under <c>dotnet run -c Release</c>).</summary>
    public string WorkerDll
    {
        get
        {
            if (WorkerOverride is not null) return Path.GetFullPath(WorkerOverride);
            var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = tfmDir.Parent?.Name ?? "Release";
            var dll = Path.Combine(RepoRoot, "Worker", "bin", configuration, tfmDir.Name, "Pipeline.Worker.dll");
            if (!File.Exists(dll)) throw new FileNotFoundException($"worker not built: {dll}", dll);
            return dll;
        }
    }

    public string BenchDll => typeof(BenchRun).Assembly.Location;

    /// <summary>Options for in-process runs: a database file, the shared model folder, loopback allowed.</summary>
    public PipelineOptions Options(string databasePath, List<SourceDefinition>? sources = null, int maxItemsPerSource = 200) => new()
    {
        Sources = sources ?? [],
        Storage = new StorageOptions { Provider = "Sqlite", ConnectionString = $"Data Source={databasePath}" },
        Classify = new ClassifyOptions { ModelDirectory = ModelDirectory },
        Fetch = new FetchOptions { AllowPrivateNetworks = true, MaxItemsPerSource = maxItemsPerSource },
    };

    public static IConfiguration QuietLogging() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" })
        .Build();

    /// <summary>The services of an in-process run over <paramref name="options"/>, logging warnings only.</summary>
    public ServiceProvider Services(PipelineOptions options) => Commands.BuildServices(Configuration(options));

    /// <summary>
    /// <paramref name="options"/> as a configuration, since the composition binds each options class from its section
    /// (<c>Pipeline:Fetch</c>, …) like the program does from its settings files.
    /// </summary>
    public static IConfiguration Configuration(PipelineOptions options)
    {
        var json = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        };
        return new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(new { Pipeline = options }, json)))
            .AddConfiguration(QuietLogging())
            .Build();
    }

    /// <summary>
    /// Makes sure the shared model folder holds a model of the shipped corpus (trained once, about 30 s; later runs
    /// adopt it). Returns the training time when it had to train, else null.
    /// </summary>
    public async Task<TimeSpan?> EnsureModelAsync()
    {
        var db = Path.Combine(WorkDir, "model-bootstrap.db");
        await using var services = Services(Options(db));
        await services.GetRequiredService<Database>().MigrateAsync();
        var provider = services.GetRequiredService<ClassifierProvider>();
        bool existed = Directory.Exists(ModelDirectory) && Directory.EnumerateDirectories(ModelDirectory).Any();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await provider.GetAsync();
        return existed ? null : clock.Elapsed;
    }

    /// <summary>A fresh folder for one measurement (deleted first if it exists).</summary>
    public string Fresh(string name)
    {
        var dir = Path.Combine(WorkDir, "runs", name);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
