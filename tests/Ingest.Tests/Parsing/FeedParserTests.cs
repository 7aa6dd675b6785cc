using System.Diagnostics;
using Pipeline.Ingest.Fetching;
using Pipeline.Ingest.Parsing;
using Xunit.Abstractions;

namespace Pipeline.Ingest.Tests.Parsing;

public class FeedParserTests(ITestOutputHelper output)
{
    private static readonly Uri Base = new("https://example.org/feed");

    /// <summary>A real-world feed of <c>../shared/fixtures/feeds</c> (the test skips when the folder is absent).</summary>
    private static ParsedListing ParseFixture(string name) =>
        FeedParser.Parse(CharsetDetector.Decode(File.ReadAllBytes(SharedData.Require($"fixtures/feeds/{name}")), null), Base);

    /// <summary>A feed the team wrote for the tests (<c>tests/Fixtures/feeds</c>, in every clone).</summary>
    private static ParsedListing ParseOwn(string name) =>
        FeedParser.Parse(CharsetDetector.Decode(File.ReadAllBytes(Path.Combine(SharedData.Fixtures, "feeds", name)), null), Base);

    /// <summary>Every real-world fixture either parses or is refused with a clear message: no crash, no hang.</summary>
    [SkippableFact]
    public void Parse_EveryFixtureFeed_ParsesOrFailsClearly()
    {
        var files = Directory.GetFiles(SharedData.Require("fixtures/feeds")).Where(f => !f.EndsWith(".md")).Order().ToList();
        Assert.True(files.Count >= 90, $"expected the shared fixture folder, found {files.Count} files");
        int parsed = 0, refused = 0;
        foreach (var file in files)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var listing = FeedParser.Parse(CharsetDetector.Decode(File.ReadAllBytes(file), null), Base);
                parsed++;
                Assert.All(listing.Entries, e => Assert.NotNull(e.Title));
                output.WriteLine($"ok      {Path.GetFileName(file)}: {listing.Format}, {listing.Entries.Count} entries");
            }
            catch (FeedParseException e)
            {
                refused++;
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
                Assert.DoesNotContain("   at ", e.Message); // a message, not a stack trace
                output.WriteLine($"refused {Path.GetFileName(file)}: {e.Message}");
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{Path.GetFileName(file)} took {clock.Elapsed}");
        }
        output.WriteLine($"{parsed} parsed, {refused} refused");
        // Most real feeds must parse; only the deliberately broken ones may be refused.
        Assert.True(parsed >= files.Count - 15, $"only {parsed} of {files.Count} fixtures parsed");
    }

    [SkippableFact]
    public void Parse_Rss20Spiegel_ReadsTitlesLinksAndDates()
    {
        var listing = ParseFixture("rss20_spiegel_de.xml");
        Assert.Equal("RSS 2.0", listing.Format);
        Assert.Equal(17, listing.Entries.Count);
        Assert.All(listing.Entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Title));
            Assert.NotNull(e.Link);
            Assert.NotNull(e.Published);
        });
    }

    [SkippableFact]
    public void Parse_Windows1251Feed_HasCyrillicTitles()
    {
        var listing = ParseFixture("rss20_ibash-org-ru_ru_windows-1251.xml");
        Assert.Equal(50, listing.Entries.Count);
        Assert.Contains(listing.Entries, e => e.Title.Any(c => c is >= 'а' and <= 'я') || (e.Summary ?? "").Any(c => c is >= 'а' and <= 'я'));
    }

    [SkippableFact]
    public void Parse_JsonFeed_IsDetectedFromContent()
    {
        var listing = ParseFixture("jsonfeed10_daringfireball_en.json");
        Assert.Equal("JSON Feed", listing.Format);
        Assert.NotEmpty(listing.Entries);
        Assert.All(listing.Entries, e => Assert.NotNull(e.Link));
    }

    [SkippableFact]
    public void Parse_AtomServedWithRssExtension_IsDetectedAsAtom()
    {
        Assert.Equal("Atom", ParseFixture("atom_daringfireball_en_served-as-rss-extension.xml").Format);
    }

    [SkippableFact]
    public void Parse_RelativeEntryLinks_AreResolvedAgainstTheFeedUrl()
    {
        var listing = ParseFixture("atom_yakubin_en_large-871kb_relative-entry-links.xml");
        Assert.All(listing.Entries.Where(e => e.Link is not null), e => Assert.True(e.Link!.IsAbsoluteUri));
    }

    [SkippableFact]
    public void Parse_HtmlPage_IsRefusedAsNotAFeed()
    {
        var e = Assert.Throws<FeedParseException>(() => ParseFixture("notafeed_marketwatch_document-moved-html.txt"));
        Assert.Contains("not a feed", e.Message);
    }

    [SkippableFact]
    public void Parse_TruncatedJsonFeed_IsRefusedClearly()
    {
        var e = Assert.Throws<FeedParseException>(() => ParseFixture("jsonfeed_allthis_en_truncated-invalid-json.json"));
        Assert.Contains("JSON", e.Message);
    }

    [SkippableFact]
    public void Parse_UndefinedHtmlEntity_StillParses()
    {
        Assert.NotEmpty(ParseFixture("rss20_db-engines_en_undefined-nbsp-entity.xml").Entries);
    }

    [Fact]
    public void Parse_BillionLaughs_IsRefusedQuickly()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
             <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
             <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
            ]>
            <rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>
            """;
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<FeedParseException>(() => FeedParser.Parse(bomb, Base));
        Assert.Contains("entit", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Parse_ExternalEntity_IsRefused()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>x</title><item><title>&xxe;</title><link>https://example.org/a</link></item></channel></rss>
            """;
        Assert.Throws<FeedParseException>(() => FeedParser.Parse(xxe, Base));
    }

    [SkippableFact]
    public void Parse_EscapedHtmlInTitles_IsPlainText()
    {
        var listing = ParseFixture("rss20_lefigaro_fr_escaped-html-in-titles_mojibake.xml");
        Assert.All(listing.Entries, e => Assert.DoesNotContain("<i>", e.Title));
    }

    [Theory]
    [InlineData("Tue, 10 Aug 2021 14:30:00 GMT", "2021-08-10T14:30:00Z")]
    [InlineData("Tue, 10 Aug 2021 17:30:00 +0300", "2021-08-10T14:30:00Z")]
    [InlineData("2021-08-10T17:30:00+03:00", "2021-08-10T14:30:00Z")]
    [InlineData("2021-08-10", "2021-08-10T00:00:00Z")]
    public void ParseDate_CommonFeedFormats_AreUtc(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected), FeedParser.ParseDate(text));
    }

    // ------------------------------------------------------------ the same checks on the team's own fixtures (every clone)

    /// <summary>Each of the team's fixtures parses, except the two that are broken on purpose, which are refused clearly.</summary>
    [Fact]
    public void Parse_EveryOwnFixture_ParsesOrIsRefusedOnPurpose()
    {
        var files = Directory.GetFiles(Path.Combine(SharedData.Fixtures, "feeds")).Order().ToList();
        Assert.True(files.Count >= 9, $"expected the fixtures of tests/Fixtures/feeds, found {files.Count} files");
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith("notafeed_") || name.Contains("invalid"))
            {
                var e = Assert.Throws<FeedParseException>(() => ParseOwn(name));
                Assert.DoesNotContain("   at ", e.Message);
                output.WriteLine($"refused {name}: {e.Message}");
            }
            else
            {
                var listing = ParseOwn(name);
                Assert.NotEmpty(listing.Entries);
                Assert.All(listing.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Title)));
                output.WriteLine($"ok      {name}: {listing.Format}, {listing.Entries.Count} entries");
            }
        }
    }

    [Fact]
    public void Parse_OwnRss20_ReadsTitlesLinksAndDates()
    {
        var listing = ParseOwn("rss20_ministry_en.xml");
        Assert.Equal("RSS 2.0", listing.Format);
        Assert.Equal(4, listing.Entries.Count);
        Assert.All(listing.Entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Title));
            Assert.NotNull(e.Link);
            Assert.NotNull(e.Published);
        });
        Assert.Equal(DateTimeOffset.Parse("2024-03-04T15:00:00Z"), listing.Entries[1].Published);
    }

    [Fact]
    public void Parse_OwnWindows1251Feed_HasCyrillicTitles()
    {
        var listing = ParseOwn("rss20_windows-1251_ru.xml");
        Assert.Equal(6, listing.Entries.Count);
        Assert.Equal("Когда сеять томаты на рассаду", listing.Entries[0].Title);
    }

    [Fact]
    public void Parse_OwnJsonFeed_IsDetectedFromContent()
    {
        var listing = ParseOwn("jsonfeed11_en.json");
        Assert.Equal("JSON Feed", listing.Format);
        Assert.Equal(2, listing.Entries.Count);
        Assert.All(listing.Entries, e => Assert.NotNull(e.Link));
    }

    [Fact]
    public void Parse_OwnAtomWithRssExtensionAndRelativeLinks_IsAtomWithAbsoluteLinks()
    {
        var listing = ParseOwn("atom_relative-entry-links_en.rss");
        Assert.Equal("Atom", listing.Format);
        Assert.Equal(2, listing.Entries.Count);
        Assert.All(listing.Entries, e => Assert.True(e.Link!.IsAbsoluteUri));
        Assert.Equal("https://example.org/notes/2024/trial-gallery", listing.Entries[0].Link!.AbsoluteUri);
    }

    [Fact]
    public void Parse_OwnHtmlPage_IsRefusedAsNotAFeed()
    {
        var e = Assert.Throws<FeedParseException>(() => ParseOwn("notafeed_document-moved.html"));
        Assert.Contains("not a feed", e.Message);
    }

    [Fact]
    public void Parse_OwnTruncatedJsonFeed_IsRefusedClearly()
    {
        var e = Assert.Throws<FeedParseException>(() => ParseOwn("jsonfeed_truncated-invalid-json_en.json"));
        Assert.Contains("JSON", e.Message);
    }

    [Fact]
    public void Parse_OwnUndefinedHtmlEntity_StillParses()
    {
        var listing = ParseOwn("rss20_undefined-html-entity_en.xml");
        Assert.Equal(2, listing.Entries.Count);
        Assert.Contains("extends restrictive measures", listing.Entries[0].Title);
    }

    [Fact]
    public void Parse_OwnEscapedHtmlInTitles_IsPlainText()
    {
        var listing = ParseOwn("rss20_escaped-html-in-titles_fr.xml");
        Assert.Equal(2, listing.Entries.Count);
        Assert.All(listing.Entries, e => Assert.DoesNotContain("<", e.Title));
        Assert.StartsWith("Éditorial", listing.Entries[0].Title);
    }
}
