using System.Globalization;
using System.Net;
using System.Text;

namespace Pipeline.Bench.Corpus;

/// <summary>How a publisher's listing is read (mirrors the catalogue's <c>Kind</c>).</summary>
public enum ListingKind { Rss, Atom, Html }

/// <summary>
/// A generated web of <see cref="Publishers"/> publishers with <see cref="ItemsPerPublisher"/> statements each:
/// feeds (RSS 2.0, Atom) or HTML listing pages, and article pages of 30–150 KB with the boilerplate real press
/// sites carry — inline CSS and scripts, mega-menus, breadcrumbs, cookie banners, "most read" and "related"
/// teasers with snippets of other statements, comment threads, SVG sprites, sitemaps in the footer. Four page layouts
/// (HTML5 article, CMS node, sectioned page, old table layout). About 2 % of items are another publisher's
/// statement republished word for word (the dedup path). Everything is deterministic per seed; pages are
/// rendered on demand, so a 20k-item web costs little memory.
/// </summary>
public sealed class SyntheticWeb
{
    public int Publishers { get; }
    public int ItemsPerPublisher { get; }
    public int Seed { get; }
    public int TotalItems => Publishers * ItemsPerPublisher;
    private readonly GeneratedArticle[][] _articles;
    private readonly Teaser[][] _teasers;
    private readonly Site[] _sites;

    /// <summary>An article's pre-encoded pieces as other pages show them (teasers, related cards), so rendering is mostly copying.</summary>
    private sealed record Teaser(string Path, string Title, string Snippet160, string Snippet100, string Date);

    public SyntheticWeb(int publishers, int itemsPerPublisher, int seed = 2020)
    {
        Publishers = publishers;
        ItemsPerPublisher = itemsPerPublisher;
        Seed = seed;
        _articles = new GeneratedArticle[publishers][];
        for (int p = 0; p < publishers; p++)
        {
            _articles[p] = new GeneratedArticle[itemsPerPublisher];
            for (int i = 0; i < itemsPerPublisher; i++)
                _articles[p][i] = p > 0 && i % 50 == 7
                    ? TextGenerator.Republish(_articles[p - 1][i], p, i, seed)
                    : TextGenerator.Generate(p, i, seed);
        }
        _teasers = _articles.Select(list => list.Select(a => new Teaser(X(ArticlePath(a)), X(a.Title), X(Short(a.Summary, 160)), X(Short(a.Summary, 100)),
            a.Published.ToString("d MMM yyyy", CultureInfo.InvariantCulture))).ToArray()).ToArray();
        _sites = Enumerable.Range(0, publishers).Select(p => new Site(p, seed)).ToArray();
    }

    public GeneratedArticle Article(int p, int i) => _articles[p][i];
    public IEnumerable<GeneratedArticle> All() => _articles.SelectMany(a => a);
    public ListingKind Kind(int p) => (p % 4) switch { 0 or 1 => ListingKind.Rss, 2 => ListingKind.Atom, _ => ListingKind.Html };
    public string SiteName(int p) => _sites[p].Name;

    public static string ArticlePath(GeneratedArticle a) => $"/p{a.Publisher}/news/{a.Slug}.html";
    public static string ListingPath(int p, ListingKind kind) => kind switch
    {
        ListingKind.Rss => $"/p{p}/feed.xml",
        ListingKind.Atom => $"/p{p}/atom.xml",
        _ => $"/p{p}/press/",
    };

    // ------------------------------------------------------------------ listings

