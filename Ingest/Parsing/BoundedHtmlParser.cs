using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;

namespace Pipeline.Ingest.Parsing;

/// <summary>
/// AngleSharp within bounds, for HTML from the web. At most <see cref="MaxNodes"/> nodes: SmartReader's work grows faster
/// than the page (40,000 paragraphs took it 11 s, 850,000 empty comments minutes). The budget is checked at every token:
/// AngleSharp's tree builder looks through all open elements for each new one, so 200,000 nested &lt;div&gt;s took it
/// minutes (it already nests elements no deeper than <see cref="HtmlParserOptions.MaximumDepth"/>, 512, which bounds the
/// depth of every later walk).
/// </summary>
public static class BoundedHtmlParser
{
    /// <summary>Seven times the largest of 188 real pages (the extraction benchmark's and the fixtures': about 4,000 nodes).</summary>
    public const int MaxNodes = 30_000;

    public static IHtmlDocument Parse(string html, PageBudget budget) => Create(budget).ParseDocument(html);

    public static INodeList ParseFragment(string html, IElement context, PageBudget budget) => Create(budget).ParseFragment(html, context);

    private static HtmlParser Create(PageBudget budget)
    {
        int nodes = 0;
        return new HtmlParser(new HtmlParserOptions
        {
            OnToken = (token, _) =>
            {
                // The tokens that make a node: an element, a comment, a run of text.
                if (token.Type is HtmlTokenType.StartTag or HtmlTokenType.Comment or HtmlTokenType.Character && ++nodes > MaxNodes)
                    throw new PageTooComplexException($"it has more than {MaxNodes:N0} tags, comments and runs of text");
                budget.Check();
            },
        });
    }
}
