using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pipeline.Worker.Review.Demo;

/// <summary>
/// The bundled sample web of the <c>demo</c> command: <c>samples/site/</c> served by Kestrel on 127.0.0.1 (a free
/// port), with <c>{{BASE}}</c> in feeds and pages replaced by the server's address, and <c>samples/sources.json</c>
/// turned into sources that point at it. The publishers, feeds and articles are written by the team (see
/// <c>samples/README.md</c>); nothing is copied from real websites.
/// </summary>
public sealed class SampleSite : IAsyncDisposable
{
    public const string Placeholder = "{{BASE}}";
    private readonly WebApplication _app;

    public string Directory { get; }
    public Uri BaseUrl { get; }
    public IReadOnlyList<JsonObject> Sources { get; }

    private SampleSite(WebApplication app, string directory, Uri baseUrl, IReadOnlyList<JsonObject> sources)
    {
        _app = app;
        Directory = directory;
        BaseUrl = baseUrl;
        Sources = sources;
    }

    /// <summary>The <c>samples</c> folder: in the working directory (the repository root under <c>dotnet run</c>) or above the program.</summary>
    public static string Locate()
    {
        var here = Path.Combine(System.IO.Directory.GetCurrentDirectory(), "samples");
        if (File.Exists(Path.Combine(here, "sources.json"))) return here;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "samples", "sources.json"))) return Path.Combine(dir.FullName, "samples");
        throw new Configuration.ConfigurationException("the bundled sample web (samples/sources.json) was not found: run the demo from the repository root");
    }

    public static async Task<SampleSite> StartAsync(string directory, CancellationToken ct = default)
    {
        var root = Path.GetFullPath(Path.Combine(directory, "site")) + Path.DirectorySeparatorChar;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        string? baseText = null;
        app.Run(async context =>
        {
            var relative = Uri.UnescapeDataString(context.Request.Path.Value ?? "/").TrimStart('/');
            if (relative.Length == 0 || relative.EndsWith('/')) relative += "index.html";
            var file = Path.GetFullPath(Path.Combine(root, relative));
            if (!file.StartsWith(root, StringComparison.Ordinal) || !File.Exists(file))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            var body = (await File.ReadAllTextAsync(file, context.RequestAborted)).Replace(Placeholder, baseText);
            context.Response.ContentType = ContentType(file);
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), context.RequestAborted);
        });
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        baseText = address.TrimEnd('/');
        var baseUrl = new Uri(baseText + "/");
        var sources = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "sources.json"), ct))!.AsArray()
            .Select(n =>
            {
                var source = n!.AsObject().DeepClone().AsObject();
                source["Url"] = new Uri(baseUrl, source["Path"]!.GetValue<string>()).AbsoluteUri;
                source.Remove("Path");
                return source;
            }).ToList();
        return new SampleSite(app, Path.GetFullPath(directory), baseUrl, sources);
    }

    /// <summary>
    /// Writes the settings layer of the demo into <paramref name="dir"/>: the sample sources (replacing the catalogue),
    /// a store in that folder, and fetch limits for loopback (private addresses allowed: the sample web is on 127.0.0.1).
    /// </summary>
    public string WriteSettingsLayer(string dir)
    {
        var layer = new JsonObject
        {
            ["Pipeline"] = new JsonObject
            {
                ["Sources"] = new JsonArray(Sources.Select(s => (JsonNode)s.DeepClone()).ToArray()),
                ["Storage"] = new JsonObject { ["Provider"] = "Sqlite", ["ConnectionString"] = $"Data Source={Path.Combine(dir, "pipeline.db")}" },
                ["Fetch"] = new JsonObject
                {
                    ["AllowPrivateNetworks"] = true, ["TimeoutSeconds"] = 5, ["TotalTimeoutSeconds"] = 20, ["MaxRetries"] = 1, ["RetryBaseDelaySeconds"] = 0.2,
                },
            },
        };
        var path = Path.Combine(dir, "demo-settings.json");
        File.WriteAllText(path, layer.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".xml" or ".rss" => "application/rss+xml; charset=utf-8",
        ".atom" => "application/atom+xml; charset=utf-8",
        ".json" => "application/feed+json; charset=utf-8",
        ".txt" => "text/plain; charset=utf-8",
        _ => "text/html; charset=utf-8",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
