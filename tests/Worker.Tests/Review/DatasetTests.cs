using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Pipeline.Store;
using Pipeline.Worker.Review.Dataset;
using static Pipeline.Worker.Tests.Review.ReviewWorld;

namespace Pipeline.Worker.Tests.Review;

/// <summary>The published dataset and the statistics page: public, approved responses only, markup kept as text.</summary>
[Collection(ReviewCollection.Name)]
public class DatasetTests
{
    private static async Task<(long Expulsion, long Xss)> ApproveTwoAsync(ReviewWorld world, HttpClient reviewer)
    {
        var expulsion = (await world.PendingAsync()).First(i => i.Url.EndsWith("press/expulsion"));
        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(reviewer, expulsion.Id, new { decision = "approve", version = expulsion.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(reviewer, world.XssItemId, new
        {
            decision = "correct", response_types = new[] { "support" }, actor = "=HYPERLINK(\"http://evil\")<b>", actor_type = "ngo", version = 1,
        })).StatusCode);
        return (expulsion.Id, world.XssItemId);
    }

    [Fact]
    public async Task Json_ListsApprovedResponsesOnlyWithoutLoginAndWithoutReviewerNames()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        var (expulsion, xss) = await ApproveTwoAsync(world, alice);
        var rejected = (await world.PendingAsync())[0];
        await ReviewAsync(alice, rejected.Id, new { decision = "reject", response_types = new[] { "irrelevant" }, version = rejected.Version });

        var anonymous = Client(factory);
        var response = await anonymous.GetAsync("/responses.json");
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(2, body["count"]!.GetValue<int>());
        var records = body["responses"]!.AsArray();
        Assert.Equal([expulsion, xss], records.Select(r => r!["id"]!.GetValue<long>())); // newest response first
        var lithuania = records.Single(r => r!["id"]!.GetValue<long>() == expulsion)!;
        Assert.Equal("Lithuania", lithuania["actor"]!.GetValue<string>());
        Assert.Equal("state", lithuania["actor_type"]!.GetValue<string>());
        Assert.Equal("2026-11-21", lithuania["date"]!.GetValue<string>());
        // The date of the act is read from the text; the expulsion notice gives none (the page's date stays in "date").
        Assert.True(lithuania.AsObject().ContainsKey("act_date"));
        Assert.Null(lithuania["act_date"]);
        Assert.StartsWith("http", lithuania["url"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(lithuania["primary_type"]!.GetValue<string>()));
        Assert.Equal(XssTitle, records.Single(r => r!["id"]!.GetValue<long>() == xss)!["title"]!.GetValue<string>());
        Assert.DoesNotContain(Alice, raw);
    }

    [Fact]
    public async Task Csv_QuotesFieldsAndNeutralisesFormulas()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        await ApproveTwoAsync(world, alice);

