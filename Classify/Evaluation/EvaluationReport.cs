using System.Text.Json.Serialization;

namespace Pipeline.Classify.Evaluation;

public sealed record ClassMetrics(
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("f1")] double F1,
    [property: JsonPropertyName("support")] int Support);

public sealed record LanguageMetrics(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("accuracy")] double Accuracy);

/// <summary>The metrics of one evaluation; the JSON names are the contract of <c>evaluate --json</c>.</summary>
public sealed record EvaluationReport
{
    [JsonPropertyName("n")] public int N { get; init; }
    /// <summary>Mean F1 over the response classes present in the truth or the predictions (<see cref="MacroF1Classes"/>).</summary>
    [JsonPropertyName("response_macro_f1")] public double ResponseMacroF1 { get; init; }
    /// <summary>How many of the seven response classes <see cref="ResponseMacroF1"/> averages.</summary>
    [JsonIgnore] public int MacroF1Classes { get; init; } = 7;
    [JsonPropertyName("accuracy")] public double Accuracy { get; init; }
    [JsonPropertyName("relevance_f1")] public double RelevanceF1 { get; init; }
    [JsonPropertyName("actor_accuracy")] public double ActorAccuracy { get; init; }
    [JsonPropertyName("actor_type_accuracy")] public double ActorTypeAccuracy { get; init; }
    /// <summary>Share of the true responses that the queue decision sends to review.</summary>
    [JsonPropertyName("queue_recall")] public double QueueRecall { get; init; }
    /// <summary>Share of the queued items that are true responses.</summary>
    [JsonPropertyName("queue_precision")] public double QueuePrecision { get; init; }
    [JsonPropertyName("per_class")] public Dictionary<string, ClassMetrics> PerClass { get; init; } = [];
    [JsonPropertyName("per_language")] public Dictionary<string, LanguageMetrics> PerLanguage { get; init; } = [];
    /// <summary>truth → predicted → count.</summary>
    [JsonPropertyName("confusion")] public Dictionary<string, Dictionary<string, int>> Confusion { get; init; } = [];
}
