using Pipeline.Ingest.Extracting;

namespace Pipeline.Ingest.Tests.Extracting;

public class ArticleExtractorTests
{
    private static readonly Uri Url = new("https://example.org/news/1");

    private static string Page(string head, string body = "") => $$"""
        <!DOCTYPE html><html lang="en-GB"><head><title>EU extends sanctions | Example</title>{{head}}</head>
        <body><header><nav><a href="/">Home</a> <a href="/about">About us</a> <a href="/contact">Contact</a></nav></header>
        <main><article><h1>EU extends Belarus sanctions by a year</h1>
        <p>The Council of the European Union today prolonged the restrictive measures against Belarus until 28 February 2027, in view of the
        continued internal repression and the country's involvement in the Russian military aggression against Ukraine.</p>
        <p>The measures include an asset freeze and a travel ban on individuals responsible for human rights violations, and sectoral
        economic restrictions on trade in potash, petroleum products and dual-use goods.</p>
        <p>The Council reiterated its call on the Belarusian authorities to release all political prisoners unconditionally.</p>
        {{body}}</article></main>
        <footer><p>Cookies policy. Privacy. © Example 2026. Subscribe to our newsletter for updates from our website.</p></footer></body></html>
        """;

    [Fact]
    public void Extract_ArticlePage_KeepsBodyDropsChrome()
    {
        var a = ArticleExtractor.Extract(Page(""), Url);
        Assert.Contains("prolonged the restrictive measures", a.Text);
        Assert.Contains("release all political prisoners", a.Text);
        Assert.DoesNotContain("Cookies policy", a.Text);
        Assert.DoesNotContain("About us", a.Text);
        Assert.Equal("en", a.Language);
    }

    [Fact]
    public void Extract_ArticlePublishedTimeMeta_IsTheDate()
    {
        var a = ArticleExtractor.Extract(Page("<meta property=\"article:published_time\" content=\"2026-02-24T10:30:00+01:00\">"), Url);
        Assert.Equal(new DateTimeOffset(2026, 2, 24, 9, 30, 0, TimeSpan.Zero), a.Published);
    }

    [Fact]
    public void Extract_JsonLdDatePublished_IsTheDate()
    {
        var a = ArticleExtractor.Extract(Page("""<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2025-08-09T08:00:00Z"}]}</script>"""), Url);
        Assert.Equal(new DateTimeOffset(2025, 8, 9, 8, 0, 0, TimeSpan.Zero), a.Published);
    }

    [Fact]
    public void Extract_TimeElement_IsTheDate()
    {
        var a = ArticleExtractor.Extract(Page("", "<p><time datetime=\"2024-03-01\">1 March 2024</time></p>"), Url);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), a.Published);
    }

    [Fact]
    public void Extract_ContentSelector_WinsOverHeuristics()
    {
        var a = ArticleExtractor.Extract(Page("", "<div class='only'>Only this paragraph matters here.</div>"), Url, ".only");
        Assert.Equal("Only this paragraph matters here.", a.Text);
        Assert.Equal("selector", a.Method);
    }

    [Fact]
    public void Extract_UndeclaredLanguage_IsGuessedFromText()
    {
        const string html = """
            <html><head><title>Заява</title></head><body><article><h1>Заява МЗС</h1>
            <p>Міністерство закордонних справ України рішуче засуджує чергові вироки політичним в'язням у Білорусі та закликає до їх негайного звільнення.</p>
            <p>Україна та її партнери продовжать тиск на режим, який є співучасником агресії проти України.</p></article></body></html>
            """;
        Assert.Equal("uk", ArticleExtractor.Extract(html, Url).Language);
    }

    [SkippableFact]
    public void Extract_WhiteHouseFixture_ReadsDateFromTimeAndBody()
    {
        var html = File.ReadAllText(SharedData.Require("fixtures/pages/us-whitehouse-archives_blog_digital-transition_2017-01-17.html"));
        var a = ArticleExtractor.Extract(html, new Uri("https://obamawhitehouse.archives.gov/blog/2017/01/17/obama-administration-digital-transition-moving-forward"));
        Assert.Contains("Digital Transition", a.Title, StringComparison.OrdinalIgnoreCase);
        Assert.True(a.Text.Length > 500);
        Assert.Equal(new DateOnly(2017, 1, 17), DateOnly.FromDateTime(a.Published!.Value.UtcDateTime.AddHours(-5)));
    }

    [Fact]
    public void Extract_OwnMinistryPage_ReadsDateFromTimeAndBodyWithoutTheChrome()
    {
        var html = File.ReadAllText(Path.Combine(SharedData.Fixtures, "pages", "ministry-statement_time-element_en.html"));
        var a = ArticleExtractor.Extract(html, new Uri("https://ministry.example/press/2024/03/digital-transition"));
        Assert.Contains("Digital Transition", a.Title, StringComparison.OrdinalIgnoreCase);
        Assert.True(a.Text.Length > 500, $"only {a.Text.Length} characters: {a.Text}");
        Assert.Contains("stable address", a.Text);
        Assert.DoesNotContain("Most read", a.Text);
        Assert.DoesNotContain("Privacy", a.Text);
        Assert.Equal(new DateOnly(2024, 3, 5), DateOnly.FromDateTime(a.Published!.Value.UtcDateTime.AddHours(-5)));
    }
}
