using Microsoft.Extensions.Logging;
using Pipeline.Worker.Ingestion;
using Quartz;

namespace Pipeline.Worker.Scheduling;

/// <summary>
/// Thin Quartz adapter: one job per source, never two at once for the same source, catches everything and
/// calls the orchestrator. The work is idempotent (unique keys), so a rerun after a crash duplicates nothing.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SourcePollJob(PipelineOptions options, SourceRefresh refresh, Pipeline.Store.SourceStore sources, TimeProvider clock, ILogger<SourcePollJob> logger) : IJob
{
    public const string SourceIdKey = "sourceId";

    public static JobKey KeyFor(string sourceId) => new($"poll-{sourceId}", "sources");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var id = context.MergedJobDataMap.GetString(SourceIdKey);
        var source = options.Sources.FirstOrDefault(s => s.Id == id);
        if (source is null)
        {
            logger.LogWarning("Scheduled poll for unknown source {SourceId} skipped (removed from the configuration?)", id);
            return;
        }
        // A source backing off after failures waits for its next check time (weighted, jittered, capped at a day).
        if ((await sources.GetAsync(source.Id, cancellationToken))?.NextCheck is { } next && next > clock.GetUtcNow())
        {
            logger.LogInformation("Scheduled poll of {SourceId} skipped: backing off until {Next:u}", source.Id, next);
            return;
        }
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(options.Fetch.PassDeadlineSeconds));
            var summary = await refresh.RunAsync(source, cancellationToken, deadline.Token);
            // A failed source was logged by SourceRefresh, where it failed (once, with its kind): not again here.
            if (summary.Error is null) logger.LogInformation("Scheduled poll: {Summary}", summary.ToString());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Scheduled poll of {SourceId} abandoned at shutdown; the next run resumes it", source.Id);
        }
        catch (Exception e)
        {
            logger.LogError("Scheduled poll of {SourceId} failed: {Error}", source.Id, e.Message);
        }
    }
}
