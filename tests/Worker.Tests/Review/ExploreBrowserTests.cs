using Microsoft.Playwright;
using Xunit.Abstractions;
using static Pipeline.Worker.Tests.Review.ReviewWorld;

namespace Pipeline.Worker.Tests.Review;

/// <summary>
/// The public explorer in a real headless Chromium with JavaScript switched off, against the real host on Kestrel: the
/// filter form is filled and sent like any form, the view it makes is a URL, the actor's page and the timeline are
/// followed by their links, hostile markup in a title stays text, and nothing is loaded from elsewhere.
/// </summary>
[Collection(ReviewCollection.Name)]
public class ExploreBrowserTests(ITestOutputHelper output)
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run"];

    [ChromiumFact]
    public async Task Browser_ExploreWithoutJavaScript_FilterFormActorPageAndTimeline()
    {
        await using var world = await CreateAsync();
        var s = await ExploreSeed.CreateAsync(world);
        var (app, url) = await world.StartKestrelAsync("127.0.0.50");
        var profile = Directory.CreateTempSubdirectory("pipeline-chromium-").FullName;
        try
        {
            using var playwright = await Playwright.CreateAsync();
            var options = new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ReviewBrowserTests.Chromium, Headless = true, Args = ChromiumArgs, JavaScriptEnabled = false,
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            };
            await using var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile, options);
            var problems = new List<string>();
            await browser.RouteAsync("**/*", route => route.Request.Url.StartsWith(url.AbsoluteUri, StringComparison.Ordinal)
                ? route.ContinueAsync() : route.AbortAsync());
            var page = browser.Pages.FirstOrDefault() ?? await browser.NewPageAsync();
            page.SetDefaultTimeout(60_000);
            page.Console += (_, m) => { if (m.Type is "error" or "warning") lock (problems) problems.Add($"console {m.Type}: {m.Text}"); };
            page.RequestFailed += (_, r) => { lock (problems) problems.Add($"request failed: {r.Url} {r.Failure}"); };

            // Anyone may open it: no sign-in.
            var opened = await page.GotoAsync(url + "explore");
            Assert.Equal(200, opened!.Status);
            Assert.Equal(url + "explore", page.Url);
            Assert.Equal(5, await page.Locator("li.response").CountAsync());
            Assert.Equal("5 approved responses.", await page.TextContentAsync("#count"));

            // A hostile title is shown as the text it is, and is the link to its page.
            var hostile = page.Locator($"li.response[data-id='{s.Hostile}'] .title");
            Assert.Equal(ExploreSeed.HostileTitle, await hostile.TextContentAsync());
            Assert.Equal(0, await page.Locator("li.response b, li.response script, main script").CountAsync());

            // The filter form, sent without any script: a type, a month range and a binding fact.
            await page.SelectOptionAsync("#f-type", "targeted_sanctions");
            await page.SelectOptionAsync("#f-binding", "true");
            await page.FillAsync("#f-from", "2021-06");
            await page.FillAsync("#f-to", "2021-06");
            await FollowAsync(page, () => page.ClickAsync("form.filters button[type=submit]"));
            Assert.Contains("type=targeted_sanctions", page.Url);
            var view = new Uri(page.Url);
            Assert.Equal("/explore", view.AbsolutePath);
            Assert.Contains("binding=true", view.Query);
            Assert.Contains("from=2021-06", view.Query);
            Assert.Equal([s.CouncilBelavia], await IdsAsync(page));
            Assert.Equal("targeted_sanctions", await page.InputValueAsync("#f-type"));  // the form shows the view it made
            Assert.Equal("2021-06", await page.InputValueAsync("#f-from"));

            // The view is a URL: opened again, it is the same view.
            await page.GotoAsync(page.Url);
            Assert.Equal([s.CouncilBelavia], await IdsAsync(page));

            // Removing one filter keeps the others.
            await FollowAsync(page, () => page.ClickAsync("ul.active a[aria-label='remove binding']"));
            Assert.Equal([s.CouncilBelavia, s.ParliamentPotash], await IdsAsync(page));

            // The actor's page by its link: the toolbox over time and its responses.
            await FollowAsync(page, () => page.ClickAsync($"li.response[data-id='{s.ParliamentPotash}'] a.actor"));
            Assert.Equal("/explore/actor/European%20Parliament", new Uri(page.Url).AbsolutePath);
            Assert.Equal("European Parliament", await page.TextContentAsync("h1"));
            Assert.Equal(2, await page.Locator("#toolbox td.used").CountAsync()); // resolution and targeted sanctions, June 2021
            Assert.Equal("1", await page.TextContentAsync("#toolbox td.used[data-type=resolution][data-month='2021-06']"));

            // The timeline's bar of a month lists that month.
            await page.GotoAsync(url + "explore");
            Assert.Equal(4, await page.Locator("#timeline svg a").CountAsync()); // 2020-08, 2021-02, 2021-03, 2021-06
            await FollowAsync(page, () => page.Locator("#timeline svg a[href*='from=2021-06']").ClickAsync());
            Assert.Contains("from=2021-06", page.Url);
            Assert.Equal([s.CouncilBelavia, s.ParliamentPotash], await IdsAsync(page));

            var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
            Directory.CreateDirectory(folder);
            await page.GotoAsync(url + "explore/actor/Poland");
            var shot = Path.Combine(folder, "explore-actor.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            output.WriteLine($"screenshot of an actor's page: {shot}");
            await page.GotoAsync(url + "explore");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "explore.png"), FullPage = true });

            lock (problems) Assert.Empty(problems); // no CSP violation, nothing fetched from elsewhere
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            try { Directory.Delete(profile, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>A click that leaves the page, waited for as one navigation (registered before the click, so a fast answer is
    /// not missed) until the new page has loaded.</summary>
    private static async Task FollowAsync(IPage page, Func<Task> click)
    {
        var before = page.Url;
        var arrived = page.WaitForURLAsync(u => u != before, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
        await click();
        await arrived;
    }

    private static async Task<long[]> IdsAsync(IPage page) =>
        [.. (await page.Locator("li.response").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.id)")).Select(long.Parse)];
}
