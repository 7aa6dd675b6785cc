using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Pipeline.Store;
using Pipeline.Worker.Review.Explore;
using static Pipeline.Worker.Tests.Review.ReviewWorld;

namespace Pipeline.Worker.Tests.Review;

/// <summary>
/// The approved responses the explorer tests look at, stored as ingest stores them and approved through the review
/// store: facts predicted on some (and corrected by a reviewer on two), none on others, a hostile title, and a
/// pending, a rejected and a duplicate item that must never show.
/// </summary>
public sealed record ExploreSeed(
    long PolandBorder, long CouncilBelavia, long ParliamentPotash, long PolandScholarships, long Hostile, long Pending, long Rejected,
    long Duplicate)
{
    public const string HostileTitle = "<script>window.__pwned=7</script> Lithuania <b>funds</b> \"exiled\" media & radio";

    /// <summary>The approved responses, newest date of the act first.</summary>
    public long[] Approved => [CouncilBelavia, ParliamentPotash, Hostile, PolandBorder, PolandScholarships];

    public static async Task<ExploreSeed> CreateAsync(ReviewWorld world)
    {
        var n = 0;
        async Task<long> Add(string title, string text, DateTimeOffset? published, string actor, string actorType, string[] types,
            string decision = "approve", string? hash = null)
        {
            var slug = $"explore-{++n}";
            var url = $"https://example.org/{slug}";
            var (_, id, _) = await world.Pipeline.Items.InsertAsync(
                new NewItem("press", url, url, title, published, DateTimeOffset.UtcNow, "en", text, hash ?? slug + "-hash", 0, true,
                    ["Belarus"], "test", null),
                new CandidateRecord("pending", types, types.ToDictionary(t => t, _ => 0.9), actor, actorType, [], 0.9, "test-model"));
            if (decision != "pending")
            {
                var status = decision == "approve" ? "approved" : "rejected";
                var state = new ReviewState(status, null, null, null);
                var result = await world.Reviews.DecideAsync(id, 1, Alice, decision, state, DateTimeOffset.UtcNow);
                Assert.Equal(ChangeOutcome.Changed, result.Outcome);
            }
            return id;
        }

        var border = await Add("Poland closes a road crossing on the Belarus border", "The government closed the crossing for freight.",
            new DateTimeOffset(2021, 2, 10, 9, 0, 0, TimeSpan.Zero), "Poland", "state", ["economic_measures"]);
        const string listing = "The Council added the carrier to its list of sanctioned entities.";
        var belavia = await Add("Council lists the Belarusian state airline", listing,
            new DateTimeOffset(2021, 6, 25, 9, 0, 0, TimeSpan.Zero), "Council of the EU", "igo", ["targeted_sanctions"]);
        var potash = await Add("Parliament asks for a ban on potash imports",
            "Members called on the Council to stop potash imports from Belarus.",
            new DateTimeOffset(2021, 6, 10, 9, 0, 0, TimeSpan.Zero), "European Parliament", "igo", ["resolution", "targeted_sanctions"]);
        // No stored facts: the date of the act is read from the text (the page is of September).
        var scholarships = await Add("Poland opens scholarships for Belarusian students",
            "On 28 August 2020 the ministry opened a scholarship programme for students expelled from Belarusian universities.",
            new DateTimeOffset(2020, 9, 1, 9, 0, 0, TimeSpan.Zero), "Poland", "state", ["support"]);
        // No facts and no date in the text: the page's date.
        var hostile = await Add(ExploreSeed.HostileTitle, "The ministry supports independent broadcasters working from abroad.",
            new DateTimeOffset(2021, 3, 5, 9, 0, 0, TimeSpan.Zero), "Lithuania", "state", ["support"]);
        var pending = await Add("Pending: Iceland recalls its envoy", "The envoy was recalled.",
            new DateTimeOffset(2021, 6, 12, 9, 0, 0, TimeSpan.Zero), "Iceland", "state", ["diplomatic_measures"], "pending");
        var rejected = await Add("Rejected: a football match report", "A match was played.",
            new DateTimeOffset(2021, 6, 13, 9, 0, 0, TimeSpan.Zero), "Poland", "state", ["statement"], "reject");
        // The same text as the airline listing, republished elsewhere: stored as its duplicate, never listed on its own.
        var duplicate = await Add("Council lists the airline (mirror)", listing, new DateTimeOffset(2021, 6, 26, 9, 0, 0, TimeSpan.Zero),
            "Council of the EU", "igo", ["targeted_sanctions"], "pending", "explore-2-hash");

        // Even with its candidate approved (as an older database may have it), a duplicate is its primary's response.
        await using (var c = await world.Pipeline.Database.OpenAsync())
            Assert.Equal(1, await Sql.ExecuteAsync(c, null, "UPDATE candidates SET status = 'approved' WHERE item_id = @id AND EXISTS " +
                "(SELECT 1 FROM items WHERE id = @id AND duplicate_of = @p)", default, ("@id", duplicate), ("@p", belavia)));

        // Facts as predicted at ingest, and a reviewer's corrections (a key present overrides).
        await FactsAsync(world, border, binding: 1, lifecycle: "announced", targets: null, actDate: "2021-02-09",
            reviewed: """{"lifecycle":"adopted"}""");
        await FactsAsync(world, belavia, binding: 1, lifecycle: "adopted", targets: """[{"name":"Belavia","start":0,"length":7}]""",
            actDate: "2021-06-24", reviewed: """{"date":"2021-06-21"}""");
        await FactsAsync(world, potash, binding: 0, lifecycle: "called_for", targets: """[{"name":"Belaruskali","start":-1,"length":0}]""",
            actDate: "2021-06-09", reviewed: null);
        return new ExploreSeed(border, belavia, potash, scholarships, hostile, pending, rejected, duplicate);
    }

    private static async Task FactsAsync(ReviewWorld world, long id, int? binding, string? lifecycle, string? targets, string? actDate,
        string? reviewed)
    {
        await using var c = await world.Pipeline.Database.OpenAsync();
        Assert.Equal(1, await Sql.ExecuteAsync(c, null, """
            UPDATE candidates SET binding = @b, lifecycle = @l, targets = @t, act_date = @d, reviewed_facts = @r WHERE item_id = @id
            """, default, ("@b", binding), ("@l", lifecycle), ("@t", targets), ("@d", actDate), ("@r", reviewed), ("@id", id)));
    }
}

