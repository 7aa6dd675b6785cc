using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Pipeline.Store;
using Pipeline.Worker.Review.Dataset;
using static Pipeline.Worker.Tests.Review.ReviewWorld;

namespace Pipeline.Worker.Tests.Review;

/// <summary>
/// The public statistics page as a reader sees it (issue 15's fixes): its legends name no actor with nothing drawn, and
/// its months add up to the approved count, also when an item has no date of its own.
/// </summary>
[Collection(ReviewCollection.Name)]
public class StatisticsPageTests
{
    /// <summary>Stores a statement of <paramref name="actor"/> published on <paramref name="day"/> (null: the feed gave no
    /// date) and approves it.</summary>
    private static async Task<long> ApproveAsync(ReviewWorld world, string slug, string title, string? day, string actor)
    {
        var published = day is null ? (DateTimeOffset?)null
            : new DateTimeOffset(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture), new TimeOnly(8, 0), TimeSpan.Zero);
        var url = $"https://example.org/{slug}";
        var (_, id, _) = await world.Pipeline.Items.InsertAsync(
            new NewItem("press", url, url, title, published, DateTimeOffset.UtcNow, "en", $"{title}.", slug + "-hash", 0, true, ["Belarus"],
                "test", null),
            new CandidateRecord("pending", ["statement"], new Dictionary<string, double> { ["statement"] = 0.9 }, actor, "state", [], 0.9,
                "m"));
        var approved = new ReviewState("approved", null, null, null);
        var result = await world.Reviews.DecideAsync(id, 1, Alice, "approve", approved, DateTimeOffset.UtcNow);
        Assert.Equal(ChangeOutcome.Changed, result.Outcome);
        return id;
    }

    /// <summary>A figure's table: its series and, per month, the numbers.</summary>
    private static (string[] Series, Dictionary<string, int[]> Months) Table(string html, string figure)
    {
        var start = html.IndexOf($"<figure id=\"{figure}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no figure {figure}");
        var part = html[start..html.IndexOf("</figure>", start, StringComparison.Ordinal)];
        var head = part[part.IndexOf("<thead>", StringComparison.Ordinal)..part.IndexOf("</thead>", StringComparison.Ordinal)];
        var series = Regex.Matches(head, "<th>([^<]*)</th>").Skip(1).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();
        var months = Regex.Matches(part, "<tr><th>(\\d{4}-\\d{2})</th>((?:<td>\\d+</td>)+)</tr>").ToDictionary(
            m => m.Groups[1].Value, m => Regex.Matches(m.Groups[2].Value, "\\d+").Select(d => int.Parse(d.Value)).ToArray());
        return (series, months);
    }

    private static List<(string Name, int Count)> Legend(string html, string figure)
    {
        var start = html.IndexOf($"<figure id=\"{figure}\"", StringComparison.Ordinal);
        var part = html[start..html.IndexOf("</figure>", start, StringComparison.Ordinal)];
        return [.. Regex.Matches(part, "<li><svg[^>]*><rect[^>]*/></svg> ([^<]*) \\((\\d+)\\)</li>")
            .Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), int.Parse(m.Groups[2].Value)))];
    }

    [Fact]
    public async Task Statistics_MonthTotalsAddUpToTheApprovedCount_WhenAnItemHasNoDate()
    {
        await using var world = await CreateAsync();
        await ApproveAsync(world, "dated", "Norway condemns the verdicts", "2026-10-02", "Norway");
        var undated = await ApproveAsync(world, "undated", "Finland summons the ambassador", null, "Finland"); // a feed without dates
        await ApproveAsync(world, "dated-too", "Norway extends its visa help", "2026-11-20", "Norway");
        await using var factory = world.Factory();

        var html = await Client(factory).GetStringAsync("/stats");

        Assert.Contains("3 approved responses", html);
        var fetched = DateTimeOffset.Parse(await world.Pipeline.ScalarAsync($"SELECT fetched FROM items WHERE id = {undated}"),
            CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM");
        foreach (var figure in new[] { "by-type", "by-actor" })
        {
            var (_, months) = Table(html, figure);
            Assert.Equal(3, months.Values.Sum(m => m.Sum()));                      // every approved response is in a month...
            Assert.True(months[fetched].Sum() >= 1, $"{figure}: {fetched}");       // ...the undated one in the month it was fetched
            Assert.Equal(3, Legend(html, figure).Sum(l => l.Count));               // and the legend says the same
        }
        Assert.DoesNotContain("not drawn", html);
    }

    [Fact]
    public async Task Statistics_LegendsListNoActorWithoutResponsesInTheMonthsDrawn()
    {
        await using var world = await CreateAsync();
        // An actor whose only response is older than the months drawn, and two recent ones.
        await ApproveAsync(world, "old", "Iceland protests the forced landing", "2021-05-24", "Iceland");
        await ApproveAsync(world, "recent", "Norway condemns the verdicts", "2026-10-02", "Norway");
        await ApproveAsync(world, "recent-too", "Finland funds exile media", "2026-11-02", "Finland");
        await using var factory = world.Factory();

        var response = await Client(factory).GetAsync("/stats");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("3 approved responses", html);
        var actors = Legend(html, "by-actor");
        Assert.Equal(["Finland", "Norway"], actors.Select(a => a.Name).Order());
        Assert.All(actors, a => Assert.True(a.Count > 0, a.Name));
        Assert.All(Legend(html, "by-type"), t => Assert.True(t.Count > 0, t.Name));
        Assert.DoesNotContain(" (0)</li>", html);
        var (series, _) = Table(html, "by-actor");
        Assert.DoesNotContain("Iceland", series);
        // What is not drawn is said: the months and the note add up to the approved count.
        Assert.Equal(StatisticsPage.MaxMonths, Table(html, "by-type").Months.Count);
        Assert.Contains("1 earlier response is in the data but not drawn", html);
        Assert.Equal(2, Table(html, "by-type").Months.Values.Sum(m => m.Sum()));
        Assert.Contains("<a href=\"/explore\">Explore the responses</a>", html);   // and the explorer is one click away
    }
}
