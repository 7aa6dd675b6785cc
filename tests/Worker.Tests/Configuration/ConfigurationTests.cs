using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Worker.Configuration;
using Pipeline.Worker.Hosting;
using Pipeline.Worker.Tests.Infrastructure;

namespace Pipeline.Worker.Tests.Configuration;

public class ConfigurationTests
{
    private static async Task<TestPipeline.Run> IngestWith(TestPipeline p, JsonArray sources, Action<JsonObject>? tweak = null)
    {
        p.Configure(sources, tweak);
        return await p.RunAsync("ingest");
    }

    [Fact]
    public async Task Ingest_BadCron_Exits2NamingTheSource()
    {
        using var p = new TestPipeline();
        var s = TestPipeline.FeedSource("eu-council", new Uri("http://127.0.0.1:1/feed"));
        s["Schedule"] = "every night please";
        var run = await IngestWith(p, [s]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("source 'eu-council'", run.Stderr);
        Assert.Contains("cron", run.Stderr);
        Assert.False(await p.SchemaExistsAsync(), "nothing runs before the configuration is valid");
    }

    [Fact]
    public async Task Ingest_DuplicateId_Exits2NamingTheSource()
    {
        using var p = new TestPipeline();
        var run = await IngestWith(p, [TestPipeline.FeedSource("hrw", new Uri("http://127.0.0.1:1/a")), TestPipeline.FeedSource("hrw", new Uri("http://127.0.0.1:1/b"))]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("source 'hrw': duplicate Id", run.Stderr);
    }

    [Fact]
    public async Task Ingest_MissingUrl_Exits2NamingTheSource()
    {
        using var p = new TestPipeline();
        var s = TestPipeline.FeedSource("osce", new Uri("http://127.0.0.1:1/a"));
        s.Remove("Url");
        var run = await IngestWith(p, [s]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("source 'osce': missing Url", run.Stderr);
    }

    [Fact]
    public async Task Ingest_UnknownKind_Exits2NamingTheSource()
    {
        using var p = new TestPipeline();
        var s = TestPipeline.FeedSource("pace", new Uri("http://127.0.0.1:1/a"));
        s["Kind"] = "Podcast";
        var run = await IngestWith(p, [s]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("source 'pace'", run.Stderr);
    }

    [Fact]
    public async Task Ingest_HtmlSourceWithoutSelector_Exits2()
    {
        using var p = new TestPipeline();
        var s = TestPipeline.FeedSource("mfa", new Uri("http://127.0.0.1:1/a"));
        s["Kind"] = "Html";
        var run = await IngestWith(p, [s]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("source 'mfa': Kind is Html but ItemSelector is missing", run.Stderr);
    }

    [Fact]
    public async Task Ingest_SelectorThatIsNotCss_Exits2BeforeAnyFetch()
    {
        // It was found only when the listing was parsed, and reported as "NotAFeed".
        using var p = new TestPipeline();
        var s = TestPipeline.FeedSource("mfa", new Uri("http://127.0.0.1:1/a"));
        s["Kind"] = "Html";
        s["ItemSelector"] = "article..news";
        s["ContentSelector"] = "div[";
        var run = await IngestWith(p, [s]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("source 'mfa': ItemSelector 'article..news' is not valid CSS", run.Stderr);
        Assert.Contains("source 'mfa': ContentSelector 'div[' is not valid CSS", run.Stderr);
    }

    [Theory]
    [InlineData("MaxRetryDelaySeconds")]
    [InlineData("MaxRetryAfterSeconds")] // its earlier name, in settings files written before the rename
    public void MaxRetryDelay_IsReadUnderItsNameAndItsEarlierOne(string key)
    {
        using var p = new TestPipeline();
        var file = Path.Combine(p.Directory, "retry.json");
        File.WriteAllText(file, $$"""{ "Pipeline": { "Fetch": { "{{key}}": 7 } } }""");
        var configuration = Pipeline.Worker.Configuration.PipelineConfiguration.Build([file], Path.Combine(global::Pipeline.Ingest.Tests.SharedData.RepositoryRoot, "appsettings.json"));
        Assert.Equal(7, Pipeline.Worker.Configuration.PipelineConfiguration.Bind(configuration).Fetch.MaxRetryDelaySeconds);
        // What the fetcher is given: the options the composition binds from Pipeline:Fetch.
        using var services = new ServiceCollection().AddPipeline(configuration).BuildServiceProvider();
        Assert.Equal(7, services.GetRequiredService<Pipeline.Ingest.Fetching.FetchOptions>().MaxRetryDelaySeconds);
    }

    [Fact]
    public async Task Ingest_MissingSettingsFile_Exits2()
    {
        var code = await Pipeline.Worker.Cli.Commands.RunAsync(["ingest", "--settings", "/nonexistent/x.json"], new StringWriter(), new StringWriter());
        Assert.Equal(2, code);
    }

    [Theory]
    [InlineData("[1, 2]", "an array")]
    [InlineData("\"text\"", "a string")]
    [InlineData("null", "null")]
    public async Task SettingsFileWhoseRootIsNotAnObject_Exits2WithOneLine(string json, string what)
    {
        var file = Path.Combine(Path.GetTempPath(), $"pipeline-settings-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        try
        {
            var stderr = new StringWriter();
            var code = await Pipeline.Worker.Cli.Commands.RunAsync(["models", "list", "--settings", file], new StringWriter(), stderr);
            Assert.Equal(2, code);
            Assert.Equal($"error: {file} is not a settings file: its root must be a JSON object ({{\"Pipeline\": {{…}}}}), not {what}",
                stderr.ToString().Trim());
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task Ingest_UnknownOption_Exits2()
    {
        using var p = new TestPipeline();
        p.Configure([]);
        var run = await p.RunAsync("ingest", "--sorce", "x");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--sorce", run.Stderr);
    }

    /// <summary>Settings from key/value pairs, over the defaults (no sources).</summary>
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void ListingTimeoutShorterThanOneAttempt_IsRefused()
    {
        var configuration = Settings(("Pipeline:Fetch:TimeoutSeconds", "20"), ("Pipeline:Fetch:ListingTimeoutSeconds", "10"));
        Assert.Contains("Pipeline:Fetch:ListingTimeoutSeconds must be at least TimeoutSeconds",
            PipelineConfiguration.Problems(configuration));
    }

    [Fact]
    public void ProxyAndReviewHostSettings_AreValidatedWithEveryProblemNamed()
    {
        var configuration = Settings(
            ("Pipeline:Fetch:Proxy", "proxy.internal:3128"),
            ("Pipeline:Review:KnownProxies:0", "10.0.0.2"), ("Pipeline:Review:KnownProxies:1", "proxy.internal"),
            ("Pipeline:Review:KnownNetworks:0", "10.0.0.0/33"),
            ("Pipeline:Review:LoginAttemptsPerMinute", "0"));

        var errors = PipelineConfiguration.Problems(configuration);

        Assert.Contains(errors, e => e.StartsWith("Pipeline:Fetch:Proxy 'proxy.internal:3128'"));
        Assert.Contains(errors, e => e.StartsWith("Pipeline:Review:KnownProxies: 'proxy.internal'"));
        Assert.Contains(errors, e => e.StartsWith("Pipeline:Review:KnownNetworks: '10.0.0.0/33'"));
        Assert.Contains(errors, e => e.StartsWith("Pipeline:Review:LoginAttemptsPerMinute"));
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public async Task Host_InvalidSettings_RefusesToStartWithEveryProblemNamed()
    {
        // The host checks its options on start (ValidateOnStart), even when it is built without the command line.
        using var p = new TestPipeline();
        p.Configure([], o =>
        {
            o["Fetch"] = new JsonObject { ["TimeoutSeconds"] = 0 };
            o["Review"] = new JsonObject { ["Urls"] = "http://127.0.0.1:0", ["LoginAttemptsPerMinute"] = 0 };
        });
        var appSettings = Path.Combine(global::Pipeline.Ingest.Tests.SharedData.RepositoryRoot, "appsettings.json");
        var configuration = PipelineConfiguration.Build([p.SettingsPath], appSettings);
        await using var app = PipelineHost.Build(configuration, PipelineConfiguration.Bind(configuration), []);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        var problems = PipelineConfiguration.Problems(refused);
        Assert.NotNull(problems);
        Assert.Contains("Pipeline:Fetch:TimeoutSeconds must be positive", problems);
        Assert.Contains("Pipeline:Review:LoginAttemptsPerMinute must be at least 1", problems);
        Assert.False(await p.SchemaExistsAsync(), "nothing runs before the configuration is valid");
    }

    [Fact]
    public void DefaultCatalogue_IsValidAndCoversThePublishers()
    {
        var configuration = Pipeline.Worker.Configuration.PipelineConfiguration.Build([], Path.Combine(global::Pipeline.Ingest.Tests.SharedData.RepositoryRoot, "appsettings.json"));
        var options = Pipeline.Worker.Configuration.PipelineConfiguration.Bind(configuration);
        Assert.Empty(PipelineConfiguration.Problems(configuration));
        Assert.True(options.Sources.Count >= 30);
        Assert.All(options.Sources, s => Assert.Matches("^[ABCX]", s.UrlGrade ?? ""));
        foreach (var host in new[] { "consilium.europa.eu", "europarl.europa.eu", "ec.europa.eu", "eeas.europa.eu", "state.gov", "gov.uk", "canada.ca",
                     "news.un.org", "ohchr.org", "osce.org", "coe.int", "hrw.org", "amnesty.org", "rsf.org", "cpj.org", "freedomhouse.org",
                     "spring96.org", "baj.media", "urm.lt", "gov.pl", "mfa.gov.lv", "vm.ee", "auswaertiges-amt.de" })
            Assert.Contains(options.Sources, s => new Uri(s.Url).Host.EndsWith(host));
    }

    [Fact]
    public async Task SettingsFileWithSources_ReplacesTheCatalogueInsteadOfMerging()
    {
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("only-one", new Uri("http://127.0.0.1:9/feed"))]);
        var configuration = Pipeline.Worker.Configuration.PipelineConfiguration.Build([p.SettingsPath], Path.Combine(global::Pipeline.Ingest.Tests.SharedData.RepositoryRoot, "appsettings.json"));
        var options = Pipeline.Worker.Configuration.PipelineConfiguration.Bind(configuration);
        Assert.Equal(["only-one"], options.Sources.Select(s => s.Id));
        await Task.CompletedTask;
    }

    /// <summary>The review app keeps its session keys beside a SQLite database file; PostgreSQL and an in-memory database
    /// have no such folder.</summary>
    [Theory]
    [InlineData("Sqlite", "Data Source=data/pipeline.db", "data")]
    [InlineData("Sqlite", "Data Source=/var/lib/pipeline/store.db;Cache=Shared", "/var/lib/pipeline")]
    [InlineData("Sqlite", "Data Source=:memory:", null)]
    [InlineData("Postgres", "Host=127.0.0.1;Username=postgres", null)]
    public void StorageOptions_DatabaseFolder_IsTheSqliteFilesFolder(string provider, string connectionString, string? folder)
    {
        var options = new Pipeline.Store.StorageOptions { Provider = provider, ConnectionString = connectionString };
        Assert.Equal(folder is null ? null : Path.GetFullPath(folder), options.DatabaseFolder);
    }
}
