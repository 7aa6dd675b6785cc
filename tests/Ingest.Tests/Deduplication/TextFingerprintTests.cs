using Pipeline.Ingest.Deduplication;

namespace Pipeline.Ingest.Tests.Deduplication;

public class TextFingerprintTests
{
    private const string Statement = """
        The Council today decided to impose restrictive measures on a further 25 individuals and 7 entities in view of the
        continued repression of civil society, democratic opposition and journalists in Belarus. Those listed include members
        of the judiciary responsible for politically motivated trials, senior officials of the penitentiary system and
        propagandists. The sanctions consist of an asset freeze and a travel ban. EU citizens and companies are forbidden
        from making funds available to them. The decision brings the total number of listings to 233 individuals and 37 entities.
        """;

    [Fact]
    public void ContentHash_IgnoresCaseWhitespaceAndPunctuation()
    {
        Assert.Equal(TextFingerprint.ContentHash("Hello,  WORLD!"), TextFingerprint.ContentHash("hello world"));
        Assert.NotEqual(TextFingerprint.ContentHash("hello world"), TextFingerprint.ContentHash("hello there world"));
    }

    [Fact]
    public void SimHash_SameStatementWithBoilerplate_IsNearDuplicate()
    {
        var republished = "Press release. Share this page. " + Statement.Replace("25 individuals", "twenty-five individuals") + " Follow us on social media.";
        var d = TextFingerprint.Distance(TextFingerprint.SimHash(Statement), TextFingerprint.SimHash(republished));
        Assert.True(d <= TextFingerprint.NearDuplicateDistance, $"distance {d}");
    }

    [Fact]
    public void SimHash_SameTemplateDifferentListings_AreNotDuplicates()
    {
        const string other = """
            The Council today decided to impose restrictive measures on a further 12 individuals and 3 entities in view of the
            Belarusian regime's involvement in the transfer of Ukrainian children to Belarus. Those listed include the head of the
            Red Cross Society of Belarus, officials of the Ministry of Education and managers of summer camps. The sanctions consist
            of an asset freeze and a travel ban. EU citizens and companies are forbidden from making funds available to them. The
            decision brings the total number of listings to 245 individuals and 40 entities.
            """;
        var d = TextFingerprint.Distance(TextFingerprint.SimHash(Statement), TextFingerprint.SimHash(other));
        Assert.True(d > TextFingerprint.NearDuplicateDistance + 2, $"distance {d}");
    }

    [Fact]
    public void SimHash_DifferentStatements_AreFarApart()
    {
        const string other = """
            Lithuania's Ministry of Foreign Affairs has declared two diplomats of the Belarusian embassy in Vilnius persona non
            grata in response to the forced landing of a passenger aircraft in Minsk. The diplomats must leave the country within
            seventy-two hours. The ministry summoned the charge d'affaires and handed over a note of protest demanding the release
            of the detained journalist and his companion. Other Baltic states are expected to take similar measures this week.
            """;
        var d = TextFingerprint.Distance(TextFingerprint.SimHash(Statement), TextFingerprint.SimHash(other));
        Assert.True(d > 12, $"distance {d}");
    }
}
