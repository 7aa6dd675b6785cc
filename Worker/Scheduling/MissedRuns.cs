using Quartz;

namespace Pipeline.Worker.Scheduling;

/// <summary>
/// Decides whether a source missed its last scheduled poll (the machine was off at 02:15): true when the
/// most recent fire time of its cron, within the last <paramref name="lookBack"/>, is later than the
/// source's last check. Pure.
/// </summary>
public static class MissedRuns
{
    public static bool Missed(string cron, TimeZoneInfo zone, DateTimeOffset? lastChecked, DateTimeOffset now, TimeSpan lookBack)
    {
        var expression = CronExpression.Parse(cron).WithTimeZone(zone);
        DateTimeOffset? previous = null;
        var cursor = now - lookBack;
        for (int guard = 0; guard < 100_000; guard++)
        {
            var next = expression.GetNextValidTimeAfter(cursor);
            if (next is null || next > now) break;
            previous = next;
            cursor = next.Value;
        }
        if (previous is null) return false;
        return lastChecked is null || lastChecked < previous;
    }
}
