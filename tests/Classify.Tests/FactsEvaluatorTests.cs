using Pipeline.Classify.Corpus;
using Pipeline.Classify.Evaluation;
using Pipeline.Classify.Facts;
using Pipeline.Classify.Training;

namespace Pipeline.Classify.Tests;

/// <summary>The facts part of <c>evaluate</c>: each fact scored only on the labelled items that carry it.</summary>
public class FactsEvaluatorTests
{
    private static LabelledExample Truth(bool? binding = null, string? lifecycle = null, List<string>? targets = null, string text = "x") =>
        new() { Text = text, ResponseTypes = ["targeted_sanctions"], Binding = binding, Lifecycle = lifecycle, Targets = targets };

    /// <summary>
    /// Five items. binding: truths true, false, —, true, — vs predicted true, true, null, null, false → 1 of 3.
    /// lifecycle: adopted→adopted, extended→adopted, —, called_for→none, lifted→lifted → 2 of 4.
    /// targets: {A,B}→{A}, {}→{C}, —, {}→{}, {D}→{D} → tp 2, predicted 3, truth 3.
    /// </summary>
    [Fact]
    public void Score_matches_hand_computed_values()
    {
        var truths = new List<LabelledExample>
        {
            Truth(true, "adopted", ["A", "B"]), Truth(false, "extended", []), Truth(), Truth(true, "called_for", []),
            Truth(null, "lifted", ["D"]),
        };
        var r = FactsEvaluator.Score(truths, [true, true, null, null, false],
            ["adopted", "adopted", "extended", null, "lifted"],
            [["A"], ["C"], ["Z"], [], ["d"]]);

        Assert.Equal(5, r.N);
        Assert.Equal(new FactAccuracy(3, 1, 0.3333), r.Binding);
        Assert.Equal(new FactAccuracy(4, 2, 0.5), r.Lifecycle);
        Assert.Equal(new LifecycleClassCounts(1, 2, 1), r.LifecyclePerClass["adopted"]);
        Assert.Equal(new LifecycleClassCounts(1, 0, 0), r.LifecyclePerClass["extended"]); // item 3 carries no lifecycle
        Assert.Equal(new LifecycleClassCounts(0, 1, 0), r.LifecyclePerClass[FactsEvaluator.None]);
        Assert.Equal(new LifecycleClassCounts(1, 1, 1), r.LifecyclePerClass["lifted"]);
        Assert.Equal(new TargetScores(4, 2, 3, 3, 0.6667, 0.6667), r.Targets);
    }

    /// <summary>Stance: truths critical, easing, —, supportive, easing vs predicted critical, critical, easing, supportive,
    /// null → 2 of 4 overall; of the three rare ones (easing, supportive, easing) 1.</summary>
    [Fact]
    public void Stance_is_scored_overall_and_on_the_rare_acts_alone()
    {
        LabelledExample With(string? stance) => new() { Text = "x", ResponseTypes = ["targeted_sanctions"], Stance = stance };
        var truths = new List<LabelledExample> { With("critical"), With("easing"), With(null), With("supportive"), With("easing") };
        var r = FactsEvaluator.Score(truths, [null, null, null, null, null], [null, null, null, null, null], [[], [], [], [], []],
            ["critical", "critical", "easing", "supportive", null]);
        Assert.Equal(new FactAccuracy(4, 2, 0.5), r.Stance);
        Assert.Equal(new FactAccuracy(3, 1, 0.3333), r.StanceNotCritical);
        Assert.Equal(new FactAccuracy(0, 0, 0), FactsEvaluator.Score(truths, [null, null, null, null, null],
            [null, null, null, null, null], [[], [], [], [], []]).Stance);
    }

    [Fact]
    public void Evaluate_reads_lifecycle_and_targets_from_the_text_with_the_predicted_type()
    {
        var truths = new List<LabelledExample>
        {
            Truth(true, "extended", ["Belavia"], "The Council extended the sanctions on Belavia for a year."),
            Truth(false, "called_for", [], "Lithuania calls on the EU to impose sanctions."),
        };
        var predictions = new List<Prediction>
        {
            new("targeted_sanctions", ["targeted_sanctions"], new Dictionary<string, double>(), "x", "igo", [], 1, "t", "critical", true),
            new("statement", ["statement"], new Dictionary<string, double>(), "x", "state", [], 1, "t", "critical", null),
        };
        var r = FactsEvaluator.Evaluate(truths, predictions);
        Assert.Equal(1, r.Lifecycle.Accuracy);
        Assert.Equal(1, r.Targets.Precision);
        Assert.Equal(1, r.Targets.Recall);
        Assert.Equal(new FactAccuracy(2, 1, 0.5), r.Binding);
        Assert.Equal(0, r.Stance.N); // neither carries a stance label
    }

    [Fact]
    public void The_shipped_corpus_carries_lifecycles_and_targets_on_validation_items_in_many_languages()
    {
        var corpus = CorpusLoader.LoadDirectory(CorpusLoader.DefaultCorpusDirectory);
        Assert.Empty(corpus.Problems);
        var annotated = corpus.Examples.Where(e => e.Lifecycle is not null).ToList();
        Assert.True(annotated.Count >= 250, $"{annotated.Count} annotated");
        Assert.All(annotated, e => Assert.Contains(e.Lifecycle, Taxonomy.Lifecycles));
        Assert.All(annotated, e => Assert.NotNull(e.Targets));
        Assert.All(annotated.SelectMany(e => e.Targets!), t => Assert.NotNull(Targets.Vocabulary.Resolve(t)));
        Assert.True(annotated.Select(e => e.Language).Distinct().Count() >= 10);
        foreach (var lifecycle in Taxonomy.Lifecycles) Assert.Contains(annotated, e => e.Lifecycle == lifecycle);
        var (_, validation) = CorpusSplit.Split(corpus.Examples);
        Assert.True(validation.Count(e => e.Lifecycle is not null) >= 250);
    }
}
