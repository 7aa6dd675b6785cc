using System.Globalization;
using System.Net;

namespace Pipeline.Worker.Tests.Infrastructure;

/// <summary>Realistic feeds and article pages, written for the tests (not copied from any site).</summary>
public static class SampleWeb
{
    public sealed record Article(string Slug, string Title, DateTimeOffset Published, string[] Paragraphs);

    public static readonly Article Sanctions = new("eu-belarus-listings", "Belarus: Council lists 25 more individuals over continued repression",
        new DateTimeOffset(2026, 11, 20, 10, 30, 0, TimeSpan.Zero),
        [
            "The Council today decided to impose restrictive measures on a further 25 individuals and 3 entities responsible for the continued repression of civil society and the democratic opposition in Belarus.",
            "Those listed include judges and prosecutors involved in politically motivated trials, heads of penal colonies where political prisoners are held, and propagandists of the Lukashenka regime.",
            "The persons listed are subject to an asset freeze, and EU citizens and companies are forbidden from making funds available to them. A travel ban prevents them from entering or transiting through EU territory.",
            "The Council reiterates its call on the Belarusian authorities to release immediately and unconditionally all political prisoners.",
        ]);

    public static readonly Article Expulsion = new("lithuania-expels", "Lithuania expels two Belarusian diplomats",
        new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero),
        [
            "The Ministry of Foreign Affairs of Lithuania has declared two diplomats of the Embassy of Belarus in Vilnius persona non grata and ordered them to leave the country within five days.",
            "The decision follows repeated violations of the Lithuanian border by the Belarusian regime and the use of balloons to smuggle goods, which the ministry described as a hybrid attack.",
            "The chargé d'affaires of Belarus was summoned and handed a note of protest.",
        ]);

    public static readonly Article Trial = new("minsk-trial", "Minsk court jails journalist for eight years",
        new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero),
        [
            "A court in Minsk sentenced a freelance journalist to eight years in a penal colony on Friday on charges of 'facilitating extremist activity' for sending reports to an independent outlet based abroad.",
            "The trial was held behind closed doors. Relatives said the journalist had been held in pre-trial detention for eleven months and denied the charges.",
            "Human rights defenders in Belarus count more than 1,100 political prisoners in the country.",
        ]);

    public static readonly Article Iran = new("iran-sanctions", "EU sanctions Iranian drone makers",
        new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero),
        [
            "The Council today added eight individuals and four entities to its list of persons subject to restrictive measures in view of Iran's military support to Russia's war of aggression against Ukraine.",
            "Those listed are involved in the production and delivery of unmanned aerial vehicles and ballistic missiles. They are subject to an asset freeze and a travel ban.",
        ]);

    public static string Page(Article a, string lang = "en") => $$"""
        <!DOCTYPE html>
        <html lang="{{lang}}"><head><meta charset="utf-8"><title>{{WebUtility.HtmlEncode(a.Title)}} | Press office</title>
        <meta property="article:published_time" content="{{a.Published.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}">
        </head><body>
        <header><nav><ul><li><a href="/">Home</a></li><li><a href="/press">Press</a></li><li><a href="/policies">Policies</a></li><li><a href="/contact">Contact</a></li></ul></nav>
        <form><input name="q" placeholder="Search the site"></form></header>
        <main><article><h1>{{WebUtility.HtmlEncode(a.Title)}}</h1>
        {{string.Join("\n", a.Paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))}}
        </article>
        <aside><h2>Related</h2><ul><li><a href="/other-1">Other news item</a></li><li><a href="/other-2">Another news item</a></li></ul></aside></main>
        <footer><p>Cookie settings · Privacy notice · Legal notice · Subscribe to alerts</p></footer>
        </body></html>
        """;

    public static string Rss(Uri baseUrl, IEnumerable<(Article Article, string Path)> items) => $$"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Press releases</title><link>{{baseUrl}}</link><description>Test publisher</description>
        {{string.Join("\n", items.Select(i => $"""
            <item><title>{WebUtility.HtmlEncode(i.Article.Title)}</title><link>{new Uri(baseUrl, i.Path)}</link>
            <guid>{new Uri(baseUrl, i.Path)}</guid><pubDate>{i.Article.Published.ToString("r", CultureInfo.InvariantCulture)}</pubDate>
            <description>{WebUtility.HtmlEncode(i.Article.Paragraphs[0])}</description></item>
            """))}}
        </channel></rss>
        """;
}
