using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;
using Pipeline.Worker.Tests.Infrastructure;
using static Pipeline.Worker.Tests.Infrastructure.SampleWeb;

namespace Pipeline.Worker.Tests.Faults;

/// <summary>
/// Only the operator's own word opens private networks: the configured source address and the configured proxy. An
/// address learned from a publisher (a permanent redirect) and a proxy named by the environment do not. Hosts named
/// <c>.invalid</c> never resolve (RFC 2606), so a request that reaches them went through a proxy.
/// </summary>
public class SsrfTests
{
    [Fact]
    public async Task LearnedRedirect_ToAnotherPrivateHost_IsNotTrustedLikeTheConfiguredAddress()
    {
        await using var configured = await LoopbackPublisher.StartAsync("127.0.0.40");
        await using var elsewhere = await LoopbackPublisher.StartAsync("127.0.0.41");
        configured.Map("/feed.xml", ctx => { ctx.Response.StatusCode = 301; ctx.Response.Headers.Location = elsewhere.Url("feed.xml").AbsoluteUri; return Task.CompletedTask; });
        configured.Map("/old.xml", ctx => { ctx.Response.StatusCode = 301; ctx.Response.Headers.Location = "/new.xml"; return Task.CompletedTask; });
        configured.MapText("/new.xml", "application/rss+xml", Rss(configured.BaseUrl, [(Sanctions, "p")]));
        elsewhere.MapText("/feed.xml", "application/rss+xml", Rss(elsewhere.BaseUrl, [(Expulsion, "p")]));
        using var p = new TestPipeline();
        var sources = () => new System.Text.Json.Nodes.JsonArray(TestPipeline.FeedSource("moved-away", configured.Url("feed.xml")), TestPipeline.FeedSource("moved-here", configured.Url("old.xml")));
        // While private networks are allowed, both moves are followed and recorded...
        p.Configure(sources());
        Assert.Equal(0, (await p.RunAsync("ingest")).ExitCode);
        Assert.Equal(elsewhere.Url("feed.xml").AbsoluteUri, (await p.Sources.GetAsync("moved-away"))!.RedirectedTo);
        Assert.Equal(configured.Url("new.xml").AbsoluteUri, (await p.Sources.GetAsync("moved-here"))!.RedirectedTo);

        // ...then the operator closes them: the address the publisher named is judged like any link.
        p.Configure(sources(), o => o["Fetch"]!["AllowPrivateNetworks"] = false);
        var elsewhereBefore = elsewhere.Count("/feed.xml");
        var newBefore = configured.Count("/new.xml");
        await p.RunAsync("ingest", "--source", "moved-away", "--source", "moved-here");

        Assert.Equal(elsewhereBefore, elsewhere.Count("/feed.xml"));
        var away = await p.Sources.GetAsync("moved-away");
        Assert.Equal("Blocked", away!.LastErrorKind);
        Assert.Contains("private", away.LastError);
        // A move on the configured host and port stays the operator's address.
        Assert.Equal(newBefore + 1, configured.Count("/new.xml"));
        Assert.Equal(0, (await p.Sources.GetAsync("moved-here"))!.ConsecutiveFailures);
    }

    [Fact]
    public async Task ProxyFromTheEnvironment_IsNotUsed()
    {
        // A proxy resolves names and connects itself, so the address guard would only ever judge the proxy's address.
        await using var proxy = await LoopbackPublisher.StartAsync("127.0.0.42");
        proxy.MapText("/feed.xml", "application/rss+xml", Rss(new Uri("http://feed.pipeline-test.invalid/"), [(Sanctions, "p")]));
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("behind-env-proxy", new Uri("http://feed.pipeline-test.invalid/feed.xml"))]);
        var output = new StringBuilder();
        var proxyVariables = new Dictionary<string, string>
        {
            ["HTTP_PROXY"] = proxy.BaseUrl.AbsoluteUri, ["http_proxy"] = proxy.BaseUrl.AbsoluteUri, ["HTTPS_PROXY"] = proxy.BaseUrl.AbsoluteUri, ["ALL_PROXY"] = proxy.BaseUrl.AbsoluteUri,
        };

        using (var child = p.StartWorker(output, proxyVariables, "sources", "check"))
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Empty(proxy.Requests);
        Assert.Contains("does not resolve", output.ToString());
    }

    [Fact]
    public async Task ProxyFromSettings_CarriesListingsAndPages()
    {
        await using var proxy = await LoopbackPublisher.StartAsync("127.0.0.43");
        var hosts = new ConcurrentBag<string>();
        async Task Serve(HttpContext ctx, string contentType, string body)
        {
            hosts.Add(ctx.Request.Host.Value!);
            ctx.Response.ContentType = contentType;
            await ctx.Response.WriteAsync(body);
        }
        proxy.Map("/feed.xml", ctx => Serve(ctx, "application/rss+xml", Rss(new Uri("http://pages.pipeline-test.invalid/"), [(Sanctions, "p/sanctions")])));
        proxy.Map("/p/sanctions", ctx => Serve(ctx, "text/html; charset=utf-8", Page(Sanctions)));
        using var p = new TestPipeline();
        p.Configure([TestPipeline.FeedSource("behind-proxy", new Uri("http://feed.pipeline-test.invalid/feed.xml"))], o =>
        {
            o["Fetch"]!["AllowPrivateNetworks"] = false; // the proxy is the operator's own: its private address is allowed
            o["Fetch"]!["Proxy"] = proxy.BaseUrl.AbsoluteUri;
        });

        Assert.Equal(0, (await p.RunAsync("ingest")).ExitCode);

        // Both hosts reached through the proxy (a slow answer on a loaded machine may be retried: hosts, not requests).
        Assert.Equal(["feed.pipeline-test.invalid", "pages.pipeline-test.invalid"], hosts.Distinct().Order());
        var item = Assert.Single(await p.AllItemsAsync());
        Assert.Contains("asset freeze", item.Text); // from the page, not the feed's summary
    }
}
