using System.Text.Json.Serialization;
using Pipeline.Classify.Corpus;
using Pipeline.Classify.Facts;

namespace Pipeline.Classify.Evaluation;

/// <summary>How one fact scores: right answers over the labelled items that carry the fact.</summary>
public sealed record FactAccuracy(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("correct")] int Correct,
    [property: JsonPropertyName("accuracy")] double Accuracy);

/// <summary>One lifecycle class: how often it is the truth, how often predicted, and how often both.</summary>
public sealed record LifecycleClassCounts(
    [property: JsonPropertyName("truth")] int Truth,
    [property: JsonPropertyName("predicted")] int Predicted,
    [property: JsonPropertyName("correct")] int Correct);

/// <summary>Targets scored as sets of canonical names per item, summed over the items annotated with them.</summary>
public sealed record TargetScores(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("true_positives")] int TruePositives,
    [property: JsonPropertyName("predicted")] int Predicted,
    [property: JsonPropertyName("truth")] int Truth,
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall);

/// <summary>
/// The facts of issue 15 against labelled data: <c>binding</c> (items labelled true or false; a null prediction is
/// wrong), <c>lifecycle</c> (items annotated with it; "none" stands for a null prediction in the counts) and
/// <c>targets</c> (items annotated with a list, possibly empty). Each counts only the items that carry the field.
/// </summary>
public sealed record FactsReport
{
    [JsonPropertyName("n")] public int N { get; init; }
    [JsonPropertyName("binding")] public FactAccuracy Binding { get; init; } = new(0, 0, 0);
    [JsonPropertyName("lifecycle")] public FactAccuracy Lifecycle { get; init; } = new(0, 0, 0);
    /// <summary>Per lifecycle class (and <c>none</c> for a null prediction): truth, predicted and correct counts.</summary>
    [JsonPropertyName("lifecycle_per_class")] public Dictionary<string, LifecycleClassCounts> LifecyclePerClass { get; init; } = [];
    [JsonPropertyName("targets")] public TargetScores Targets { get; init; } = new(0, 0, 0, 0, 0, 0);
}

/// <summary>Scores the facts the pipeline predicts against labelled examples. Pure but for the cue and target data files.</summary>
public static class FactsEvaluator
{
    public const string None = "none";

    /// <summary>Scores each example's facts: binding from the prediction; lifecycle and targets read from the text with the
    /// predicted type and stance, as <c>classify</c> and ingest read them.</summary>
    public static FactsReport Evaluate(IReadOnlyList<LabelledExample> truths, IReadOnlyList<Prediction> predictions,
        TargetVocabulary? vocabulary = null)
    {
        if (truths.Count != predictions.Count) throw new ArgumentException("one prediction per example is needed");
        var lifecycles = new List<string?>(truths.Count);
        var targets = new List<IReadOnlyList<string>>(truths.Count);
        for (int i = 0; i < truths.Count; i++)
        {
            var e = truths[i];
            var p = predictions[i];
            var type = p.FactsType;
            lifecycles.Add(e.Lifecycle is null ? null : Facts.Lifecycle.Find(e.Title, e.Text, type, p.Stance)?.Value);
            targets.Add(e.Targets is null ? [] : Facts.Targets.Find(e.Text, type, vocabulary).Select(x => x.Name).ToList());
        }
        return Score(truths, predictions.Select(p => p.Binding).ToList(), lifecycles, targets);
    }

    /// <summary>Scores given predictions of each fact (one per example).</summary>
    public static FactsReport Score(IReadOnlyList<LabelledExample> truths, IReadOnlyList<bool?> binding,
        IReadOnlyList<string?> lifecycle, IReadOnlyList<IReadOnlyList<string>> targets)
    {
        int bindingN = 0, bindingOk = 0, lifecycleN = 0, lifecycleOk = 0, targetN = 0, tp = 0, predicted = 0, truth = 0;
        var perClass = Taxonomy.Lifecycles.Append(None).ToDictionary(c => c, _ => (Truth: 0, Predicted: 0, Correct: 0));
        for (int i = 0; i < truths.Count; i++)
        {
            var e = truths[i];
            if (e.Binding is { } b)
            {
                bindingN++;
                if (binding[i] == b) bindingOk++;
            }
            if (e.Lifecycle is { } l)
            {
                lifecycleN++;
                var got = lifecycle[i] ?? None;
                var t = perClass[l];
                perClass[l] = t with { Truth = t.Truth + 1 };
                var pc = perClass.GetValueOrDefault(got);
                perClass[got] = pc with { Predicted = pc.Predicted + 1 };
                if (got == l)
                {
                    lifecycleOk++;
                    perClass[l] = perClass[l] with { Correct = perClass[l].Correct + 1 };
                }
            }
            if (e.Targets is { } names)
            {
                targetN++;
                var want = names.ToHashSet(StringComparer.OrdinalIgnoreCase);
                var have = targets[i].ToHashSet(StringComparer.OrdinalIgnoreCase);
                truth += want.Count;
                predicted += have.Count;
                tp += have.Count(want.Contains);
            }
        }
        return new FactsReport
        {
            N = truths.Count,
            Binding = new FactAccuracy(bindingN, bindingOk, Ratio(bindingOk, bindingN)),
            Lifecycle = new FactAccuracy(lifecycleN, lifecycleOk, Ratio(lifecycleOk, lifecycleN)),
            LifecyclePerClass = perClass.ToDictionary(kv => kv.Key,
                kv => new LifecycleClassCounts(kv.Value.Truth, kv.Value.Predicted, kv.Value.Correct)),
            // No predicted target is perfect precision; no true target is perfect recall (nothing to find, nothing missed).
            Targets = new TargetScores(targetN, tp, predicted, truth,
                predicted == 0 ? 1 : Ratio(tp, predicted), truth == 0 ? 1 : Ratio(tp, truth)),
        };
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : Math.Round((double)a / b, 4);
}
