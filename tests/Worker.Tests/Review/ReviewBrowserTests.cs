using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Pipeline.Classify;
using Pipeline.Store;
using Xunit.Abstractions;
using static Pipeline.Worker.Tests.Review.ReviewWorld;

namespace Pipeline.Worker.Tests.Review;

/// <summary>Runs only where Debian's Chromium is installed (CI installs it in <c>.ci/run</c>); says why otherwise.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(ReviewBrowserTests.Chromium))
            Skip = $"{ReviewBrowserTests.Chromium} is missing: install Debian's Chromium (apt-get install -y chromium), as .ci/run does";
    }
}

/// <summary>
/// The review page in a real headless Chromium (Debian's, driven by Playwright .NET) against the real host on
/// Kestrel: sign in, approve with one key, correct with a number key and the actor autocomplete, undo, then check
/// the store and the audit trail; hostile markup must show as text; a screenshot of the queue is kept.
/// </summary>
[Collection(ReviewCollection.Name)]
public class ReviewBrowserTests(ITestOutputHelper output)
{
    public const string Chromium = "/usr/bin/chromium";

    [ChromiumFact]
    public async Task Browser_KeyboardApproveCorrectUndo_StoreAndAuditTrailAgree()
    {
        await using var world = await CreateAsync();
        await using var session = await BrowserSession.StartAsync(world, "127.0.0.1");
        var (page, url) = (session.Page, session.Url);

        // Sign in through the form.
        await session.SignInAsync(Alice, Passwords[Alice]);

        // The queue opens on the most uncertain pending candidate.
        var (_, queue) = await world.Reviews.QueueAsync(new QueueQuery());
        var first = await ShownAsync(page);
        Assert.Equal(queue[0].Id, first);
        var firstBefore = (await world.Reviews.GetAsync(first))!;

        // One key approves as predicted, and the next candidate is there.
        await page.Keyboard.PressAsync("a");
        var second = await NextAsync(page, first);
        Assert.Equal(queue[1].Id, second);
        var firstAfter = (await world.Reviews.GetAsync(first))!;
        Assert.Equal("approved", firstAfter.Status);
        Assert.Equal(firstBefore.PredictedTypes, firstAfter.ReviewedTypes);
        Assert.Equal(firstBefore.PredictedActor, firstAfter.ReviewedActor);

        // Correct the next one: another main type by its number key, the actor through the autocomplete.
        var predicted = await page.GetAttributeAsync("#candidate", "data-primary");
        var pick = predicted == "support" ? "investigation" : "support";
        await page.Keyboard.PressAsync((Array.IndexOf(Taxonomy.ResponseTypes, pick) + 1).ToString());
        Assert.Equal("true", await page.GetAttributeAsync($"#types .type.primary[data-type={pick}]", "aria-pressed"));
        await page.Keyboard.PressAsync("c");
        await page.Keyboard.TypeAsync("eu council");
        await page.WaitForSelectorAsync("#actor-options li.active:has-text('Council of the EU')");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("Council of the EU", await page.InputValueAsync("#actor"));
        Assert.Equal("igo", await page.InputValueAsync("#actor-type"));
        await page.Keyboard.PressAsync("a");
        var third = await NextAsync(page, second);
        var corrected = (await world.Reviews.GetAsync(second))!;
        Assert.Equal("approved", corrected.Status);
        Assert.Equal(pick, corrected.ReviewedTypes![0]);
        Assert.Equal(("Council of the EU", "igo"), (corrected.ReviewedActor, corrected.ReviewedActorType));

        // Undo brings the corrected candidate back as it was before the correction.
        await page.Keyboard.PressAsync("u");
        await page.WaitForFunctionAsync($"() => document.querySelector('#candidate')?.dataset.id === '{second}' && document.querySelector('#candidate').dataset.status === 'pending'");
        var undone = (await world.Reviews.GetAsync(second))!;
        Assert.Equal("pending", undone.Status);
        Assert.Null(undone.ReviewedTypes);
        Assert.Null(undone.ReviewedActor);
        Assert.Equal(3, undone.Version);
        Assert.NotEqual(third, second);

        // The audit trail: who did what, with the states before and after.
        var firstAudit = Assert.Single(await world.Reviews.AuditAsync(first));
        Assert.Equal((Alice, "approve"), (firstAudit.Reviewer, firstAudit.Decision));
        var secondAudit = await world.Reviews.AuditAsync(second);
        Assert.Equal(["correct", "undo"], secondAudit.Select(a => a.Decision));
        Assert.All(secondAudit, a => Assert.Equal(Alice, a.Reviewer));
        Assert.Equal("Council of the EU", JsonNode.Parse(secondAudit[0].After!)!["reviewed_actor"]!.GetValue<string>());
        Assert.Equal("pending", JsonNode.Parse(secondAudit[1].After!)!["status"]!.GetValue<string>());
        // ...and the page shows it.
        await page.ClickAsync("details.history summary");
        await page.WaitForSelectorAsync("details.history li:has-text('undo')");

        // A screenshot of the queue, kept with the test output.
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        var shot = Path.Combine(folder, "review-queue.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        output.WriteLine($"screenshot of the queue: {shot}");
        Assert.True(new FileInfo(shot).Length > 10_000);

        // Hostile markup in a stored title and text is shown as text and never runs.
        await page.GotoAsync(url + "#c=" + world.XssItemId);
        await page.WaitForFunctionAsync($"() => document.querySelector('#candidate')?.dataset.id === '{world.XssItemId}'");
        Assert.Equal(XssTitle, await page.TextContentAsync("#title"));
        var text = await page.TextContentAsync("#text");
        Assert.Contains("<img src=x onerror=\"window.__pwned=3\">", text);
        Assert.Contains("<script>window.__pwned=4</script>", text);
        Assert.Equal(0, await page.Locator("#candidate img, #candidate script, #candidate a[href^='javascript']").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "review-hostile-markup.png") });

