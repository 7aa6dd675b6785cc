using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Store;
using Pipeline.Worker.Review;
using Pipeline.Worker.Review.Auth;
using static Pipeline.Worker.Tests.Review.ReviewWorld;

namespace Pipeline.Worker.Tests.Review;

/// <summary>The review API through the real host (WebApplicationFactory over the program's entry point).</summary>
[Collection(ReviewCollection.Name)]
public class ReviewApiTests
{
    [Fact]
    public async Task Api_Anonymous_Returns401AndPagesRedirectToLogin()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var client = Client(factory);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/candidates")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/candidates/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/candidates/1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ReviewAsync(client, 1, new { decision = "approve", version = 1 })).StatusCode);
        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery.Replace("http://localhost", ""));
        // Public: health, the sign-in form, the assets, the dataset and the statistics.
        foreach (var path in new[] { "/health", "/login", "/review/app.js", "/review/app.css", "/responses.json", "/responses.csv", "/responses.atom", "/stats" })
            Assert.True((await client.GetAsync(path)).StatusCode == HttpStatusCode.OK, path);
    }

    [Fact]
    public async Task Login_WrongPassword_Returns401AndSetsNoCookie()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var client = Client(factory);

        var wrong = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = Alice, ["password"] = "not-her-password" }));
        var unknown = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "nobody", ["password"] = "x" }));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        Assert.Contains("Wrong name or password", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/session")).StatusCode);
    }

    [Fact]
    public async Task Login_RepeatedWrongPasswords_LocksTheNameWith429()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var client = Client(factory);
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < LoginThrottle.MaxFailures + 1; i++)
            statuses.Add((await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = Bob, ["password"] = "guess" + i }))).StatusCode);

        Assert.All(statuses.Take(LoginThrottle.MaxFailures), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        // Even the right password waits out the lock.
        var right = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = Bob, ["password"] = Passwords[Bob] }));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Theory]
    [InlineData("/\t/evil.example")] // browsers drop the tab: //evil.example
    [InlineData("/\n/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task Login_ReturnToAnotherSite_GoesHomeInstead(string target)
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var client = Client(factory);

        var form = await (await client.GetAsync("/login?return=" + Uri.EscapeDataString(target))).Content.ReadAsStringAsync();
        var login = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = Alice, ["password"] = Passwords[Alice], ["return"] = target,
        }));
        var signedIn = await client.GetAsync("/login?return=" + Uri.EscapeDataString(target));

        Assert.Contains("name=\"return\" value=\"\"", form);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location!.OriginalString);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_ReturnToAPageOfThisSite_GoesThere()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var login = await Client(factory).PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = Alice, ["password"] = Passwords[Alice], ["return"] = "/stats?x=1#by-type",
        }));

        Assert.Equal("/stats?x=1#by-type", login.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("x", 65)]        // longer than any reviewer name
    [InlineData("x", 100_000)]
    [InlineData("<b>", 1)]
    public async Task Login_NamesThatCannotExist_AreRefusedWithoutBeingRemembered(string part, int repeat)
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var client = Client(factory);
        var name = string.Concat(Enumerable.Repeat(part, repeat));
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < LoginThrottle.MaxFailures + 1; i++)
            statuses.Add((await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = name, ["password"] = "guess" }))).StatusCode);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s)); // never locked: never remembered
        Assert.Equal(0, factory.Services.GetRequiredService<LoginThrottle>().Count);
    }

    [Fact]
    public async Task Login_ManyAttemptsFromOneAddress_AreAnswered429ForThatAddressOnly()
    {
        await using var world = await CreateAsync();
        var (app, url) = await world.StartKestrelAsync("127.0.0.44", review => review["LoginAttemptsPerMinute"] = 3);
        try
        {
            using var flood = ClientFrom("127.0.0.45", url);
            using var neighbour = ClientFrom("127.0.0.46", url);
            // Each a different valid-looking name: the per-name lock never trips, only the per-address limit can.
            FormUrlEncodedContent Guess(int i) => new(new Dictionary<string, string> { ["username"] = $"guess{i}", ["password"] = "x" });
            var statuses = new List<HttpStatusCode>();
            for (int i = 0; i < 3; i++) statuses.Add((await flood.PostAsync("login", Guess(i))).StatusCode);
            var refused = await flood.PostAsync("login", Guess(3));
            var other = await neighbour.PostAsync("login", Guess(4));

            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("text/plain; charset=utf-8", refused.Content.Headers.ContentType!.ToString());
            Assert.Contains("Too many sign-in attempts", await refused.Content.ReadAsStringAsync());
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await flood.GetAsync("login")).StatusCode); // only the POST is limited
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Login_FormFromAnotherSite_Returns403()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var client = Client(factory);
        var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = Alice, ["password"] = Passwords[Alice] }),
        };
        request.Headers.Add("Origin", "https://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Session_AfterLogin_ReturnsUserRoleCsrfAndAStrictHttpOnlyCookie()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var client = Client(factory);

        var login = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = Mia, ["password"] = Passwords[Mia] }));
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SessionCookie.Name + "="));
        var session = await client.GetFromJsonAsync<JsonObject>("/api/session");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Mia, session!["user"]!.GetValue<string>());
        Assert.Equal("maintainer", session["role"]!.GetValue<string>());
        Assert.True(session["csrf"]!.GetValue<string>().Length >= 32);
        // Only a salted hash is stored: PBKDF2 (Identity v3 format), never the password.
        var stored = await world.Users.GetAsync(Mia);
        Assert.DoesNotContain(Passwords[Mia], stored!.PasswordHash);
        Assert.NotEqual(stored.PasswordHash, (await world.Users.GetAsync(Alice))!.PasswordHash);
    }

    private static FormUrlEncodedContent SignInForm(string name) =>
        new(new Dictionary<string, string> { ["username"] = name, ["password"] = Passwords[name] });

    [Fact]
    public async Task Session_OnAnAddressOthersCanReach_NeedsHttpsAndItsCookieIsSecure()
    {
        await using var world = await CreateAsync();
        world.Pipeline.Configure([], o => o["Review"] = new JsonObject { ["Urls"] = "http://0.0.0.0:5080" });
        await using var factory = world.Factory();
        var plain = Client(factory);
        var https = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

        var page = await plain.GetAsync("/login");
        var refused = await plain.PostAsync("/login", SignInForm(Mia));
        var login = await https.PostAsync("/login", SignInForm(Mia));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("HTTPS", await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain("type=\"password\"", await page.Content.ReadAsStringAsync()); // no password typed over plain HTTP
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("secure", login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SessionCookie.Name + "=")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await https.GetAsync("/api/session")).StatusCode);
    }

    [Fact]
    public async Task ForwardedHeaders_AreBelievedFromAKnownProxyOnly_AndHttpsIsAnsweredWithHsts()
    {
        await using var world = await CreateAsync();
        var (app, url) = await world.StartKestrelAsync("127.0.0.47", review => review["KnownProxies"] = new JsonArray("127.0.0.48"));
        try
        {
            using var proxy = ClientFrom("127.0.0.48", url);
            using var stranger = ClientFrom("127.0.0.49", url);
            HttpRequestMessage SignIn()
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "login") { Content = SignInForm(Alice) };
                request.Headers.Add("X-Forwarded-Proto", "https");
                request.Headers.Add("X-Forwarded-For", "203.0.113.9");
                return request;
            }

            var viaProxy = await proxy.SendAsync(SignIn());
            var direct = await stranger.SendAsync(SignIn());

            Assert.Equal(HttpStatusCode.Redirect, viaProxy.StatusCode);
            Assert.True(viaProxy.Headers.Contains("Strict-Transport-Security"));
            Assert.Contains("secure", viaProxy.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SessionCookie.Name + "=")), StringComparison.OrdinalIgnoreCase);
            // The host listens on loopback, where plain HTTP is allowed; a stranger's forwarded headers are not believed.
            Assert.Equal(HttpStatusCode.Redirect, direct.StatusCode);
            Assert.False(direct.Headers.Contains("Strict-Transport-Security"));
            Assert.DoesNotContain("secure", direct.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SessionCookie.Name + "=")), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Review_WithoutOrWithWrongCsrfToken_Returns403AndChangesNothing()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var client = Client(factory);
        var csrf = await SignInAsync(client, Alice);
        var target = (await world.PendingAsync())[0];

        var none = await ReviewAsync(client, target.Id, new { decision = "approve", version = target.Version });
        var wrong = new HttpRequestMessage(HttpMethod.Post, $"/api/candidates/{target.Id}/review") { Content = JsonContent.Create(new { decision = "approve", version = target.Version }) };
        wrong.Headers.Add(CsrfCheck.Header, csrf[..^2] + "xx");
        var wrongResponse = await client.SendAsync(wrong);
        var logout = await client.PostAsync("/logout", null);

        Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, logout.StatusCode);
        Assert.Equal("pending", (await world.Pipeline.Items.GetAsync(target.Id))!.Status);
        Assert.Empty(await world.Reviews.AuditAsync(target.Id));
    }

    [Fact]
    public async Task Review_Approve_Returns200WithNewVersionAndWritesReviewedColumnsAndAudit()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        var target = (await world.PendingAsync()).First(i => i.Url.EndsWith("press/expulsion"));

        var response = await ReviewAsync(alice, target.Id, new { decision = "approve", version = target.Version });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(target.Version + 1, body["version"]!.GetValue<int>());
        Assert.Equal("approved", body["status"]!.GetValue<string>());
        var stored = (await world.Reviews.GetAsync(target.Id))!;
        Assert.Equal("approved", stored.Status);
        Assert.Equal(target.ResponseTypes, stored.ReviewedTypes);
        Assert.Equal("Lithuania", stored.ReviewedActor);
        Assert.Equal("state", stored.ReviewedActorType);
        var audit = Assert.Single(await world.Reviews.AuditAsync(target.Id));
        Assert.Equal((Alice, "approve"), (audit.Reviewer, audit.Decision));
        Assert.Equal("pending", JsonNode.Parse(audit.Before!)!["status"]!.GetValue<string>());
        Assert.Equal("approved", JsonNode.Parse(audit.After!)!["status"]!.GetValue<string>());
        Assert.True(DateTimeOffset.UtcNow - audit.At < TimeSpan.FromMinutes(1));
        // The train command's contract: an approved candidate is a training example with the reviewer's labels.
        var example = Assert.Single(await world.Pipeline.Items.ReviewedExamplesAsync());
        Assert.Equal(target.Id, example.ItemId);
        // The audit endpoint lists the change with who, when, before and after.
        var listed = (await alice.GetFromJsonAsync<JsonArray>($"/api/candidates/{target.Id}/audit"))!.Single()!;
        Assert.Equal(Alice, listed["reviewer"]!.GetValue<string>());
        Assert.Equal("approved", listed["after"]!["status"]!.GetValue<string>());
        Assert.NotNull(listed["at"]);
    }

    [Fact]
    public async Task Review_Correct_StoresTheReviewersTypesAndCanonicalActor()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        var target = (await world.PendingAsync()).First(i => i.Url.EndsWith("press/expulsion"));

        var response = await ReviewAsync(alice, target.Id, new
        {
            decision = "correct", response_types = new[] { "diplomatic_measures", "statement" }, actor = "EU Council", version = target.Version,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await world.Reviews.GetAsync(target.Id))!;
        Assert.Equal(["diplomatic_measures", "statement"], stored.ReviewedTypes);
        Assert.Equal("Council of the EU", stored.ReviewedActor); // alias → canonical name
        Assert.Equal("igo", stored.ReviewedActorType);
        Assert.Equal("correct", (await world.Reviews.AuditAsync(target.Id)).Single().Decision);
    }

    [Fact]
    public async Task Review_StaleVersion_Returns409AndOverwritesNothing()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        var bob = await ReviewerAsync(factory, Bob);
        var target = (await world.PendingAsync())[0];

        // Both loaded version N; Alice decides first, Bob second.
        var first = await ReviewAsync(alice, target.Id, new { decision = "correct", response_types = new[] { "support" }, version = target.Version });
        var second = await ReviewAsync(bob, target.Id, new { decision = "reject", response_types = new[] { "irrelevant" }, version = target.Version });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var conflict = await JsonAsync(second);
        Assert.Equal(target.Version + 1, conflict["version"]!.GetValue<int>());
        Assert.Contains("nothing was overwritten", conflict["error"]!.GetValue<string>());
        var stored = (await world.Reviews.GetAsync(target.Id))!;
        Assert.Equal("approved", stored.Status);
        Assert.Equal(["support"], stored.ReviewedTypes);
        Assert.Equal(Alice, Assert.Single(await world.Reviews.AuditAsync(target.Id)).Reviewer);
    }

    [Theory]
    [InlineData("{\"decision\":\"approve\",\"response_types\":[\"sanctions\"],\"version\":1}")]              // not a taxonomy id
    [InlineData("{\"decision\":\"correct\",\"response_types\":[\"statement\",\"Statement\"],\"version\":1}")] // ids are exact
    [InlineData("{\"decision\":\"correct\",\"version\":1}")]                                                  // correct needs types
    [InlineData("{\"decision\":\"approve\",\"response_types\":[\"not_a_response\"],\"version\":1}")]          // approve means a response
    [InlineData("{\"decision\":\"reject\",\"response_types\":[\"statement\"],\"version\":1}")]                // reject takes n/i only
    [InlineData("{\"decision\":\"approve\",\"actor_type\":\"government\",\"version\":1}")]                   // actor types too
    [InlineData("{\"decision\":\"approve\",\"actor\":\"Ministry of Silly Walks\",\"version\":1}")]           // unknown actor without a type
    [InlineData("{\"decision\":\"maybe\",\"version\":1}")]
    [InlineData("{\"decision\":\"approve\"}")]                                                                // version required
    [InlineData("{not json")]
    public async Task Review_InvalidRequest_Returns400AndChangesNothing(string json)
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        var target = (await world.PendingAsync())[0];
        Assert.Equal(1, target.Version);

        var response = await alice.PostAsync($"/api/candidates/{target.Id}/review", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("pending", (await world.Reviews.GetAsync(target.Id))!.Status);
        Assert.Empty(await world.Reviews.AuditAsync(target.Id));
    }

    [Fact]
    public async Task Review_UnknownCandidate_Returns404()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);

        Assert.Equal(HttpStatusCode.NotFound, (await ReviewAsync(alice, 999_999, new { decision = "approve", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync("/api/candidates/999999")).StatusCode);
    }

    [Theory]
    [InlineData("not_a_response")]
    [InlineData("irrelevant")]
    public async Task Review_RejectWithReason_KeepsTheLabelAsTrainingData(string label)
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        var target = (await world.PendingAsync())[0];

        var response = await ReviewAsync(alice, target.Id, new { decision = "reject", response_types = new[] { label }, version = target.Version });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await world.Reviews.GetAsync(target.Id))!;
        Assert.Equal("rejected", stored.Status);
        Assert.Equal([label], stored.ReviewedTypes);
        Assert.Equal("none", stored.ReviewedActor);
        Assert.Equal([label], Assert.Single(await world.Pipeline.Items.ReviewedExamplesAsync()).ResponseTypes);
    }

    [Fact]
    public async Task Review_DecidedCandidate_ReviewerGets403MaintainerMayChangeIt()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        var bob = await ReviewerAsync(factory, Bob);
        var mia = await ReviewerAsync(factory, Mia);
        var target = (await world.PendingAsync())[0];
        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(alice, target.Id, new { decision = "approve", version = 1 })).StatusCode);

        var byReviewer = await ReviewAsync(bob, target.Id, new { decision = "reject", version = 2 });
        var byMaintainer = await ReviewAsync(mia, target.Id, new { decision = "reject", version = 2 });

        Assert.Equal(HttpStatusCode.Forbidden, byReviewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byMaintainer.StatusCode);
        Assert.Equal("rejected", (await world.Reviews.GetAsync(target.Id))!.Status);
    }

    [Fact]
    public async Task Undo_RestoresThePreviousStateStepByStepAndIsAudited()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        var mia = await ReviewerAsync(factory, Mia);
        var target = (await world.PendingAsync()).First(i => i.Url.EndsWith("press/expulsion"));
        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(alice, target.Id, new { decision = "approve", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(mia, target.Id, new { decision = "correct", response_types = new[] { "statement" }, actor = "Poland", version = 2 })).StatusCode);

        // Alice may not undo Mia's correction; Mia may.
        var notYours = await alice.PostAsJsonAsync($"/api/candidates/{target.Id}/undo", new { version = 3 });
        var first = await mia.PostAsJsonAsync($"/api/candidates/{target.Id}/undo", new { version = 3 });
        var afterFirst = (await world.Reviews.GetAsync(target.Id))!;
        var stale = await alice.PostAsJsonAsync($"/api/candidates/{target.Id}/undo", new { version = 3 });
        var second = await alice.PostAsJsonAsync($"/api/candidates/{target.Id}/undo", new { version = 4 });
        var afterSecond = (await world.Reviews.GetAsync(target.Id))!;
        var nothingLeft = await alice.PostAsJsonAsync($"/api/candidates/{target.Id}/undo", new { version = 5 });

        Assert.Equal(HttpStatusCode.Forbidden, notYours.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(("approved", "Lithuania"), (afterFirst.Status, afterFirst.ReviewedActor)); // back to Alice's approval
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("pending", afterSecond.Status);                                          // back to the queue, as ingested
        Assert.Null(afterSecond.ReviewedTypes);
        Assert.Null(afterSecond.ReviewedActor);
        Assert.Equal(5, afterSecond.Version);
        Assert.Equal(HttpStatusCode.Conflict, nothingLeft.StatusCode);
        var audit = await world.Reviews.AuditAsync(target.Id);
        Assert.Equal(["approve", "correct", "undo", "undo"], audit.Select(a => a.Decision));
        Assert.Equal([Alice, Mia, Mia, Alice], audit.Select(a => a.Reviewer));
        Assert.Equal(audit[1].Id, JsonNode.Parse(audit[2].After!)!["undoes"]!.GetValue<long>());
        Assert.Equal(audit[0].Id, JsonNode.Parse(audit[3].After!)!["undoes"]!.GetValue<long>());
        Assert.Empty(await world.Pipeline.Items.ReviewedExamplesAsync()); // nothing left to train on
    }

    [Fact]
    public async Task DuplicateCluster_IsDecidedOnceThroughItsPrimary()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        var (primary, duplicate) = await world.DuplicateClusterAsync();
        Assert.Equal("duplicate", duplicate.Status);
        var queue = await alice.GetFromJsonAsync<JsonObject>("/api/candidates?status=pending&limit=200");
        Assert.DoesNotContain(queue!["items"]!.AsArray(), i => i!["id"]!.GetValue<long>() == duplicate.Id);
        var view = await CandidateAsync(alice, primary.Id);
        Assert.Equal(duplicate.Id, view["duplicates"]!.AsArray().Single()!["id"]!.GetValue<long>());

        var onDuplicate = await ReviewAsync(alice, duplicate.Id, new { decision = "approve", version = duplicate.Version });
        var onPrimary = await ReviewAsync(alice, primary.Id, new { decision = "correct", response_types = new[] { "targeted_sanctions" }, actor = "Council of the EU", version = primary.Version });

        Assert.Equal(HttpStatusCode.Conflict, onDuplicate.StatusCode);
        Assert.Equal(primary.Id, (await JsonAsync(onDuplicate))["primary"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.OK, onPrimary.StatusCode);
        var follower = (await world.Reviews.GetAsync(duplicate.Id))!;
        Assert.Equal("duplicate", follower.Status);                      // still one response, not two
        Assert.Equal(["targeted_sanctions"], follower.ReviewedTypes);   // but it carries the decision
        Assert.Equal("Council of the EU", follower.ReviewedActor);
        var followed = Assert.Single(await world.Reviews.AuditAsync(duplicate.Id));
        Assert.Equal(("follow", Alice), (followed.Decision, followed.Reviewer));
        Assert.Equal(primary.Id, JsonNode.Parse(followed.After!)!["primary"]!.GetValue<long>());
        Assert.Single(await world.Pipeline.Items.ReviewedExamplesAsync()); // trained once
        var dataset = await alice.GetFromJsonAsync<JsonObject>("/responses.json");
        var record = Assert.Single(dataset!["responses"]!.AsArray())!;
        Assert.Equal(primary.Id, record["id"]!.GetValue<long>());
        Assert.Equal(duplicate.Url, record["duplicates"]!.AsArray().Single()!.GetValue<string>());

        // Undo on the primary takes the duplicates back with it.
        var undo = await alice.PostAsJsonAsync($"/api/candidates/{primary.Id}/undo", new { version = primary.Version + 1 });
        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        Assert.Null((await world.Reviews.GetAsync(duplicate.Id))!.ReviewedTypes);
    }

    [Fact]
    public async Task Queue_DefaultOrderIsUncertaintyAndNewestAndFiltersWork()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        var pending = await world.PendingAsync();

        var byDefault = (await alice.GetFromJsonAsync<JsonObject>("/api/candidates"))!;
        var newest = (await alice.GetFromJsonAsync<JsonObject>("/api/candidates?sort=newest"))!;
        var filtered = (await alice.GetFromJsonAsync<JsonObject>("/api/candidates?status=filtered"))!;
        var all = (await alice.GetFromJsonAsync<JsonObject>("/api/candidates?status=all&limit=2&offset=1"))!;
        var support = (await alice.GetFromJsonAsync<JsonObject>("/api/candidates?type=support"))!;
        var bySource = (await alice.GetFromJsonAsync<JsonObject>("/api/candidates?source=nowhere"))!;
        var byDate = (await alice.GetFromJsonAsync<JsonObject>("/api/candidates?from=2026-11-01&to=2026-11-01"))!;

        var confidences = byDefault["items"]!.AsArray().Select(i => i!["confidence"]!.GetValue<double>()).ToList();
        Assert.Equal(pending.Count, byDefault["total"]!.GetValue<int>());
        Assert.Equal(confidences.Order(), confidences);                                       // least confident first
        var dates = newest["items"]!.AsArray().Select(i => i!["published"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.All(filtered["items"]!.AsArray(), i => Assert.Equal("filtered", i!["status"]!.GetValue<string>()));
        Assert.True(filtered["total"]!.GetValue<int>() >= 2);                                 // the Iran listing and the Minsk trial
        Assert.Equal(2, all["items"]!.AsArray().Count);
        Assert.All(support["items"]!.AsArray(), i => Assert.Contains("support", i!["response_types"]!.AsArray().Select(t => t!.GetValue<string>())));
        Assert.Contains(support["items"]!.AsArray(), i => i!["id"]!.GetValue<long>() == world.XssItemId);
        Assert.Equal(0, bySource["total"]!.GetValue<int>());
        Assert.Equal([world.XssItemId], byDate["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()));
        foreach (var bad in new[] { "sort=random", "status=open", "type=sanctions", "limit=0", "from=yesterday" })
            Assert.Equal(HttpStatusCode.BadRequest, (await alice.GetAsync("/api/candidates?" + bad)).StatusCode);
    }

    [Fact]
    public async Task Queue_PagesFollowNext_OffsetStillWorks_BadCursorsAre400()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);

        foreach (var sort in new[] { "uncertainty", "newest" })
        {
            var whole = (await alice.GetFromJsonAsync<JsonObject>($"/api/candidates?status=all&sort={sort}&limit=200"))!;
            var expected = whole["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()).ToList();
            Assert.Null(whole["next"]);                                                          // one page holds them all
            var shown = new List<long>();
            string? next = null;
            do
            {
                var page = (await alice.GetFromJsonAsync<JsonObject>($"/api/candidates?status=all&sort={sort}&limit=2" + (next is null ? "" : "&after=" + next)))!;
                Assert.Equal(expected.Count, page["total"]!.GetValue<int>());
                shown.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()));
                next = page["next"]?.GetValue<string>();
            } while (next is not null && shown.Count <= expected.Count);
            Assert.True(expected.Count >= 5);
            Assert.Equal(expected, shown);
            var offset = (await alice.GetFromJsonAsync<JsonObject>($"/api/candidates?status=all&sort={sort}&limit=2&offset=1"))!;
            Assert.Equal(expected.Skip(1).Take(2), offset["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()));
        }

        var newestCursor = (await alice.GetFromJsonAsync<JsonObject>("/api/candidates?status=all&sort=newest&limit=1"))!["next"]!.GetValue<string>();
        foreach (var bad in new[] { "after=nonsense", $"sort=uncertainty&after={newestCursor}", $"sort=newest&after={newestCursor}&offset=1" })
        {
            var r = await alice.GetAsync("/api/candidates?status=all&" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("after", (await JsonAsync(r))["error"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Candidate_View_HasHighlightsProbabilitiesAlternativesAndDrivers()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        var sanctions = (await world.DuplicateClusterAsync()).Primary;

        var view = await CandidateAsync(alice, sanctions.Id);

        var text = view["text"]!.GetValue<string>();
        string Span(JsonNode m) => text.Substring(m["start"]!.GetValue<int>(), m["length"]!.GetValue<int>());
        var marks = view["marks"]!.AsArray().Select(m => (Kind: m!["kind"]!.GetValue<string>(), Text: Span(m), Label: m["label"]!.GetValue<string>())).ToList();
        Assert.Contains(marks, m => m.Kind == "belarus" && m.Text == "Belarus");
        Assert.Contains(marks, m => m.Kind == "belarus" && m.Text.StartsWith("Lukashenka"));
        Assert.Contains(marks, m => m.Kind.StartsWith("cue") && m.Text == "asset freeze" && m.Label == "targeted_sanctions");
        Assert.Contains(marks, m => m.Kind.StartsWith("cue") && m.Text == "travel ban");
        Assert.Contains(marks, m => m.Kind == "actor" && m.Label.StartsWith("Council of the EU"));
        var scores = view["scores"]!.AsArray().Select(s => s!["probability"]!.GetValue<double>()).ToList();
        Assert.Equal(9, scores.Count);
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal(3, view["alternatives"]!.AsArray().Count);
        Assert.DoesNotContain(view["alternatives"]!.AsArray(), a => view["predicted"]!["response_types"]!.AsArray().Any(t => t!.GetValue<string>() == a!["label"]!.GetValue<string>()));
        var drivers = view["drivers"]!.AsArray();
        Assert.NotEmpty(drivers);
        Assert.All(drivers, d => Assert.True(d!["weight"]!.GetValue<double>() > 0));
        Assert.Equal(view["predicted"]!["response_types"]![0]!.GetValue<string>(), view["drivers_for"]!.GetValue<string>());
        Assert.StartsWith("http", view["url"]!.GetValue<string>());
        Assert.Equal(sanctions.Version, view["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Candidate_View_ListsTheLegalActsTheTextNamesWithTheirLinks_AndTheDateOfTheAct()
    {
        await using var world = await CreateAsync();
        const string text = "On 24 June the Council adopted Implementing Regulation (EU) 2021/1030 and Decision (CFSP) 2021/1031 against Belarus.\n" +
            "The Human Rights Council renewed the mandate by resolution A/HRC/RES/47/19.";
        var id = (await world.Pipeline.Items.InsertAsync(
            new NewItem("press", "https://example.org/press/acts", "https://example.org/press/acts", "Council lists 78 more",
                new DateTimeOffset(2021, 6, 25, 9, 0, 0, TimeSpan.Zero), DateTimeOffset.UtcNow, "en", text, "acts-hash", 0, true, ["Belarus"], "test", null),
            new CandidateRecord("pending", ["targeted_sanctions"], new Dictionary<string, double> { ["targeted_sanctions"] = 0.9, ["statement"] = 0.1 },
                "Council of the EU", "igo", [], 0.9, "test-model"))).Id;
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);

        var view = await CandidateAsync(alice, id);
        var acts = view["legal_acts"]!.AsArray();
        // The date of the act, read from the text against the page's date, with the words it comes from.
        Assert.Equal("2021-06-24", view["act_date"]!["date"]!.GetValue<string>());
        Assert.Equal("24 June", view["act_date"]!["evidence"]!.GetValue<string>());

        Assert.Equal(["Regulation (EU) 2021/1030", "Decision 2021/1031/CFSP", "A/HRC/RES/47/19"], acts.Select(a => a!["id"]!.GetValue<string>()));
        Assert.Equal("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32021R1030", acts[0]!["url"]!.GetValue<string>());
        Assert.Equal("https://undocs.org/A/HRC/RES/47/19", acts[2]!["url"]!.GetValue<string>());
        // Offsets over the stored text, as the page's highlights use.
        Assert.Equal("Implementing Regulation (EU) 2021/1030", text.Substring(acts[0]!["start"]!.GetValue<int>(), acts[0]!["length"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Xss_StoredMarkupIsReturnedAsTextAndEveryPageHasAStrictCsp()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);

        var view = await CandidateAsync(alice, world.XssItemId);
        var page = await alice.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();

        // The API hands the markup over verbatim as JSON strings; the page puts it in text nodes (see the browser test).
        Assert.Equal(XssTitle, view["title"]!.GetValue<string>());
        Assert.Contains("onerror=\"window.__pwned=3\"", view["text"]!.GetValue<string>());
        Assert.Equal("application/json; charset=utf-8", (await alice.GetAsync($"/api/candidates/{world.XssItemId}")).Content.Headers.ContentType!.ToString());
        Assert.Equal(ReviewRoutes.ContentSecurityPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("script-src 'self'", ReviewRoutes.ContentSecurityPolicy);
        Assert.DoesNotContain("unsafe-inline", ReviewRoutes.ContentSecurityPolicy);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        // The page shell has no inline script or style, and no scraped text at all.
        Assert.Matches("<script src=\"/review/app.js\" defer></script>", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script"));
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotContain("__pwned", html);
        var js = await (await alice.GetAsync("/review/app.js")).Content.ReadAsStringAsync();
        Assert.DoesNotMatch(@"\.(inner|outer)HTML\s*=|insertAdjacentHTML\(|document\.write|eval\(|new Function", js);
    }

    [Fact]
    public async Task Actors_Autocomplete_FindsCanonicalNamesThroughAliasesInAnyScript()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);

        var english = (await alice.GetFromJsonAsync<JsonArray>("/api/actors?q=eu%20council"))!;
        var russian = (await alice.GetFromJsonAsync<JsonArray>("/api/actors?q=" + Uri.EscapeDataString("МИД Литвы")))!;
        var prefix = (await alice.GetFromJsonAsync<JsonArray>("/api/actors?q=lith"))!;

        Assert.Equal("Council of the EU", english[0]!["name"]!.GetValue<string>());
        Assert.Equal("igo", english[0]!["type"]!.GetValue<string>());
        Assert.Equal("Lithuania", russian[0]!["name"]!.GetValue<string>());
        Assert.Equal("Lithuania", prefix[0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Review_AfterPasswordReset_OldSessionIsSignedOut()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/api/session")).StatusCode);

        await Accounts.ResetAsync(world.Users, Alice);

        Assert.Equal(HttpStatusCode.Unauthorized, (await alice.GetAsync("/api/session")).StatusCode);
    }
}
