using Microsoft.Extensions.Options;
using Quartz;

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

/// <summary>Checks <see cref="ScheduleOptions"/> when the host starts (and before any command): one message per problem,
/// starting with its key.</summary>
public sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions o)
    {
        var errors = new List<string>();
        if (!IsCron(o.Default))
            errors.Add($"Pipeline:Schedule:Default '{o.Default}' is not a valid Quartz cron expression " +
                       "(e.g. \"0 15 2 * * ?\" = 02:15 every night)");
        try { TimeZoneInfo.FindSystemTimeZoneById(o.TimeZone); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            errors.Add($"Pipeline:Schedule:TimeZone '{o.TimeZone}' is not a known time zone");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>True when <paramref name="expression"/> is a Quartz cron expression.</summary>
    public static bool IsCron(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression)) return false;
        try { return CronExpression.TryParse(expression, out _); }
        catch (FormatException) { return false; }
    }
}