        Assert.False(await page.EvaluateAsync<bool>("() => [...document.querySelector('#candidate').childNodes].some(n => n.textContent === 'null')"));

        // The legal acts a text names are listed with their links.
        var acts = (await world.Pipeline.Items.InsertAsync(
            new NewItem("press", "https://example.org/press/acts", "https://example.org/press/acts", "Council lists 78 more", DateTimeOffset.UtcNow,
                DateTimeOffset.UtcNow, "en", "The Council adopted Implementing Regulation (EU) 2021/1030 against Belarus.", "acts-hash", 0, true,
                ["Belarus"], "test", null),
            new CandidateRecord("pending", ["targeted_sanctions"], new Dictionary<string, double> { ["targeted_sanctions"] = 0.99, ["statement"] = 0.01 },
                "Council of the EU", "igo", [], 0.99, "test-model"))).Id;
        await page.GotoAsync(url + "#c=" + acts);
        await page.WaitForFunctionAsync($"() => document.querySelector('#candidate')?.dataset.id === '{acts}'");
        Assert.Equal("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32021R1030",
            await page.GetAttributeAsync("section.legal-acts a:has-text('Regulation (EU) 2021/1030')", "href"));

        // The statistics page draws its charts without script or CDN (the approved candidate is on it).
        await page.GotoAsync(url + "stats");
        Assert.Equal(2, await page.Locator("svg.bars").CountAsync());
        Assert.Equal(1, await page.Locator("#by-type svg.bars rect").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "review-statistics.png"), FullPage = true });

        Assert.Empty(session.Problems); // no CSP violation, no script error, nothing fetched from elsewhere
    }

    /// <summary>
    /// The facts of a response by keyboard (issue 15): the Facts panel shows the predicted facts with their evidence
    /// (the target and the date highlighted in the text, the date's sentence quoted); <c>b</c> and <c>l</c> cycle binding
    /// and lifecycle, <c>d</c>, <c>g</c> and <c>r</c> edit the date, the targets and the legal acts, <c>a</c> saves the correction; the store, the
    /// audit trail and the page (marked "corrected") agree.
    /// </summary>
    [ChromiumFact]
    public async Task Browser_KeyboardCorrectsTheFacts_StoreAuditAndPageAgree()
    {
        await using var world = await CreateAsync();
        var id = await ReviewFactsApiTests.FactsItemAsync(world);
        await using var session = await BrowserSession.StartAsync(world, "127.0.0.53");
        var (page, url) = (session.Page, session.Url);

        await session.SignInAsync(Alice, Passwords[Alice]);
        await page.GotoAsync(url + "#c=" + id);
        await page.WaitForFunctionAsync($"() => document.querySelector('#candidate')?.dataset.id === '{id}'");

        // The predicted facts with their evidence.
        Assert.Equal("binding", await page.TextContentAsync("#facts [data-fact=binding] .fact-value"));
        Assert.Equal("called for", await page.TextContentAsync("#facts [data-fact=lifecycle] .fact-value"));
        Assert.Equal("2021-06-04", await page.TextContentAsync("#facts [data-fact=date] .fact-value"));
        Assert.StartsWith("The Council listed Belavia", await page.TextContentAsync("#facts [data-fact=date] q"));
        Assert.Equal("Belavia", await page.TextContentAsync("#text mark.m-target"));
        Assert.Equal("4 June 2021", await page.TextContentAsync("#text mark.m-date"));
        Assert.Equal(0, await page.Locator("#facts .badge.corrected").CountAsync());

        // b: binding → not binding; l l: called for → announced → adopted; d: the date; g: one more target.
        await page.Keyboard.PressAsync("b");
        Assert.Equal("not binding", await page.TextContentAsync("#fact-binding .value"));
        await page.Keyboard.PressAsync("l");
        await page.Keyboard.PressAsync("l");
        Assert.Equal("adopted", await page.TextContentAsync("#fact-lifecycle .value"));
        await page.Keyboard.PressAsync("d");
        Assert.Equal("fact-date", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync("2021-06-05");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("g");
        Assert.Equal("fact-targets", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("Belavia", await page.InputValueAsync("#fact-targets"));
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync("; Naftan");
        await page.Keyboard.PressAsync("Enter");
        // r: the legal acts (none read from this text); a reference the page recognises is stored as its id.
        await page.Keyboard.PressAsync("r");
        Assert.Equal("fact-legal_acts", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync("Durchführungsverordnung (EU) 2021/1030");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal(" Save correction",
            await page.EvaluateAsync<string>("() => document.querySelector('#approve').lastChild.textContent"));
        // Esc in a field reverts what was typed since: the date stays the one kept with Enter.
        await page.Keyboard.PressAsync("d");
        await page.Keyboard.TypeAsync("1999");
        await page.Keyboard.PressAsync("Escape");
        Assert.Equal("2021-06-05", await page.InputValueAsync("#fact-date"));
        await page.Keyboard.PressAsync("a");
        await NextAsync(page, id);

        var stored = (await world.Reviews.GetAsync(id))!;
        Assert.Equal("approved", stored.Status);
        var facts = stored.EffectiveFacts;
        Assert.Equal((false, "adopted", "2021-06-05", "critical"), (facts.Binding, facts.Lifecycle, facts.ActDate, facts.Stance));
        Assert.Equal([new TargetMention("Belavia", 19, 7), new TargetMention("Naftan")], facts.Targets);
        Assert.Equal(["Regulation (EU) 2021/1030"], facts.LegalActs);
        Assert.Equal(["binding", "lifecycle", "targets", "date", "legal_acts"],
            JsonNode.Parse(stored.ReviewedFacts!)!.AsObject().Select(kv => kv.Key));
        var audit = Assert.Single(await world.Reviews.AuditAsync(id));
        Assert.Equal((Alice, "correct"), (audit.Reviewer, audit.Decision));
        Assert.Equal("adopted", JsonNode.Parse(audit.After!)!["reviewed_facts"]!["lifecycle"]!.GetValue<string>());

        // Back to it: the page shows the facts as corrected, the prediction beside them.
        await page.EvaluateAsync("() => { location.hash = ''; }");
        await page.GotoAsync(url + "#c=" + id);
        await page.WaitForFunctionAsync($"() => document.querySelector('#candidate')?.dataset.id === '{id}'" +
            " && document.querySelector('#candidate').dataset.status === 'approved'");
        Assert.Equal("not binding", await page.TextContentAsync("#facts [data-fact=binding] .fact-value"));
        Assert.Equal(5, await page.Locator("#facts .badge.corrected").CountAsync());
        Assert.Contains("predicted: binding", await page.TextContentAsync("#facts [data-fact=binding]"));
        Assert.Equal("2021-06-05", await page.InputValueAsync("#fact-date"));
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "review-facts.png"), FullPage = true });

        Assert.Empty(session.Problems);
    }

    private static async Task<long> ShownAsync(IPage page) => long.Parse((await page.GetAttributeAsync("#candidate", "data-id"))!);

    private static async Task<long> NextAsync(IPage page, long previous)
    {
        await page.WaitForFunctionAsync($"() => {{ const c = document.querySelector('#candidate'); return c && c.dataset.id && c.dataset.id !== '{previous}'; }}");
        return await ShownAsync(page);
    }
}
