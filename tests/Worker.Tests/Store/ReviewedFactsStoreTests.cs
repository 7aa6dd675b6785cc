using System.Text.Json.Nodes;
using Pipeline.Store;
using Pipeline.Worker.Tests.Infrastructure;

namespace Pipeline.Worker.Tests.Store;

/// <summary>
/// A reviewer's corrections of the facts of a response (issue 15) go the way of the reviewed labels: stored by a
/// decision, in the audit's before and after, restored by undo, copied onto duplicates, and read into training.
/// Runs on SQLite and, with PIPELINE_TEST_POSTGRES, on PostgreSQL.
/// </summary>
public class ReviewedFactsStoreTests
{
    private const string Text = "The EU listed Belavia and Belaruskali on 4 June 2021 over the forced landing.";

    private static NewItem Item(string url) =>
        new("s", url, url, "EU lists Belavia", null, DateTimeOffset.UtcNow, "en", Text, "same-hash", 0, true, [], "feed", null);

    private static readonly CandidateRecord Pending = new("pending", ["targeted_sanctions"],
        new Dictionary<string, double> { ["targeted_sanctions"] = 0.9, ["statement"] = 0.1 }, "Council of the EU", "igo", [], 0.9, "v");

    /// <summary>A primary and its duplicate, the primary's facts written as a prediction at ingest would write them.</summary>
    private static async Task<(TestPipeline P, ReviewStore Reviews, long Primary, long Duplicate)> WorldAsync()
    {
        var p = new TestPipeline();
        await p.Database.MigrateAsync();
        var primary = await p.Items.InsertAsync(Item("https://a.example/1"), Pending);
        var duplicate = await p.Items.InsertAsync(Item("https://b.example/1"), Pending);
        Assert.Equal(primary.Id, duplicate.DuplicateOf);
        await p.ScalarAsync($$"""
            UPDATE candidates SET binding = 1, stance = 'critical', lifecycle = 'called_for',
                   targets = '[{"name":"Belavia","start":14,"length":7}]', act_date = '2021-06-04'
            WHERE item_id = {{primary.Id}}
            """);
        return (p, new ReviewStore(p.Database), primary.Id, duplicate.Id);
    }

    private static ReviewState Approved(string? facts) => new("approved", ["targeted_sanctions"], "Council of the EU", "igo", facts);

