namespace Pipeline.Worker.Scheduling;

/// <summary>When sources are polled: <c>Pipeline:Schedule</c>.</summary>
public sealed class ScheduleOptions
{
    public const string Section = "Pipeline:Schedule";

    /// <summary>Default Quartz cron for sources without their own: every night at 02:15.</summary>
    public string Default { get; set; } = "0 15 2 * * ?";
    /// <summary>Time zone id for cron triggers (default UTC).</summary>
    public string TimeZone { get; set; } = "UTC";
    /// <summary>With PostgreSQL: how often each worker checks in with the cluster, in seconds (default 15); a worker silent
    /// for twice this is presumed dead.</summary>
    public double ClusterCheckinSeconds { get; set; } = 15;
}
