using Microsoft.Extensions.Logging;
using Pipeline.Ingest.Fetching;
using Pipeline.Ingest.Sources;
using Pipeline.Store;

namespace Pipeline.Worker.Ingestion;

/// <summary>One pass over several sources, a few at a time; a failing source never stops the others.</summary>
public sealed class IngestPass(SourceRefresh refresh, SourceStore sources, FetchOptions options, TimeProvider clock, ILogger<IngestPass> logger)
{
    /// <summary>
    /// Runs the sources a few at a time under the pass deadline. Sources backing off after failures are skipped
    /// unless <paramref name="force"/> (a maintainer naming them on the command line).
    /// </summary>
    public async Task<IReadOnlyList<SourceSummary>> RunAsync(IReadOnlyList<SourceDefinition> selected, Action<SourceSummary>? onSourceDone, CancellationToken ct, bool force = false)
    {
        await sources.SyncAsync(selected.Select(s => (s.Id, s.Name, s.Url, s.Kind.ToString())), ct);
        var states = (await sources.ListAsync(ct)).ToDictionary(s => s.Id);
        var now = clock.GetUtcNow();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(options.PassDeadlineSeconds));
        var results = new SourceSummary[selected.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, selected.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelSources, CancellationToken = ct },
            async (i, token) =>
            {
                var source = selected[i];
                var state = states.GetValueOrDefault(source.Id);
                if (!force && state?.NextCheck is { } next && next > now)
                    results[i] = new SourceSummary(source.Id) { Skipped = $"backing off until {next:yyyy-MM-dd HH:mm} UTC after {state.ConsecutiveFailures} failure(s): {state.LastError}" };
                else if (deadline.IsCancellationRequested)
                    results[i] = new SourceSummary(source.Id) { Error = "not started: the pass deadline was reached" };
                else
                    results[i] = await refresh.RunAsync(source, token, deadline.Token);
                onSourceDone?.Invoke(results[i]);
            });
        logger.LogInformation("Pass over {Count} sources finished: {New} new, {Queued} queued, {Failed} failed, {Skipped} backing off",
            selected.Count, results.Sum(r => r.New), results.Sum(r => r.Queued), results.Count(r => r.Error is not null), results.Count(r => r.Skipped is not null));
        return results;
    }
}