        var response = await Client(factory).GetAsync("/responses.csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,date,act_date,title,url,source,language,primary_type,response_types,actor,actor_type,co_actors,duplicates,approved,"
                     + "binding,stance,lifecycle,targets,legal_acts", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")<b>\"", csv); // quoted, and the formula is defused
        Assert.Contains(",Lithuania,state,", csv);
    }

    [Fact]
    public async Task Atom_IsWellFormedAndEscapesMarkup()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        await ApproveTwoAsync(world, alice);

        var response = await Client(factory).GetAsync("/responses.atom");
        var xml = await response.Content.ReadAsStringAsync();
        var doc = XDocument.Parse(xml);
        XNamespace atom = "http://www.w3.org/2005/Atom";

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(atom + "feed", doc.Root!.Name);
        var entries = doc.Root.Elements(atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Contains(entries, e => e.Element(atom + "title")!.Value == XssTitle); // the markup is text in the feed...
        Assert.DoesNotContain("<script>", xml);                                       // ...escaped, never an element
        Assert.All(entries, e => Assert.NotNull(e.Element(atom + "category")!.Attribute("term")));
    }

    [Fact]
    public async Task Atom_CharactersXmlCannotCarry_AreDroppedInsteadOfFailingTheFeed()
    {
        await using var world = await CreateAsync();
        // Scraped text may carry control characters that XML 1.0 cannot represent at all.
        var (_, id, _) = await world.Pipeline.Items.InsertAsync(
            new NewItem("press", "https://example.org/press/ctl", "https://example.org/press/ctl", "Belarus:\u0001 sanctions\u000B extended\uFFFE",
                new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero), DateTimeOffset.UtcNow, "en",
                "The Council extended\u0007 its sanctions on Belarus \uD83C\uDDEA\uD83C\uDDFA by a year.", "ctl-hash", 0, true, ["Belarus"], "test", null),
            new CandidateRecord("pending", ["targeted_sanctions"], new Dictionary<string, double> { ["targeted_sanctions"] = 0.9, ["not_a_response"] = 0.1 },
                "Council of the EU\u001F", "eu_institution", [], 0.9, "test-model"));
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(alice, id, new { decision = "approve", version = 1 })).StatusCode);

        var response = await Client(factory).GetAsync("/responses.atom");
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = Assert.Single(XDocument.Parse(xml).Root!.Elements(atom + "entry"));
        Assert.Equal("Belarus: sanctions extended", entry.Element(atom + "title")!.Value);
        Assert.Equal("Council of the EU", entry.Element(atom + "author")!.Element(atom + "name")!.Value);
        Assert.EndsWith("The Council extended its sanctions on Belarus \uD83C\uDDEA\uD83C\uDDFA by a year.", entry.Element(atom + "summary")!.Value); // whole pairs stay
    }

    [Fact]
    public async Task Statistics_IsPublicAndDrawsMonthlyChartsByTypeAndActorWithoutExternalResources()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        await ApproveTwoAsync(world, alice);

        var response = await Client(factory).GetAsync("/stats");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2 approved responses", html);
        Assert.Contains("<figure id=\"by-type\"", html);
        Assert.Contains("<figure id=\"by-actor\"", html);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "<svg class=\"bars\"").Count);
        Assert.Contains("<th>2026-11</th>", html);
        Assert.Contains("Lithuania", html);
        Assert.DoesNotMatch(@"<li>.*\b[a-z]+_[a-z_]+\b.*</li>", html);              // legends name types in words, not ids
        Assert.Matches("viewBox=\"0 0 (9[6-9]\\d|\\d{4,}) 380\"", html);            // charts at least 960 units wide
        Assert.Contains("=HYPERLINK(&quot;http://evil&quot;)&lt;b&gt;", html); // reviewer-typed actor names are encoded too
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotMatch("(src|href)=\"https?://", html);                     // nothing from elsewhere: works offline
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public async Task JsonAndCsv_TakeAPageWithLimitAndOffset()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var (expulsion, xss) = await ApproveTwoAsync(world, await ReviewerAsync(factory, Alice));
        var anonymous = Client(factory);

        var second = (await anonymous.GetFromJsonAsync<JsonObject>("/responses.json?limit=1&offset=1"))!;
        var beyond = (await anonymous.GetFromJsonAsync<JsonObject>("/responses.json?offset=5"))!;
        var csv = (await anonymous.GetStringAsync("/responses.csv?limit=1")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal((2, 1, 1), (second["total"]!.GetValue<int>(), second["offset"]!.GetValue<int>(), second["count"]!.GetValue<int>()));
        Assert.Equal([xss], second["responses"]!.AsArray().Select(r => r!["id"]!.GetValue<long>()));
        Assert.Equal((2, 0), (beyond["total"]!.GetValue<int>(), beyond["count"]!.GetValue<int>()));
        Assert.Empty(beyond["responses"]!.AsArray());
        Assert.Equal(2, csv.Length); // the header and the newest response
        Assert.StartsWith(expulsion + ",", csv[1]);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/responses.json?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/responses.csv?offset=-1")).StatusCode);
    }

    [Fact]
    public async Task AnonymousAnswers_AreCachedUntilTheNextDecision()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        await ApproveTwoAsync(world, alice);
        var anonymous = Client(factory);
        async Task<(int Json, string Stats)> ReadAsync() =>
            ((await anonymous.GetFromJsonAsync<JsonObject>("/responses.json"))!["count"]!.GetValue<int>(), await anonymous.GetStringAsync("/stats"));
        var before = await ReadAsync();

        // A decision that does not go through this host (another process on the same database) is seen within the minute...
        var pending = await world.PendingAsync();
        await world.Reviews.DecideAsync(pending[0].Id, pending[0].Version, Bob, "approve", new ReviewState("approved", null, null, null), DateTimeOffset.UtcNow);
        var cached = await ReadAsync();
        // ...and the next decision through the host shows at once.
        var other = pending[1];
        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(alice, other.Id, new { decision = "reject", response_types = new[] { "irrelevant" }, version = other.Version })).StatusCode);
        var after = await ReadAsync();

        Assert.Equal(2, before.Json);
        Assert.Equal(before, cached);
        Assert.Equal(3, after.Json);
        Assert.Contains("3 approved responses", after.Stats);
        Assert.Equal(3, (await alice.GetFromJsonAsync<JsonObject>("/responses.json"))!["count"]!.GetValue<int>()); // signed in: never from the cache
    }

    /// <summary>The facts of each response are published as reviewed, else as stored at ingest; NULL ones (rows stored
    /// before migration 7) are read from the title and lead.</summary>
    [Fact]
    public async Task JsonCsvAndAtom_PublishTheEffectiveFactsOfEachResponse()
    {
        await using var world = await CreateAsync();
        var at = new DateTimeOffset(2026, 10, 5, 8, 0, 0, TimeSpan.Zero);
        var scores = new Dictionary<string, double> { ["targeted_sanctions"] = 0.9, ["not_a_response"] = 0.1 };
        var (_, stored, _) = await world.Pipeline.Items.InsertAsync(
            new NewItem("press", "https://example.org/press/facts", "https://example.org/press/facts", "Listings", at, at, "en",
                "The Council lifted the sanctions on Belavia.", "facts-hash", 0, true, ["Belarus"], "test", null),
            new CandidateRecord("pending", ["targeted_sanctions"], scores, "Council of the EU", "igo", [], 0.9, "test-model",
                new ResponseFacts(true, "easing", "lifted", [new TargetMention("Belavia", 36, 7)], "2026-10-04")));
        var (_, older, _) = await world.Pipeline.Items.InsertAsync(
            new NewItem("press", "https://example.org/press/older", "https://example.org/press/older", "Renewal", at.AddDays(-1), at, "en",
                "The Council renewed the sanctions on Grodno Azot for a year.", "older-hash", 0, true, ["Belarus"], "test", null),
            new CandidateRecord("pending", ["targeted_sanctions"], scores, "Council of the EU", "igo", [], 0.9, "test-model"));
        await world.Reviews.DecideAsync(stored, 1, Alice, "approve", new ReviewState("approved", null, null, null), DateTimeOffset.UtcNow);
        await world.Reviews.DecideAsync(older, 1, Alice, "approve", new ReviewState("approved", null, null, null), DateTimeOffset.UtcNow);
        await using var factory = world.Factory();

        var records = (await Client(factory).GetFromJsonAsync<JsonObject>("/responses.json"))!["responses"]!.AsArray();
        var lifted = records.Single(r => r!["id"]!.GetValue<long>() == stored)!;
        Assert.True(lifted["binding"]!.GetValue<bool>());
        Assert.Equal("easing", lifted["stance"]!.GetValue<string>());
        Assert.Equal("lifted", lifted["lifecycle"]!.GetValue<string>());
        Assert.Equal(["Belavia"], lifted["targets"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("2026-10-04", lifted["act_date"]!.GetValue<string>());
        var renewed = records.Single(r => r!["id"]!.GetValue<long>() == older)!;
        Assert.Equal("extended", renewed["lifecycle"]!.GetValue<string>());
        Assert.Equal(["Grodno Azot"], renewed["targets"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Null(renewed["binding"]);

        var csv = await Client(factory).GetStringAsync("/responses.csv");
        Assert.Contains(",true,easing,lifted,Belavia", csv);
        Assert.Contains(",,,extended,Grodno Azot", csv);

        // The feed carries the same facts as categories, and the act's day in the summary.
        var atom = System.Xml.Linq.XDocument.Parse(await Client(factory).GetStringAsync("/responses.atom"));
        System.Xml.Linq.XNamespace a = "http://www.w3.org/2005/Atom";
        string[] Categories(long id) => [.. atom.Root!.Elements(a + "entry").Single(e => e.Element(a + "id")!.Value.EndsWith($"#response-{id}"))
            .Elements(a + "category").Select(c => $"{c.Attribute("scheme")!.Value[13..]}={c.Attribute("term")!.Value}")];
        Assert.Equal(["response_type=targeted_sanctions", "binding=binding", "stance=easing", "lifecycle=lifted", "target=Belavia"], Categories(stored));
        Assert.Equal(["response_type=targeted_sanctions", "lifecycle=extended", "target=Grodno Azot"], Categories(older));
        Assert.Contains("Act of 2026-10-04.", atom.Root!.Elements(a + "entry").Select(e => e.Element(a + "summary")!.Value).First(v => v.Contains("Belavia")));
    }

    [Fact]
    public async Task Store_ReadsOnlyTheLeadOfEachTextAndCountsTheStatistics()
    {
        await using var world = await CreateAsync();
        var words = string.Join(' ', Enumerable.Repeat("Belarus sanctions extended", 100_000)); // 2.6 MB of text
        var (_, id, _) = await world.Pipeline.Items.InsertAsync(
            new NewItem("press", "https://example.org/press/long", "https://example.org/press/long", "A long page", new DateTimeOffset(2026, 9, 3, 8, 0, 0, TimeSpan.Zero),
                DateTimeOffset.UtcNow, "en", words, "long-hash", 0, true, ["Belarus"], "test", null),
            new CandidateRecord("pending", ["targeted_sanctions"], new Dictionary<string, double> { ["targeted_sanctions"] = 0.9, ["not_a_response"] = 0.1 },
                "Council of the EU", "eu_institution", [], 0.9, "test-model"));
        await world.Reviews.DecideAsync(id, 1, Alice, "approve", new ReviewState("approved", null, null, null), DateTimeOffset.UtcNow);
        await world.Reviews.DecideAsync(world.XssItemId, 1, Alice, "correct", new ReviewState("approved", ["support"], "Lithuania", "state"), DateTimeOffset.UtcNow);

        var published = await world.Reviews.ApprovedAsync(null).ToListAsync();
        var counts = await world.Reviews.MonthlyCountsAsync();

        var lead = published.Single(p => p.Id == id);
        Assert.Equal(ReviewStore.LeadLength, lead.Lead.Length);
        Assert.True(lead.TextContinues);
        Assert.All(published, p => Assert.Equal(2, p.Total));
        Assert.Equal(
            [new MonthlyCount("2026-09", "targeted_sanctions", "Council of the EU", 1), new MonthlyCount("2026-11", "support", "Lithuania", 1)],
            counts.OrderBy(c => c.Month));
        await using var factory = world.Factory();
        var excerpt = (await Client(factory).GetFromJsonAsync<JsonObject>("/responses.json"))!["responses"]!.AsArray().Single(r => r!["id"]!.GetValue<long>() == id)!["excerpt"]!.GetValue<string>();
        Assert.EndsWith("…", excerpt);
        Assert.InRange(excerpt.Length, 200, DatasetHandlers.ExcerptLength + 1);
    }

    [Fact]
    public void Charts_CountPerMonthByPrimaryTypeAndTopActors()
    {
        var (byType, byActor) = StatisticsPage.Charts(
        [
            new MonthlyCount("2026-08", "targeted_sanctions", "Council of the EU", 1), new MonthlyCount("2026-08", "statement", "Poland", 1),
            new MonthlyCount("2026-10", "targeted_sanctions", "Council of the EU", 1),
        ]);

        Assert.Equal(["2026-08", "2026-09", "2026-10"], byType.Months);                       // empty months are kept
        Assert.Equal([1, 0, 1], byType.Series.Single(s => s.Series == "targeted sanctions").Counts);
        Assert.Equal([1, 0, 0], byType.Series.Single(s => s.Series == "statement").Counts);  // primary type only
        Assert.Equal("Council of the EU", byActor.Series[0].Series);
        Assert.Equal([1, 0, 1], byActor.Series[0].Counts);
    }

    [Fact]
    public void Charts_AddUpToTheResponsesDrawn_AndShowNoActorWithNothingInTheMonthsDrawn()
    {
        // Forty months of one actor, then an actor whose only response is older than the 36 months drawn, and a response
        // approved without a type.
        var counts = Enumerable.Range(0, 40).Select(i => new MonthlyCount(new DateTime(2023, 1, 1).AddMonths(i).ToString("yyyy-MM"), "statement", "Lithuania", 1))
            .Append(new MonthlyCount("2023-01", "statement", "Iceland", 5))
            .Append(new MonthlyCount("2026-04", "", "Lithuania", 1))
            .ToList();

        var (byType, byActor) = StatisticsPage.Charts(counts);

        Assert.Equal(StatisticsPage.MaxMonths, byType.Months.Count);
        Assert.DoesNotContain(byActor.Series, a => a.Series == "Iceland");
        Assert.All(byActor.Series, a => Assert.True(a.Counts.Sum() > 0, a.Series));
        Assert.Equal([1], byType.Series.Single(t => t.Series == "no type").Counts.Where(n => n > 0));
        for (int m = 0; m < byType.Months.Count; m++)
            Assert.Equal(byType.Series.Sum(t => t.Counts[m]), byActor.Series.Sum(a => a.Counts[m])); // both bars of a month agree
    }
}
