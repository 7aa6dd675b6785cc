using System.Net;
using System.Text;

namespace Pipeline.Worker.Review.Pages;

/// <summary>
/// Server-rendered HTML: one layout, every value encoded. Pages carry no inline script or style (the
/// Content-Security-Policy forbids both); behaviour and looks come from <c>/review/app.js</c> and <c>/review/app.css</c>.
/// </summary>
public static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A label as the review page shows it: <c>targeted_sanctions</c> → "targeted sanctions".</summary>
    public static string Words(string label) => label.Replace('_', ' ');

    /// <summary>The small script that signs out from pages other than the queue (the queue's app.js does it there).</summary>
    public const string SignOutScript = "signout.js";

    public static string Layout(string title, string body, bool script = false, string bodyClass = "", string? extraScript = null,
        string? extraStyle = null) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{E(title)} · Pipeline</title>
        <link rel="icon" href="/review/icon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/review/app.css">
        {(extraStyle is null ? "" : $"<link rel=\"stylesheet\" href=\"/review/{extraStyle}\">")}
        {(script ? "<script src=\"/review/app.js\" defer></script>" : "")}
        {(extraScript is null ? "" : $"<script src=\"/review/{extraScript}\" defer></script>")}
        </head>
        <body class="{E(bodyClass)}">
        {body}
        </body>
        </html>
        """;

    /// <summary>The page header shared by the queue and the statistics page.</summary>
    public static string Header(string? user, string current)
    {
        var sb = new StringBuilder("<header class=\"bar\"><a class=\"brand\" href=\"/\">Pipeline · Belarus responses</a><nav>");
        foreach (var (href, label) in new[]
                 {
                     ("/", "Review queue"), ("/stats", "Statistics"), ("/explore", "Explore"), ("/responses.json", "Dataset (JSON)"),
                     ("/responses.csv", "CSV"), ("/responses.atom", "Atom"), ("/sources", "Sources"),
                 })
            sb.Append($"<a href=\"{href}\"{(href == current ? " aria-current=\"page\"" : "")}>{E(label)}</a>");
        sb.Append("</nav>");
        // Signing out is a POST with the CSRF header, sent by app.js on the queue page and by signout.js on the others.
        if (user is not null)
            sb.Append($"<span class=\"who\">{E(user)}</span><form id=\"logout\" method=\"post\" action=\"/logout\"><button type=\"submit\">Sign out</button></form>");
        else
            sb.Append("<a class=\"who\" href=\"/login\">Sign in</a>");
        return sb.Append("</header>").ToString();
    }
}
