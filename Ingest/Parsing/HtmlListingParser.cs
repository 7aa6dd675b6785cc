using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Pipeline.Ingest.Sources;

namespace Pipeline.Ingest.Parsing;

/// <summary>Reads an HTML listing page with the source's CSS selectors (AngleSharp, within <see cref="BoundedHtmlParser"/>'s bounds). Pure.</summary>
public static class HtmlListingParser
{
    private static readonly IDocument Empty = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("");

    /// <summary>True when <paramref name="selector"/> is CSS that AngleSharp can match (checked when settings load).</summary>
    public static bool IsValidSelector(string selector)
    {
        try
        {
            Empty.QuerySelectorAll(selector);
            return true;
        }
        catch (Exception e) when (e is DomException or ArgumentException)
        {
            return false;
        }
    }

    public static ParsedListing Parse(string html, Uri baseUrl, SourceDefinition source)
    {
        if (string.IsNullOrWhiteSpace(source.ItemSelector))
            throw new FeedParseException($"source '{source.Id}' is Kind = Html but has no ItemSelector");
        using var budget = new PageBudget(PageBudget.Default);
        IHtmlDocument document;
        try
        {
            document = BoundedHtmlParser.Parse(html, budget);
        }
        catch (PageTooComplexException e)
        {
            throw new FeedParseException($"the listing page is too complex to read: {e.Message}");
        }
        IHtmlCollection<IElement> items;
        try
        {
            items = document.QuerySelectorAll(source.ItemSelector);
        }
        catch (Exception e) when (e is DomException or ArgumentException)
        {
            throw new FeedParseException($"source '{source.Id}': ItemSelector '{source.ItemSelector}' is not valid CSS", e);
        }
        var entries = new List<ParsedEntry>();
        foreach (var item in items)
        {
            var anchor = Select(item, source.LinkSelector) ?? (item.LocalName == "a" ? item : item.QuerySelector("a[href]"));
            var href = anchor?.GetAttribute("href");
            var link = FeedParser.ResolveLink(href, baseUrl);
            if (link is null) continue;
            var titleElement = Select(item, source.TitleSelector) ?? anchor;
            var title = HtmlText.ToPlainText(titleElement?.TextContent ?? "");
            var dateElement = Select(item, source.DateSelector) ?? item.QuerySelector("time");
            var published = FeedParser.ParseDate(dateElement?.GetAttribute("datetime")) ?? FeedParser.ParseDate(dateElement?.TextContent);
            entries.Add(new ParsedEntry(title, link, published, null, link.AbsoluteUri));
        }
        return new ParsedListing("HTML listing", document.Title, entries);
    }

    private static IElement? Select(IElement scope, string? selector) =>
        string.IsNullOrWhiteSpace(selector) ? null : scope.QuerySelector(selector);
}
