using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Worker.Cli;
using Pipeline.Worker.Review.Auth;
using Pipeline.Worker.Tests.Infrastructure;

namespace Pipeline.Worker.Tests.Review;

/// <summary>The <c>reviewers</c> and <c>demo</c> commands through the real command line.</summary>
[Collection(ReviewCollection.Name)]
public class ReviewCommandsTests
{
    [Fact]
    public async Task ReviewersAdd_PrintsAGeneratedPasswordOnceAndStoresOnlyItsSaltedHash()
    {
        using var p = new TestPipeline();
        p.Configure([]);

        var run = await p.RunAsync("reviewers", "add", "olga", "--role", "maintainer");
        var again = await p.RunAsync("reviewers", "add", "Olga");
        var list = await p.RunAsync("reviewers", "list");

        Assert.Equal(0, run.ExitCode);
        var password = Regex.Match(run.Stdout, @"^password: (\S+)$", RegexOptions.Multiline).Groups[1].Value;
        Assert.Equal(20, password.Length);
        Assert.Single(Regex.Matches(run.Stdout, Regex.Escape(password)));
        var user = await new Pipeline.Store.UserStore(p.Database).GetAsync("olga");
        Assert.Equal("maintainer", user!.Role);
        Assert.DoesNotContain(password, user.PasswordHash);
        Assert.NotNull(await Accounts.VerifyAsync(new Pipeline.Store.UserStore(p.Database), "olga", password));
        Assert.Null(await Accounts.VerifyAsync(new Pipeline.Store.UserStore(p.Database), "olga", password + "x"));
        Assert.Equal(2, again.ExitCode);                  // names are unique regardless of case (an input error: exit 2)
        Assert.Contains("already exists", again.Stderr);
        Assert.Contains("olga", list.Stdout);
        Assert.DoesNotContain(password, list.Stdout);
    }

