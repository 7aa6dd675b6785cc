using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Ingest.Parsing;

/// <summary>
/// Makes fetched XML safe and tolerable before it reaches an XML parser. DTDs are never processed: a
/// document type with an internal subset that declares entities (billion laughs, external entities) is
/// refused; a plain DOCTYPE line (RSS 0.91's Netscape DTD) is dropped. HTML named entities that XML does
/// not define (&amp;nbsp;) become numeric references, bare ampersands are escaped, control characters removed.
/// The regexes run on the non-backtracking engine: on the backtracking one a document type that never closes made
/// each repeated "&lt;!DOCTYPE[" scan to the end of the text (a 10 MB feed took minutes). Pure.
/// </summary>
public static partial class XmlPreparer
{
    public static string Prepare(string xml)
    {
        var doctype = Doctype().Match(xml);
        if (doctype.Success)
        {
            if (doctype.Value.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase))
                throw new FeedParseException("the document declares XML entities in its DTD; such documents are refused (entity-expansion and external-entity attacks)");
            xml = xml.Remove(doctype.Index, doctype.Length);
        }
        else if (xml.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedParseException("the document declares XML entities; such documents are refused (entity-expansion and external-entity attacks)");
        }

        // The text is already decoded: an encoding named in the declaration (possibly wrong or unknown) must not be applied again.
        xml = DeclaredEncoding().Replace(xml, "$1", 1);
        xml = InvalidXmlChars().Replace(xml, "");
        return Ampersand().Replace(xml, m =>
        {
            if (!m.Groups[1].Success) return "&amp;"; // a bare ampersand
            var name = m.Groups[1].Value;
            if (name.StartsWith('#') || name is "amp" or "lt" or "gt" or "quot" or "apos") return m.Value;
            var decoded = System.Net.WebUtility.HtmlDecode(m.Value);
            return decoded != m.Value && decoded.Length > 0 ? $"&#{char.ConvertToUtf32(decoded, 0)};" : "&amp;" + m.Value[1..];
        });
    }

    [GeneratedRegex(@"<!DOCTYPE[^\[>]*(\[[\s\S]*?\]\s*)?>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Doctype();
    [GeneratedRegex(@"^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*[""'][^""']*[""']", RegexOptions.NonBacktracking)]
    private static partial Regex DeclaredEncoding();
    [GeneratedRegex(@"[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]", RegexOptions.NonBacktracking)]
    private static partial Regex InvalidXmlChars();
    /// <summary>An entity reference (group 1 its name), or a bare ampersand (no group 1): one pass, no lookahead, which
    /// the non-backtracking engine does not support.</summary>
    [GeneratedRegex(@"&(?:(#?[A-Za-z0-9]+);)?", RegexOptions.NonBacktracking)]
    private static partial Regex Ampersand();
}
