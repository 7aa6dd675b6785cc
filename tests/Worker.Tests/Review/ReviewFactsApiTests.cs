using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pipeline.Store;
using static Pipeline.Worker.Tests.Review.ReviewWorld;

namespace Pipeline.Worker.Tests.Review;

/// <summary>
/// The facts of a response in the review API (issue 15): shown predicted, reviewed and effective with their evidence,
/// corrected by a decision, checked strictly (a 400 that names the field, and nothing stored changes), undone.
/// </summary>
[Collection(ReviewCollection.Name)]
public class ReviewFactsApiTests
{
    public const string Text = "The Council listed Belavia and Belaruskali on 4 June 2021 over the forced landing of a Ryanair flight.\n" +
                               "Belarus called the listing unlawful.";

    /// <summary>An item whose facts were predicted at ingest (written as the other columns are), pending review.</summary>
    public static async Task<long> FactsItemAsync(ReviewWorld world)
    {
        var id = (await world.Pipeline.Items.InsertAsync(
            new NewItem("press", "https://example.org/press/belavia", "https://example.org/press/belavia", "EU lists Belavia",
                new DateTimeOffset(2021, 6, 5, 9, 0, 0, TimeSpan.Zero), DateTimeOffset.UtcNow, "en", Text, "belavia-hash", 0, true,
                ["Belarus"], "test", null),
            new CandidateRecord("pending", ["targeted_sanctions"],
                new Dictionary<string, double> { ["targeted_sanctions"] = 0.6, ["statement"] = 0.4 }, "Council of the EU", "igo", [], 0.6,
                "test-model"))).Id;
        await world.Pipeline.ScalarAsync($$"""
            UPDATE candidates SET binding = 1, stance = 'critical', lifecycle = 'called_for',
                   targets = '[{"name":"Belavia","start":19,"length":7}]', act_date = '2021-06-04'
            WHERE item_id = {{id}}
            """);
        return id;
    }

    [Fact]
    public async Task Candidate_View_ShowsThePredictedFactsWithTheirEvidence()
    {
        await using var world = await CreateAsync();
        var id = await FactsItemAsync(world);
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);

        var view = await CandidateAsync(alice, id);

