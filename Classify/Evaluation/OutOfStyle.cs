using Pipeline.Classify.Actors;
using Pipeline.Classify.Corpus;
using Pipeline.Classify.Training;

namespace Pipeline.Classify.Evaluation;

/// <summary>One held-out group: its size, the model's and the plain baseline's metrics on it.</summary>
/// <param name="FeatureTextOnly">The feature-text response model alone, without the raw-text companion (null when the
/// model has none): what the average adds.</param>
/// <param name="Facts">Binding, lifecycle and targets on the group's items that carry them (issue 15).</param>
/// <param name="Misread">Each held-out item whose primary label or actor the model got wrong, for reading the errors.</param>
public sealed record HeldOutResult(string Group, int N, EvaluationReport Model, EvaluationReport? Baseline,
    IReadOnlyList<ThresholdPoint> QueueCurve, EvaluationReport? FeatureTextOnly = null, FactsReport? Facts = null,
    IReadOnlyList<Misread>? Misread = null);

/// <summary>A held-out item the model got wrong: its id, the true and the predicted primary label and actor, P(response)
/// and whether it was queued.</summary>
public sealed record Misread(
    [property: System.Text.Json.Serialization.JsonPropertyName("id")] string? Id,
    [property: System.Text.Json.Serialization.JsonPropertyName("truth")] string Truth,
    [property: System.Text.Json.Serialization.JsonPropertyName("predicted")] string Predicted,
    [property: System.Text.Json.Serialization.JsonPropertyName("actor")] string? Actor,
    [property: System.Text.Json.Serialization.JsonPropertyName("predicted_actor")] string PredictedActor,
    [property: System.Text.Json.Serialization.JsonPropertyName("p_response")] double PResponse,
    [property: System.Text.Json.Serialization.JsonPropertyName("queue")] bool Queue);

/// <summary>What the queue would do on a held-out group at one threshold on P(response).</summary>
public sealed record ThresholdPoint(double Threshold, double Recall, double Precision);

/// <summary>
/// Validation that predicts real text better than a random split: each group of examples written in one voice (a corpus
/// file is written in one sitting), one form (long pages) or one language is held out whole; a model is trained the
/// production way on everything else (in-style validation still chooses its queue threshold) and scored on the group,
/// beside the plain baseline trained on the same examples. Slow: one training per group.
/// </summary>
public static class OutOfStyle
{
    /// <summary>The default groups (four trainings): the voice files in two halves (every other file in name order — each
    /// file is one voice written in one sitting), the team's long pages (long-*.jsonl), and Belarusian (the language our
    /// models read worst). <c>--hold-out</c> names others: one file, a prefix, or lang:xx.</summary>
    public static IReadOnlyList<(string Name, Func<LabelledExample, bool> Member)> DefaultGroups(IEnumerable<LabelledExample> examples)
    {
        var voices = examples.Select(FileOf).Where(f => f.StartsWith("voice-", StringComparison.Ordinal)).Distinct().Order().ToList();
        var groups = new List<(string, Func<LabelledExample, bool>)>();
        for (int half = 0; half < 2 && voices.Count > 1; half++)
        {
            var files = voices.Where((_, i) => i % 2 == half).ToHashSet();
            groups.Add(($"voices, half {half + 1} ({files.Count} files)", e => files.Contains(FileOf(e))));
        }
        groups.Add(("long pages (long-*.jsonl)", e => FileOf(e).StartsWith("long-", StringComparison.Ordinal)));
        groups.Add(("language be", e => e.Language == "be"));
        return groups;
    }

    /// <summary>A group named by file name prefixes ("voice-wire", "long-") or "lang:xx"; several, separated by commas,
    /// make one group.</summary>
    public static (string, Func<LabelledExample, bool>) Named(string name)
    {
        var parts = name.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (name, e => parts.Any(p => p.StartsWith("lang:", StringComparison.Ordinal)
            ? e.Language == p[5..]
            : FileOf(e).StartsWith(p, StringComparison.Ordinal)));
    }