    public string Listing(int p, Uri baseUrl)
    {
        var items = _articles[p].OrderByDescending(a => a.Published).ToList();
        var site = _sites[p];
        switch (Kind(p))
        {
            case ListingKind.Rss:
            {
                var sb = new StringBuilder(items.Count * 700);
                sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>\n")
                  .Append("<title>").Append(X(site.Name)).Append(" — press releases</title><link>").Append(X(new Uri(baseUrl, $"/p{p}/").AbsoluteUri)).Append("</link>")
                  .Append("<description>Statements and press releases</description><language>en</language>\n");
                foreach (var a in items)
                {
                    var link = new Uri(baseUrl, ArticlePath(a)).AbsoluteUri;
                    sb.Append("<item><title>").Append(X(a.Title)).Append("</title><link>").Append(X(link)).Append("</link><guid isPermaLink=\"true\">")
                      .Append(X(link)).Append("</guid><pubDate>").Append(a.Published.ToString("r", CultureInfo.InvariantCulture)).Append("</pubDate>")
                      .Append("<dc:creator>Press office</dc:creator><category>").Append(a.Intended).Append("</category><description>")
                      .Append(X("<p>" + X(a.Summary) + "</p>")).Append("</description></item>\n");
                }
                return sb.Append("</channel></rss>\n").ToString();
            }
            case ListingKind.Atom:
            {
                var sb = new StringBuilder(items.Count * 700);
                sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>").Append(X(site.Name))
                  .Append("</title><id>").Append(X(new Uri(baseUrl, $"/p{p}/").AbsoluteUri)).Append("</id><updated>")
                  .Append(items[0].Published.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("</updated>\n");
                foreach (var a in items)
                {
                    var link = new Uri(baseUrl, ArticlePath(a)).AbsoluteUri;
                    sb.Append("<entry><title>").Append(X(a.Title)).Append("</title><link rel=\"alternate\" type=\"text/html\" href=\"").Append(X(link))
                      .Append("\"/><id>").Append(X(link)).Append("</id><updated>").Append(a.Published.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                      .Append("</updated><summary type=\"html\">").Append(X(a.Summary)).Append("</summary></entry>\n");
                }
                return sb.Append("</feed>\n").ToString();
            }
            default:
            {
                var sb = new StringBuilder(40_000 + items.Count * 400);
                site.Head(sb, site.Name + " — Press", "en");
                site.Header(sb);
                sb.Append("<main id=\"main\"><h1>Press releases</h1><ul class=\"news-list\">\n");
                foreach (var a in items)
                    sb.Append("<li class=\"news-item\"><a href=\"").Append(X(ArticlePath(a))).Append("\"><span class=\"title\">").Append(X(a.Title))
                      .Append("</span></a> <time datetime=\"").Append(a.Published.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("\">")
                      .Append(a.Published.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append("</time><p class=\"teaser\">").Append(X(a.Summary)).Append("</p></li>\n");
                sb.Append("</ul></main>");
                site.Footer(sb);
                return sb.Append("</body></html>").ToString();
            }
        }
    }

    // ------------------------------------------------------------------ article pages

    /// <summary>The article page; its size is drawn uniformly between 30 and 150 KB (boilerplate fills the gap).</summary>
    public string Page(int p, int i)
    {
        var a = _articles[p][i];
        var site = _sites[p];
        var rng = new Random(Seeds.Mix(Seed, p, i, 0x9a9e));
        int target = 30_000 + rng.Next(120_001);
        var sb = new StringBuilder(target + 8_000);
        site.Head(sb, a.Title + " | " + site.Name, a.Language, a);
        site.Header(sb);
        sb.Append("<div class=\"breadcrumb\"><a href=\"/\">Home</a> › <a href=\"/p").Append(p).Append("/press/\">Press</a> › <span>").Append(X(Short(a.Title, 40))).Append("</span></div>\n");
        var dateIso = a.Published.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var dateText = a.Published.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        switch (site.Layout)
        {
            case 0:
                sb.Append("<main id=\"main\"><article class=\"press-release\"><h1>").Append(X(a.Title)).Append("</h1><div class=\"meta\"><time datetime=\"").Append(dateIso).Append("\">")
                  .Append(dateText).Append("</time> · <span class=\"author\">Press office</span> · <a href=\"#share\">Share</a></div><div class=\"body\">\n");
                Body(sb, a, rng);
                sb.Append("</div><div class=\"tags\">Tags: <a href=\"/t/1\">human rights</a> <a href=\"/t/2\">foreign policy</a> <a href=\"/t/3\">sanctions</a></div></article>\n");
                site.Related(sb, _teasers[p], i, rng, 6 + rng.Next(6));
                sb.Append("</main>\n");
                site.Sidebar(sb, _teasers[p], rng);
                break;
            case 1:
                sb.Append("<div class=\"container\"><div class=\"row\"><div class=\"col-md-3 sidebar-left\">");
                site.Sidebar(sb, _teasers[p], rng);
                sb.Append("</div><div id=\"content\" class=\"col-md-9\"><div class=\"node node-article\"><h1 class=\"page-title\">").Append(X(a.Title)).Append("</h1>")
                  .Append("<div class=\"field-date\"><span property=\"dc:date\" content=\"").Append(dateIso).Append("\">").Append(dateText).Append("</span></div><div class=\"field-body\">\n");
                Body(sb, a, rng);
                sb.Append("</div></div>");
                site.Related(sb, _teasers[p], i, rng, 6 + rng.Next(6));
                sb.Append("</div></div></div>\n");
                break;
            case 2:
                sb.Append("<section class=\"content\"><header class=\"content-header\"><p class=\"kicker\">Press release</p><h1>").Append(X(a.Title)).Append("</h1><p class=\"date\">")
                  .Append(dateText).Append("</p></header><div class=\"text\">\n");
                Body(sb, a, rng, subheads: true);
                sb.Append("</div></section>\n");
                site.Related(sb, _teasers[p], i, rng, 8 + rng.Next(8));
                site.Sidebar(sb, _teasers[p], rng);
                break;
            default:
                sb.Append("<table class=\"layout\" width=\"100%\"><tr><td class=\"left-nav\" valign=\"top\">");
                site.Sidebar(sb, _teasers[p], rng);
                sb.Append("</td><td class=\"content\" valign=\"top\"><h2 class=\"title\">").Append(X(a.Title)).Append("</h2><font size=\"1\">").Append(dateText).Append("</font><br>\n");
                Body(sb, a, rng);
                sb.Append("</td></tr></table>\n");
                site.Related(sb, _teasers[p], i, rng, 5 + rng.Next(5));
                break;
        }
        site.Comments(sb, rng, 2 + rng.Next(6));
        // Fill up to the drawn size with what real pages carry: one "more news" list with snippets, then markup that
        // is not text — inline JSON state of client-side frameworks, SVG icon sprites, navigation link lists.
        site.MoreNews(sb, _teasers[p], rng, 8);
        int k = 0;
        while (sb.Length < target - 6_000)
        {
            switch (k++ % 3)
            {
                case 0: site.InlineState(sb, rng); break;
                case 1: site.Sprite(sb, rng); break;
                default: site.LinkList(sb, rng); break;
            }
        }
        site.Footer(sb);
        site.CookieBanner(sb);
        return sb.Append("</body></html>\n").ToString();
    }

    private static void Body(StringBuilder sb, GeneratedArticle a, Random rng, bool subheads = false)
    {
        for (int k = 0; k < a.Paragraphs.Length; k++)
        {
            if (subheads && k > 1 && k % 3 == 0) sb.Append("<h2>").Append(X(Short(a.Paragraphs[k], 50))).Append("</h2>\n");
            if (k > 0 && rng.NextDouble() < 0.08)
                sb.Append("<blockquote><p>").Append(X(a.Paragraphs[k])).Append("</p></blockquote>\n");
            else
                sb.Append("<p>").Append(X(a.Paragraphs[k])).Append("</p>\n");
        }
    }

    internal static string X(string s) => WebUtility.HtmlEncode(s);
    internal static string Short(string s, int n) => s.Length <= n ? s : s[..n].TrimEnd() + "…";

    /// <summary>The constant parts of one publisher's site.</summary>
    private sealed class Site
    {
        public int Index { get; }
        public string Name { get; }
        public int Layout { get; }
        private readonly string _css;
        private readonly string _scripts;
        private readonly string _header;
        private readonly string _footer;
        private readonly string _cookie;
        private readonly string[] _state;

        private static readonly string[] Names =
        [
            "Ministry of Foreign Affairs", "Council Press Office", "Office of the Spokesperson", "Delegation to the OSCE", "Human Rights Monitor",
            "Parliamentary Assembly", "Federal Foreign Office", "Press Service", "Permanent Mission in Geneva", "Commission Representation",
            "Embassy Press Section", "Rights Defenders Network", "Journalists' Association", "Democracy Foundation", "Information Department",
        ];

        private static readonly string[] MenuWords =
        [
            "About us", "Minister", "Ministry", "Structure", "Embassies", "Consular services", "Visas", "Travel advice", "Policies", "Human rights",
            "Security", "Economy", "Development", "Climate", "Europe", "Neighbourhood", "Eastern Partnership", "Sanctions", "Publications",
            "Speeches", "Press releases", "Photo gallery", "Videos", "Events", "Careers", "Procurement", "Open data", "Contact", "FAQ", "Archive",
            "Treaties", "Statistics", "Grants", "Newsletters", "Partners", "Accessibility", "Transparency", "Legal notice", "Privacy", "Sitemap",
        ];

        public Site(int index, int seed)
        {
            Index = index;
            var rng = new Random(Seeds.Mix(seed, index, 0x517e));
            Name = $"{Names[index % Names.Length]} {(char)('A' + index % 26)}{index / 26}";
            Layout = index % 4;
            _css = Css(rng, 4_000 + rng.Next(12_000));
            _scripts = Scripts(rng, 3_000 + rng.Next(12_000));
            _header = Header(rng, 40 + rng.Next(200));
            _footer = Footer(rng, 60 + rng.Next(160));
            _state = Enumerable.Range(0, 8).Select(_ => State(rng, 4_000 + rng.Next(8_000))).ToArray();
            _cookie = "<div id=\"cookie-banner\" class=\"cookie\"><p>We use cookies to make this website work and to understand how it is used. " +
                      "Some cookies are set by third-party services that appear on our pages, such as video players and social media buttons. " +
                      "You can accept all cookies, refuse non-essential cookies, or choose which categories to allow. Your choice is stored for twelve months " +
                      "and you can change it at any time from the cookie settings link in the footer.</p><button>Accept all</button><button>Refuse</button><a href=\"/cookies\">Settings</a></div>\n";
        }

        private static string Css(Random rng, int size)
        {
            var sb = new StringBuilder(size + 200);
            string[] props = ["margin", "padding", "color", "background", "font-size", "line-height", "border", "display", "width", "max-width"];
            int n = 0;
            while (sb.Length < size)
                sb.Append(".c").Append(n++).Append("-").Append(rng.Next(1000)).Append('{').Append(props[rng.Next(props.Length)]).Append(':').Append(rng.Next(40)).Append("px;")
                  .Append(props[rng.Next(props.Length)]).Append(":#").Append(rng.Next(0x1000000).ToString("x6", CultureInfo.InvariantCulture)).Append("}\n");
            return sb.ToString();
        }

        private static string Scripts(Random rng, int size)
        {
            var sb = new StringBuilder(size + 500);
            sb.Append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-").Append(rng.Next(1_000_000)).Append("');</script>\n");
            sb.Append("<script>var siteConfig={\"lang\":\"en\",\"search\":\"/search\",\"i18n\":{");
            int k = 0;
            while (sb.Length < size)
                sb.Append("\"key").Append(k++).Append("\":\"").Append(MenuWords[rng.Next(MenuWords.Length)]).Append(' ').Append(MenuWords[rng.Next(MenuWords.Length)]).Append("\",");
            sb.Append("\"end\":1}};</script>\n");
            return sb.ToString();
        }

        private string Header(Random rng, int links)
        {
            var sb = new StringBuilder();
            sb.Append("<body class=\"page layout-").Append(Layout).Append("\"><a class=\"skip\" href=\"#main\">Skip to content</a><header class=\"site-header\"><div class=\"logo\"><a href=\"/\">")
              .Append(X(Name)).Append("</a></div><form class=\"search\" action=\"/search\"><input name=\"q\" placeholder=\"Search\"><button>Search</button></form>")
              .Append("<div class=\"lang\"><a href=\"?l=en\">EN</a> <a href=\"?l=fr\">FR</a> <a href=\"?l=de\">DE</a> <a href=\"?l=ru\">RU</a></div><nav class=\"mega-menu\"><ul>");
            for (int i = 0; i < links; i++)
            {
                if (i % 12 == 0) sb.Append(i == 0 ? "" : "</ul></li>").Append("<li class=\"top\"><a href=\"/s").Append(i).Append("\">").Append(MenuWords[rng.Next(MenuWords.Length)]).Append("</a><ul>");
                sb.Append("<li><a href=\"/s").Append(i / 12).Append("/p").Append(i).Append("\">").Append(MenuWords[rng.Next(MenuWords.Length)]).Append(' ').Append(MenuWords[rng.Next(MenuWords.Length)].ToLowerInvariant()).Append("</a></li>");
            }
            sb.Append("</ul></li></ul></nav></header>\n");
            return sb.ToString();
        }

        private string Footer(Random rng, int links)
        {
            var sb = new StringBuilder();
            sb.Append("<footer class=\"site-footer\"><div class=\"sitemap\">");
            for (int i = 0; i < links; i++)
            {
                if (i % 15 == 0) sb.Append(i == 0 ? "" : "</ul></div>").Append("<div class=\"col\"><h4>").Append(MenuWords[rng.Next(MenuWords.Length)]).Append("</h4><ul>");
                sb.Append("<li><a href=\"/f").Append(i).Append("\">").Append(MenuWords[rng.Next(MenuWords.Length)]).Append("</a></li>");
            }
            sb.Append("</ul></div></div><div class=\"legal\"><p>© ").Append(X(Name)).Append(" 2026. Content on this site is available under an open licence unless stated otherwise. ")
              .Append("Statements are published in the language of the original; translations are provided for convenience only.</p>")
              .Append("<p><a href=\"/privacy\">Privacy notice</a> · <a href=\"/legal\">Legal notice</a> · <a href=\"/accessibility\">Accessibility statement</a> · <a href=\"/contact\">Contact</a> · <a href=\"/rss\">RSS</a></p>")
              .Append("<ul class=\"social\"><li><a href=\"https://x.example/\">X</a></li><li><a href=\"https://fb.example/\">Facebook</a></li><li><a href=\"https://yt.example/\">YouTube</a></li></ul></div></footer>\n");
            return sb.ToString();
        }

        public void Head(StringBuilder sb, string title, string lang, GeneratedArticle? a = null)
        {
            sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(lang).Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
              .Append(X(title)).Append("</title>");
            if (a is not null)
            {
                var iso = a.Published.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                sb.Append("<meta property=\"og:title\" content=\"").Append(X(a.Title)).Append("\"><meta property=\"og:type\" content=\"article\"><meta name=\"description\" content=\"")
                  .Append(X(a.Summary)).Append("\">");
                if (Layout != 3) sb.Append("<meta property=\"article:published_time\" content=\"").Append(iso).Append("\">");
                if (Layout == 1)
                    sb.Append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"")
                      .Append(System.Text.Json.JsonEncodedText.Encode(a.Title)).Append("\",\"datePublished\":\"").Append(iso).Append("\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"")
                      .Append(System.Text.Json.JsonEncodedText.Encode(Name)).Append("\"}}</script>");
            }
            sb.Append("<link rel=\"stylesheet\" href=\"/assets/site.css\"><style>").Append(_css).Append("</style>").Append(_scripts).Append("</head>\n");
        }

        public void Header(StringBuilder sb) => sb.Append(_header);
        public void Footer(StringBuilder sb) => sb.Append(_footer);
        public void CookieBanner(StringBuilder sb) => sb.Append(_cookie);

        public void Related(StringBuilder sb, Teaser[] all, int self, Random rng, int n)
        {
            sb.Append("<section class=\"related\"><h2>Related</h2><div class=\"cards\">");
            for (int k = 0; k < n; k++)
            {
                var o = all[(self + 1 + rng.Next(Math.Max(1, all.Length - 1))) % all.Length];
                sb.Append("<div class=\"card\"><a href=\"").Append(o.Path).Append("\"><h3>").Append(o.Title).Append("</h3></a><p>")
                  .Append(o.Snippet160).Append("</p><span class=\"date\">").Append(o.Date).Append("</span></div>");
            }
            sb.Append("</div></section>\n");
        }

        public void Sidebar(StringBuilder sb, Teaser[] all, Random rng)
        {
            sb.Append("<aside class=\"sidebar\"><div class=\"block most-read\"><h3>Most read</h3><ol>");
            for (int k = 0; k < 8; k++)
            {
                var o = all[rng.Next(all.Length)];
                sb.Append("<li><a href=\"").Append(o.Path).Append("\">").Append(o.Title).Append("</a></li>");
            }
            sb.Append("</ol></div><div class=\"block newsletter\"><h3>Newsletter</h3><p>Receive our press releases by e-mail.</p><form><input type=\"email\" name=\"email\"><button>Subscribe</button></form></div>")
              .Append("<div class=\"block contact\"><h3>Press contacts</h3><p>Spokesperson: +00 000 000 000<br>press@example.org</p></div></aside>\n");
        }

        private static readonly string[] CommentBits =
        [
            "Thank you for this update.", "When will the full list be published?", "This should have happened much earlier.", "Is there a translation available?",
            "Solidarity with everyone who is still behind bars.", "The link to the annex does not work.", "Good decision, but more is needed.", "Please keep us informed.",
        ];

        public void Comments(StringBuilder sb, Random rng, int n)
        {
            sb.Append("<section id=\"comments\" class=\"comments\"><h2>").Append(n).Append(" comments</h2>");
            for (int k = 0; k < n; k++)
                sb.Append("<div class=\"comment\"><span class=\"user\">user").Append(rng.Next(10_000)).Append("</span><p>").Append(CommentBits[rng.Next(CommentBits.Length)]).Append(' ')
                  .Append(CommentBits[rng.Next(CommentBits.Length)]).Append("</p></div>");
            sb.Append("</section>\n");
        }

        public void MoreNews(StringBuilder sb, Teaser[] all, Random rng, int n)
        {
            sb.Append("<section class=\"more-news\"><h2>More news</h2><ul>");
            for (int k = 0; k < n; k++)
            {
                var o = all[rng.Next(all.Length)];
                sb.Append("<li><a href=\"").Append(o.Path).Append("\">").Append(o.Title).Append("</a> <small>").Append(o.Snippet100).Append("</small></li>");
            }
            sb.Append("</ul></section>\n");
        }

        public void Sprite(StringBuilder sb, Random rng)
        {
            sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" style=\"display:none\">");
            for (int i = 0; i < 25; i++)
            {
                sb.Append("<symbol id=\"i").Append(rng.Next(10_000)).Append("\" viewBox=\"0 0 24 24\"><path d=\"M");
                for (int j = 0; j < 30; j++) sb.Append(rng.Next(24)).Append('.').Append(rng.Next(100)).Append(j % 2 == 0 ? ' ' : 'L');
                sb.Append("Z\"/></symbol>");
            }
            sb.Append("</svg>\n");
        }

        public void LinkList(StringBuilder sb, Random rng)
        {
            sb.Append("<nav class=\"quick-links\"><ul>");
            for (int i = 0; i < 30; i++)
                sb.Append("<li><a href=\"/q").Append(rng.Next(10_000)).Append("\">").Append(MenuWords[rng.Next(MenuWords.Length)]).Append("</a></li>");
            sb.Append("</ul></nav>\n");
        }

        /// <summary>One of the site's inline JSON state blobs (4–12 KB each), as client-side frameworks embed them.</summary>
        public void InlineState(StringBuilder sb, Random rng) => sb.Append(_state[rng.Next(_state.Length)]);

        private static string State(Random rng, int size)
        {
            var sb = new StringBuilder(size + 100);
            sb.Append("<script type=\"application/json\" id=\"state-").Append(rng.Next(1_000_000)).Append("\">{\"items\":[");
            int start = sb.Length;
            while (sb.Length - start < size)
                sb.Append("{\"id\":").Append(rng.Next(1_000_000)).Append(",\"slug\":\"").Append(MenuWords[rng.Next(MenuWords.Length)].Replace(' ', '-').ToLowerInvariant())
                  .Append("-").Append(rng.Next(100_000)).Append("\",\"views\":").Append(rng.Next(100_000)).Append("},");
            sb.Append("{}]}</script>\n");
            return sb.ToString();
        }
    }
}
