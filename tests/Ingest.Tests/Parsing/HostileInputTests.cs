using Pipeline.Ingest.Parsing;

namespace Pipeline.Ingest.Tests.Parsing;

/// <summary>
/// Hostile feeds and feed text: each is read (or refused) in one linear pass. The tag-stripping and doctype regexes
/// backtracked quadratically on them and took minutes. The timeout is only a hang guard, not a measure of speed.
/// </summary>
public class HostileInputTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);
    private static readonly Uri Base = new("https://example.org/feed");

    public static TheoryData<string> Bombs => new() { nameof(HostilePages.ManyLessThan), nameof(HostilePages.DoctypeBomb), nameof(HostilePages.CommentBomb) };

    private static string Bomb(string name) => name switch
    {
        nameof(HostilePages.ManyLessThan) => HostilePages.ManyLessThan,
        nameof(HostilePages.DoctypeBomb) => HostilePages.DoctypeBomb,
        _ => HostilePages.CommentBomb,
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task ToPlainText_TagsThatNeverClose_AreKeptAsText(string name)
    {
        var bomb = Bomb(name);

        var text = await Task.Run(() => HtmlText.ToPlainText(bomb)).WaitAsync(HangGuard);

        Assert.Equal(bomb, text); // no '>' anywhere: nothing is a tag
    }

    [Fact]
    public async Task Prepare_DoctypeBomb_Returns()
    {
        var prepared = await Task.Run(() => XmlPreparer.Prepare(HostilePages.DoctypeBomb)).WaitAsync(HangGuard);

        Assert.Equal(HostilePages.DoctypeBomb, prepared); // not a document type declaration: nothing to drop
    }

    [Fact]
    public async Task Parse_DoctypeBombFeed_IsRefusedPlainly()
    {
        var parse = Task.Run(() => FeedParser.Parse(HostilePages.DoctypeBomb, Base));

        var e = await Assert.ThrowsAsync<FeedParseException>(() => parse.WaitAsync(HangGuard));
        Assert.Contains("malformed", e.Message);
    }

    [Fact]
    public async Task Parse_FeedWhoseSummaryIsMegabytesOfLessThan_ReadsTheEntry()
    {
        var rss = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Hostile</title><link>https://example.org/</link>
            <item><title>Belarus: sanctions extended</title><link>https://example.org/a</link>
            <description><![CDATA[{HostilePages.ManyLessThan}]]></description></item>
            </channel></rss>
            """;

        var listing = await Task.Run(() => FeedParser.Parse(rss, Base)).WaitAsync(HangGuard);

        var entry = Assert.Single(listing.Entries);
        Assert.Equal("Belarus: sanctions extended", entry.Title);
        Assert.Equal(HostilePages.ManyLessThan.Length, entry.Summary!.Length);
    }
}