    private static void SameJson(string? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected is null ? null : JsonNode.Parse(expected), actual),
            $"expected {expected}, got {actual?.ToJsonString()}");

    [Fact]
    public async Task Detail_ReadsThePredictedFacts_AndNoReview()
    {
        var (p, reviews, primary, duplicate) = await WorldAsync();
        using var _ = p;

        var c = (await reviews.GetAsync(primary))!;
        var d = (await reviews.GetAsync(duplicate))!;

        Assert.Equal(new ResponseFacts(true, "critical", "called_for", c.PredictedFacts.Targets, "2021-06-04"), c.PredictedFacts);
        Assert.Equal([new TargetMention("Belavia", 14, 7)], c.PredictedFacts.Targets);
        Assert.Null(c.ReviewedFacts);
        Assert.Equal(c.PredictedFacts, c.EffectiveFacts);
        Assert.Equal(ResponseFacts.None.Binding, d.PredictedFacts.Binding); // not predicted (NULL columns): all null
        Assert.Empty(d.PredictedFacts.Targets);
    }

    [Fact]
    public async Task Decide_WithFacts_StoresAuditsFollowsAndUndoRestoresStepByStep()
    {
        var (p, reviews, primary, duplicate) = await WorldAsync();
        using var _ = p;
        const string first = """{"binding":false,"lifecycle":"adopted","targets":[{"name":"Belaruskali","start":26,"length":11}]}""";
        const string second = """{"binding":null,"lifecycle":"adopted","date":"2021-06-05"}""";
        var at = DateTimeOffset.UtcNow;

        var approved = await reviews.DecideAsync(primary, 1, "alice", "correct", Approved(first), at);
        var afterFirst = (await reviews.GetAsync(primary))!;
        var followerFirst = (await reviews.GetAsync(duplicate))!;
        var corrected = await reviews.DecideAsync(primary, 2, "mia", "correct", Approved(second), at);
        var afterSecond = (await reviews.GetAsync(primary))!;

        Assert.Equal(ChangeOutcome.Changed, approved.Outcome);
        SameJson(first, JsonNode.Parse(afterFirst.ReviewedFacts!));
        var effective = afterFirst.EffectiveFacts;
        Assert.Equal((false, "critical", "adopted", "2021-06-04"),
            (effective.Binding, effective.Stance, effective.Lifecycle, effective.ActDate));
        Assert.Equal([new TargetMention("Belaruskali", 26, 11)], effective.Targets);
        SameJson(first, JsonNode.Parse(followerFirst.ReviewedFacts!)); // the duplicate follows
        Assert.Equal("duplicate", followerFirst.Status);
        Assert.Equal(ChangeOutcome.Changed, corrected.Outcome);
        Assert.Null(afterSecond.EffectiveFacts.Binding); // reviewed as unclear: null overrides the predicted true
        Assert.Equal("2021-06-05", afterSecond.EffectiveFacts.ActDate);
        Assert.Equal([new TargetMention("Belavia", 14, 7)], afterSecond.EffectiveFacts.Targets); // not reviewed now: predicted

        // The audit rows carry the reviewed facts before and after, on the primary and on the duplicate.
        var audit = await reviews.AuditAsync(primary);
        Assert.Equal(["correct", "correct"], audit.Select(a => a.Decision));
        SameJson(null, JsonNode.Parse(audit[0].Before!)!["reviewed_facts"]);
        SameJson(first, JsonNode.Parse(audit[0].After!)!["reviewed_facts"]);
        SameJson(first, JsonNode.Parse(audit[1].Before!)!["reviewed_facts"]);
        SameJson(second, JsonNode.Parse(audit[1].After!)!["reviewed_facts"]);
        var follows = await reviews.AuditAsync(duplicate);
        Assert.All(follows, f => Assert.Equal(ReviewStore.Follow, f.Decision));
        SameJson(second, JsonNode.Parse(follows[^1].After!)!["reviewed_facts"]);

        // Undo walks back: the first correction's facts, then none, on the primary and its duplicate.
        var undo1 = await reviews.UndoAsync(primary, 3, "mia", false, at);
        var afterUndo1 = (await reviews.GetAsync(primary))!;
        var followerUndo1 = (await reviews.GetAsync(duplicate))!;
        var undo2 = await reviews.UndoAsync(primary, 4, "alice", false, at);
        var afterUndo2 = (await reviews.GetAsync(primary))!;
        var followerUndo2 = (await reviews.GetAsync(duplicate))!;

        Assert.Equal(ChangeOutcome.Changed, undo1.Outcome);
        SameJson(first, JsonNode.Parse(afterUndo1.ReviewedFacts!));
        Assert.Equal(false, afterUndo1.EffectiveFacts.Binding);
        SameJson(first, JsonNode.Parse(followerUndo1.ReviewedFacts!));
        Assert.Equal(ChangeOutcome.Changed, undo2.Outcome);
        Assert.Equal("pending", afterUndo2.Status);
        Assert.Null(afterUndo2.ReviewedFacts);
        Assert.Equal(afterUndo2.PredictedFacts, afterUndo2.EffectiveFacts);
        Assert.Null(followerUndo2.ReviewedFacts);
        SameJson(first, JsonNode.Parse((await reviews.AuditAsync(primary))[^1].Before!)!["reviewed_facts"]);
    }

    [Fact]
    public async Task Undo_OfADecisionAuditedBeforeFactsExisted_RestoresNoFacts()
    {
        var (p, reviews, primary, _) = await WorldAsync();
        using var _p = p;
        // An audit row as written before migration 7: no reviewed_facts key in its before state.
        await reviews.DecideAsync(primary, 1, "alice", "approve", Approved("""{"stance":"easing"}"""), DateTimeOffset.UtcNow);
        await p.ScalarAsync(
            $"UPDATE reviews SET before = '{{\"status\":\"pending\",\"reviewed_types\":null,\"version\":1}}' WHERE item_id = {primary}");

        var undone = await reviews.UndoAsync(primary, 2, "alice", false, DateTimeOffset.UtcNow);

        Assert.Equal(ChangeOutcome.Changed, undone.Outcome);
        var c = (await reviews.GetAsync(primary))!;
        Assert.Equal("pending", c.Status);
        Assert.Null(c.ReviewedFacts);
    }

    [Fact]
    public async Task Training_ReadsTheEffectiveBindingAndStance_OfReviewedCandidates()
    {
        var (p, reviews, primary, _) = await WorldAsync();
        using var _p = p;
        var unlike = Item("https://c.example/2") with { ContentHash = "other-hash", SimHash = -1, Text = "Another text." };
        var other = (await p.Items.InsertAsync(unlike, Pending)).Id;
        var at = DateTimeOffset.UtcNow;
        await reviews.DecideAsync(primary, 1, "alice", "correct", Approved("""{"binding":false,"stance":"easing"}"""), at);
        await reviews.DecideAsync(other, 1, "alice", "approve", new ReviewState("approved", ["statement"], "EEAS", "igo"), at);

        var examples = (await p.Items.ReviewedExamplesAsync()).ToDictionary(e => e.ItemId);

        Assert.Equal((false, "easing"), (examples[primary].Binding, examples[primary].Stance)); // corrected: the reviewer's
        Assert.Equal((null, null), (examples[other].Binding, examples[other].Stance));         // never predicted nor reviewed
        // A correction to "unclear" (null) overrides a predicted value.
        await reviews.DecideAsync(primary, 2, "mia", "correct", Approved("""{"binding":null}"""), DateTimeOffset.UtcNow);
        var again = (await p.Items.ReviewedExamplesAsync()).Single(e => e.ItemId == primary);
        Assert.Equal((null, "critical"), (again.Binding, again.Stance));
    }
}