    /// <summary>The thresholds a maintainer might choose between, and what each would queue of the group.</summary>
    public static readonly double[] CurveThresholds = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5];

    public static List<ThresholdPoint> QueueCurve(IReadOnlyList<LabelledExample> truths, IReadOnlyList<Prediction> predictions) =>
        CurveThresholds.Select(t =>
        {
            int responses = 0, queued = 0, hit = 0;
            for (int i = 0; i < truths.Count; i++)
            {
                bool response = Taxonomy.IsResponse(truths[i].Primary), q = predictions[i].PResponse >= t;
                if (response) responses++;
                if (q) queued++;
                if (response && q) hit++;
            }
            return new ThresholdPoint(t, responses == 0 ? 0 : Math.Round((double)hit / responses, 4), queued == 0 ? 0 : Math.Round((double)hit / queued, 4));
        }).ToList();

    public static string FileOf(LabelledExample e) => e.Origin.Split(':')[0];

    public static List<HeldOutResult> Run(LoadedCorpus corpus, ActorVocabulary vocabulary,
        IReadOnlyList<(string Name, Func<LabelledExample, bool> Member)> groups, Func<string?, string, bool?>? relevanceGate,
        Action<string>? progress = null, bool withBaseline = true, bool withCompanion = true)
    {
        var results = new List<HeldOutResult>();
        foreach (var (name, member) in groups)
        {
            var heldOut = corpus.Examples.Where(member).ToList();
            if (heldOut.Count == 0) { progress?.Invoke($"{name}: no examples, skipped"); continue; }
            var rest = new LoadedCorpus(corpus.Examples.Where(e => !member(e)).ToList(), []);
            progress?.Invoke($"{name}: training on {rest.Examples.Count} examples, scoring {heldOut.Count} held out");
            var r = ModelTrainer.Train(rest, vocabulary, [ModelTrainer.DefaultTrainers[0]], relevanceGate: relevanceGate, withBaseline: withBaseline,
                withCompanion: withCompanion);
            var classifier = r.ToClassifier(vocabulary, "held-out", relevanceGate);
            var predictions = classifier.PredictBatch(heldOut.Select(e => (e.Title, e.Text, (string?)null)).ToList());
            var model = Evaluator.Evaluate(heldOut, predictions);
            var alone = r.CompanionModel is null ? null
                : ModelTrainer.Evaluate((r with { CompanionModel = null }).ToClassifier(vocabulary, "held-out", relevanceGate), heldOut);
            var baseline = r.BaselineModel is null ? null : Baseline.Evaluate(r.BaselineModel, heldOut);
            progress?.Invoke($"  model macro-F1 {model.ResponseMacroF1:0.000}, queue recall {model.QueueRecall:0.000}, actor {model.ActorAccuracy:0.000}"
                + (alone is null ? "" : $"; feature-text model alone {alone.ResponseMacroF1:0.000}, queue recall {alone.QueueRecall:0.000}")
                + (baseline is null ? "" : $"; baseline macro-F1 {baseline.ResponseMacroF1:0.000}"));
            var misread = heldOut.Select((e, i) => (e, p: predictions[i]))
                .Where(x => x.p.Primary != x.e.Primary
                    || (Taxonomy.IsResponse(x.e.Primary) && !string.Equals(x.p.Actor, x.e.Actor, StringComparison.OrdinalIgnoreCase)))
                .Select(x => new Misread(x.e.Id, x.e.Primary, x.p.Primary, x.e.Actor, x.p.Actor, Math.Round(x.p.PResponse, 4), x.p.Queue))
                .ToList();
            results.Add(new HeldOutResult(name, heldOut.Count, model, baseline, QueueCurve(heldOut, predictions), alone,
                FactsEvaluator.Evaluate(heldOut, predictions), misread));
        }
        return results;
    }
}