    [Theory]
    [InlineData("reviewers", "add", "olga", "--role", "admin")]
    [InlineData("reviewers", "add", "bad name!")]
    [InlineData("reviewers", "add")]
    [InlineData("reviewers", "promote", "olga")]
    public async Task Reviewers_BadUsage_Exits2(params string[] args)
    {
        using var p = new TestPipeline();
        p.Configure([]);

        var run = await p.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.Stderr);
    }

    [Fact]
    public async Task ReviewersDisable_RefusesTheSignInUntilEnabled()
    {
        using var p = new TestPipeline();
        p.Configure([]);
        var users = new Pipeline.Store.UserStore(p.Database);
        var added = await p.RunAsync("reviewers", "add", "olga");
        var password = Regex.Match(added.Stdout, @"^password: (\S+)$", RegexOptions.Multiline).Groups[1].Value;

        var disabled = await p.RunAsync("reviewers", "disable", "Olga");
        Assert.Equal(0, disabled.ExitCode);
        Assert.Null(await Accounts.VerifyAsync(users, "olga", password));
        Assert.Contains("disabled", (await p.RunAsync("reviewers", "list")).Stdout);

        Assert.Equal(0, (await p.RunAsync("reviewers", "enable", "olga")).ExitCode);
        Assert.NotNull(await Accounts.VerifyAsync(users, "olga", password));

        var nobody = await p.RunAsync("reviewers", "disable", "nobody");
        Assert.Equal(2, nobody.ExitCode);
        Assert.Contains("no reviewer 'nobody'", nobody.Stderr);
        Assert.Equal(2, (await p.RunAsync("reviewers", "enable")).ExitCode);
    }

    [Fact]
    public async Task ReviewersReset_NewPasswordWorksAndTheOldOneNoLonger()
    {
        using var p = new TestPipeline();
        p.Configure([]);
        var first = Regex.Match((await p.RunAsync("reviewers", "add", "ivan")).Stdout, @"password: (\S+)").Groups[1].Value;

        var reset = await p.RunAsync("reviewers", "reset", "ivan");
        var second = Regex.Match(reset.Stdout, @"password: (\S+)").Groups[1].Value;

        Assert.Equal(0, reset.ExitCode);
        var users = new Pipeline.Store.UserStore(p.Database);
        Assert.Null(await Accounts.VerifyAsync(users, "ivan", first));
        Assert.NotNull(await Accounts.VerifyAsync(users, "ivan", second));
    }

    /// <summary>
    /// <c>demo</c> end to end: the bundled sample web on loopback, the real ingest pass, the host, and the printed
    /// credentials that sign in to a filled queue.
    /// </summary>
    [Fact]
    public async Task Demo_ServesTheSamplesIngestsThemAndPrintsWorkingCredentials()
    {
        await TestPipeline.EnsureModelAsync();
        using var p = new TestPipeline();
        p.Configure([], o => o["Review"] = new JsonObject { ["Urls"] = "http://127.0.0.1:0" });
        var output = new ConcurrentWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var demo = Task.Run(() => Commands.RunAsync(["demo", "--dir", Path.Combine(p.Directory, "demo"), "--settings", p.SettingsPath], output, output, stop.Token));

        string text = "";
        for (int i = 0; i < 1200 && !(text = output.ToString()).Contains("Press Ctrl+C"); i++)
        {
            if (demo.IsCompleted) Assert.Fail($"demo ended early (exit {await demo}):\n{text}");
            await Task.Delay(100);
        }
        try
        {
            var url = Regex.Match(text, @"review queue: (\S+)").Groups[1].Value;
            var user = Regex.Match(text, @"^user: (\S+)", RegexOptions.Multiline).Groups[1].Value;
            var password = Regex.Match(text, @"^password: (\S+)", RegexOptions.Multiline).Groups[1].Value;
            Assert.True(url.StartsWith("http://127.0.0.1:"), text);
            Assert.Matches(@"total: \d+ new, 1 duplicates, \d+ filtered, \d+ queued, 0 of 9 sources failed", text);

            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(url) };
            var login = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = user, ["password"] = password }));
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            var queue = (await client.GetFromJsonAsync<JsonObject>("/api/candidates?limit=200"))!;
            var approved = (await client.GetFromJsonAsync<JsonObject>("/api/candidates?status=approved&limit=200"))!;
            Assert.True(queue["total"]!.GetValue<int>() + approved["total"]!.GetValue<int>() >= 6, queue.ToJsonString());
            Assert.True(queue["total"]!.GetValue<int>() > 0, "the demo leaves a queue to review");

            // The demo's own decisions: a few approvals, marked in the audit trail, so the public side is not empty.
            Assert.Matches(@"demo decisions: approved [1-4] candidates", text);
            var seeded = approved["items"]!.AsArray();
            Assert.InRange(seeded.Count, 1, 4);
            Assert.Equal(seeded.Count, seeded.Select(i => i!["response_types"]![0]!.GetValue<string>()).Distinct().Count()); // one per type
            foreach (var item in seeded)
            {
                var audit = (await client.GetFromJsonAsync<JsonArray>($"/api/candidates/{item!["id"]}/audit"))!;
                var row = Assert.Single(audit);
                Assert.Equal("demo-approve", row!["decision"]!.GetValue<string>());
                Assert.Equal(user, row["reviewer"]!.GetValue<string>());
            }
            var published = (await new HttpClient { BaseAddress = new Uri(url) }.GetFromJsonAsync<JsonNode>("/responses.json"))!;
            var publishedItems = published is JsonArray array ? array : published["responses"]!.AsArray();
            Assert.Equal(seeded.Count, publishedItems.Count);
            Assert.DoesNotContain("No response has been approved yet", await client.GetStringAsync("/stats"));
            Assert.Contains("<entry>", await client.GetStringAsync("/responses.atom"));
            var languages = (await client.GetFromJsonAsync<JsonObject>("/api/facets"))!["languages"]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
            Assert.Superset(new HashSet<string> { "en", "lt", "pl", "fr", "ru", "be", "de" }, languages.ToHashSet());
            var all = (await client.GetFromJsonAsync<JsonObject>("/api/candidates?status=all&limit=200"))!["items"]!.AsArray();
            var hostile = all.Single(i => i!["title"]!.GetValue<string>().StartsWith("Nordic fund"))!;
            var view = (await client.GetFromJsonAsync<JsonObject>($"/api/candidates/{hostile["id"]}"))!;
            Assert.Contains("onerror=", view["text"]!.GetValue<string>()); // kept as text, for the page to show as text
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/stats")).StatusCode);
        }
        finally
        {
            stop.Cancel();
        }
        Assert.Equal(0, await demo);
    }

    /// <summary>A writer that the demo writes to while the test reads it.</summary>
    private sealed class ConcurrentWriter : TextWriter
    {
        private readonly StringBuilder _sb = new();
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) { lock (_sb) _sb.Append(value); }
        public override void Write(string? value) { lock (_sb) _sb.Append(value); }
        public override void WriteLine(string? value) { lock (_sb) _sb.Append(value).Append('\n'); }
        public override Task WriteAsync(string? value) { Write(value); return Task.CompletedTask; }
        public override Task WriteLineAsync(string? value) { WriteLine(value); return Task.CompletedTask; }
        public override Task WriteLineAsync() { WriteLine(""); return Task.CompletedTask; }
        public override string ToString() { lock (_sb) return _sb.ToString(); }
    }
}
