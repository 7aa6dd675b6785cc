using System.Runtime;
using System.Runtime.InteropServices;

namespace Pipeline.Bench.Infrastructure;

/// <summary>The machine a figure was measured on (from /proc/cpuinfo and /proc/meminfo).</summary>
public static class Machine
{
    public static string Cpu()
    {
        try
        {
            var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return model is null ? RuntimeInformation.ProcessArchitecture.ToString() : model[(model.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { return RuntimeInformation.ProcessArchitecture.ToString(); }
    }

    public static string Memory()
    {
        try
        {
            var total = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            var kb = long.Parse(new string(total.Where(char.IsAsciiDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
            return BenchRun.Inv($"{kb / 1024.0 / 1024.0:0.0} GiB");
        }
        catch (Exception e) when (e is IOException or InvalidOperationException) { return "unknown"; }
    }

    public static string Describe() =>
        $"{Environment.ProcessorCount} cores ({Cpu()}), {Memory()} RAM, {RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}, " +
        $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC in the benchmark process";
}
