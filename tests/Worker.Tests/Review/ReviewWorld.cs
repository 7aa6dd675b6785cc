using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Store;
using Pipeline.Worker.Configuration;
using Pipeline.Worker.Hosting;
using Pipeline.Worker.Review.Auth;
using Pipeline.Worker.Tests.Infrastructure;
using static Pipeline.Worker.Tests.Infrastructure.SampleWeb;

namespace Pipeline.Worker.Tests.Review;

/// <summary>The review tests run one at a time: each starts a host, and the browser test a Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class ReviewCollection
{
    public const string Name = "Review";
}

/// <summary>
/// A throw-away installation with a filled review queue. The queue is made once per test run by the real ingest
/// pass over a loopback publisher (the SampleWeb articles, a word-for-word republication of the sanctions release,
/// and an article carrying markup), plus one stored item whose title and text are raw <c>&lt;script&gt;</c> and
/// <c>onerror=</c> (whatever ingest does to markup, the page must cope with stored markup). Each test copies that
/// database into its own folder, so tests never see each other's decisions.
/// </summary>
public sealed class ReviewWorld : IAsyncDisposable
{
    public const string Alice = "alice", Bob = "bob", Mia = "mia";
    public static readonly Dictionary<string, string> Passwords = new() { [Alice] = "alice-pass-0123456789", [Bob] = "bob-pass-0123456789", [Mia] = "mia-pass-0123456789" };
    public const string XssTitle = "<script>window.__pwned=1</script> Belarus: grants for exiled media <img src=x onerror=\"window.__pwned=2\">";
    public const string XssText = "The ministry announced grants to support independent Belarusian media in exile.\n" +
                                  "Markup pasted by a feed: <img src=x onerror=\"window.__pwned=3\"> and <script>window.__pwned=4</script> stays text.\n" +
                                  "Funding covers relocation, legal aid and scholarships for Belarusian journalists.";

