using Microsoft.Extensions.DependencyInjection;
using Pipeline.Worker.Configuration;
using Pipeline.Worker.Hosting;
using Pipeline.Worker.Tests.Infrastructure;
using static Pipeline.Worker.Tests.Infrastructure.SampleWeb;

namespace Pipeline.Worker.Tests.Scheduling;

public class HostScheduleTests
{
    /// <summary>The host's Quartz schedule polls each source from its own cron, with no command given.</summary>
    [Fact]
    public async Task Host_CronSchedule_PollsTheSourceAndStoresItems()
    {
        await TestPipeline.EnsureModelAsync();
        await using var web = await LoopbackPublisher.StartAsync();
        web.MapText("/feed.xml", "application/rss+xml", Rss(web.BaseUrl, [(Sanctions, "s")]));
        web.MapText("/s", "text/html", Page(Sanctions));
        using var p = new TestPipeline();
        var source = TestPipeline.FeedSource("press", web.Url("feed.xml"));
        source["Schedule"] = "0/2 * * * * ?"; // every two seconds
        p.Configure([source], o => o["Review"] = new System.Text.Json.Nodes.JsonObject { ["Urls"] = "http://127.0.0.1:0" });
        var configuration = PipelineConfiguration.Build([p.SettingsPath], Path.Combine(global::Pipeline.Ingest.Tests.SharedData.RepositoryRoot, "appsettings.json"));
        var options = PipelineConfiguration.Bind(configuration);
        await using var app = PipelineHost.Build(configuration, options, []);
        await app.Services.GetRequiredService<Pipeline.Store.Database>().MigrateAsync();
        await app.StartAsync();
        try
        {
            for (int i = 0; i < 150 && web.Count("/feed.xml") < 2; i++) await Task.Delay(100);
        }
        finally
        {
            await app.StopAsync();
        }
        Assert.True(web.Count("/feed.xml") >= 2, "the cron trigger fired repeatedly");
        Assert.Single(await p.AllItemsAsync());
        Assert.Equal(1, web.Count("/s"));
    }
}