/// <summary>The public explorer over HTTP: filters, timeline, an actor's toolbox, encoding, bounds, no login.</summary>
[Collection(ReviewCollection.Name)]
public class ExploreTests
{
    /// <summary>The ids of the responses listed on a page, in order.</summary>
    public static long[] Listed(string html) =>
        [.. Regex.Matches(html, "<li class=\"response\" data-id=\"(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value))];

    [Fact]
    public async Task Explore_IsPublicAndListsApprovedResponsesOnce_WithHostileTitlesAsText()
    {
        await using var world = await CreateAsync();
        var seed = await ExploreSeed.CreateAsync(world);
        await using var factory = world.Factory();

        var response = await Client(factory).GetAsync("/explore");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(seed.Approved, Listed(html));                     // newest act first; no pending, rejected or duplicate item
        Assert.Contains("5 approved responses", html);
        Assert.DoesNotContain("Pending: Iceland", html);
        Assert.DoesNotContain("Rejected:", html);
        Assert.DoesNotContain("(mirror)", html);
        Assert.Contains("&lt;script&gt;window.__pwned=7&lt;/script&gt; Lithuania &lt;b&gt;funds&lt;/b&gt; " +
                        "&quot;exiled&quot; media &amp; radio", html);
        Assert.DoesNotContain("<script>window.__pwned", html);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("<script", html);                       // no script at all: it works with JavaScript off
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//(?!example\\.org/)", html); // nothing from elsewhere but the responses' own links
        Assert.Contains("<a class=\"title\" href=\"https://example.org/explore-2\"", html);
        Assert.Contains("href=\"/stats\"", html);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/review/explore.css\">", html);
        Assert.Equal(HttpStatusCode.OK, (await Client(factory).GetAsync("/review/explore.css")).StatusCode);

        // Each response with its actor, types, date and the facts that are known.
        var belavia = Item(html, seed.CouncilBelavia);
        Assert.Contains("<time datetime=\"2021-06-21\">", belavia);         // the reviewer's date beats the predicted one
        Assert.Contains("href=\"/explore/actor/Council%20of%20the%20EU\"", belavia);
        Assert.Contains(">targeted sanctions</a>", belavia);
        Assert.Contains("<span class=\"binding\">binding</span>", belavia);
        Assert.Contains("<span class=\"lifecycle\">adopted</span>", belavia);
        Assert.Contains("href=\"/explore?target=Belavia\">Belavia</a>", belavia);
        Assert.Contains("<time datetime=\"2020-08-28\">", Item(html, seed.PolandScholarships));  // read from the text
        var hostile = Item(html, seed.Hostile);
        Assert.Contains("<time datetime=\"2021-03-05\">2021-03-05</time> (date of the page)", hostile);
        Assert.DoesNotContain("class=\"binding\"", hostile);                                       // unknown facts are not shown
        Assert.DoesNotContain("class=\"lifecycle\"", hostile);
    }

    private static string Item(string html, long id)
    {
        var start = html.IndexOf($"<li class=\"response\" data-id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"response {id} is not listed");
        return html[start..html.IndexOf("</li>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Explore_FiltersByEachFieldAndCombinations()
    {
        await using var world = await CreateAsync();
        var s = await ExploreSeed.CreateAsync(world);
        await using var factory = world.Factory();
        var client = Client(factory);
        var cases = new (string Query, long[] Expected)[]
        {
            ("actor=Poland", [s.PolandBorder, s.PolandScholarships]),
            ("actor=poland", [s.PolandBorder, s.PolandScholarships]),                 // any case
            ("actor_type=igo", [s.CouncilBelavia, s.ParliamentPotash]),
            ("type=targeted_sanctions", [s.CouncilBelavia, s.ParliamentPotash]),      // any of a response's types
            ("type=support", [s.Hostile, s.PolandScholarships]),
            ("lifecycle=adopted", [s.CouncilBelavia, s.PolandBorder]),                // the reviewer's correction counts
            ("lifecycle=announced", []),
            ("lifecycle=called_for", [s.ParliamentPotash]),
            ("binding=true", [s.CouncilBelavia, s.PolandBorder]),
            ("binding=false", [s.ParliamentPotash]),
            ("target=Belavia", [s.CouncilBelavia]),
            ("target=belaruskali", [s.ParliamentPotash]),
            ("from=2021-06&to=2021-06", [s.CouncilBelavia, s.ParliamentPotash]),
            ("from=2021-06-10&to=2021-06-30", [s.CouncilBelavia]),                     // days too; the act (06-09) is before
            ("to=2020-12", [s.PolandScholarships]),
            ("from=2020-08-28&to=2020-08-28", [s.PolandScholarships]),
            ("from=2021-03", [s.CouncilBelavia, s.ParliamentPotash, s.Hostile]),
            ("actor=Poland&type=support", [s.PolandScholarships]),
            ("actor_type=state&binding=true&from=2021-01&to=2021-12", [s.PolandBorder]),
            ("type=targeted_sanctions&lifecycle=called_for&target=Belaruskali", [s.ParliamentPotash]),
            ("actor=Nobody", []),
            ("utm_source=newsletter", s.Approved),                                     // unknown keys are ignored
            ("actor=&type=&from=", s.Approved),                                       // an empty field of the form is no filter
        };
        foreach (var (query, expected) in cases)
        {
            var response = await client.GetAsync("/explore?" + query);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {response.StatusCode}");
            Assert.True(expected.SequenceEqual(Listed(html)),
                $"{query}: listed {string.Join(",", Listed(html))}, expected {string.Join(",", expected)}");
            Assert.Contains($"<p id=\"count\">{expected.Length} approved response", html);
        }

        // The form shows the view it made, and each filter can be removed by a link that keeps the others.
        var view = await client.GetStringAsync("/explore?type=support&actor=Poland&from=2020-01");
        Assert.Contains("<option value=\"support\" selected>", view);
        Assert.Contains("id=\"f-actor\" list=\"actors\" maxlength=\"120\" value=\"Poland\"", view);
        Assert.Contains("value=\"2020-01\"", view);
        Assert.Contains("href=\"/explore?actor=Poland&amp;from=2020-01\" aria-label=\"remove type: support\"", view);
        Assert.Contains("<option value=\"Council of the EU\"></option>", view);   // the actors offered to the field
    }

    [Fact]
    public async Task Explore_TimelineCountsMatchingResponsesPerMonth()
    {
        await using var world = await CreateAsync();
        var s = await ExploreSeed.CreateAsync(world);
        await using var factory = world.Factory();
        var client = Client(factory);

        var all = await client.GetStringAsync("/explore");
        var months = Timeline(all);
        Assert.Equal("2020-08", months.Keys.First());                    // from the first act's month...
        Assert.Equal("2021-06", months.Keys.Last());                     // ...to the last one's, every month between
        Assert.Equal(11, months.Count);
        Assert.Equal(1, months["2020-08"]);
        Assert.Equal(0, months["2020-09"]);                              // the scholarships count in August, their act's month
        Assert.Equal(1, months["2021-02"]);
        Assert.Equal(1, months["2021-03"]);
        Assert.Equal(2, months["2021-06"]);
        Assert.Equal(5, months.Values.Sum());
        Assert.Contains("<a href=\"/explore?from=2021-06&amp;to=2021-06\"><rect", all); // a bar is a link to its month
        Assert.Contains("<title>2021-06: 2</title>", all);

        var igo = Timeline(await client.GetStringAsync("/explore?actor_type=igo"));
        Assert.Equal(new Dictionary<string, int> { ["2021-06"] = 2 }, igo);
        Assert.DoesNotContain("id=\"timeline\"", await client.GetStringAsync("/explore?actor=Nobody"));
    }

    /// <summary>The numbers of the timeline's table: month → responses.</summary>
    private static Dictionary<string, int> Timeline(string html)
    {
        var section = html[html.IndexOf("<section class=\"timeline\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        return Regex.Matches(section, "<tr><th>(\\d{4}-\\d{2})</th><td>(\\d+)</td></tr>")
            .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value));
    }

    [Fact]
    public async Task ActorPage_ShowsItsToolboxOverTimeAndItsResponses()
    {
        await using var world = await CreateAsync();
        var s = await ExploreSeed.CreateAsync(world);
        await using var factory = world.Factory();
        var client = Client(factory);

        var response = await client.GetAsync("/explore/actor/Poland");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Poland</h1>", html);
        Assert.Equal([s.PolandBorder, s.PolandScholarships], Listed(html));
        Assert.Contains("id=\"toolbox\"", html);
        // The grid: a column per type the actor used, a row per month from its first to its last response.
        Assert.Contains("<th scope=\"col\">economic measures</th><th scope=\"col\">support</th></tr>", html);
        Assert.DoesNotContain("<th scope=\"col\">statement</th>", html);          // the rejected statement is not its toolbox
        Assert.Equal(7, Regex.Matches(html, "<th scope=\"row\">").Count);           // 2020-08 … 2021-02
        Assert.Matches("<td class=\"used\" data-type=\"economic_measures\" data-month=\"2021-02\"><a href=\"" +
                       "/explore\\?actor=Poland&amp;type=economic_measures&amp;from=2021-02&amp;to=2021-02\">1</a></td>", html);
        Assert.Contains("<td class=\"used\" data-type=\"support\" data-month=\"2020-08\">", html);
        Assert.Equal(2, Regex.Matches(html, "<td class=\"used\"").Count);

        // The same view by query string, and an actor's response types as links that keep the actor.
        var byQuery = await client.GetStringAsync("/explore?actor=Poland");
        Assert.Contains("id=\"toolbox\"", byQuery);
        Assert.Equal(Listed(html), Listed(byQuery));
        Assert.Contains("<a href=\"/explore?actor=Poland&amp;type=support\">support</a>", html);
        Assert.DoesNotContain("id=\"toolbox\"", await client.GetStringAsync("/explore"));

        // An actor with several types, named with spaces; an actor nobody approved is not found.
        var council = await client.GetStringAsync("/explore/actor/Council%20of%20the%20EU");
        Assert.Contains("<h1>Council of the EU</h1>", council);
        Assert.Equal([s.CouncilBelavia], Listed(council));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/explore/actor/Poland?type=resolution")).StatusCode); // a view, empty
        var nobody = await client.GetAsync("/explore/actor/Nobody");
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        Assert.Contains("No approved response matches", await nobody.Content.ReadAsStringAsync());
        var hostile = await client.GetAsync("/explore/actor/" + Uri.EscapeDataString("<script>x</script>"));
        Assert.Equal(HttpStatusCode.NotFound, hostile.StatusCode);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", await hostile.Content.ReadAsStringAsync());
        Assert.DoesNotContain("<script>x", await hostile.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Explore_RefusesAbsurdParametersWithAClear400()
    {
        await using var world = await CreateAsync();
        await ExploreSeed.CreateAsync(world);
        await using var factory = world.Factory();
        var client = Client(factory);
        var cases = new (string Query, string Says)[]
        {
            ("type=bogus", "type is one of statement"),
            ("actor_type=<script>", "actor_type is one of"),
            ("lifecycle=maybe", "lifecycle is one of called_for"),
            ("binding=yes", "binding is true or false"),
            ("from=2021-13", "from is a month"),
            ("to=99999-01", "to is a month"),
            ("from=1066-10", "from is a month"),
            ("from=2021-06&to=2021-01", "from is after to"),
            ("page=0", "page is a number from 1 to 200"),
            ("page=99999999999999999999", "page is a number"),
            ("page=-1", "page is a number"),
            ("actor=" + new string('x', 500), "actor is a name of at most 120 characters"),
            ("target=" + new string('y', 121), "target is a name of at most 120"),
            ("type=statement&type=support", "give type once"),
        };
        foreach (var (query, says) in cases)
        {
            var response = await client.GetAsync("/explore?" + query);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {response.StatusCode}");
            Assert.Contains(says, html);
            Assert.Contains("<a href=\"/explore\">", html);
            Assert.DoesNotContain("<script>", html);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/explore/actor/" + new string('z', 200))).StatusCode);
    }

    [Fact]
    public void Query_IsTheSameViewAfterARoundTripThroughItsUrl()
    {
        var view = new ExploreQuery("Council of the EU & co", "igo", "targeted_sanctions", "adopted", true, "Belavia", "2021-01", "2021-06-30", 3);
        var url = new Uri("http://host" + view.Url());
        var (parsed, error) = ExploreQuery.Parse(new QueryCollection(QueryHelpers.ParseQuery(url.Query)));

        Assert.Null(error);
        Assert.Equal(view, parsed);
        Assert.Equal(new DateOnly(2021, 1, 1), parsed!.FromDay);
        Assert.Equal(new DateOnly(2021, 6, 30), parsed.ToDay);
        Assert.Equal(new DateOnly(2021, 2, 28), (parsed with { To = "2021-02" }).ToDay);     // a month ends on its last day
        Assert.Equal("/explore", new ExploreQuery().Url());
        Assert.Equal("/explore/actor/A%2FB%20C", ExploreQuery.ActorUrl("A/B C"));
    }

    [Fact]
    public async Task Explore_PagesLongListsAndKeepsTheFiltersInThePageLinks()
    {
        await using var world = await CreateAsync();
        for (int i = 0; i < ExplorePage.PageSize + 5; i++)
        {
            var url = $"https://example.org/many-{i}";
            var published = new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i);
            var (_, id, _) = await world.Pipeline.Items.InsertAsync(
                new NewItem("press", url, url, $"Statement number {i} on Belarus", published, DateTimeOffset.UtcNow, "en", $"Text {i}.",
                    $"many-{i}", 0, true, ["Belarus"], "test", null),
                new CandidateRecord("pending", ["statement"], new Dictionary<string, double> { ["statement"] = 0.9 }, "Norway", "state", [],
                    0.9, "m"));
            await world.Reviews.DecideAsync(id, 1, Alice, "approve", new ReviewState("approved", null, null, null), DateTimeOffset.UtcNow);
        }
        await using var factory = world.Factory();
        var client = Client(factory);

        var first = await client.GetStringAsync("/explore?type=statement");
        var second = await client.GetStringAsync("/explore?type=statement&page=2");
        var beyond = await client.GetAsync("/explore?type=statement&page=3");

        Assert.Equal(ExplorePage.PageSize, Listed(first).Length);
        Assert.Equal(5, Listed(second).Length);
        Assert.Empty(Listed(first).Intersect(Listed(second)));
        Assert.Contains("<a rel=\"next\" href=\"/explore?type=statement&amp;page=2\">", first);
        Assert.Contains("<a rel=\"prev\" href=\"/explore?type=statement\">", second);
        Assert.Contains("page 2 of 2", second);
        Assert.Equal(HttpStatusCode.OK, beyond.StatusCode);
        Assert.Contains("This view has 2 pages", await beyond.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Explore_ShowsADecisionMadeThroughTheHostAtOnce()
    {
        await using var world = await CreateAsync();
        var s = await ExploreSeed.CreateAsync(world);
        await using var factory = world.Factory();
        var anonymous = Client(factory);
        Assert.DoesNotContain(s.Pending, Listed(await anonymous.GetStringAsync("/explore")));

        var alice = await ReviewerAsync(factory, Alice);
        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(alice, s.Pending, new { decision = "approve", version = 1 })).StatusCode);

        Assert.Contains(s.Pending, Listed(await anonymous.GetStringAsync("/explore")));          // the decision evicted the cached view
        Assert.Contains(s.Pending, Listed(await anonymous.GetStringAsync("/explore/actor/Iceland")));
    }
}
