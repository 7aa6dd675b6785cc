using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Pipeline.Ingest.Parsing;
using SmartReader;

namespace Pipeline.Ingest.Extracting;

/// <summary>
/// Extracts title, main text, publication date and language from an item page. The body comes from the
/// source's <c>ContentSelector</c> when it has one, otherwise from SmartReader (Mozilla Readability on
/// AngleSharp); the page's own metadata (<c>article:published_time</c>, JSON-LD <c>datePublished</c>,
/// <c>&lt;time&gt;</c>, <c>&lt;html lang&gt;</c>) is read before SmartReader rewrites the DOM. A page beyond the
/// bounds (<see cref="BoundedHtmlParser"/>, <see cref="MaxTextChars"/>, <see cref="PageBudget"/>) throws
/// <see cref="PageTooComplexException"/>. Pure.
/// </summary>
public static partial class ArticleExtractor
{
    /// <summary>More text than any article (a long book): such a page is not one, and SmartReader alone took over a second on one 4 MB word.</summary>
    public const int MaxTextChars = 1_000_000;

    public static ExtractedArticle Extract(string html, Uri url, string? contentSelector = null)
    {
        using var budget = new PageBudget(PageBudget.Default);
        var document = BoundedHtmlParser.Parse(html, budget);
        var published = PublishedDate(document);
        var language = DeclaredLanguage(document);
        var metaTitle = Meta(document, "og:title") ?? document.Title?.Trim() ?? "";

        if (!string.IsNullOrWhiteSpace(contentSelector) && document.QuerySelector(contentSelector) is { } chosen)
        {
            var text = BlockText([chosen], budget);
            if (text.Length > 0)
                return new ExtractedArticle(Heading(document) ?? metaTitle, text, published, language ?? LanguageGuesser.Guess(text), "selector");
        }

        // Read before SmartReader rewrites the DOM: the fallback, and the text cap checked before SmartReader's work.
        var bodyText = document.Body is { } b ? RawText([b], budget) : "";
        var reader = new Reader(url.AbsoluteUri, document) { ContinueIfNotReadable = true };
        Article? article;
        try
        {
            // The asynchronous overload is the one that takes a token; on a parsed document it does no I/O and completes at once.
            article = reader.GetArticleAsync(budget.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            article = null; // SmartReader failed on this page: the body text stands in
        }
        budget.Check(); // SmartReader reports a cancellation as an empty article
        string body = article is { Content.Length: > 0 } ? BlockText(BoundedHtmlParser.ParseFragment(article.Content, document.Body!, budget), budget) : "";
        if (body.Length == 0 && article?.TextContent is { Length: > 0 } tc) body = Normalize(tc);
        var method = "smartreader";
        if (body.Length == 0)
        {
            body = Normalize(bodyText);
            method = "body-text";
        }
        var title = !string.IsNullOrWhiteSpace(article?.Title) ? article.Title.Trim() : Heading(document) ?? metaTitle;
        published ??= article?.PublicationDate is { } pd ? new DateTimeOffset(DateTime.SpecifyKind(pd, DateTimeKind.Utc)) : null;
        language ??= Normalize2(article?.Language) ?? LanguageGuesser.Guess(body);
        return new ExtractedArticle(title, body, published, language, method);
    }

    /// <summary>Text of block elements, one paragraph per line, whitespace collapsed.</summary>
    private static string BlockText(IEnumerable<INode> roots, PageBudget budget) => Normalize(RawText(roots, budget));

    /// <summary>
    /// The text nodes, with a line break around each block element. The walk keeps its own stack, as the call stack is no
    /// place for a depth the page decides; it checks the budget at every node and stops past <see cref="MaxTextChars"/>.
    /// </summary>
    private static string RawText(IEnumerable<INode> roots, PageBudget budget)
    {
        var sb = new System.Text.StringBuilder();
        var stack = new Stack<(INode Node, bool Closing)>();
        foreach (var root in roots.Reverse()) stack.Push((root, false));
        while (stack.TryPop(out var top))
        {
            budget.Check();
            var (node, closing) = top;
            if (closing)
            {
                sb.Append('\n');
                continue;
            }
            switch (node)
            {
                case IText t:
                    sb.Append(t.Data);
                    if (sb.Length > MaxTextChars)
                        throw new PageTooComplexException($"it has more than {MaxTextChars:N0} characters of text");
                    continue;
                case IElement e when e.LocalName is "script" or "style" or "noscript" or "template" or "svg":
                    continue;
                case IElement { LocalName: "br" }:
                    sb.Append('\n');
                    continue;
                case IElement e when BlockElements.Contains(e.LocalName):
                    sb.Append('\n');
                    stack.Push((e, true));
                    break;
            }
            for (int i = node.ChildNodes.Length - 1; i >= 0; i--) stack.Push((node.ChildNodes[i], false));
        }
        return sb.ToString();
    }

    private static readonly HashSet<string> BlockElements =
    [
        "p", "div", "section", "article", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "pre", "table", "tr", "td", "th", "figure", "figcaption", "header", "footer", "main", "aside", "dd", "dt", "dl", "hr",
    ];

    internal static string Normalize(string text)
    {
        var lines = text.Replace('\u00A0', ' ').Split('\n')
            .Select(l => Spaces().Replace(l, " ").Trim())
            .Where(l => l.Length > 0);
        return string.Join("\n", lines);
    }

    private static string? Heading(IHtmlDocument d) =>
        d.QuerySelector("h1")?.TextContent is { } h && Spaces().Replace(h, " ").Trim() is { Length: > 0 } t ? t : null;

    private static string? Meta(IHtmlDocument d, string property) =>
        d.QuerySelector($"meta[property='{property}'], meta[name='{property}'], meta[itemprop='{property}']") is { } m
        && (m.GetAttribute("content") ?? m.GetAttribute("value"))?.Trim() is { Length: > 0 } v ? v : null; // some page savers write value=

    /// <summary><c>article:published_time</c>, JSON-LD <c>datePublished</c>, other common metas, then the first <c>&lt;time datetime&gt;</c>.</summary>
    internal static DateTimeOffset? PublishedDate(IHtmlDocument d)
    {
        foreach (var name in new[] { "article:published_time", "og:published_time", "datePublished", "dc.date", "DC.date.issued", "date", "pubdate" })
            if (FeedParser.ParseDate(Meta(d, name)) is { } fromMeta) return fromMeta;
        foreach (var script in d.QuerySelectorAll("script[type='application/ld+json']"))
            if (FromJsonLd(script.TextContent) is { } fromLd) return fromLd;
        if (d.QuerySelector("[itemprop='datePublished']") is { } ip &&
            FeedParser.ParseDate(ip.GetAttribute("content") ?? ip.GetAttribute("datetime") ?? ip.TextContent) is { } fromItemprop)
            return fromItemprop;
        foreach (var time in d.QuerySelectorAll("time[datetime]"))
            if (FeedParser.ParseDate(time.GetAttribute("datetime")) is { } fromTime) return fromTime;
        return null;
    }

    private static DateTimeOffset? FromJsonLd(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return Find(doc.RootElement, 0);
        }
        catch (JsonException) { return null; }

        static DateTimeOffset? Find(JsonElement e, int depth)
        {
            if (depth > 8) return null;
            if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("datePublished", out var dp) && dp.ValueKind == JsonValueKind.String && FeedParser.ParseDate(dp.GetString()) is { } d)
                    return d;
                foreach (var p in e.EnumerateObject())
                    if (Find(p.Value, depth + 1) is { } inner) return inner;
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var x in e.EnumerateArray())
                    if (Find(x, depth + 1) is { } inner) return inner;
            }
            return null;
        }
    }

    private static string? DeclaredLanguage(IHtmlDocument d) =>
        Normalize2(d.DocumentElement.GetAttribute("lang")) ?? Normalize2(Meta(d, "og:locale")) ?? Normalize2(d.QuerySelector("meta[http-equiv='content-language']")?.GetAttribute("content"));

    /// <summary>"en-GB", "be_BY", "ru" → two-letter code; Belarusian Łacinka declared as be-Latn stays "be".</summary>
    internal static string? Normalize2(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var code = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return code.Length is 2 or 3 && code.All(char.IsAsciiLetterLower) ? code : null;
    }

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex Spaces();
}
