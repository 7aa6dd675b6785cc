using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Store;
using Quartz;

namespace Pipeline.Worker.Scheduling;

public static class SchedulingSetup
{
    /// <summary>One job and one cron trigger per enabled source; a missed fire runs once, as soon as possible.</summary>
    public static IServiceCollection AddSourceSchedule(this IServiceCollection services, PipelineOptions options)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Schedule.TimeZone);
        services.AddTransient<SourcePollJob>();
        services.AddTransient<RetrainJob>();
        services.AddQuartz(q =>
        {
            if (options.Storage.IsPostgres)
            {
                // Several workers share one schedule: Quartz's clustered ADO.NET job store on the same PostgreSQL.
                // Each trigger fires on exactly one node; a node that stops checking in has its jobs recovered by another.
                // Every node needs its own instance id: the cluster tells nodes apart by it. ("AUTO" set through these
                // options reached the job store literally, so two workers shared one id and each "recovered" the
                // other's triggers while it ran them. The id is now made here: host, process, start time.)
                q.ConfigureScheduler(o =>
                {
                    o.InstanceName = "pipeline";
                    o.InstanceId = NodeId();
                    // How long an idle node sleeps before looking for due triggers again (Quartz's default is 30 s).
                    o.IdleWaitTime = TimeSpan.FromSeconds(Math.Min(30, options.Schedule.ClusterCheckinSeconds));
                });
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(options.Storage.ConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(options.Schedule.ClusterCheckinSeconds);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(options.Schedule.ClusterCheckinSeconds * 2);
                    });
                    store.ProvisionSchema(); // creates the qrtz_ tables if absent
                });
            }
            foreach (var source in options.Sources.Where(s => s.Enabled))
            {
                var key = SourcePollJob.KeyFor(source.Id);
                q.AddJob<SourcePollJob>(j => j.WithIdentity(key).UsingJobData(SourcePollJob.SourceIdKey, source.Id).StoreDurably().RequestRecovery());
                q.AddTrigger(t => t.ForJob(key).WithIdentity($"{key.Name}-cron", "sources")
                    .WithCronSchedule(source.Schedule ?? options.Schedule.Default, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }
            if (!string.IsNullOrWhiteSpace(options.Classify.RetrainSchedule))
            {
                q.AddJob<RetrainJob>(j => j.WithIdentity(RetrainJob.Key).StoreDurably());
                q.AddTrigger(t => t.ForJob(RetrainJob.Key).WithIdentity("retrain-cron", "models")
                    .WithCronSchedule(options.Classify.RetrainSchedule, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            }
        });
        // Not Quartz's hosted service: the schedule starts when the classifier is ready (PollingStart).
        services.AddSingleton<PollingStart>();
        services.AddHostedService(sp => sp.GetRequiredService<PollingStart>());
        // The persistent store remembers misfires across restarts (FireAndProceed); only the in-memory store needs help.
        if (!options.Storage.IsPostgres) services.AddHostedService<MissedRunTrigger>();
        return services;
    }

    /// <summary>This node's Quartz instance id: unique per process, readable in qrtz_scheduler_state.</summary>
    public static string NodeId() => $"{Environment.MachineName}-{Environment.ProcessId}-{DateTime.UtcNow:yyyyMMddHHmmss}";
}

/// <summary>
/// At start-up, fires once the poll of every source whose last scheduled time passed while the program was
/// not running (an in-memory job store forgets misfires across restarts, so the store's last-check times decide).
/// </summary>
public sealed class MissedRunTrigger(ISchedulerFactory schedulers, PollingStart polling, PipelineOptions options, SourceStore sources, TimeProvider clock, ILogger<MissedRunTrigger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        await polling.Started.WaitAsync(ct); // after the classifier is ready, like every poll
        var scheduler = await schedulers.GetScheduler(ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Schedule.TimeZone);
        await sources.SyncAsync(options.Sources.Select(s => (s.Id, s.Name, s.Url, s.Kind.ToString())), ct);
        var states = (await sources.ListAsync(ct)).ToDictionary(s => s.Id);
        var now = clock.GetUtcNow();
        foreach (var source in options.Sources.Where(s => s.Enabled))
        {
            var last = states.GetValueOrDefault(source.Id)?.LastChecked;
            if (MissedRuns.Missed(source.Schedule ?? options.Schedule.Default, zone, last, now, TimeSpan.FromDays(2)))
            {
                logger.LogInformation("Source {SourceId} missed its scheduled poll (last checked {Last}); running it now", source.Id, last?.ToString("u") ?? "never");
                await scheduler.TriggerJob(SourcePollJob.KeyFor(source.Id), ct);
            }
        }
    }
}
