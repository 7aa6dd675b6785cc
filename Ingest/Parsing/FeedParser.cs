using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using CodeHollow.FeedReader;

namespace Pipeline.Ingest.Parsing;

/// <summary>
/// Parses RSS 0.9x/1.0/2.0, Atom and JSON Feed from text the fetcher already decoded, with
/// CodeHollow.FeedReader. The format is detected from the content, never from the URL or content type.
/// Pure: no I/O.
/// </summary>
public static partial class FeedParser
{
    public static ParsedListing Parse(string text, Uri baseUrl)
    {
        var body = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (body.Length == 0) throw new FeedParseException("the document is empty");
        Feed feed;
        string format;
        if (body[0] is '{' or '[')
        {
            CheckJsonFeed(body);
            format = "JSON Feed";
            feed = Read(body);
        }
        else if (body[0] == '<')
        {
            if (LooksLikeHtml(body))
                throw new FeedParseException("this is an HTML page, not a feed (the address may have moved, or it needs Kind = Html with selectors)");
            feed = Read(XmlPreparer.Prepare(body));
            format = feed.Type switch
            {
                FeedType.Atom => "Atom",
                FeedType.Rss_0_91 => "RSS 0.91",
                FeedType.Rss_0_92 => "RSS 0.92",
                FeedType.Rss_1_0 => "RSS 1.0",
                FeedType.Rss_2_0 => "RSS 2.0",
                FeedType.MediaRss => "RSS 2.0 (Media RSS)",
                FeedType.Rss => "RSS",
                _ => throw new FeedParseException($"unknown XML document (root element is not rss, rdf:RDF or feed)"),
            };
        }
        else
        {
            throw new FeedParseException("the document is neither XML nor JSON");
        }

        var entries = new List<ParsedEntry>(feed.Items.Count);
        foreach (var item in feed.Items)
        {
            var title = HtmlText.ToPlainText(item.Title ?? "");
            var summary = HtmlText.ToPlainText(item.Content is { Length: > 0 } c && c.Length > (item.Description?.Length ?? 0) ? c : item.Description ?? "");
            var link = ResolveLink(item.Link, baseUrl) ?? ResolveLink(item.Id, baseUrl);
            if (title.Length == 0) title = summary.Length > 80 ? summary[..80] + "…" : summary;
            entries.Add(new ParsedEntry(title, link, item.PublishingDate is { } d ? ToOffset(d) : ParseDate(item.PublishingDateString),
                summary.Length == 0 ? null : summary, item.Id));
        }
        return new ParsedListing(format, HtmlText.ToPlainText(feed.Title ?? ""), entries);
    }

    private static Feed Read(string text)
    {
        try
        {
            return FeedReader.ReadFromString(text);
        }
        catch (FeedParseException) { throw; }
        catch (XmlException e)
        {
            throw new FeedParseException($"the XML is malformed at line {e.LineNumber}, position {e.LinePosition}: {FirstSentence(e.Message)}", e);
        }
        catch (NullReferenceException e)
        {
            throw new FeedParseException("the feed parser could not make sense of this document's structure (an element it needs is missing or in an unexpected namespace)", e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new FeedParseException($"the feed could not be read: {FirstSentence(e.Message)}", e);
        }
    }

    private static void CheckJsonFeed(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("version", out var v)
                || v.GetString()?.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase) != true)
                throw new FeedParseException("JSON, but not a JSON Feed (no \"version\": \"https://jsonfeed.org/version/…\")");
        }
        catch (JsonException e)
        {
            throw new FeedParseException($"invalid JSON at byte {e.BytePositionInLine} of line {e.LineNumber + 1}: the JSON Feed is truncated or malformed", e);
        }
    }

    /// <summary>The first element is html, head or body (or an HTML doctype): a web page, not a feed.</summary>
    private static bool LooksLikeHtml(string body)
    {
        var head = body.Length > 2048 ? body[..2048] : body;
        if (head.Contains("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)) return true;
        var first = FirstElement().Match(head);
        return first.Success && first.Groups[1].Value.ToLowerInvariant() is "html" or "head" or "body";
    }

    [GeneratedRegex(@"<([A-Za-z][\w:.-]*)", RegexOptions.NonBacktracking)]
    private static partial Regex FirstElement();

    internal static Uri? ResolveLink(string? link, Uri baseUrl)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        // Resolved against the base in one step: on Unix "/path" alone would parse as an absolute file: URI.
        return Uri.TryCreate(baseUrl, link.Trim(), out var resolved) && resolved.Scheme is "http" or "https" ? resolved : null;
    }

    private static DateTimeOffset ToOffset(DateTime d) =>
        d.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(d, TimeSpan.Zero) : new DateTimeOffset(d.ToUniversalTime(), TimeSpan.Zero);

    private static readonly string[] DateFormats =
    [
        "ddd, d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm:ss zzz", "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "ddd, dd MMM yyyy HH:mm zzz", "dd.MM.yyyy HH:mm", "dd.MM.yyyy", "d MMMM yyyy",
    ];

    /// <summary>Lenient date reading for the formats feeds and listing pages actually use.</summary>
    public static DateTimeOffset? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = TimeZoneAbbrev().Replace(text.Trim(), m => m.Groups[1].Value switch
        {
            "GMT" or "UT" or "UTC" or "Z" => "+00:00",
            "EST" => "-05:00", "EDT" => "-04:00", "CST" => "-06:00", "CDT" => "-05:00",
            "MST" => "-07:00", "MDT" => "-06:00", "PST" => "-08:00", "PDT" => "-07:00",
            "CET" => "+01:00", "CEST" => "+02:00", "EET" => "+02:00", "EEST" => "+03:00", "MSK" => "+03:00",
            _ => m.Value,
        });
        s = NumericOffset().Replace(s, "$1$2:$3");
        if (DateTimeOffset.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var exact))
            return exact.ToUniversalTime();
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var loose))
            return loose.ToUniversalTime();
        return null;
    }

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message.TrimEnd('.');
    }

    [GeneratedRegex(@"\b(GMT|UTC|UT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|EET|EEST|MSK|Z)$", RegexOptions.NonBacktracking)]
    private static partial Regex TimeZoneAbbrev();
    [GeneratedRegex(@"([+-])(\d\d)(\d\d)$", RegexOptions.NonBacktracking)]
    private static partial Regex NumericOffset();
}
