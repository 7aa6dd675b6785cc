using Pipeline.Ingest.Fetching;

namespace Pipeline.Ingest.Tests.Fetching;

/// <summary>URLs written to logs, messages and the fetch log keep their shape but lose their secrets.</summary>
public sealed class RedactTests
{
    [Theory]
    [InlineData("https://user:pw@example.org/feed.xml", "https://***@example.org/feed.xml")]
    [InlineData("https://example.org/feed?token=abc123&page=2", "https://example.org/feed?token=***&page=2")]
    [InlineData("https://example.org/rss?api_key=K&lang=en&sig=S", "https://example.org/rss?api_key=***&lang=en&sig=***")]
    [InlineData("https://bucket.example/f.xml?X-Amz-Credential=C&X-Amz-Signature=S&X-Amz-Expires=60",
        "https://bucket.example/f.xml?X-Amz-Credential=***&X-Amz-Signature=***&X-Amz-Expires=60")]
    [InlineData("https://example.org/a?password=p&Auth=a&session_id=s&code=c&access_token=t&secret=x",
        "https://example.org/a?password=***&Auth=***&session_id=***&code=***&access_token=***&secret=***")]
    [InlineData("https://u@example.org:8443/p?q=belarus&flag#part", "https://***@example.org:8443/p?q=belarus&flag#part")]
    [InlineData("https://example.org/press/release-42.html", "https://example.org/press/release-42.html")]
    public void Redact_RemovesUserInfoAndSecretQueryValues(string url, string expected) => Assert.Equal(expected, Fetcher.Redact(new Uri(url)));
}
