using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Pipeline.Classify;
using Pipeline.Ingest.Sources;
using Pipeline.Store;
using Pipeline.Worker.Review.Pages;

namespace Pipeline.Worker.Review.Dataset;

/// <summary>A stacked bar chart: one bar per month, one coloured segment per series.</summary>
public sealed record MonthlyChart(string Title, IReadOnlyList<string> Months, IReadOnlyList<(string Series, int[] Counts)> Series);

/// <summary>
/// The public statistics page: approved responses per month by primary type and by actor, drawn as SVG on the
/// server (no script, no CDN: it works offline and under the strict Content-Security-Policy), each chart with
/// its table of numbers.
/// </summary>
public static class StatisticsPage
{
    public const int MaxMonths = 36;
    public const int TopActors = 8;

    /// <summary>Colour-blind-safe palette (Okabe–Ito, then greys).</summary>
    private static readonly string[] Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000", "#999999", "#666666"];

    public static async Task<ContentHttpResult> Render(ClaimsPrincipal user, ReviewStore store, PipelineOptions options, CancellationToken ct)
    {
        var counts = await store.MonthlyCountsAsync(ct);
        var total = counts.Sum(c => c.Count);
        var (byType, byActor) = Charts(counts);
        var body = new StringBuilder(Html.Header(user.Identity?.IsAuthenticated == true ? user.Identity.Name : null, "/stats"));
        body.Append("<main class=\"stats\"><h1>Responses per month</h1>");
        body.Append($"<p class=\"lead\">{total} approved response{(total == 1 ? "" : "s")} " +
                    "(a statement published in several places counts once). Download the data: " +
                    "<a href=\"/responses.json\">JSON</a>, <a href=\"/responses.csv\">CSV</a>, <a href=\"/responses.atom\">Atom</a>. " +
                    "<a href=\"/explore\">Explore the responses</a> by actor, type, target and date.</p>");
        if (total == 0)
            body.Append("<p class=\"empty\">No response has been approved yet: the charts appear after the first review.</p>");
        else
        {
            var drawn = byType.Series.Sum(x => x.Counts.Sum());
            if (drawn < total)
                body.Append($"<p class=\"note\">The charts show the last {MaxMonths} months, from {byType.Months[0]}: {total - drawn} earlier " +
                            $"response{(total - drawn == 1 ? " is" : "s are")} in the data but not drawn.</p>");
            body.Append(Figure("by-type", byType));
            body.Append(Figure("by-actor", byActor));
        }
        body.Append("</main>");
        return TypedResults.Content(Html.Layout("Statistics", body.ToString(), extraScript: user.Identity?.IsAuthenticated == true ? Html.SignOutScript : null), "text/html; charset=utf-8");
    }

