using Pipeline.Ingest.Sources;

namespace Pipeline.Ingest.Tests.Sources;

public class SourceHealthTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 15, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Timeout", FailureWeight.Temporary)]
    [InlineData("ServerError", FailureWeight.Temporary)]
    [InlineData("RateLimited", FailureWeight.Temporary)]
    [InlineData("NotAFeed", FailureWeight.Soft)]
    [InlineData("UnreadableListing", FailureWeight.Soft)]
    [InlineData("TooLarge", FailureWeight.Soft)]
    [InlineData("NotFound", FailureWeight.Hard)]
    [InlineData("Gone", FailureWeight.Hard)]
    [InlineData("TooManyRedirects", FailureWeight.Hard)]
    public void ErrorKinds_AreWeighted(string kind, FailureWeight weight) => Assert.Equal(weight, SourceHealth.WeightOf(kind));

    [Fact]
    public void Backoff_DoublesPerFailure_FromTheWeightsBase_WithoutJitterAtTheMidpoint()
    {
        // jitter01 = 0.5 → factor 1.0: 15 min, 30 min, 60 min for a temporary failure; 6 h, 12 h for a hard one.
        Assert.Equal(TimeSpan.FromMinutes(15), SourceHealth.NextCheck("Timeout", 1, Now, 0.5) - Now);
        Assert.Equal(TimeSpan.FromMinutes(30), SourceHealth.NextCheck("Timeout", 2, Now, 0.5) - Now);
        Assert.Equal(TimeSpan.FromMinutes(60), SourceHealth.NextCheck("Timeout", 3, Now, 0.5) - Now);
        Assert.Equal(TimeSpan.FromHours(6), SourceHealth.NextCheck("NotFound", 1, Now, 0.5) - Now);
        Assert.Equal(TimeSpan.FromHours(12), SourceHealth.NextCheck("NotFound", 2, Now, 0.5) - Now);
    }

    [Fact]
    public void Backoff_JitterSpreadsTwentyPercentEitherWay_AndIsCappedAtADay()
    {
        Assert.Equal(TimeSpan.FromMinutes(12), SourceHealth.NextCheck("Timeout", 1, Now, 0.0) - Now);
        Assert.True(SourceHealth.NextCheck("Timeout", 1, Now, 0.999) - Now < TimeSpan.FromMinutes(18));
        Assert.Equal(SourceHealth.Cap, SourceHealth.NextCheck("NotFound", 5, Now, 0.999) - Now);
        Assert.Equal(SourceHealth.Cap, SourceHealth.NextCheck("Timeout", 500, Now, 0.5) - Now);
    }

    [Fact]
    public void Condition_InPlainWords()
    {
        Assert.Equal("new", SourceHealth.Condition(0, null, null, null, Now, null));
        Assert.Equal("ok", SourceHealth.Condition(0, null, null, null, Now, Now));
        Assert.Equal("suspect", SourceHealth.Condition(0, null, null, "only 0 entries", Now, Now));
        Assert.Equal("backing-off", SourceHealth.Condition(1, "Timeout", Now.AddMinutes(10), null, Now, Now));
        Assert.Equal("failing", SourceHealth.Condition(1, "Timeout", Now.AddMinutes(-1), null, Now, Now));
        Assert.Equal("gone", SourceHealth.Condition(3, "Gone", Now.AddHours(6), null, Now, Now));
    }
}
