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
    [ChromiumFact]
    public async Task Browser_ExploreWithoutJavaScript_FilterFormActorPageAndTimeline()
    {
        await using var world = await CreateAsync();
        var s = await ExploreSeed.CreateAsync(world);
        await using var session = await BrowserSession.StartAsync(world, "127.0.0.50", javaScript: false, width: 1280, height: 900);
        var (page, url) = (session.Page, session.Url);

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
        await session.FollowAsync(() => page.ClickAsync("form.filters button[type=submit]"));
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
        await session.FollowAsync(() => page.ClickAsync("ul.active a[aria-label='remove binding']"));
        Assert.Equal([s.CouncilBelavia, s.ParliamentPotash], await IdsAsync(page));

        // The actor's page by its link: the toolbox over time and its responses.
        await session.FollowAsync(() => page.ClickAsync($"li.response[data-id='{s.ParliamentPotash}'] a.actor"));
        Assert.Equal("/explore/actor/European%20Parliament", new Uri(page.Url).AbsolutePath);
        Assert.Equal("European Parliament", await page.TextContentAsync("h1"));
        Assert.Equal(2, await page.Locator("#toolbox td.used").CountAsync()); // resolution and targeted sanctions, June 2021
        Assert.Equal("1", await page.TextContentAsync("#toolbox td.used[data-type=resolution][data-month='2021-06']"));

        // The timeline's bar of a month lists that month.
        await page.GotoAsync(url + "explore");
        Assert.Equal(4, await page.Locator("#timeline svg a").CountAsync()); // 2020-08, 2021-02, 2021-03, 2021-06
        await session.FollowAsync(() => page.Locator("#timeline svg a[href*='from=2021-06']").ClickAsync());
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

        Assert.Empty(session.Problems); // no CSP violation, nothing fetched from elsewhere
    }

    private static async Task<long[]> IdsAsync(IPage page) =>
        [.. (await page.Locator("li.response").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.id)")).Select(long.Parse)];
}
