using Pipeline.Store;

namespace Pipeline.Worker.Tests.Store;

public class ResponseFactsTests
{
    private static readonly ResponseFacts Predicted =
        new(true, "critical", "adopted", [new TargetMention("Belavia", 10, 7)], "2021-06-04");

    [Fact]
    public void Effective_WithoutReviewedFacts_IsThePrediction()
    {
        Assert.Same(Predicted, Predicted.Effective(null));
        Assert.Same(Predicted, Predicted.Effective("not json"));
        Assert.Same(Predicted, Predicted.Effective("[1,2]"));
    }

    [Fact]
    public void Effective_AReviewedKey_ReplacesThePredictedValue_EvenWithNull()
    {
        var facts = Predicted.Effective("""{"binding": null, "lifecycle": "extended", "targets": [{"name": "Naftan"}]}""");
        Assert.Null(facts.Binding);
        Assert.Equal("extended", facts.Lifecycle);
        Assert.Equal("Naftan", Assert.Single(facts.Targets).Name);
        Assert.Equal(-1, facts.Targets[0].Start);
        Assert.Equal("critical", facts.Stance); // not reviewed: predicted
        Assert.Equal("2021-06-04", facts.ActDate);
    }

    [Fact]
    public void Targets_RoundTripThroughTheColumn()
    {
        var json = ResponseFacts.TargetsToJson(Predicted.Targets);
        Assert.Equal(Predicted.Targets, ResponseFacts.TargetsFromJson(json));
        Assert.Null(ResponseFacts.TargetsToJson([]));
        Assert.Empty(ResponseFacts.TargetsFromJson("{broken"));
    }
}
