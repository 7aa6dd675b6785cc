using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Worker.Classification;
using Quartz;

namespace Pipeline.Worker.Scheduling;

/// <summary>
/// Starts the Quartz schedule once the classifier is ready. The host listens at once (health, review page, the
/// published dataset) while the model loads or, on the very first start, trains (minutes); polling would only wait
/// for the model, so the scheduler is started after it (in place of Quartz's own hosted service, which starts at
/// once). <see cref="Started"/> completes when polling has begun.
/// </summary>
public sealed class PollingStart(ClassifierProvider classifiers, ISchedulerFactory schedulers, ILogger<PollingStart> logger) : BackgroundService
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IScheduler? _scheduler;

    public Task Started => _started.Task;

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        await Task.Yield(); // the host goes on starting (Kestrel listens) while this runs
        try
        {
            await classifiers.GetAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            // /health reports it (unhealthy); nothing is polled without a model.
            logger.LogError("The classifier could not be loaded or trained, so no source is polled: {Error}", e.Message);
            return;
        }
        _scheduler = await schedulers.GetScheduler(ct);
        await _scheduler.Start(ct);
        logger.LogInformation("Classifier ready ({Status}); the schedule of every enabled source has started", classifiers.Status.Message);
        _started.TrySetResult();
    }

    public override async Task StopAsync(CancellationToken ct)
    {
        await base.StopAsync(ct);
        if (_scheduler is not null) await _scheduler.Shutdown(waitForJobsToComplete: false, ct);
    }
}
