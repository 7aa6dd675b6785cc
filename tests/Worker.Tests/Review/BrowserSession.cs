using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Pipeline.Worker.Tests.Review;

/// <summary>
/// Debian's headless Chromium (driven by Playwright .NET) on a throw-away profile, against a review world's real host on
/// Kestrel: everything not from the host under test is refused, and console errors and warnings, script errors and
/// failed requests are collected in <see cref="Problems"/> (a page must work offline, with no CSP violation).
/// Disposing closes the browser, stops the host and deletes the profile.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run"];

    private readonly WebApplication _app;
    private readonly string _profile;
    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _browser;
    private readonly List<string> _problems = [];

    public IPage Page { get; }
    public Uri Url { get; }

    private BrowserSession(WebApplication app, Uri url, string profile, IPlaywright playwright, IBrowserContext browser, IPage page) =>
        (_app, Url, _profile, _playwright, _browser, Page) = (app, url, profile, playwright, browser, page);

    /// <summary>What went wrong in the page so far (a copy).</summary>
    public List<string> Problems { get { lock (_problems) return [.. _problems]; } }

    public static async Task<BrowserSession> StartAsync(ReviewWorld world, string host, bool javaScript = true, int width = 1440, int height = 960)
    {
        var (app, url) = await world.StartKestrelAsync(host);
        var profile = Directory.CreateTempSubdirectory("pipeline-chromium-").FullName;
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ReviewBrowserTests.Chromium, Headless = true, Args = ChromiumArgs, JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        await browser.RouteAsync("**/*", route => route.Request.Url.StartsWith(url.AbsoluteUri, StringComparison.Ordinal)
            ? route.ContinueAsync() : route.AbortAsync());
        var page = browser.Pages.FirstOrDefault() ?? await browser.NewPageAsync();
        page.SetDefaultTimeout(60_000); // CI runs the other test assemblies (and their model training) beside this one
        var session = new BrowserSession(app, url, profile, playwright, browser, page);
        page.Console += (_, m) => { if (m.Type is "error" or "warning") session.Report($"console {m.Type}: {m.Text}"); };
        page.PageError += (_, e) => session.Report("page error: " + e);
        page.RequestFailed += (_, r) => session.Report($"request failed: {r.Url} {r.Failure}");
        return session;
    }

    private void Report(string problem) { lock (_problems) _problems.Add(problem); }

    /// <summary>Signs in through the login form and waits until the review queue shows a candidate; fails with the page and
    /// the problems seen when it does not.</summary>
    public async Task SignInAsync(string user, string password)
    {
        await Page.GotoAsync(Url + "login");
        await Page.FillAsync("#username", user);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("button[type=submit]");
        try
        {
            await Page.WaitForSelectorAsync("body[data-ready=true] #candidate[data-id]");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the queue did not load at {Page.Url}:\n{string.Join("\n", Problems)}\n{await Page.ContentAsync()}");
        }
    }

    /// <summary>A click that leaves the page, waited for as one navigation (registered before the click, so a fast answer is
    /// not missed) until the new page has loaded.</summary>
    public async Task FollowAsync(Func<Task> click)
    {
        var before = Page.Url;
        var arrived = Page.WaitForURLAsync(u => u != before, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
        await click();
        await arrived;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(_profile, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
