using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Store;
using Pipeline.Worker.Classification;
using Pipeline.Worker.Configuration;
using Pipeline.Worker.Hosting;
using Pipeline.Worker.Tests.Infrastructure;

namespace Pipeline.Worker.Tests.Hosting;

/// <summary><c>/health</c> in its three states, with the ASP.NET Core status codes: healthy 200, degraded 200, unhealthy 503.</summary>
public sealed class HealthTests
{
    private static async Task<(WebApplication App, HttpClient Client)> StartAsync(TestPipeline p, bool migrate = true)
    {
        var configuration = PipelineConfiguration.Build([p.SettingsPath], Path.Combine(global::Pipeline.Ingest.Tests.SharedData.RepositoryRoot, "appsettings.json"));
        var app = PipelineHost.Build(configuration, PipelineConfiguration.Bind(configuration), []);
        if (migrate) await app.Services.GetRequiredService<Database>().MigrateAsync();
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return (app, new HttpClient { BaseAddress = new Uri(url) });
    }

    /// <summary>A host on the two <see cref="Sources"/>, started once the shared model is loaded.</summary>
    private static async Task<(WebApplication App, HttpClient Client)> StartReadyAsync(TestPipeline p)
    {
        await TestPipeline.EnsureModelAsync();
        p.Configure(Sources(), Tweak);
        var (app, client) = await StartAsync(p);
        var classifiers = app.Services.GetRequiredService<ClassifierProvider>();
        for (int i = 0; i < 1200 && !classifiers.Status.Ready && !classifiers.Status.Failed; i++) await Task.Delay(50);
        if (!classifiers.Status.Ready)
        {
            client.Dispose();
            await app.DisposeAsync();
            Assert.Fail(classifiers.Status.Message);
        }
        return (app, client);
    }

    /// <summary>Two sources that are not polled during the test (their only fire time is in 2099), so their health is what the test records.</summary>
    private static JsonArray Sources() =>
    [
        With(TestPipeline.FeedSource("ok", new Uri("http://127.0.0.1:9/ok.xml"))),
        With(TestPipeline.FeedSource("broken", new Uri("http://127.0.0.1:9/broken.xml"))),
    ];

    private static JsonObject With(JsonObject source)
    {
        source["Schedule"] = "0 0 0 1 1 ? 2099";
        return source;
    }

    private static Action<JsonObject> Tweak => o => o["Review"] = new JsonObject { ["Urls"] = "http://127.0.0.1:0" };

    [Fact]
    public async Task Health_NoSourceFailing_IsHealthy()
    {
        using var p = new TestPipeline();
        var (app, client) = await StartReadyAsync(p);
        await using var _ = app;
        using var __ = client;

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("healthy", body["status"]!.GetValue<string>());
        Assert.Equal(2, body["sources"]!.GetValue<int>());
        Assert.Equal(0, body["failing"]!.GetValue<int>());
        Assert.StartsWith("ready", body["classifier"]!.GetValue<string>());
        await app.StopAsync();
    }

    [Fact]
    public async Task Health_SourcesFailing_IsDegradedWithTheCounts()
    {
        using var p = new TestPipeline();
        var (app, client) = await StartReadyAsync(p);
        await using var _ = app;
        using var __ = client;
        await p.Sources.SyncAsync([("ok", "ok", "http://127.0.0.1:9/ok.xml", "Feed"), ("broken", "broken", "http://127.0.0.1:9/broken.xml", "Feed")]);
        await p.Sources.RecordFailureAsync("broken", DateTimeOffset.UtcNow, "NotFound", "HTTP 404: not found", DateTimeOffset.UtcNow.AddHours(1));

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("degraded", body["status"]!.GetValue<string>());
        Assert.Equal(2, body["sources"]!.GetValue<int>());
        Assert.Equal(1, body["failing"]!.GetValue<int>());
        Assert.Equal("degraded", body["checks"]!["sources"]!["status"]!.GetValue<string>());
        Assert.Contains("1 of 2 sources failing", body["checks"]!["sources"]!["description"]!.GetValue<string>());
        Assert.Equal("healthy", body["checks"]!["store"]!["status"]!.GetValue<string>());
        await app.StopAsync();
    }

    [Fact]
    public async Task Health_StoreUnreachable_IsUnhealthyWith503()
    {
        using var p = new TestPipeline();
        var missing = Path.Combine(p.Directory, "no-such-folder", "pipeline.db"); // SQLite cannot create a file in a missing folder
        p.Configure(Sources(), o =>
        {
            Tweak(o);
            o["Storage"] = new JsonObject { ["Provider"] = "Sqlite", ["ConnectionString"] = $"Data Source={missing}" };
        });
        var (app, client) = await StartAsync(p, migrate: false);
        await using var _ = app;
        using var __ = client;

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("unhealthy", body["status"]!.GetValue<string>());
        Assert.Equal("unhealthy", body["checks"]!["store"]!["status"]!.GetValue<string>());
        Assert.StartsWith("the store is unreachable", body["checks"]!["store"]!["description"]!.GetValue<string>());
        await app.StopAsync();
    }
}
