using Microsoft.ML.Data;

namespace Pipeline.Classify.Schema;

/// <summary>Input row of the response-type model.</summary>
public sealed class TextRow
{
    public string Label { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>How much the example counts in training (reviewed real items weigh more than team-written ones).</summary>
    public float Weight { get; set; } = 1;
}

/// <summary>Output row: the predicted label and one score per label, in the model's label order.</summary>
public sealed class ScoredRow
{
    [ColumnName("PredictedLabel")] public string PredictedLabel { get; set; } = "";
    [ColumnName("Score")] public float[] Score { get; set; } = [];
}
