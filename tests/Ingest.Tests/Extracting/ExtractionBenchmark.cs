using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Pipeline.Ingest.Tests.Extracting;

/// <summary>
/// Scorer and loaders for the Zyte/Scrapinghub article-extraction benchmark
/// (<c>../shared/benchmarks/article-extraction</c> next to the repository root). Implements the metric of
/// the benchmark's <c>evaluate.py</c> as described in <c>RESULTS-PUBLISHED.md</c>: Python-compatible <c>\w+</c>
/// tokens, 4-token shingles compared as multisets, per-page TP/FP/FN normalised to sum 1, corpus precision and
/// recall as means over eligible pages, F1 of those means, accuracy = exactly equal token lists.
/// Depends only on the BCL so a benchmark program can link this file as is. The data are read in place and
/// never copied into the repository.
/// </summary>
public static class ExtractionBenchmark
{
    public const int ShingleSize = 4;

    /// <summary>One benchmark page: id, original URL, expected article body.</summary>
    public sealed record Page(string Id, Uri Url, string ArticleBody);

    /// <summary>Corpus figures. <paramref name="Pages"/> = number of ground-truth pages scored.</summary>
    public readonly record struct Result(double F1, double Precision, double Recall, double Accuracy, int Pages);

    /// <summary>Per-page figures (TP/FP/FN already normalised to sum 1 when their sum is above 0).</summary>
    public readonly record struct PageScore(string Id, double Tp, double Fp, double Fn, double Precision, double Recall, bool Exact)
    {
        public double F1 => Precision + Recall > 0 ? 2 * Precision * Recall / (Precision + Recall) : 0;
    }

    // ---------------------------------------------------------------- location & loading

