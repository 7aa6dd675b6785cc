using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Ingest.Sources;

namespace Pipeline.Worker.Configuration;

/// <summary>A configuration problem that must stop the program before anything runs (exit code 2).</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string message) : this([message])
    {
    }

    /// <summary>Every problem found, each a line of its own that names its key or source.</summary>
    public ConfigurationException(IReadOnlyList<string> problems) : base(string.Join("; ", problems)) => Problems = problems;

    public IReadOnlyList<string> Problems { get; }
}

/// <summary>
/// Builds the configuration: <c>appsettings.json</c> (working directory first, then next to the program),
/// then each <c>--settings FILE</c> in order, then environment variables (<c>Pipeline__…</c>).
/// A settings file that lists <c>Pipeline:Sources</c> replaces the catalogue instead of merging into it by
/// array index (index merging would silently mix two catalogues).
/// </summary>
public static class PipelineConfiguration
{
    public static string FindAppSettings()
    {
        var here = Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json");
        if (File.Exists(here)) return here;
        var beside = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(beside)) return beside;
        throw new ConfigurationException("appsettings.json not found in the working directory or next to the program");
    }

    public static IConfigurationRoot Build(IReadOnlyList<string> settingsFiles, string? appSettings = null)
    {
        var files = new List<string> { appSettings ?? FindAppSettings() };
        foreach (var f in settingsFiles)
        {
            var full = Path.GetFullPath(f);
            if (!File.Exists(full)) throw new ConfigurationException($"settings file not found: {f}");
            files.Add(full);
        }
        // The last file that lists sources owns the catalogue; earlier files contribute everything else.
        var catalogueOwner = files.LastOrDefault(DefinesSources);
        var builder = new ConfigurationBuilder();
        foreach (var file in files)
        {
            if (catalogueOwner is not null && file != catalogueOwner && DefinesSources(file))
                builder.AddJsonStream(new MemoryStream(WithoutSources(file)));
            else
                builder.AddJsonFile(file, optional: false, reloadOnChange: false);
        }
        builder.AddEnvironmentVariables();
        return builder.Build();
    }

    public static PipelineOptions Bind(IConfiguration configuration)
    {
        // The binder silently keeps the default for an enum value it cannot read; a typo in Kind must stop the program.
        foreach (var source in configuration.GetSection("Pipeline:Sources").GetChildren())
        {
            var kind = source["Kind"];
            if (kind is not null && !Enum.TryParse<SourceKind>(kind, ignoreCase: true, out _))
                throw new ConfigurationException($"configuration error: source '{source["Id"] ?? "#" + source.Key}': Kind '{kind}' is not one of {string.Join(", ", Enum.GetNames<SourceKind>())}");
        }
        var options = new PipelineOptions();
        try
        {
            configuration.GetSection(PipelineOptions.Section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException($"configuration error: {Explain(configuration, e.Message)}");
        }
        return options;
    }

    /// <summary>
    /// Refuses an invalid configuration the way the host does when it starts: every options validator registered with
    /// <c>ValidateOnStart</c> by <see cref="Composition.AddPipeline"/> runs, and all their problems are reported at once,
    /// one line each. Commands call it before any work, whether or not they start the host.
    /// </summary>
    public static void Validate(IConfiguration configuration)
    {
        var problems = Problems(configuration);
        if (problems.Count > 0) throw new ConfigurationException(problems);
    }

    /// <summary>The problems <see cref="Validate"/> reports; empty when the configuration is valid.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        using var services = new ServiceCollection().AddPipeline(configuration).BuildServiceProvider();
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (Exception e) when (Problems(e) is { } problems)
        {
            return problems;
        }
    }

    /// <summary>
    /// The problems in what options validation throws (one <see cref="OptionsValidationException"/>, or several in an
    /// <see cref="AggregateException"/> when several options classes are invalid); null for any other exception.
    /// </summary>
    public static IReadOnlyList<string>? Problems(Exception e) => e switch
    {
        OptionsValidationException v => [.. v.Failures],
        AggregateException a when a.InnerExceptions.All(i => i is OptionsValidationException) =>
            [.. a.InnerExceptions.Cast<OptionsValidationException>().SelectMany(v => v.Failures)],
        _ => null,
    };

    /// <summary>The binder names the key ("Pipeline:Sources:3:Kind"); name the source too.</summary>
    private static string Explain(IConfiguration configuration, string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, @"Pipeline:Sources:(\d+)");
        if (!m.Success) return message;
        var id = configuration[$"Pipeline:Sources:{m.Groups[1].Value}:Id"];
        return $"source '{id ?? "#" + m.Groups[1].Value}': {message}";
    }

    private static bool DefinesSources(string file)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ConfigurationException($"{file} is not valid JSON: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"cannot read settings file {file}: {e.Message}");
        }
        // The configuration schema is an object of sections; an array or a bare value at the root is not a settings file.
        if (root is not JsonObject settings)
            throw new ConfigurationException($"{file} is not a settings file: its root must be a JSON object ({{\"Pipeline\": {{…}}}}), not {Describe(root)}");
        return settings["Pipeline"] is JsonObject pipeline && pipeline["Sources"] is not null;
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        _ => "a " + node.GetValueKind().ToString().ToLowerInvariant(),
    };

    private static byte[] WithoutSources(string file)
    {
        var node = JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        node["Pipeline"]!.AsObject().Remove("Sources");
        return JsonSerializer.SerializeToUtf8Bytes(node);
    }
}
