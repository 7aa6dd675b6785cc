using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pipeline.Classify.Corpus;

/// <summary>A line that could not be used, with where and why.</summary>
public sealed record CorpusProblem(string Origin, string Message);

public sealed record LoadedCorpus(List<LabelledExample> Examples, List<CorpusProblem> Problems)
{
    /// <summary>SHA-256 over the examples' texts and labels: identifies the training data of a model version.</summary>
    public string Fingerprint()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var e in Examples.OrderBy(e => e.Id, StringComparer.Ordinal).ThenBy(e => e.Text, StringComparer.Ordinal))
            sha.AppendData(Encoding.UTF8.GetBytes($"{e.Id}\u0001{e.Text}\u0001{string.Join(",", e.ResponseTypes)}\u0001{e.Actor}\u0001{e.ActorType}\n"));
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }
}

/// <summary>
/// Reads taxonomy JSONL. Bad lines and unknown labels are reported as problems, never crashed on;
/// <paramref name="requireLabels"/> false accepts text-only lines (for <c>classify</c>).
/// </summary>
public static class CorpusLoader
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, AllowTrailingCommas = true };

    /// <summary>The corpus that ships with the project (every <c>*.jsonl</c> under Data/corpus).</summary>
    public static string DefaultCorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Data", "corpus");

    public static LoadedCorpus LoadDirectory(string directory) =>
        Load(Directory.EnumerateFiles(directory, "*.jsonl").Order(StringComparer.Ordinal));

    public static LoadedCorpus Load(IEnumerable<string> files, bool requireLabels = true)
    {
        var examples = new List<LabelledExample>();
        var problems = new List<CorpusProblem>();
        foreach (var file in files)
        {
            if (!File.Exists(file)) throw new FileNotFoundException($"data file not found: {file}", file);
            using var reader = new StreamReader(file, Encoding.UTF8);
            ReadInto(reader, Path.GetFileName(file), requireLabels, examples, problems);
        }
        return new LoadedCorpus(examples, problems);
    }

    public static LoadedCorpus Read(TextReader reader, string name, bool requireLabels)
    {
        var examples = new List<LabelledExample>();
        var problems = new List<CorpusProblem>();
        ReadInto(reader, name, requireLabels, examples, problems);
        return new LoadedCorpus(examples, problems);
    }

    /// <summary>What is wrong with the date labels of a line: <c>date</c> a day (yyyy-MM-dd) or null, <c>published</c> a
    /// date or an ISO 8601 time, and the act not after the page.</summary>
    public static string? DateProblem(LabelledExample e)
    {
        var page = Evaluation.FactsEvaluator.PageDate(e.Published);
        if (e.Published is not null && page is null) return $"published is not a date: {e.Published}";
        if (e.Date is null) return null;
        if (Evaluation.FactsEvaluator.LabelDate(e.Date) is not { } act) return $"date is not yyyy-MM-dd (or null): {e.Date}";
        return page is { } p && act > p ? $"date {e.Date} is after published {e.Published}" : null;
    }

    private static void ReadInto(TextReader reader, string name, bool requireLabels, List<LabelledExample> examples, List<CorpusProblem> problems)
    {
        int n = 0;
        for (string? line; (line = reader.ReadLine()) is not null;)
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var origin = $"{name}:{n}";
            LabelledExample? e;
            try
            {
                e = JsonSerializer.Deserialize<LabelledExample>(line, Options);
            }
            catch (JsonException ex)
            {
                problems.Add(new CorpusProblem(origin, $"not valid JSON ({ex.Message.Split('.')[0]})"));
                continue;
            }
            if (e is null || string.IsNullOrWhiteSpace(e.Text))
            {
                problems.Add(new CorpusProblem(origin, "no \"text\""));
                continue;
            }
            e.Origin = origin;
            e.Id ??= $"{name}:{n}";
            if (requireLabels)
            {
                var unknown = e.ResponseTypes.Where(t => !Taxonomy.IsLabel(t)).ToList();
                if (e.ResponseTypes.Count == 0) { problems.Add(new CorpusProblem(origin, "no \"response_types\"")); continue; }
                if (unknown.Count > 0) { problems.Add(new CorpusProblem(origin, $"unknown response type(s): {string.Join(", ", unknown)}")); continue; }
                if (e.ActorType is not null && !Taxonomy.IsActorType(e.ActorType))
                {
                    problems.Add(new CorpusProblem(origin, $"unknown actor_type: {e.ActorType}"));
                    continue;
                }
                if (e.Lifecycle is not null && Array.IndexOf(Taxonomy.Lifecycles, e.Lifecycle) < 0)
                {
                    problems.Add(new CorpusProblem(origin, $"unknown lifecycle: {e.Lifecycle}"));
                    continue;
                }
                if (DateProblem(e) is { } dateProblem)
                {
                    problems.Add(new CorpusProblem(origin, dateProblem));
                    continue;
                }
            }
            examples.Add(e);
        }
    }
}

/// <summary>
/// The fixed validation split: an example is in validation when the first byte of SHA-256(id) is below 51
/// (one in five). It depends only on the id, so adding examples never moves old ones between splits. Extra files
/// given to <c>train --data</c> are training-only: every model is compared on the same validation examples.
/// </summary>
public static class CorpusSplit
{
    public static bool IsValidation(LabelledExample e) =>
        !e.TrainOnly && SHA256.HashData(Encoding.UTF8.GetBytes(e.Id ?? e.Text))[0] < 51;

    public static (List<LabelledExample> Train, List<LabelledExample> Validation) Split(IEnumerable<LabelledExample> examples)
    {
        var train = new List<LabelledExample>();
        var validation = new List<LabelledExample>();
        foreach (var e in examples) (IsValidation(e) ? validation : train).Add(e);
        return (train, validation);
    }
}
