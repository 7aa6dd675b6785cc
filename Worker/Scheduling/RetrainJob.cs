using Microsoft.Extensions.Logging;
using Pipeline.Worker.Classification;
using Quartz;

namespace Pipeline.Worker.Scheduling;

/// <summary>The scheduled <c>train --promote</c> (off unless <c>Pipeline:Classify:RetrainSchedule</c> is set).</summary>
[DisallowConcurrentExecution]
public sealed class RetrainJob(ClassifierProvider classifiers, ILogger<RetrainJob> logger) : IJob
{
    public static readonly JobKey Key = new("retrain", "models");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await classifiers.TrainAsync([], promote: true, msg => logger.LogInformation("{Message}", msg), cancellationToken);
            if (outcome.Promoted) logger.LogInformation("Retraining promoted {Version}", outcome.Version);
            else logger.LogInformation("Retraining registered {Version} but did not promote it: {Reason}", outcome.Version, outcome.RefusedBecause);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError("Scheduled retraining failed: {Error}", e.Message);
        }
    }
}
