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

    /// <summary>The 1-minute load average (other work on the machine), or NaN.</summary>
    public static double LoadAverage()
    {
        try { return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture); }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException) { return double.NaN; }
    }
}
