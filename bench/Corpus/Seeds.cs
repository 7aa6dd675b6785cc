namespace Pipeline.Bench.Corpus;

/// <summary>Stable seeds (HashCode.Combine is randomised per process, so it cannot make a corpus reproducible).</summary>
internal static class Seeds
{
    public static int Mix(params int[] parts)
    {
        ulong h = 0x9E3779B97F4A7C15UL;
        foreach (var p in parts)
        {
            h ^= (uint)p;
            h *= 0xBF58476D1CE4E5B9UL;
            h ^= h >> 31;
        }
        return (int)(h & 0x7FFFFFFF);
    }
}
