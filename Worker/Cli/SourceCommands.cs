using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Ingest.Fetching;
using Pipeline.Ingest.Parsing;
using Pipeline.Ingest.Sources;
using Pipeline.Store;
using Quartz;

namespace Pipeline.Worker.Cli;

/// <summary><c>sources status</c> and <c>sources check</c>: what the maintainer reads in the morning.</summary>
public static class SourceCommands
{
    public sealed record StatusRow(string Id, string Condition, int Failures, DateTimeOffset? LastSuccess, DateTimeOffset? NextCheck,
        int? LastItems, double? UsualItems, string? Problem, bool Enabled);

    /// <summary>One row per configured source, from the store's health columns (shared with the host's page).</summary>
    public static async Task<List<StatusRow>> StatusRowsAsync(PipelineOptions options, SourceStore store, TimeProvider clock, CancellationToken ct)
    {
        // Read only (a page and a status command change nothing): a configured source the store has not seen yet — it
        // joins at the next poll — shows as never checked.
        var states = (await store.ListAsync(ct)).ToDictionary(s => s.Id);
        var now = clock.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Schedule.TimeZone);
        return options.Sources.Select(s =>
        {
            var st = states.GetValueOrDefault(s.Id) ?? SourceState.NeverChecked(s.Id, s.Name, s.Url, s.Kind.ToString());
            var condition = SourceHealth.Condition(st.ConsecutiveFailures, st.LastErrorKind, st.NextCheck, st.Flagged, now, st.LastChecked);
            var problem = st.ConsecutiveFailures > 0 ? $"{st.LastErrorKind}: {st.LastError}" : st.Flagged
                          ?? (st.RedirectedTo is { } r ? $"permanently moved to {Fetcher.Redact(new Uri(r))}; update its Url" : null);
            return new StatusRow(s.Id, s.Enabled ? condition : "disabled", st.ConsecutiveFailures, st.LastSuccess,
                s.Enabled ? NextPoll(s.Schedule ?? options.Schedule.Default, zone, st.NextCheck, now) : null,
                st.LastItemCount, st.UsualItemCount, problem, s.Enabled);
        }).ToList();
    }

    /// <summary>
    /// When the host next polls the source: its next cron time, or for a source backing off after failures, the
    /// first cron time at or after the back-off ends (the scheduled poll before it is skipped).
    /// </summary>
    public static DateTimeOffset? NextPoll(string cron, TimeZoneInfo zone, DateTimeOffset? backOffUntil, DateTimeOffset now)
    {
        var after = backOffUntil is { } b && b > now ? b.AddSeconds(-1) : now;
        var trigger = TriggerBuilder.Create().WithCronSchedule(cron, c => c.InTimeZone(zone)).StartAt(after).Build();
        return trigger.GetFireTimeAfter(after);
    }

    public static async Task<int> StatusAsync(PipelineOptions options, IServiceProvider services, TextWriter stdout, CancellationToken ct)
    {
        var rows = await StatusRowsAsync(options, services.GetRequiredService<SourceStore>(), services.GetRequiredService<TimeProvider>(), ct);
        await stdout.WriteLineAsync($"{"source",-24} {"condition",-11} {"fails",5} {"last success",-16} {"next check",-16} {"items",9}  problem");
        foreach (var r in rows)
            await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-24} {1,-11} {2,5} {3,-16} {4,-16} {5,9}  {6}",
                r.Id.Length > 24 ? r.Id[..23] + "…" : r.Id, r.Condition, r.Failures, r.LastSuccess?.ToString("yyyy-MM-dd HH:mm") ?? "never",
                r.NextCheck?.ToString("yyyy-MM-dd HH:mm") ?? "-", r.LastItems is null ? "-" : $"{r.LastItems}/{r.UsualItems:0}", r.Problem ?? ""));
        var unwell = rows.Count(r => r.Condition is "failing" or "backing-off" or "gone" or "suspect");
        await stdout.WriteLineAsync($"{rows.Count} sources, {unwell} unwell");
        return 0;
    }

    /// <summary>Fetches each source once, fresh (no validators), and reports what came back; stores nothing.</summary>
    public static async Task<int> CheckAsync(IReadOnlyList<string> wanted, PipelineOptions options, IServiceProvider services, TextWriter stdout,
        CancellationToken ct)
    {
        var unknown = wanted.Where(id => options.Sources.All(s => !string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0) throw new UsageException($"unknown source id(s): {string.Join(", ", unknown)}");
        var selected = wanted.Count > 0 ? options.Sources.Where(s => wanted.Contains(s.Id, StringComparer.OrdinalIgnoreCase)).ToList() : options.Sources;
        var fetcher = services.GetRequiredService<Fetcher>();
        var lines = new string[selected.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, selected.Count), new ParallelOptions { MaxDegreeOfParallelism = options.Fetch.MaxParallelSources, CancellationToken = ct },
            async (i, token) =>
            {
                var s = selected[i];
                var r = await fetcher.FetchListingAsync(new Uri(s.Url), null, s.UserAgent, token);
                string parse;
                if (!r.IsOk) parse = $"FAILED {r.ErrorKind}: {r.Error}";
                else
                {
                    try
                    {
                        var listing = s.Kind == SourceKind.Html ? HtmlListingParser.Parse(r.Text, r.FinalUrl ?? new Uri(s.Url), s) : FeedParser.Parse(r.Text, r.FinalUrl ?? new Uri(s.Url));
                        parse = $"ok: {listing.Format}, {listing.Entries.Count} items" + (listing.Entries.Count == 0 ? " (none: check the URL or selectors)" : "");
                    }
                    catch (FeedParseException e) { parse = $"does not parse: {e.Message}"; }
                }
                var moved = r.FinalUrl is { } f && f != new Uri(s.Url) ? $" → {f}{(r.PermanentlyRedirected ? " (permanent)" : "")}" : "";
                lines[i] = $"{s.Id} [{s.UrlGrade ?? "?"}{(s.Enabled ? "" : ", disabled")}] {(int?)r.Status} {r.ContentType ?? "-"} {r.Body.Length:N0} bytes {r.Elapsed.TotalSeconds:0.0} s{moved}\n    {parse}";
            });
        foreach (var line in lines) await stdout.WriteLineAsync(line);
        return 0;
    }
}
