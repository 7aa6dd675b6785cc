using Pipeline.Ingest.Deduplication;

namespace Pipeline.Ingest.Tests.Deduplication;

public class UrlCanonicalizerTests
{
    [Theory]
    [InlineData("HTTPS://WWW.Example.ORG/en/Press/Item?utm_source=rss&utm_medium=feed#top", "https://www.example.org/en/Press/Item")]
    [InlineData("https://example.org:443/a?b=2&a=1&fbclid=xyz", "https://example.org/a?a=1&b=2")]
    [InlineData("http://example.org", "http://example.org/")]
    [InlineData("https://example.org/a?id=5&gclid=1&mc_cid=2", "https://example.org/a?id=5")]
    public void Canonicalize_RemovesNoiseKeepsIdentity(string input, string expected)
    {
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(new Uri(input)));
    }

    [Fact]
    public void Canonicalize_DifferentPaths_StayDifferent()
    {
        Assert.NotEqual(UrlCanonicalizer.Canonicalize(new Uri("https://example.org/a/B")), UrlCanonicalizer.Canonicalize(new Uri("https://example.org/a/b")));
    }
}