        var facts = view["facts"]!;
        Assert.True(facts["binding"]!.GetValue<bool>());
        Assert.Equal(("critical", "called_for"), (facts["stance"]!.GetValue<string>(), facts["lifecycle"]!.GetValue<string>()));
        var target = facts["targets"]!.AsArray().Single()!;
        Assert.Equal("Belavia", Text.Substring(target["start"]!.GetValue<int>(), target["length"]!.GetValue<int>()));
        Assert.Equal("2021-06-04", facts["date"]!.GetValue<string>());
        var evidence = facts["date_evidence"]!;
        Assert.Equal("4 June 2021", evidence["phrase"]!.GetValue<string>());
        Assert.StartsWith("The Council listed Belavia", evidence["sentence"]!.GetValue<string>());
        Assert.False(evidence["in_title"]!.GetValue<bool>());
        Assert.Equal("4 June 2021", Text.Substring(evidence["start"]!.GetValue<int>(), evidence["length"]!.GetValue<int>()));
        Assert.Null(view["reviewed_facts"]);
        Assert.True(JsonNode.DeepEquals(facts["targets"], view["effective_facts"]!["targets"]));
        Assert.Empty(view["effective_facts"]!["corrected"]!.AsArray());
    }

    [Fact]
    public async Task Candidate_View_OfARowWithoutPredictedFacts_ReadsTheDateFromTheText()
    {
        await using var world = await CreateAsync();
        var id = await FactsItemAsync(world);
        await world.Pipeline.ScalarAsync(
            $"UPDATE candidates SET binding = NULL, stance = NULL, lifecycle = NULL, targets = NULL, act_date = NULL WHERE item_id = {id}");
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);

        var facts = (await CandidateAsync(alice, id))["facts"]!;

        Assert.Null(facts["binding"]);
        Assert.Null(facts["lifecycle"]);
        Assert.Empty(facts["targets"]!.AsArray());
        Assert.Equal("2021-06-04", facts["date"]!.GetValue<string>());
        Assert.Equal("4 June 2021", facts["date_evidence"]!["phrase"]!.GetValue<string>());
    }

    [Fact]
    public async Task Review_CorrectedFacts_AreStoredShownAsCorrectedAndUndone()
    {
        await using var world = await CreateAsync();
        var id = await FactsItemAsync(world);
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);

        var response = await ReviewAsync(alice, id, new
        {
            decision = "correct", response_types = new[] { "targeted_sanctions" }, version = 1,
            facts = new Dictionary<string, object?>
            {
                ["binding"] = null, ["lifecycle"] = "adopted", ["date"] = " 2021-06-04 ",
                ["targets"] = new object[] { " Belaruskali ", new { name = "Naftan" }, "belaruskali" },
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await world.Reviews.GetAsync(id))!;
        Assert.Equal(("approved", 2), (stored.Status, stored.Version));
        var reviewed = JsonNode.Parse(stored.ReviewedFacts!)!.AsObject();
        Assert.Equal(["binding", "lifecycle", "targets", "date"], reviewed.Select(kv => kv.Key)); // the stance was not corrected
        Assert.Null(stored.EffectiveFacts.Binding);
        var facts = stored.EffectiveFacts;
        Assert.Equal(("critical", "adopted", "2021-06-04"), (facts.Stance, facts.Lifecycle, facts.ActDate));
        // Trimmed, one name once; a name found in the text gets its position, another none.
        Assert.Equal([new TargetMention("Belaruskali", Text.IndexOf("Belaruskali"), 11), new TargetMention("Naftan")], facts.Targets);

        var view = await CandidateAsync(alice, id);
        Assert.Equal(["binding", "lifecycle", "targets", "date"],
            view["effective_facts"]!["corrected"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.Null(view["effective_facts"]!["binding"]);
        Assert.Equal("adopted", view["effective_facts"]!["lifecycle"]!.GetValue<string>());
        Assert.Equal("called_for", view["facts"]!["lifecycle"]!.GetValue<string>()); // the prediction stays beside it
        Assert.True(view["reviewed_facts"]!.AsObject().ContainsKey("binding"));
        Assert.Equal("4 June 2021", view["effective_facts"]!["date_evidence"]!["phrase"]!.GetValue<string>());
        var audit = (await alice.GetFromJsonAsync<JsonArray>($"/api/candidates/{id}/audit"))!.Single()!;
        Assert.Equal("adopted", audit["after"]!["reviewed_facts"]!["lifecycle"]!.GetValue<string>());
        Assert.Null(audit["before"]!["reviewed_facts"]);

        // A later approve that corrects one more fact keeps the earlier corrections.
        var mia = await ReviewerAsync(factory, Mia);
        var approve = await ReviewAsync(mia, id, new { decision = "approve", version = 2, facts = new { stance = "easing" } });
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        var again = (await world.Reviews.GetAsync(id))!;
        Assert.Equal(("easing", "adopted"), (again.EffectiveFacts.Stance, again.EffectiveFacts.Lifecycle));

        // Undo takes the corrections back, one decision at a time.
        Assert.Equal(HttpStatusCode.OK, (await mia.PostAsJsonAsync($"/api/candidates/{id}/undo", new { version = 3 })).StatusCode);
        Assert.Equal("critical", (await world.Reviews.GetAsync(id))!.EffectiveFacts.Stance);
        Assert.Equal(HttpStatusCode.OK, (await alice.PostAsJsonAsync($"/api/candidates/{id}/undo", new { version = 4 })).StatusCode);
        var undone = (await world.Reviews.GetAsync(id))!;
        Assert.Null(undone.ReviewedFacts);
        Assert.Equal("called_for", undone.EffectiveFacts.Lifecycle);
        Assert.True(undone.EffectiveFacts.Binding);
    }

    /// <summary>The legal acts are read from the text, never stored; a reviewer's list replaces them, a reference the reader
    /// recognises stored as its normalised id, and the export and the published dataset carry the reviewed list.</summary>
    [Fact]
    public async Task Review_LegalActs_AreReadFromTheText_AndAReviewersListReplacesThem()
    {
        await using var world = await CreateAsync();
        var id = await FactsItemAsync(world);
        await world.Pipeline.ScalarAsync(
            $"UPDATE items SET text = text || ' The listing was made by Council Implementing Regulation (EU) 2021/1030.' WHERE id = {id}");
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);

        var before = await CandidateAsync(alice, id);
        Assert.Equal(["Regulation (EU) 2021/1030"], before["facts"]!["legal_acts"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(["Regulation (EU) 2021/1030"], before["effective_facts"]!["legal_acts"]!.AsArray().Select(a => a!.GetValue<string>()));

        var response = await ReviewAsync(alice, id, new
        {
            decision = "approve", version = 1,
            facts = new { legal_acts = new[] { " Durchführungsverordnung (EU) 2021/1030 ", "Decision 2012/642/CFSP", "Council press release 437/21", "decision 2012/642/cfsp" } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await world.Reviews.GetAsync(id))!;
        // Recognised references become their ids; one the reader does not know is kept as written; each once.
        Assert.Equal(["Regulation (EU) 2021/1030", "Decision 2012/642/CFSP", "Council press release 437/21"], stored.EffectiveFacts.LegalActs);
        var view = await CandidateAsync(alice, id);
        Assert.Contains("legal_acts", view["effective_facts"]!["corrected"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.Equal(["Regulation (EU) 2021/1030"], view["facts"]!["legal_acts"]!.AsArray().Select(a => a!.GetValue<string>()));

        var dataset = await Client(factory).GetFromJsonAsync<JsonObject>("/responses.json");
        var record = dataset!["responses"]!.AsArray().Single()!;
        Assert.Equal(["Regulation (EU) 2021/1030", "Decision 2012/642/CFSP", "Council press release 437/21"],
            record["legal_acts"]!.AsArray().Select(a => a!.GetValue<string>()));

        // null says "none" (a second reviewer's approve, as a correction of a decided candidate is).
        var mia = await ReviewerAsync(factory, Mia);
        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(mia, id, new Dictionary<string, object?>
        {
            ["decision"] = "approve", ["version"] = 2, ["facts"] = new Dictionary<string, object?> { ["legal_acts"] = null },
        })).StatusCode);
        Assert.Empty((await world.Reviews.GetAsync(id))!.EffectiveFacts.LegalActs!);
    }

    [Theory]
    [InlineData("""{"lifecycle":"imposed"}""", "facts.lifecycle")]
    [InlineData("""{"lifecycle":"Adopted"}""", "facts.lifecycle")]
    [InlineData("""{"lifecycle":3}""", "facts.lifecycle")]
    [InlineData("""{"stance":"hostile"}""", "facts.stance")]
    [InlineData("""{"binding":"true"}""", "facts.binding")]
    [InlineData("""{"binding":1}""", "facts.binding")]
    [InlineData("""{"date":"2021-02-30"}""", "facts.date")]
    [InlineData("""{"date":"2019-12-31"}""", "facts.date")]
    [InlineData("""{"date":"04/06/2021"}""", "facts.date")]
    [InlineData("""{"date":"2021-6-4"}""", "facts.date")]
    [InlineData("""{"date":20210604}""", "facts.date")]
    [InlineData("DAY_AFTER_TOMORROW", "facts.date")]
    [InlineData("""{"targets":"Belavia"}""", "facts.targets")]
    [InlineData("""{"targets":["Belavia",""]}""", "facts.targets[1]")]
    [InlineData("""{"targets":["  "]}""", "facts.targets[0]")]
    [InlineData("""{"targets":[5]}""", "facts.targets[0]")]
    [InlineData("""{"targets":[{"start":3}]}""", "facts.targets[0]")]
    [InlineData("TOO_MANY_TARGETS", "facts.targets")]
    [InlineData("TOO_LONG_TARGET", "facts.targets[0]")]
    [InlineData("""{"legal_acts":"Regulation (EU) 2021/1030"}""", "facts.legal_acts")]
    [InlineData("""{"legal_acts":["EO 14038",""]}""", "facts.legal_acts[1]")]
    [InlineData("""{"legal_acts":[{"id":"EO 14038"}]}""", "facts.legal_acts[0]")]
    [InlineData("TOO_MANY_LEGAL_ACTS", "facts.legal_acts")]
    [InlineData("TOO_LONG_LEGAL_ACT", "facts.legal_acts[0]")]
    [InlineData("""{"reason":"x"}""", "facts.reason")]
    [InlineData("\"adopted\"", "facts")]
    [InlineData("[]", "facts")]
    [InlineData("""{"stance":"easing","lifecycle":"imposed"}""", "facts.lifecycle")] // one bad field: nothing is stored
    public async Task Review_BadFacts_Returns400NamingTheField_AndChangesNothing(string facts, string field)
    {
        await using var world = await CreateAsync();
        var id = await FactsItemAsync(world);
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        facts = facts switch
        {
            "DAY_AFTER_TOMORROW" => $$"""{"date":"{{DateTime.UtcNow.AddDays(2):yyyy-MM-dd}}"}""",
            "TOO_MANY_TARGETS" => new JsonObject
            {
                ["targets"] = new JsonArray([.. Enumerable.Range(0, 21).Select(i => (JsonNode)$"Target {i}")]),
            }.ToJsonString(),
            "TOO_LONG_TARGET" => new JsonObject { ["targets"] = new JsonArray(new string('x', 201)) }.ToJsonString(),
            "TOO_MANY_LEGAL_ACTS" => new JsonObject
            {
                ["legal_acts"] = new JsonArray([.. Enumerable.Range(0, 21).Select(i => (JsonNode)$"Act {i}")]),
            }.ToJsonString(),
            "TOO_LONG_LEGAL_ACT" => new JsonObject { ["legal_acts"] = new JsonArray(new string('x', 121)) }.ToJsonString(),
            _ => facts,
        };

        var bodies = new[]
        {
            $$"""{"decision":"approve","version":1,"facts":{{facts}}}""",
            $$"""{"decision":"correct","response_types":["targeted_sanctions"],"version":1,"facts":{{facts}}}""",
        };
        foreach (var json in bodies)
        {
            var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
            var response = await alice.PostAsync($"/api/candidates/{id}/review", content);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = (await JsonAsync(response))["error"]!.GetValue<string>();
            Assert.StartsWith(field + " ", error);
        }
        var stored = (await world.Reviews.GetAsync(id))!;
        Assert.Equal(("pending", 1), (stored.Status, stored.Version));
        Assert.Null(stored.ReviewedFacts);
        Assert.Empty(await world.Reviews.AuditAsync(id));
    }

    [Fact]
    public async Task Review_LimitsOfTheFacts_AreAccepted_AndARejectTakesNone()
    {
        await using var world = await CreateAsync();
        var id = await FactsItemAsync(world);
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);

        var reject = await ReviewAsync(alice, id, new { decision = "reject", version = 1, facts = new { binding = false } });
        Assert.Equal(HttpStatusCode.BadRequest, reject.StatusCode);
        Assert.StartsWith("facts ", (await JsonAsync(reject))["error"]!.GetValue<string>());

        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd");
        var names = Enumerable.Range(0, 20).Select(i => i == 0 ? new string('y', 200) : $"Target {i}").ToArray();
        var ok = await ReviewAsync(alice, id, new
        {
            decision = "approve", version = 1, facts = new { binding = false, stance = (string?)null, date = tomorrow, targets = names },
        });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var stored = (await world.Reviews.GetAsync(id))!;
        Assert.Equal(20, stored.EffectiveFacts.Targets.Count);
        Assert.Equal(tomorrow, stored.EffectiveFacts.ActDate);
        Assert.Null(stored.EffectiveFacts.Stance);

        // With "targets": null the reviewer says there are none; a plain reject clears the reviewed facts.
        var mia = await ReviewerAsync(factory, Mia);
        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(mia, id, new Dictionary<string, object?>
        {
            ["decision"] = "approve", ["version"] = 2, ["facts"] = new Dictionary<string, object?> { ["targets"] = null },
        })).StatusCode);
        Assert.Empty((await world.Reviews.GetAsync(id))!.EffectiveFacts.Targets);
        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(mia, id, new { decision = "reject", version = 3 })).StatusCode);
        Assert.Null((await world.Reviews.GetAsync(id))!.ReviewedFacts);
    }
}
