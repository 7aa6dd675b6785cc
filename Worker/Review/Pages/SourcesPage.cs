using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Pipeline.Store;
using Pipeline.Worker.Cli;

namespace Pipeline.Worker.Review.Pages;

/// <summary>
/// Source health for maintainers: the same rows as <c>sources status</c> (condition, failures, last success, next
/// check, items last/usual, the last problem in plain words), as a page and as JSON.
/// </summary>
public static class SourcesPage
{
    public static async Task<ContentHttpResult> Render(ClaimsPrincipal user, PipelineOptions options, SourceStore store, TimeProvider clock, CancellationToken ct)
    {
        var rows = await SourceCommands.StatusRowsAsync(options, store, clock, ct);
        var sb = new StringBuilder();
        sb.Append(Html.Header(user.Identity?.Name, "/sources"));
        sb.Append("<main class=\"sources\"><h1>Sources</h1>");
        sb.Append($"<p>{rows.Count} sources, {rows.Count(r => r.Condition is "failing" or "backing-off" or "gone" or "suspect")} unwell. ");
        sb.Append("Fetch each one now with <code>dotnet run --project Worker -- sources check</code>.</p>");
        sb.Append("<table><thead><tr><th>source</th><th>condition</th><th>failures</th><th>last success</th><th>next check</th><th>items (last/usual)</th><th>problem</th></tr></thead><tbody>");
        foreach (var r in rows)
            sb.Append($"<tr class=\"{Html.E(r.Condition)}\"><td>{Html.E(r.Id)}</td><td>{Html.E(r.Condition)}</td><td>{r.Failures}</td>" +
                      $"<td>{Html.E(r.LastSuccess?.ToString("yyyy-MM-dd HH:mm") ?? "never")}</td><td>{Html.E(r.NextCheck?.ToString("yyyy-MM-dd HH:mm") ?? "")}</td>" +
                      $"<td>{(r.LastItems is null ? "" : $"{r.LastItems}/{r.UsualItems:0}")}</td><td>{Html.E(r.Problem)}</td></tr>");
        sb.Append("</tbody></table></main>");
        return TypedResults.Content(Html.Layout("Sources", sb.ToString(), extraScript: Html.SignOutScript), "text/html; charset=utf-8");
    }

    public static async Task<Ok<List<SourceCommands.StatusRow>>> Json(PipelineOptions options, SourceStore store, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await SourceCommands.StatusRowsAsync(options, store, clock, ct));
}
