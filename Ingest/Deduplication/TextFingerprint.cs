using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Ingest.Deduplication;

/// <summary>
/// Content identity of a statement: an exact hash of the normalised text (case, punctuation and whitespace
/// ignored) and a 64-bit SimHash over word 3-shingles, so that the same statement republished with other
/// boilerplate or small edits is found as a near-duplicate. Pure.
/// </summary>
public static class TextFingerprint
{
    /// <summary>Hamming distance at or below which two SimHashes are the same statement.</summary>
    public const int NearDuplicateDistance = 5;
    /// <summary>Texts shorter than this many words are only matched exactly (short texts collide too easily).</summary>
    public const int MinWordsForNearDuplicate = 40;

    public static string[] Words(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormKC))
            sb.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        return sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    public static string ContentHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(' ', Words(text)))));

    public static long SimHash(string text)
    {
        var words = Words(text);
        if (words.Length == 0) return 0;
        Span<int> weights = stackalloc int[64];
        for (int i = 0; i < Math.Max(1, words.Length - 2); i++)
        {
            var shingle = string.Join(' ', words.AsSpan(i, Math.Min(3, words.Length - i)).ToArray());
            ulong h = Fnv1a64(shingle);
            for (int b = 0; b < 64; b++) weights[b] += ((h >> b) & 1) == 1 ? 1 : -1;
        }
        ulong result = 0;
        for (int b = 0; b < 64; b++) if (weights[b] > 0) result |= 1UL << b;
        return unchecked((long)result);
    }

    public static int Distance(long a, long b) => System.Numerics.BitOperations.PopCount(unchecked((ulong)(a ^ b)));

    private static ulong Fnv1a64(string s)
    {
        ulong h = 14695981039346656037UL;
        foreach (var ch in s) { h ^= ch; h *= 1099511628211UL; }
        // Final avalanche so neighbouring shingles do not share low bits.
        h ^= h >> 33; h *= 0xff51afd7ed558ccdUL; h ^= h >> 33;
        return h;
    }
}
