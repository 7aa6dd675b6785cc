using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Pipeline.Bench.Infrastructure;

/// <summary>
/// CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>) and of the process.
/// CPU time is what the benchmarks compare when the machine is shared: wall time grows with other people's load,
/// CPU time much less.
/// </summary>
public static class Cpu
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec ts);

    private const int ClockThreadCpuTime = 3;
    private static readonly bool Available = OperatingSystem.IsLinux() && Probe();

    private static bool Probe()
    {
        try { return ClockGetTime(ClockThreadCpuTime, out _) == 0; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }

    /// <summary>CPU time of this thread so far (falls back to the process's CPU time off Linux).</summary>
    public static TimeSpan Thread()
    {
        if (Available && ClockGetTime(ClockThreadCpuTime, out var ts) == 0)
            return TimeSpan.FromTicks(ts.Seconds * TimeSpan.TicksPerSecond + ts.Nanoseconds / 100);
        return System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    }

    public static TimeSpan Process() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>Busy and total CPU time of the whole machine so far, in clock ticks (first line of /proc/stat); null when unreadable.</summary>
    public static (long Busy, long Total)? Machine()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            long total = fields.Take(8).Sum(); // user nice system idle iowait irq softirq steal (guest time is inside user)
            return (total - fields[3] - fields[4], total);
        }
        catch (Exception e) when (e is IOException or FormatException or InvalidOperationException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>The 1-minute load average (other work on the machine), or NaN.</summary>
    public static double LoadAverage()
    {
        try { return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture); }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException) { return double.NaN; }
    }
}
