using Pipeline.Ingest.Parsing;
using Pipeline.Ingest.Sources;

namespace Pipeline.Ingest.Tests.Parsing;

public class HtmlListingParserTests
{
    private const string Listing = """
        <html><head><title>Press releases</title></head><body>
        <nav><a href="/en/about">About</a></nav>
        <ul class="news">
          <li class="item"><h3><a href="/en/press/2021/06/24/belarus-sanctions/">Belarus: EU adopts sectoral sanctions</a></h3><time datetime="2021-06-24T12:00:00Z">24 June 2021</time></li>
          <li class="item"><h3><a href="https://example.org/en/press/2021/06/21/listings/?utm_source=x">Belarus: 78 individuals listed</a></h3><span class="date">21.06.2021</span></li>
          <li class="item"><h3>No link here</h3></li>
        </ul></body></html>
        """;

    [Fact]
    public void Parse_WithSelectors_ReadsEntries()
    {
        var source = new SourceDefinition { Id = "t", Kind = SourceKind.Html, ItemSelector = "li.item", TitleSelector = "h3", DateSelector = "time, .date" };
        var listing = HtmlListingParser.Parse(Listing, new Uri("https://example.org/en/press/"), source);
        Assert.Equal(2, listing.Entries.Count);
        Assert.Equal("Belarus: EU adopts sectoral sanctions", listing.Entries[0].Title);
        Assert.Equal(new Uri("https://example.org/en/press/2021/06/24/belarus-sanctions/"), listing.Entries[0].Link);
        Assert.Equal(new DateTimeOffset(2021, 6, 24, 12, 0, 0, TimeSpan.Zero), listing.Entries[0].Published);
        Assert.Equal(new DateTimeOffset(2021, 6, 21, 0, 0, 0, TimeSpan.Zero), listing.Entries[1].Published);
    }

    [Fact]
    public void Parse_InvalidSelector_FailsWithTheSourceNamed()
    {
        var source = new SourceDefinition { Id = "broken", Kind = SourceKind.Html, ItemSelector = "li[[" };
        var e = Assert.Throws<FeedParseException>(() => HtmlListingParser.Parse(Listing, new Uri("https://example.org/"), source));
        Assert.Contains("broken", e.Message);
    }
}
