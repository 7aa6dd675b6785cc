using Pipeline.Ingest.Extracting;
using Pipeline.Ingest.Parsing;
using Pipeline.Ingest.Sources;

namespace Pipeline.Ingest.Tests.Extracting;

/// <summary>
/// Item and listing pages built to stall the extractor: each is read, or given up as too complex, within the page's
/// bounds. The timeout is only a hang guard, not a measure of speed.
/// </summary>
public class HostilePageTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);
    private static readonly Uri Url = new("https://example.org/news/1");

    private static Task<ExtractedArticle> ExtractAsync(string html) => Task.Run(() => ArticleExtractor.Extract(html, Url)).WaitAsync(HangGuard);

    [Fact]
    public async Task Extract_200000NestedDivs_IsTooComplex()
    {
        await Assert.ThrowsAsync<PageTooComplexException>(() => ExtractAsync(HostilePages.DeepNesting));
    }

    [Fact]
    public async Task Extract_6MbOfLessThan_IsTooComplex()
    {
        await Assert.ThrowsAsync<PageTooComplexException>(() => ExtractAsync(HostilePages.ManyLessThan));
    }

    [Fact]
    public async Task Extract_One4MbWord_IsTooComplex()
    {
        var e = await Assert.ThrowsAsync<PageTooComplexException>(() => ExtractAsync(HostilePages.OneLongWord));
        Assert.Contains("characters", e.Message);
    }

    [Fact]
    public async Task Extract_850000EmptyComments_IsTooComplex()
    {
        var e = await Assert.ThrowsAsync<PageTooComplexException>(() => ExtractAsync(HostilePages.ManyComments));
        Assert.Contains(BoundedHtmlParser.MaxNodes.ToString("N0"), e.Message);
    }

    [Fact]
    public async Task Extract_200000Paragraphs_IsTooComplex()
    {
        var page = "<html><body>" + string.Concat(Enumerable.Repeat("<p>Belarus news</p>", 200_000)) + "</body></html>";

        var e = await Assert.ThrowsAsync<PageTooComplexException>(() => ExtractAsync(page));
        Assert.Contains(BoundedHtmlParser.MaxNodes.ToString("N0"), e.Message);
    }

    [Fact]
    public async Task ParseListing_200000NestedDivs_IsRefusedPlainly()
    {
        var source = new SourceDefinition { Id = "deep", Kind = SourceKind.Html, ItemSelector = "div > a" };

        var parse = Task.Run(() => HtmlListingParser.Parse(HostilePages.DeepNesting, Url, source));

        var e = await Assert.ThrowsAsync<FeedParseException>(() => parse.WaitAsync(HangGuard));
        Assert.Contains("too complex", e.Message);
    }

    [Fact]
    public void Parse_SpentBudget_GivesThePageUp()
    {
        using var spent = new PageBudget(TimeSpan.Zero);

        var e = Assert.Throws<PageTooComplexException>(() => BoundedHtmlParser.Parse("<html><body><p>Belarus</p></body></html>", spent));
        Assert.Contains("within 0 s", e.Message);
    }
}
