using System.Net;
using System.Text.RegularExpressions;

namespace Pipeline.Ingest.Parsing;

/// <summary>
/// Small text helpers for the HTML fragments that feeds carry in titles and summaries. The regexes run on the
/// non-backtracking engine: feed text is anyone's, and on the backtracking one a tag that never closes made every
/// '&lt;' scan to the end of the text (6 MB of '&lt;' took hours).
/// </summary>
public static partial class HtmlText
{
    /// <summary>Tags removed, entities decoded (twice at most, for double-escaped feeds), whitespace collapsed.</summary>
    public static string ToPlainText(string fragment)
    {
        if (string.IsNullOrEmpty(fragment)) return "";
        var s = fragment;
        for (int i = 0; i < 2 && (s.Contains('<') || s.Contains('&')); i++)
        {
            s = BlockTag().Replace(s, "\n");
            s = Tag().Replace(s, " ");
            s = WebUtility.HtmlDecode(s);
        }
        s = SpaceRun().Replace(s, " ");
        s = Newlines().Replace(s, "\n");
        return s.Trim();
    }

    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/h[1-6])\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex BlockTag();
    [GeneratedRegex(@"<[^>]*>", RegexOptions.NonBacktracking)]
    private static partial Regex Tag();
    [GeneratedRegex(@"[ \t\u00A0]+", RegexOptions.NonBacktracking)]
    private static partial Regex SpaceRun();
    [GeneratedRegex(@"\s*\n\s*", RegexOptions.NonBacktracking)]
    private static partial Regex Newlines();
}
