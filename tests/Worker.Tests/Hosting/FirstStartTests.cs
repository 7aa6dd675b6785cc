using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Classify.Corpus;
using Pipeline.Store;
using Pipeline.Worker.Classification;
using Pipeline.Worker.Configuration;
using Pipeline.Worker.Hosting;
using Pipeline.Worker.Review.Auth;
using Pipeline.Worker.Tests.Infrastructure;
using static Pipeline.Worker.Tests.Infrastructure.SampleWeb;

namespace Pipeline.Worker.Tests.Hosting;

/// <summary>
/// The very first start: no model yet, so the host trains one. It listens at once — /health, the review page,
/// the published dataset and the candidate API answer, saying "training the classifier (step k of n)" — and the
/// schedule starts only when the model is ready. The training is held at its first step deterministically: the
/// installation's corpus is a named pipe that the test writes only after it has checked the host meanwhile (a
/// small sample of the shipped corpus, so the training itself then takes seconds, not minutes).
/// </summary>
public sealed class FirstStartTests
{
    [SkippableFact]
    public async Task FirstStart_HostAnswersWhileTheClassifierTrains_AndPollsOnlyWhenItIsReady()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "holds the training on a named pipe (mkfifo): Linux only");
        await using var web = await LoopbackPublisher.StartAsync();
        web.MapText("/feed.xml", "application/rss+xml", Rss(web.BaseUrl, [(Sanctions, "s")]));
        web.MapText("/s", "text/html", Page(Sanctions));
        using var p = new TestPipeline();
        var corpus = Path.Combine(p.Directory, "corpus");
        Directory.CreateDirectory(corpus);
        var pipe = Path.Combine(corpus, "sample.jsonl");
        using (var mkfifo = Process.Start("mkfifo", [pipe])) await mkfifo.WaitForExitAsync();
        var source = TestPipeline.FeedSource("press", web.Url("feed.xml"));
        source["Schedule"] = "0/1 * * * * ?"; // every second, once polling has started
        p.Configure([source], o =>
        {
            o["Classify"] = new JsonObject { ["ModelDirectory"] = Path.Combine(p.Directory, "models"), ["CorpusDirectory"] = corpus };
            o["Review"] = new JsonObject { ["Urls"] = "http://127.0.0.1:0" };
        });
        var configuration = PipelineConfiguration.Build([p.SettingsPath], Path.Combine(global::Pipeline.Ingest.Tests.SharedData.RepositoryRoot, "appsettings.json"));
        var options = PipelineConfiguration.Bind(configuration);
        await using var app = PipelineHost.Build(configuration, options, []);
        await app.Services.GetRequiredService<Database>().MigrateAsync();
        var password = await Accounts.CreateAsync(new UserStore(p.Database), "mia", Accounts.Maintainer, DateTimeOffset.UtcNow);
        var pending = await InsertPendingCandidateAsync(p.Items);
        var classifiers = app.Services.GetRequiredService<ClassifierProvider>();
        var corpusWritten = false;
        await app.StartAsync();
        try
        {
            var url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = url };
            for (int i = 0; i < 600 && !classifiers.Status.Training; i++) await Task.Delay(50);
            Assert.Equal(1, classifiers.Status.Step); // reading the corpus: blocked on the pipe until the test writes it

            var health = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode); // degraded is still 200
            var report = (await health.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("degraded", report["status"]!.GetValue<string>());
            Assert.StartsWith("training the classifier (step 1 of 7", report["classifier"]!.GetValue<string>());
            Assert.Equal("degraded", report["checks"]!["classifier"]!["status"]!.GetValue<string>());

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/stats")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/responses.json")).StatusCode);

            var login = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "mia", ["password"] = password! }));
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            var page = await client.GetStringAsync("/");
            Assert.Contains("id=\"training\"", page);
            Assert.Contains("training the classifier (step 1 of 7", page);
            // The candidate needs the model only for its driving sentences: it answers at once and says why they are missing.
            var detail = await client.GetAsync($"/api/candidates/{pending}");
            Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
            var candidate = (await detail.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Empty(candidate["drivers"]!.AsArray());
            Assert.StartsWith("training the classifier", candidate["drivers_notice"]!.GetValue<string>());

            Assert.Equal(0, web.Count("/feed.xml")); // nothing is polled without a model

            await WriteSampleCorpusAsync(pipe);
            corpusWritten = true;
            for (int i = 0; i < 3000 && web.Count("/feed.xml") == 0; i++) await Task.Delay(100);
            Assert.True(classifiers.Status.Ready, classifiers.Status.Message);
            Assert.True(web.Count("/feed.xml") > 0, "polling started once the model was ready");
            report = (await client.GetFromJsonAsync<JsonObject>("/health"))!;
            Assert.Equal("healthy", report["checks"]!["classifier"]!["status"]!.GetValue<string>());
            Assert.DoesNotContain("id=\"training\"", await client.GetStringAsync("/"));
        }
        finally
        {
            if (!corpusWritten) await WriteSampleCorpusAsync(pipe); // releases the reader, so the host can stop
            await app.StopAsync();
        }
    }

    /// <summary>Every 12th example of the shipped corpus, written into the pipe (opening it waits for the host to read).</summary>
    private static async Task WriteSampleCorpusAsync(string pipe)
    {
        var lines = Directory.EnumerateFiles(CorpusLoader.DefaultCorpusDirectory, "*.jsonl").Order()
            .SelectMany(f => File.ReadLines(f).Where(l => l.Trim().Length > 0).Where((_, i) => i % 12 == 0)).ToList();
        await using var writer = new StreamWriter(new FileStream(pipe, FileMode.Open, FileAccess.Write));
        foreach (var line in lines) await writer.WriteLineAsync(line);
    }

    private static async Task<long> InsertPendingCandidateAsync(ItemStore items)
    {
        var text = string.Join("\n", Sanctions.Paragraphs);
        var id = (await items.InsertAsync(
            new NewItem("press", "https://press.example/s", "https://press.example/s", Sanctions.Title, Sanctions.Published, DateTimeOffset.UtcNow, "en",
                text, "hash-of-the-sanctions-release", 0, true, ["Belarus"], "feed", null),
            new CandidateRecord("pending", ["targeted_sanctions"], new Dictionary<string, double> { ["targeted_sanctions"] = 0.9, ["statement"] = 0.1 },
                "Council of the EU", "igo", [], 0.9, "earlier-model"))).Id;
        return id;
    }
}
