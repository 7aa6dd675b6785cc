using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Pipeline.Bench.Infrastructure;

/// <summary>What a child process did: exit code, output, wall time, and what /proc said while it ran.</summary>
public sealed record ChildRun(int ExitCode, string Stdout, string Stderr, TimeSpan Wall, long PeakRssBytes, long LastRssBytes, TimeSpan CpuTime,
    List<(double Seconds, long RssBytes)> RssCurve);

/// <summary>Reads /proc (Linux) for memory and CPU figures, and runs child processes while sampling them.</summary>
public static class Proc
{
    /// <summary>VmHWM (peak resident set) and VmRSS of a process from /proc/&lt;pid&gt;/status, in bytes; null when unreadable.</summary>
    public static (long Hwm, long Rss)? Memory(int pid)
    {
        try
        {
            long hwm = 0, rss = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kb(line);
                else if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kb(line);
            }
            return (hwm, rss);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>User + system CPU time of a process from /proc/&lt;pid&gt;/stat.</summary>
    public static TimeSpan? CpuTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state); utime is field 14, stime field 15.
            long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException) { return null; }
    }

    public static long SelfPeakRss() => Memory(Environment.ProcessId)?.Hwm ?? Process.GetCurrentProcess().PeakWorkingSet64;

    private static long Kb(string line)
    {
        var digits = new string(line.Where(char.IsAsciiDigit).ToArray());
        return long.Parse(digits, CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// Runs a child process and samples its /proc status every <paramref name="sampleMs"/> ms: VmHWM (kernel-kept peak
    /// RSS, so only growth in the last sampling interval could be missed), VmRSS curve, CPU time.
    /// </summary>
    public static async Task<ChildRun> RunAsync(string fileName, IEnumerable<string> args, string workingDirectory,
        IDictionary<string, string>? environment = null, int sampleMs = 50, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (environment is not null) foreach (var (k, v) in environment) psi.Environment[k] = v;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0, last = 0;
        TimeSpan cpu = TimeSpan.Zero;
        var curve = new List<(double, long)>();
        var deadline = timeout ?? TimeSpan.FromMinutes(30);
        while (!process.HasExited)
        {
            if (Memory(process.Id) is { } m)
            {
                peak = Math.Max(peak, m.Hwm);
                if (m.Rss > 0) last = m.Rss;
                if (m.Rss > 0 && (curve.Count == 0 || clock.Elapsed.TotalSeconds - curve[^1].Item1 >= 0.5)) curve.Add((clock.Elapsed.TotalSeconds, m.Rss));
            }
            if (CpuTime(process.Id) is { } c && c > cpu) cpu = c;
            if (clock.Elapsed > deadline)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} {string.Join(' ', args)} ran longer than {deadline}");
            }
            await Task.Delay(sampleMs);
        }
        await process.WaitForExitAsync();
        clock.Stop();
        return new ChildRun(process.ExitCode, await stdout, await stderr, clock.Elapsed, peak, last, cpu, curve);
    }
}
