using System.Net;
using System.Text.Json.Nodes;
using Pipeline.Worker.Tests.Infrastructure;
using static Pipeline.Worker.Tests.Review.ReviewWorld;

namespace Pipeline.Worker.Tests.Review;

/// <summary>The maintainers' source-health page shows what <c>sources status</c> prints; reviewers may not see it.</summary>
public class SourcesPageTests
{
    [Fact]
    public async Task Sources_MaintainerSeesHealthReviewerIsRefused()
    {
        await using var world = await CreateAsync();
        await using var web = await LoopbackPublisher.StartAsync();
        web.Map("/feed.xml", ctx => { ctx.Response.StatusCode = 410; return Task.CompletedTask; });
        world.Pipeline.Configure([TestPipeline.FeedSource("removed-feed", web.Url("feed.xml"))]);
        await world.Pipeline.RunAsync("ingest");
        await using var factory = world.Factory();

        var mia = await ReviewerAsync(factory, Mia);
        var page = await mia.GetAsync("/sources");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("removed-feed", html);
        Assert.Contains("backing-off", html);
        Assert.Contains("Gone: HTTP 410", html);
        var json = JsonNode.Parse(await mia.GetStringAsync("/api/sources"))!.AsArray();
        Assert.Equal("removed-feed", json.Single()!["id"]!.GetValue<string>());

        var alice = await ReviewerAsync(factory, Alice);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.GetAsync("/sources")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.GetAsync("/api/sources")).StatusCode);
    }
}