    /// <summary>
    /// The benchmark folder: walks up from <see cref="AppContext.BaseDirectory"/> to the directory holding
    /// <c>Pipeline.sln</c> (the repository root), then <c>../shared/benchmarks/article-extraction</c>.
    /// Returns null when either is missing.
    /// </summary>
    public static string? TryLocate(string? startDirectory = null)
    {
        for (var dir = new DirectoryInfo(startDirectory ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) continue;
            var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "benchmarks", "article-extraction"));
            return File.Exists(Path.Combine(folder, "ground-truth.json")) ? folder : null;
        }
        return null;
    }

    /// <summary>Like <see cref="TryLocate"/> but throws when the benchmark cannot be found.</summary>
    public static string Locate(string? startDirectory = null) =>
        TryLocate(startDirectory) ?? throw new DirectoryNotFoundException(
            "Article-extraction benchmark not found: expected ../shared/benchmarks/article-extraction/ground-truth.json " +
            "relative to the directory containing Pipeline.sln (searched upwards from " + (startDirectory ?? AppContext.BaseDirectory) + ").");

    /// <summary>Ground truth: id → page (URL + articleBody), in file order.</summary>
    public static IReadOnlyList<Page> LoadPages(string? folder = null)
    {
        folder ??= Locate();
        using var stream = File.OpenRead(Path.Combine(folder, "ground-truth.json"));
        using var doc = JsonDocument.Parse(stream);
        var pages = new List<Page>();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            var body = p.Value.TryGetProperty("articleBody", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString()! : "";
            var url = p.Value.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : "";
            pages.Add(new Page(p.Name, new Uri(url, UriKind.Absolute), body));
        }
        return pages;
    }

    /// <summary>Ground truth as id → articleBody.</summary>
    public static IReadOnlyDictionary<string, string> LoadTruth(string? folder = null) =>
        LoadPages(folder).ToDictionary(p => p.Id, p => p.ArticleBody, StringComparer.Ordinal);

    /// <summary>The decompressed (UTF-8) HTML of page <paramref name="id"/>.</summary>
    public static string LoadHtml(string id, string? folder = null)
    {
        folder ??= Locate();
        using var file = File.OpenRead(Path.Combine(folder, "html", id + ".html.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Names of the prediction files in <c>output/</c> (without <c>.json</c>), sorted.</summary>
    public static IReadOnlyList<string> OutputNames(string? folder = null)
    {
        folder ??= Locate();
        var dir = Path.Combine(folder, "output");
        return Directory.Exists(dir)
            ? Directory.GetFiles(dir, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>
    /// Predictions of another extractor, <c>output/&lt;name&gt;.json</c>: either a plain id → {"articleBody"} object
    /// or one wrapped as {"version": ..., "output": {...}}. A null or missing articleBody reads as "".
    /// </summary>
    public static IReadOnlyDictionary<string, string> LoadOutput(string name, string? folder = null)
    {
        folder ??= Locate();
        var path = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || Path.IsPathRooted(name)
            ? Path.Combine(folder, "output", name)
            : Path.Combine(folder, "output", name + ".json");
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("output", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object)
            root = wrapped;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in root.EnumerateObject())
        {
            result[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.Object when p.Value.TryGetProperty("articleBody", out var b) && b.ValueKind == JsonValueKind.String => b.GetString()!,
                JsonValueKind.String => p.Value.GetString()!,
                _ => "",
            };
        }
        return result;
    }

    // ---------------------------------------------------------------- metric

    /// <summary>
    /// Python <c>re</c> <c>\w</c> for str patterns: letters (Lu, Ll, Lt, Lm, Lo), numbers (Nd, Nl, No) and '_'.
    /// Works on code points, so supplementary-plane letters count and lone surrogates do not.
    /// </summary>
    public static bool IsWordChar(Rune r)
    {
        if (r.Value == '_') return true;
        switch (Rune.GetUnicodeCategory(r))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
                return true;
            default:
                return false;
        }
    }

    /// <summary>Every maximal run of word characters, case kept (Python <c>re.findall(r"\w+", text)</c>).</summary>
    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text)) return tokens;
        int start = -1, i = 0;
        while (i < text.Length)
        {
            // Rune.DecodeFromUtf16 turns a lone surrogate into U+FFFD (So, not a word character), as Python would
            // treat an unpaired surrogate code point (Cs): it ends the token.
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            if (IsWordChar(rune))
            {
                if (start < 0) start = i;
            }
            else if (start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }
            i += consumed;
        }
        if (start >= 0) tokens.Add(text[start..]);
        return tokens;
    }

    /// <summary>
    /// Overlapping <see cref="ShingleSize"/>-token shingles as a multiset (shingle → count). 1–3 tokens give a
    /// single shingle of all of them; no tokens give none. A shingle is keyed by its tokens joined with U+0000,
    /// which can never occur inside a token.
    /// </summary>
    public static Dictionary<string, int> Shingles(IReadOnlyList<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0) return counts;
        if (tokens.Count < ShingleSize)
        {
            counts[string.Join('\0', tokens)] = 1;
            return counts;
        }
        var sb = new StringBuilder();
        for (int i = 0; i + ShingleSize <= tokens.Count; i++)
        {
            sb.Clear();
            for (int j = 0; j < ShingleSize; j++)
            {
                if (j > 0) sb.Append('\0');
                sb.Append(tokens[i + j]);
            }
            var key = sb.ToString();
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    /// <summary>Scores one page (prediction vs truth).</summary>
    public static PageScore ScorePage(string id, string? truth, string? predicted)
    {
        var truthTokens = Tokenize(truth);
        var predTokens = Tokenize(predicted);
        var t = Shingles(truthTokens);
        var p = Shingles(predTokens);

        double tp = 0, fp = 0, fn = 0;
        foreach (var (key, pc) in p)
        {
            int tc = t.GetValueOrDefault(key);
            tp += Math.Min(tc, pc);
            fp += Math.Max(0, pc - tc);
        }
        foreach (var (key, tc) in t)
            fn += Math.Max(0, tc - p.GetValueOrDefault(key));

        double sum = tp + fp + fn;
        if (sum > 0) { tp /= sum; fp /= sum; fn /= sum; }

        bool exact = truthTokens.SequenceEqual(predTokens, StringComparer.Ordinal);
        return new PageScore(id, tp, fp, fn, PagePrecision(tp, fp, fn), PageRecall(tp, fp, fn), exact);
    }

    /// <summary>TP/(TP+FP); 1 when FP = FN = 0; 0 when TP = FP = 0.</summary>
    public static double PagePrecision(double tp, double fp, double fn)
    {
        if (fp == 0 && fn == 0) return 1.0;
        if (tp == 0 && fp == 0) return 0.0;
        return tp / (tp + fp);
    }

    /// <summary>TP/(TP+FN); 1 when FP = FN = 0; 0 when TP = FN = 0.</summary>
    public static double PageRecall(double tp, double fp, double fn)
    {
        if (fp == 0 && fn == 0) return 1.0;
        if (tp == 0 && fn == 0) return 0.0;
        return tp / (tp + fn);
    }

    /// <summary>
    /// Per-page scores for every ground-truth page, in the truth's order; a page missing from
    /// <paramref name="predicted"/> counts as an empty prediction.
    /// </summary>
    public static IReadOnlyList<PageScore> ScorePages(IReadOnlyDictionary<string, string> truth, IReadOnlyDictionary<string, string> predicted) =>
        truth.Select(kv => ScorePage(kv.Key, kv.Value, predicted.TryGetValue(kv.Key, out var pred) ? pred : "")).ToList();

    /// <summary>
    /// Corpus figures: precision = mean per-page precision over pages with TP+FP &gt; 0, recall = mean per-page
    /// recall over pages with TP+FN &gt; 0, F1 = 2PR/(P+R) of those means, accuracy = share of pages whose token
    /// lists are equal.
    /// </summary>
    public static Result Score(IReadOnlyDictionary<string, string> truth, IReadOnlyDictionary<string, string> predicted) =>
        Aggregate(ScorePages(truth, predicted));

    /// <summary>Corpus figures from per-page scores (see <see cref="Score"/>).</summary>
    public static Result Aggregate(IReadOnlyList<PageScore> pages)
    {
        double pSum = 0, rSum = 0;
        int pN = 0, rN = 0, exact = 0;
        foreach (var s in pages)
        {
            if (s.Tp + s.Fp > 0) { pSum += s.Precision; pN++; }
            if (s.Tp + s.Fn > 0) { rSum += s.Recall; rN++; }
            if (s.Exact) exact++;
        }
        double precision = pN > 0 ? pSum / pN : 0;
        double recall = rN > 0 ? rSum / rN : 0;
        double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        double accuracy = pages.Count > 0 ? (double)exact / pages.Count : 0;
        return new Result(f1, precision, recall, accuracy, pages.Count);
    }
}