    public static readonly Article Grants = new("grants", "Belarus: ministry funds exiled media <script>window.__pwned=5</script>",
        new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero),
        [
            "The Ministry of Foreign Affairs of Lithuania announced grants to support independent Belarusian media working in exile and journalists who still report from inside Belarus.",
            "The call was copied into a feed with broken markup: <img src=x onerror=\"window.__pwned=6\"> which must stay text.",
            "Funding covers relocation, legal aid, digital security and scholarships for Belarusian students expelled for their civic engagement.",
        ]);

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static TestPipeline? _template;

    public TestPipeline Pipeline { get; }
    public ReviewStore Reviews { get; }
    public UserStore Users { get; }
    public long XssItemId { get; private set; }

    private ReviewWorld(TestPipeline pipeline)
    {
        Pipeline = pipeline;
        Reviews = new ReviewStore(pipeline.Database);
        Users = new UserStore(pipeline.Database);
    }

    public static async Task<ReviewWorld> CreateAsync()
    {
        var template = await TemplateAsync();
        var p = new TestPipeline(template);
        p.Configure([]);
        var world = new ReviewWorld(p);
        world.XssItemId = (await p.AllItemsAsync()).Single(i => i.Title == XssTitle).Id;
        return world;
    }

    private static async Task<TestPipeline> TemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_template is not null) return _template;
            await using var web = await LoopbackPublisher.StartAsync();
            var articles = new[] { (Sanctions, "press/sanctions"), (Expulsion, "press/expulsion"), (Trial, "news/trial"), (Iran, "press/iran"), (Grants, "press/grants"), (Sanctions, "mirror/sanctions") };
            web.MapText("/feed.xml", "application/rss+xml", Rss(web.BaseUrl, articles));
            foreach (var (a, at) in articles) web.MapText("/" + at, "text/html; charset=utf-8", Page(a));
            var p = new TestPipeline(); // kept for the whole run: every world is a copy of its database
            p.Configure([TestPipeline.FeedSource("press", web.Url("feed.xml"))]);
            var run = await p.RunAsync("ingest");
            Assert.True(run.ExitCode == 0, run.Stderr);

            var users = new UserStore(p.Database);
            foreach (var (name, role) in new[] { (Alice, Accounts.Reviewer), (Bob, Accounts.Reviewer), (Mia, Accounts.Maintainer) })
                Assert.True(await users.AddAsync(new User(name, role, Accounts.Hash(Passwords[name]), Accounts.NewStamp(), DateTimeOffset.UtcNow, false)));

            // Stored markup, whatever the extractor would have done with it: most confident, so last in the uncertainty queue.
            await p.Items.InsertAsync(
                new NewItem("press", "https://example.org/press/xss", "https://example.org/press/xss", XssTitle, new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero),
                    DateTimeOffset.UtcNow, "en", XssText, "xss-hash", 0, true, ["Belarusian"], "test", null),
                new CandidateRecord("pending", ["support"], new Dictionary<string, double> { ["support"] = 0.97, ["statement"] = 0.02, ["not_a_response"] = 0.01 },
                    "unknown", "other", [], 0.97, "test-model"));

            return _template = p;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    public async Task<List<StoredItem>> PendingAsync() => [.. (await Pipeline.AllItemsAsync()).Where(i => i.Status == "pending")];

    /// <summary>The primary of the duplicate cluster made by the republished sanctions release, and its duplicate.</summary>
    public async Task<(StoredItem Primary, StoredItem Duplicate)> DuplicateClusterAsync()
    {
        var all = await Pipeline.AllItemsAsync();
        var duplicate = all.Single(i => i.DuplicateOf is not null);
        return (all.Single(i => i.Id == duplicate.DuplicateOf), duplicate);
    }

    // ---- the host under test --------------------------------------------------------------------

    /// <summary>The real host (<see cref="PipelineHost.Build"/>, reached through the program's entry point) on a TestServer.</summary>
    public WebApplicationFactory<Pipeline.Worker.Cli.CommandLine> Factory() => new ReviewFactory(Pipeline.SettingsPath);

    private sealed class ReviewFactory(string settings) : WebApplicationFactory<Pipeline.Worker.Cli.CommandLine>
    {
        // Becomes "--settings=FILE" on the program's command line: the installation's own settings layer.
        protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseSetting("settings", settings);
    }

    /// <summary>The same host on real Kestrel (<paramref name="host"/>, a free port), for the browser and for tests that need client addresses.</summary>
    public async Task<(Microsoft.AspNetCore.Builder.WebApplication App, Uri Url)> StartKestrelAsync(string host = "127.0.0.1", Action<JsonObject>? review = null)
    {
        var settings = Path.Combine(Pipeline.Directory, "kestrel.json");
        var reviewSettings = new JsonObject { ["Urls"] = $"http://{host}:0" };
        review?.Invoke(reviewSettings);
        File.WriteAllText(settings, new JsonObject { ["Pipeline"] = new JsonObject { ["Review"] = reviewSettings } }.ToJsonString());
        var configuration = PipelineConfiguration.Build([Pipeline.SettingsPath, settings], Path.Combine(global::Pipeline.Ingest.Tests.SharedData.RepositoryRoot, "appsettings.json"));
        var app = PipelineHost.Build(configuration, PipelineConfiguration.Bind(configuration), []);
        await app.Services.GetRequiredService<Database>().MigrateAsync();
        await app.Services.GetRequiredService<Pipeline.Worker.Classification.ClassifierProvider>().GetAsync(); // as PipelineHost.RunAsync does
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>A client of a Kestrel host whose connections come from <paramref name="source"/> (a loopback address), as if from another machine.</summary>
    public static HttpClient ClientFrom(string source, Uri host) => new(new SocketsHttpHandler
    {
        UseProxy = false, UseCookies = false, AllowAutoRedirect = false,
        ConnectCallback = async (context, ct) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    }) { BaseAddress = host };

    public static HttpClient Client(WebApplicationFactory<Pipeline.Worker.Cli.CommandLine> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the form and returns the session's CSRF token (not yet set on the client).</summary>
    public static async Task<string> SignInAsync(HttpClient client, string name)
    {
        var login = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = name, ["password"] = Passwords[name] }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var session = await client.GetFromJsonAsync<JsonObject>("/api/session");
        return session!["csrf"]!.GetValue<string>();
    }

    /// <summary>A signed-in client that sends the CSRF header on every request.</summary>
    public static async Task<HttpClient> ReviewerAsync(WebApplicationFactory<Pipeline.Worker.Cli.CommandLine> factory, string name)
    {
        var client = Client(factory);
        client.DefaultRequestHeaders.Add(CsrfCheck.Header, await SignInAsync(client, name));
        return client;
    }

    public static Task<HttpResponseMessage> ReviewAsync(HttpClient client, long id, object body) =>
        client.PostAsync($"/api/candidates/{id}/review", JsonContent.Create(body));

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)?.AsObject() ?? throw new InvalidDataException(text);
    }

    public static async Task<JsonObject> CandidateAsync(HttpClient client, long id) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/candidates/{id}"))!;

    public static readonly JsonSerializerOptions Snake = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async ValueTask DisposeAsync()
    {
        await Task.Yield();
        Pipeline.Dispose();
    }
}
