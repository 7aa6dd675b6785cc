using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http;
using Pipeline.Classify;
using Pipeline.Classify.Facts;
using Pipeline.Store;
using Pipeline.Worker.Review.Pages;
using Pipeline.Worker.Review.Queue;

namespace Pipeline.Worker.Review.Explore;

/// <summary>An approved response as the explorer lists it, with its effective facts and the day it is counted on.</summary>
public sealed record ExploreEntry(ExploredResponse Response, DateOnly Day, bool DayOfAct);

/// <summary>
/// The public explorer: approved responses filtered by actor, actor type, response type, lifecycle, binding, target
/// and dates; a timeline of the matching responses per month; and, for one actor (<c>/explore/actor/{name}</c>), its
/// toolbox over time (which types of response it used in which months). Everything is a GET with the view in its query
/// string (<see cref="ExploreQuery"/>), rendered on the server: no script, nothing from elsewhere, every stored text
/// encoded. A response is counted on the date of its act (a reviewer's, the stored prediction, else one read from its
/// title and lead), else on its page's date.
/// </summary>
public static class ExplorePage
{
    public const string CachePolicy = "explore";
    public const int PageSize = 50;

    /// <summary>
    /// The most approved responses one request reads (newest first). The database filters by actor, actor type and type;
    /// the facts and the date are filtered in memory over at most these rows, and the page says when the bound was hit.
    /// </summary>
    public const int MaxRows = 10_000;

    /// <summary>The most months a timeline or toolbox draws (the latest ones); the page says how many responses fall before.</summary>
    public const int MaxMonths = 120;

    public const int MaxSuggestedActors = 500;

    /// <summary><c>GET /explore</c></summary>
    public static Task<IResult> Render(HttpContext context, ClaimsPrincipal user, ExploreStore store, CancellationToken ct) =>
        RenderAsync(context, user, store, null, ct);