    /// <summary>Counts per month (by date of the response, else of the fetch) by primary type and by actor (top actors, the rest as "others").</summary>
    public static (MonthlyChart ByType, MonthlyChart ByActor) Charts(IReadOnlyList<MonthlyCount> counts)
    {
        var months = new List<string>();
        if (counts.Count > 0)
        {
            var first = DateTime.ParseExact(counts.Select(c => c.Month).Min(StringComparer.Ordinal)!, "yyyy-MM", CultureInfo.InvariantCulture);
            var last = DateTime.ParseExact(counts.Select(c => c.Month).Max(StringComparer.Ordinal)!, "yyyy-MM", CultureInfo.InvariantCulture);
            if ((last.Year - first.Year) * 12 + last.Month - first.Month >= MaxMonths) first = last.AddMonths(1 - MaxMonths);
            for (var m = first; m <= last; m = m.AddMonths(1)) months.Add(m.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }
        var index = months.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i);

        int[] Sum(Func<MonthlyCount, bool> match)
        {
            var sums = new int[months.Count];
            foreach (var c in counts) if (index.TryGetValue(c.Month, out var i) && match(c)) sums[i] += c.Count;
            return sums;
        }
        // Series are named as the review page names the types ("targeted sanctions", not the id targeted_sanctions); a
        // response approved without a type is drawn as "no type", so that each bar adds up to the month's responses.
        var types = Taxonomy.ResponseTypes.Select(t => (Html.Words(t), Sum(c => c.PrimaryType == t))).Where(s => s.Item2.Sum() > 0).ToList();
        var untyped = Sum(c => !Taxonomy.ResponseTypes.Contains(c.PrimaryType));
        if (untyped.Sum() > 0) types.Add(("no type", untyped));
        // The top actors of the months drawn: an actor whose responses all fall before them has nothing to show.
        var top = counts.Where(c => index.ContainsKey(c.Month)).GroupBy(c => c.Actor)
            .OrderByDescending(g => g.Sum(c => c.Count)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(TopActors).Select(g => g.Key).ToList();
        var actors = top.Select(a => (a, Sum(c => c.Actor == a))).ToList();
        var others = Sum(c => !top.Contains(c.Actor));
        if (others.Sum() > 0) actors.Add(("others", others));
        return (new MonthlyChart("By type of response (primary type)", months, types), new MonthlyChart("By actor", months, actors));
    }

    private static string Figure(string id, MonthlyChart chart)
    {
        var sb = new StringBuilder($"<figure id=\"{id}\" class=\"chart\"><figcaption>{Html.E(chart.Title)}</figcaption>");
        sb.Append(Svg(chart));
        sb.Append("<ul class=\"legend\">");
        for (int s = 0; s < chart.Series.Count; s++)
            sb.Append($"<li><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"{Palette[s % Palette.Length]}\"/></svg> " +
                      $"{Html.E(chart.Series[s].Series)} ({chart.Series[s].Counts.Sum()})</li>");
        sb.Append("</ul><details><summary>Numbers</summary><table><thead><tr><th>month</th>");
        foreach (var (series, _) in chart.Series) sb.Append($"<th>{Html.E(series)}</th>");
        sb.Append("</tr></thead><tbody>");
        for (int m = 0; m < chart.Months.Count; m++)
        {
            sb.Append($"<tr><th>{chart.Months[m]}</th>");
            foreach (var (_, counts) in chart.Series) sb.Append($"<td>{counts[m]}</td>");
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table></details></figure>").ToString();
    }

    /// <summary>The chart as SVG markup; every label is encoded, colours are presentation attributes (no inline CSS).</summary>
    public static string Svg(MonthlyChart chart)
    {
        // At least 960 units wide (the page scales it to the column), bars as wide as the months allow.
        const int height = 380, top = 16, bottom = 40, left = 40, right = 12, minWidth = 960;
        int barWidth = Math.Clamp((minWidth - left - right) / Math.Max(1, chart.Months.Count) * 3 / 4, 14, 96), gap = Math.Max(4, barWidth / 3);
        int width = Math.Max(minWidth, left + right + chart.Months.Count * (barWidth + gap));
        var totals = Enumerable.Range(0, chart.Months.Count).Select(m => chart.Series.Sum(s => s.Counts[m])).ToArray();
        int max = Math.Max(1, totals.DefaultIfEmpty(0).Max());
        int step = max <= 5 ? 1 : max <= 10 ? 2 : (int)Math.Ceiling(max / 5.0);
        int scaleMax = (int)Math.Ceiling(max / (double)step) * step;
        double plot = height - top - bottom;
        double Y(double v) => top + plot - v / scaleMax * plot;
        string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

        var sb = new StringBuilder($"<svg class=\"bars\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" aria-label=\"{Html.E(chart.Title)}\">");
        for (int v = 0; v <= scaleMax; v += step)
            sb.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(Y(v))}\" y2=\"{F(Y(v))}\" stroke=\"#ddd\"/>" +
                      $"<text x=\"{left - 6}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\" font-size=\"11\" fill=\"#444\">{v}</text>");
        for (int m = 0; m < chart.Months.Count; m++)
        {
            double x = left + (width - left - right - chart.Months.Count * (barWidth + gap)) / 2.0 + gap / 2.0 + m * (barWidth + gap), base_ = 0;
            for (int s = 0; s < chart.Series.Count; s++)
            {
                var n = chart.Series[s].Counts[m];
                if (n == 0) continue;
                sb.Append($"<rect x=\"{F(x)}\" y=\"{F(Y(base_ + n))}\" width=\"{barWidth}\" height=\"{F(Y(base_) - Y(base_ + n))}\" fill=\"{Palette[s % Palette.Length]}\">" +
                          $"<title>{chart.Months[m]}: {Html.E(chart.Series[s].Series)} {n}</title></rect>");
                base_ += n;
            }
            if (chart.Months.Count <= 12 || m % Math.Max(1, chart.Months.Count / 12) == 0)
                sb.Append($"<text x=\"{F(x + barWidth / 2.0)}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#444\">{chart.Months[m]}</text>");
        }
        return sb.Append("</svg>").ToString();
    }
}
