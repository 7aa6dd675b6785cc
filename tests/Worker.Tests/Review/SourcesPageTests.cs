using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Worker.Review.Auth;
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
        web.MapText("/ok.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>ok</title></channel></rss>");
        var healthy = TestPipeline.FeedSource("healthy-feed", web.Url("ok.xml"));
        healthy["Schedule"] = "0 15 2 * * ?";
        world.Pipeline.Configure([TestPipeline.FeedSource("removed-feed", web.Url("feed.xml")), healthy]);
        await world.Pipeline.RunAsync("ingest");
        await using var factory = world.Factory();

        var mia = await ReviewerAsync(factory, Mia);
        var page = await mia.GetAsync("/sources");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("removed-feed", html);
        Assert.Contains("backing-off", html);
        Assert.Contains("Gone: HTTP 410", html);
        Assert.Contains("<main class=\"sources\">", html);                         // the page margin (app.css .sources)
        Assert.Contains("<form id=\"logout\"", html);                               // sign-out, sent by signout.js
        Assert.Contains("<script src=\"/review/signout.js\" defer></script>", html);
        Assert.Equal(HttpStatusCode.OK, (await mia.GetAsync("/review/signout.js")).StatusCode);
        var json = JsonNode.Parse(await mia.GetStringAsync("/api/sources"))!.AsArray();
        Assert.Equal(["removed-feed", "healthy-feed"], json.Select(r => r!["id"]!.GetValue<string>()));
        // A healthy source's next check is its next cron time (02:15 UTC), not empty.
        var next = DateTimeOffset.Parse(json[1]!["next_check"]!.GetValue<string>());
        Assert.Equal((2, 15), (next.UtcDateTime.Hour, next.UtcDateTime.Minute));
        Assert.True(next > DateTimeOffset.UtcNow && next <= DateTimeOffset.UtcNow.AddDays(1));

        var alice = await ReviewerAsync(factory, Alice);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.GetAsync("/sources")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.GetAsync("/api/sources")).StatusCode);
    }

    [Fact]
    public async Task SourcesStatus_ReadsOnly_ANewSourceShowsAsNeverChecked()
    {
        using var pipeline = new TestPipeline();
        pipeline.Configure([TestPipeline.FeedSource("not-yet-polled", new Uri("http://127.0.0.1:9/feed.xml"))]);

        var run = await pipeline.RunAsync("sources", "status");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("not-yet-polled", run.Stdout);
        Assert.Contains("never", run.Stdout);
        Assert.Empty(await pipeline.Sources.ListAsync(CancellationToken.None)); // looking wrote nothing: the source joins at its first poll
    }

    [Fact]
    public async Task MaintainerRoutes_AreGuardedByTheMaintainerPolicyOnTheirGroup()
    {
        await using var world = await CreateAsync();
        await using var factory = world.Factory();
        var alice = await ReviewerAsync(factory, Alice);
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        foreach (var path in new[] { "/sources", "/api/sources" })
        {
            var endpoint = endpoints.Single(e => e.RoutePattern.RawText == path);
            Assert.Contains(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == Accounts.Maintainer);
            // Refused by the authorization middleware, before the handler runs, as every other refusal is answered.
            var refused = await alice.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("not allowed", (await JsonAsync(refused))["error"]!.GetValue<string>());
        }
    }
}