    /// <summary><c>GET /explore/actor/{name}</c>: the explorer with the actor set, its toolbox first.</summary>
    public static Task<IResult> Actor(string name, HttpContext context, ClaimsPrincipal user, ExploreStore store, CancellationToken ct) =>
        // Routing decodes a path segment except for an encoded slash, which a name may hold ("Bosnia and Herzegovina/EU").
        RenderAsync(context, user, store, name.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase), ct);

    private static async Task<IResult> RenderAsync(HttpContext context, ClaimsPrincipal user, ExploreStore store, string? actor,
        CancellationToken ct)
    {
        var signedIn = user.Identity?.IsAuthenticated == true ? user.Identity.Name : null;
        var (query, error) = ExploreQuery.Parse(context.Request.Query, actor);
        if (query is null)
        {
            var problem = new StringBuilder(Html.Header(signedIn, "/explore"));
            problem.Append("<main class=\"explore\"><h1>Explore responses</h1>");
            problem.Append($"<p class=\"problem\" role=\"alert\">Bad request: {Html.E(error)}.</p>");
            problem.Append("<p><a href=\"/explore\">Start again with every approved response</a></p></main>");
            return Page("Explore: bad request", problem.ToString(), signedIn, StatusCodes.Status400BadRequest);
        }

        var (rows, truncated) = await store.ApprovedAsync(new ExploreFilter(query.Actor, query.ActorType, query.Type), MaxRows, ct);
        var entries = rows.Select(Entry).Where(e => Matches(e, query))
            .OrderByDescending(e => e.Day).ThenByDescending(e => e.Response.Id).ToList();
        var actors = await store.ActorsAsync(MaxSuggestedActors, ct);
        // The actor as stored (the filter ignores case), for the heading.
        var actorName = query.Actor is null ? null : entries.FirstOrDefault()?.Response.Actor ?? query.Actor;

        var body = new StringBuilder(Html.Header(signedIn, "/explore"));
        body.Append("<main class=\"explore\">");
        if (actorName is not null)
            body.Append($"<h1>{Html.E(actorName)}</h1><p class=\"lead\">What this actor did in response to the crisis in Belarus, " +
                        "as approved by civil-society reviewers. <a href=\"/explore\">All actors</a></p>");
        else
            body.Append("<h1>Explore responses</h1><p class=\"lead\">International responses to the crisis in Belarus approved by " +
                        "civil-society reviewers. Every view is a link you can share. See also the <a href=\"/stats\">statistics</a> and " +
                        "the data: <a href=\"/responses.json\">JSON</a>, <a href=\"/responses.csv\">CSV</a>, " +
                        "<a href=\"/responses.atom\">Atom</a>.</p>");
        body.Append(Form(query, actors));
        body.Append(Summary(query, entries.Count, truncated));
        if (entries.Count > 0)
        {
            if (actorName is not null) body.Append(Toolbox(query, entries));
            body.Append(Timeline(query, entries));
        }
        body.Append(List(query, entries));
        body.Append("</main>");
        var title = actorName is null ? "Explore responses" : actorName;
        // An actor's page of a name with no approved response is not found; narrowed by other filters to nothing, it is a view.
        var status = actor is not null && entries.Count == 0 && !(query with { Actor = null }).Filtered
            ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        return Page(title, body.ToString(), signedIn, status);
    }

    private static IResult Page(string title, string body, string? signedIn, int status) =>
        Results.Content(Html.Layout(title, body, extraScript: signedIn is null ? null : Html.SignOutScript, extraStyle: "explore.css"),
            "text/html; charset=utf-8", Encoding.UTF8, status);

    /// <summary>The day a response counts on: the act's (reviewed, stored, else read from the text), else the page's.</summary>
    public static ExploreEntry Entry(ExploredResponse r)
    {
        var page = DateOnly.FromDateTime((r.Published ?? r.Fetched).UtcDateTime);
        if (r.Facts.ActDate is { } stored
            && DateOnly.TryParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var act))
            return new ExploreEntry(r, act, true);
        // A reviewer who cleared the date said the text gives none: the page's date then, not a guess from the text.
        if (!r.DateReviewed && r.Lead.Length > 0 && ActDates.Find(r.Title, r.Lead, page) is { } found)
            return new ExploreEntry(r, found.Date, true);
        return new ExploreEntry(r, page, false);
    }

    /// <summary>The filters the database did not apply: facts, targets and dates.</summary>
    public static bool Matches(ExploreEntry e, ExploreQuery q)
    {
        var facts = e.Response.Facts;
        if (q.Lifecycle is not null && facts.Lifecycle != q.Lifecycle) return false;
        if (q.Binding is not null && facts.Binding != q.Binding) return false;
        if (q.Target is not null && !facts.Targets.Any(t => t.Name.Contains(q.Target, StringComparison.OrdinalIgnoreCase))) return false;
        if (q.FromDay is { } from && e.Day < from) return false;
        if (q.ToDay is { } to && e.Day > to) return false;
        return true;
    }

    private static string Form(ExploreQuery q, IReadOnlyList<string> actors)
    {
        var sb = new StringBuilder("<form class=\"filters\" method=\"get\" action=\"/explore\" role=\"search\">");
        sb.Append($"<label>Actor<input name=\"actor\" id=\"f-actor\" list=\"actors\" maxlength=\"{ExploreQuery.MaxText}\" " +
                  $"value=\"{Html.E(q.Actor)}\"></label>");
        sb.Append("<datalist id=\"actors\">");
        foreach (var a in actors) sb.Append($"<option value=\"{Html.E(a)}\"></option>");
        sb.Append("</datalist>");
        sb.Append(Select("actor_type", "Actor type", Taxonomy.ActorTypes, q.ActorType));
        sb.Append(Select("type", "Type of response", Taxonomy.ResponseTypes, q.Type));
        sb.Append(Select("lifecycle", "Lifecycle", Taxonomy.Lifecycles, q.Lifecycle));
        sb.Append(Select("binding", "Binding", ["true", "false"], q.Binding is null ? null : q.Binding.Value ? "true" : "false",
            v => v == "true" ? "binding" : "not binding"));
        sb.Append($"<label>Target<input name=\"target\" id=\"f-target\" maxlength=\"{ExploreQuery.MaxText}\" " +
                  $"value=\"{Html.E(q.Target)}\"></label>");
        sb.Append($"<label>From<input name=\"from\" id=\"f-from\" type=\"month\" min=\"{ExploreQuery.MinYear}-01\" " +
                  $"value=\"{Html.E(Month(q.From))}\"></label>");
        sb.Append($"<label>To<input name=\"to\" id=\"f-to\" type=\"month\" max=\"{ExploreQuery.MaxYear}-12\" " +
                  $"value=\"{Html.E(Month(q.To))}\"></label>");
        sb.Append("<button type=\"submit\">Show</button>");
        if (q.Filtered) sb.Append("<a href=\"/explore\">Clear all filters</a>");
        return sb.Append("</form>").ToString();

        // A day given in the URL still filters by that day; the month field shows its month.
        static string? Month(string? text) => text is { Length: > 7 } ? text[..7] : text;
    }

    private static string Select(string name, string label, IEnumerable<string> values, string? current, Func<string, string>? words = null)
    {
        var sb = new StringBuilder($"<label>{Html.E(label)}<select name=\"{name}\" id=\"f-{name.Replace('_', '-')}\">");
        sb.Append("<option value=\"\">any</option>");
        foreach (var v in values)
            sb.Append($"<option value=\"{Html.E(v)}\"{(v == current ? " selected" : "")}>" +
                      $"{Html.E(words?.Invoke(v) ?? Html.Words(v))}</option>");
        return sb.Append("</select></label>").ToString();
    }

    private static string Summary(ExploreQuery q, int count, bool truncated)
    {
        var sb = new StringBuilder($"<p id=\"count\">{count} approved response{(count == 1 ? "" : "s")}");
        sb.Append(q.Filtered ? " match these filters:</p><ul class=\"active\">" : ".</p>");
        if (q.Filtered)
        {
            foreach (var (label, without) in q.Described())
                sb.Append($"<li>{Html.E(label)}<a href=\"{Html.E(without.Url())}\" aria-label=\"remove {Html.E(label)}\">✕</a></li>");
            sb.Append("</ul>");
        }
        if (truncated)
            sb.Append($"<p class=\"notice\">Only the newest {MaxRows} approved responses of this actor, actor type and type were read: " +
                      "narrow the view to see older ones.</p>");
        return sb.ToString();
    }

    /// <summary>The months from the first to the last entry (at most <see cref="MaxMonths"/>, the latest), as yyyy-MM.</summary>
    private static List<string> Months(IReadOnlyList<ExploreEntry> entries)
    {
        var first = entries.Min(e => e.Day);
        var last = entries.Max(e => e.Day);
        var start = new DateOnly(first.Year, first.Month, 1);
        var end = new DateOnly(last.Year, last.Month, 1);
        if ((end.Year - start.Year) * 12 + end.Month - start.Month >= MaxMonths) start = end.AddMonths(1 - MaxMonths);
        var months = new List<string>();
        for (var m = start; m <= end; m = m.AddMonths(1)) months.Add(m.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        return months;
    }

    private static string MonthOf(ExploreEntry e) => e.Day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Matching responses per month: an SVG of bars (each a link to its month) and the same numbers as a table.</summary>
    private static string Timeline(ExploreQuery q, IReadOnlyList<ExploreEntry> entries)
    {
        var months = Months(entries);
        var counts = entries.GroupBy(MonthOf).ToDictionary(g => g.Key, g => g.Count());
        var values = months.Select(m => counts.GetValueOrDefault(m)).ToArray();
        var before = entries.Count - values.Sum();

        const int height = 220, top = 12, bottom = 34, left = 36, right = 8;
        int bar = Math.Clamp(900 / months.Count * 3 / 4, 4, 60), gap = Math.Max(2, bar / 3);
        int width = Math.Max(960, left + right + months.Count * (bar + gap));
        int max = Math.Max(1, values.Max());
        double plot = height - top - bottom;
        double Y(double v) => top + plot - v / max * plot;
        string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        var sb = new StringBuilder("<section class=\"timeline\" id=\"timeline\"><h2>Timeline</h2>");
        sb.Append("<p class=\"hint\">Responses per month, by the date of the act where it is known, else of the page. " +
                  "Choose a month to list it.</p>");
        if (before > 0)
            sb.Append($"<p class=\"note\">The timeline shows the last {MaxMonths} months: {before} earlier " +
                      $"response{(before == 1 ? " is" : "s are")} not drawn.</p>");
        sb.Append($"<svg role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" " +
                  "aria-label=\"Responses per month\">");
        sb.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(Y(0))}\" y2=\"{F(Y(0))}\" stroke=\"#999\"/>");
        sb.Append($"<text x=\"{left - 6}\" y=\"{F(Y(max) + 4)}\" text-anchor=\"end\" font-size=\"11\" fill=\"#444\">{max}</text>");
        int labelEvery = Math.Max(1, months.Count / 12);
        for (int i = 0; i < months.Count; i++)
        {
            double x = left + (width - left - right - months.Count * (bar + gap)) / 2.0 + gap / 2.0 + i * (bar + gap); // centred
            if (values[i] > 0)
                sb.Append($"<a href=\"{Html.E((q with { From = months[i], To = months[i], Page = 1 }).Url())}\">" +
                          $"<rect x=\"{F(x)}\" y=\"{F(Y(values[i]))}\" width=\"{bar}\" height=\"{F(Y(0) - Y(values[i]))}\" " +
                          "fill=\"#0072B2\">" +
                          $"<title>{months[i]}: {values[i]}</title></rect></a>");
            if (i % labelEvery == 0)
                sb.Append($"<text x=\"{F(x + bar / 2.0)}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\" font-size=\"12\" " +
                          $"fill=\"#444\">{months[i]}</text>");
        }
        sb.Append("</svg><details><summary>Numbers</summary><table><thead><tr><th>month</th><th>responses</th></tr></thead><tbody>");
        for (int i = 0; i < months.Count; i++)
            sb.Append($"<tr><th>{months[i]}</th><td>{values[i]}</td></tr>");
        return sb.Append("</tbody></table></details></section>").ToString();
    }

    /// <summary>One actor's toolbox over time: a month × type grid of its responses (a response counts under each of its types).</summary>
    private static string Toolbox(ExploreQuery q, IReadOnlyList<ExploreEntry> entries)
    {
        var months = Months(entries);
        var types = Taxonomy.ResponseTypes.Where(t => entries.Any(e => e.Response.ResponseTypes.Contains(t))).ToList();
        var cells = entries.SelectMany(e => e.Response.ResponseTypes.Select(t => (Month: MonthOf(e), Type: t)))
            .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var sb = new StringBuilder("<section class=\"toolbox\" id=\"toolbox\"><h2>Toolbox over time</h2>");
        sb.Append("<p class=\"hint\">Which types of response this actor used, and when " +
                  "(a response with several types counts under each). " +
                  "Choose a number to list those responses.</p>");
        sb.Append("<ul class=\"active\">");
        foreach (var t in types)
        {
            var n = entries.Count(e => e.Response.ResponseTypes.Contains(t));
            sb.Append($"<li><a href=\"{Html.E((q with { Type = t, Page = 1 }).Url())}\">{Html.E(Html.Words(t))}</a> {n}</li>");
        }
        sb.Append("</ul><div class=\"grid\"><table><thead><tr><th>month</th>");
        foreach (var t in types) sb.Append($"<th scope=\"col\">{Html.E(Html.Words(t))}</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var m in months.AsEnumerable().Reverse())
        {
            sb.Append($"<tr><th scope=\"row\">{m}</th>");
            foreach (var t in types)
                sb.Append(cells.TryGetValue((m, t), out var n)
                    ? $"<td class=\"used\" data-type=\"{t}\" data-month=\"{m}\">" +
                      $"<a href=\"{Html.E((q with { Type = t, From = m, To = m, Page = 1 }).Url())}\">{n}</a></td>"
                    : "<td></td>");
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table></div></section>").ToString();
    }

    private static string List(ExploreQuery q, IReadOnlyList<ExploreEntry> entries)
    {
        var sb = new StringBuilder("<section id=\"list\"><h2>Responses</h2>");
        if (entries.Count == 0)
            return sb.Append("<p class=\"empty\">No approved response matches this view. " +
                             "<a href=\"/explore\">Show every response</a></p></section>").ToString();
        var pages = (entries.Count + PageSize - 1) / PageSize;
        var shown = entries.Skip((q.Page - 1) * PageSize).Take(PageSize).ToList();
        if (shown.Count == 0)
            return sb.Append($"<p class=\"empty\">This view has {pages} page{(pages == 1 ? "" : "s")}. " +
                             $"<a href=\"{Html.E((q with { Page = 1 }).Url())}\">Go to the first</a></p></section>").ToString();
        sb.Append("<ol class=\"responses\">");
        foreach (var e in shown) sb.Append(Item(q, e));
        sb.Append("</ol>");
        if (pages > 1)
        {
            sb.Append("<nav class=\"pages\" aria-label=\"pages\">");
            if (q.Page > 1) sb.Append($"<a rel=\"prev\" href=\"{Html.E((q with { Page = q.Page - 1 }).Url())}\">← Newer</a>");
            sb.Append($"<span>page {q.Page} of {Math.Min(pages, ExploreQuery.MaxPage)}</span>");
            if (q.Page < Math.Min(pages, ExploreQuery.MaxPage))
                sb.Append($"<a rel=\"next\" href=\"{Html.E((q with { Page = q.Page + 1 }).Url())}\">Older →</a>");
            sb.Append("</nav>");
        }
        return sb.Append("</section>").ToString();
    }

    private static string Item(ExploreQuery q, ExploreEntry e)
    {
        var r = e.Response;
        var sb = new StringBuilder($"<li class=\"response\" data-id=\"{r.Id}\">");
        sb.Append(CandidateHandlers.SafeUrl(r.Url) is { } url
            ? $"<a class=\"title\" href=\"{Html.E(url)}\" rel=\"noopener noreferrer nofollow\">{Html.E(r.Title)}</a>"
            : $"<span class=\"title\">{Html.E(r.Title)}</span>");
        sb.Append("<div class=\"meta\">");
        var day = e.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        sb.Append($"<span><time datetime=\"{day}\">{day}</time>{(e.DayOfAct ? "" : " (date of the page)")}</span>");
        sb.Append(r.Actor is { } actor
            ? $"<span><a class=\"actor\" href=\"{Html.E(ExploreQuery.ActorUrl(actor))}\">{Html.E(actor)}</a>" +
              $"{(r.ActorType is { } at ? $" ({Html.E(at)})" : "")}</span>"
            : "<span>actor unknown</span>");
        if (r.ResponseTypes.Count > 0)
            sb.Append("<span class=\"types\">" + string.Join(", ", r.ResponseTypes.Select(t =>
                $"<a href=\"{Html.E((q with { Type = t, Page = 1 }).Url())}\">{Html.E(Html.Words(t))}</a>")) + "</span>");
        var facts = r.Facts;
        if (facts.Binding is { } binding) sb.Append($"<span class=\"binding\">{(binding ? "binding" : "not binding")}</span>");
        if (facts.Lifecycle is { } lifecycle) sb.Append($"<span class=\"lifecycle\">{Html.E(Html.Words(lifecycle))}</span>");
        if (facts.Targets.Count > 0)
            sb.Append("<span class=\"targets\">targets: " + string.Join(", ", facts.Targets.Select(t => t.Name).Distinct().Select(t =>
                $"<a href=\"{Html.E((q with { Target = t, Page = 1 }).Url())}\">{Html.E(t)}</a>")) + "</span>");
        return sb.Append("</div></li>").ToString();
    }
}
