using Pipeline.Classify.Corpus;

namespace Pipeline.Classify.Training;

/// <summary>
/// Chooses the queue threshold on P(any response type) for recall: a real response filtered away before review is
/// the worst failure this product can have, a non-response in the queue costs a reviewer one key press.
/// </summary>
public static class QueueThreshold
{
    /// <summary>Share of the validation responses that must reach the queue (default target).</summary>
    /// <remarks>0.99 in style: out of style (voices the model was not trained on) the same threshold queued 97–99 % of
    /// the responses (BENCHMARKS.md).</remarks>
    public const double DefaultTargetRecall = 0.99;

    /// <summary>Never stricter than 0.3, never so low that the relevance gate's residual (<see cref="Classifier.GateResidual"/>)
    /// would queue texts the rule found not about Belarus. The ceiling is chosen out of style: in-style validation
    /// overstates recall, and with the raw-text companion the model is surer of itself, so 99 % in style picked about 0.35,
    /// which queued 97.9 % of the held-out voices' responses where 0.3 queued 98.7 % and 99.2 % at precision 0.85 and
    /// 0.86 (BENCHMARKS.md, "Classifier on text not written in our style").</summary>
    public const double Highest = 0.3, Lowest = 0.15;

    /// <summary>The highest threshold (within [<see cref="Lowest"/>, <see cref="Highest"/>]) that queues at least
    /// <paramref name="targetRecall"/> of the true responses in <paramref name="truths"/>.</summary>
    public static double Choose(IReadOnlyList<LabelledExample> truths, IReadOnlyList<Prediction> predictions, double targetRecall = DefaultTargetRecall)
    {
        if (truths.Count != predictions.Count) throw new ArgumentException("one prediction per example is needed");
        if (targetRecall is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(targetRecall), "the target recall is a share in (0, 1]");
        var p = truths.Select((t, i) => (t, i)).Where(x => Taxonomy.IsResponse(x.t.Primary))
            .Select(x => predictions[x.i].PResponse).OrderByDescending(v => v).ToList();
        if (p.Count == 0) return Highest;
        int k = (int)Math.Ceiling(targetRecall * p.Count); // this many responses must score at least the threshold
        var t = Math.Floor(p[Math.Clamp(k, 1, p.Count) - 1] * 1000) / 1000;
        return Math.Clamp(t, Lowest, Highest);
    }
}
