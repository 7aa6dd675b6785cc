using Microsoft.Extensions.Logging;
using Pipeline.Ingest.Sources;
using Pipeline.Store;

namespace Pipeline.Worker.Ingestion;

/// <summary>One pass over several sources, a few at a time; a failing source never stops the others.</summary>
public sealed class IngestPass(SourceRefresh refresh, SourceStore sources, FetchOptions options, ILogger<IngestPass> logger)
{
    public async Task<IReadOnlyList<SourceSummary>> RunAsync(IReadOnlyList<SourceDefinition> selected, Action<SourceSummary>? onSourceDone, CancellationToken ct)
    {
        await sources.SyncAsync(selected.Select(s => (s.Id, s.Name, s.Url, s.Kind.ToString())), ct);
        var results = new SourceSummary[selected.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, selected.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelSources, CancellationToken = ct },
            async (i, token) =>
            {
                results[i] = await refresh.RunAsync(selected[i], token);
                onSourceDone?.Invoke(results[i]);
            });
        logger.LogInformation("Pass over {Count} sources finished: {New} new, {Queued} queued, {Failed} failed",
            selected.Count, results.Sum(r => r.New), results.Sum(r => r.Queued), results.Count(r => r.Error is not null));
        return results;
    }
}
