using Pipeline.Classify;
using Pipeline.Classify.Corpus;
using Pipeline.Classify.Evaluation;

namespace Pipeline.Classify.Tests;

public class EvaluatorTests
{
    private static LabelledExample Truth(string label, string actor = "none", string actorType = "none", string language = "en") =>
        new() { Text = "x", ResponseTypes = [label], Actor = actor, ActorType = actorType, Language = language };

    private static Prediction Predicted(string label, string actor = "none", string actorType = "none") =>
        new(label, [label], new Dictionary<string, double> { [label] = 1 }, actor, actorType, [], 1, "t");

    /// <summary>
    /// Eight hand-made items. Truth → predicted:
    ///   1 statement (Lithuania/state)          → statement (lithuania/state)        correct, actor ok (case-insensitive)
    ///   2 statement (EEAS/igo)                 → targeted_sanctions (Council/igo)   wrong, actor wrong, type ok
    ///   3 targeted_sanctions (Council/igo)     → targeted_sanctions (Council/igo)   correct, actor ok
    ///   4 support (Poland/state)               → not_a_response (none/none)         wrong, actor wrong, type wrong
    ///   5 not_a_response                        → not_a_response                      correct
    ///   6 irrelevant                            → statement (X/state)                 wrong (relevance false positive)
    ///   7 irrelevant                            → irrelevant                          correct
    ///   8 not_a_response (pl)                   → irrelevant                          wrong (relevance false negative)
    /// </summary>
    [Fact]
    public void Metrics_match_hand_computed_values()
    {
        var truths = new List<LabelledExample>
        {
            Truth("statement", "Lithuania", "state"), Truth("statement", "EEAS", "igo"), Truth("targeted_sanctions", "Council of the EU", "igo"),
            Truth("support", "Poland", "state"), Truth("not_a_response"), Truth("irrelevant"), Truth("irrelevant"), Truth("not_a_response", language: "pl"),
        };
        var predictions = new List<Prediction>
        {
            Predicted("statement", "lithuania", "state"), Predicted("targeted_sanctions", "Council of the EU", "igo"),
            Predicted("targeted_sanctions", "Council of the EU", "igo"), Predicted("not_a_response"), Predicted("not_a_response"),
            Predicted("statement", "X", "state"), Predicted("irrelevant"), Predicted("irrelevant"),
        };
        var r = Evaluator.Evaluate(truths, predictions);

        Assert.Equal(8, r.N);
        // accuracy: items 1, 3, 5, 7 correct = 4/8
        Assert.Equal(0.5, r.Accuracy, 4);
        // statement: tp 1, predicted 2 (items 1, 6), support 2 → P 0.5, R 0.5, F1 0.5
        Assert.Equal(new ClassMetrics(0.5, 0.5, 0.5, 2), r.PerClass["statement"]);
        // targeted_sanctions: tp 1, predicted 2 (items 2, 3), support 1 → P 0.5, R 1, F1 2/3
        Assert.Equal(new ClassMetrics(0.5, 1, 0.6667, 1), r.PerClass["targeted_sanctions"]);
        // support: tp 0, predicted 0, support 1 → 0, 0, 0
        Assert.Equal(new ClassMetrics(0, 0, 0, 1), r.PerClass["support"]);
        // not_a_response: tp 1, predicted 2 (items 4, 5), support 2 → 0.5, 0.5, 0.5
        Assert.Equal(new ClassMetrics(0.5, 0.5, 0.5, 2), r.PerClass["not_a_response"]);
        // irrelevant: tp 1, predicted 2 (items 7, 8), support 2 → 0.5, 0.5, 0.5
        Assert.Equal(new ClassMetrics(0.5, 0.5, 0.5, 2), r.PerClass["irrelevant"]);
        // classes without support or predictions score 0
        Assert.Equal(0, r.PerClass["resolution"].F1);
        // macro-F1 over the response classes present in truth or predictions (statement, targeted_sanctions, support):
        // (0.5 + 0.6667 + 0) / 3
        Assert.Equal(Math.Round((0.5 + 2.0 / 3) / 3, 4), r.ResponseMacroF1, 4);
        Assert.Equal(3, r.MacroF1Classes);
        // relevance (positive = relevant): tp = items 1–5 (5), fp = item 6, fn = item 8 → P 5/6, R 5/6, F1 5/6
        Assert.Equal(Math.Round(5.0 / 6, 4), r.RelevanceF1, 4);
        // actor accuracy over the 4 items whose truth is a response: items 1 and 3 → 0.5; type: 1, 2, 3 → 0.75
        Assert.Equal(0.5, r.ActorAccuracy, 4);
        Assert.Equal(0.75, r.ActorTypeAccuracy, 4);
        // per language: en 4/7, pl 0/1
        Assert.Equal(new LanguageMetrics(7, Math.Round(4.0 / 7, 4)), r.PerLanguage["en"]);
        Assert.Equal(new LanguageMetrics(1, 0), r.PerLanguage["pl"]);
        Assert.Equal(1, r.Confusion["statement"]["targeted_sanctions"]);
        Assert.Equal(1, r.Confusion["irrelevant"]["statement"]);
    }

    private static Prediction Queued(string label, double pResponse, double threshold) =>
        new(label, [label], new Dictionary<string, double> { [label] = 1 }, "none", "none", [], 1, "t", PResponse: pResponse, Queue: pResponse >= threshold);

    /// <summary>Queue metrics come from the queue decision, not from the top label: a response whose top label is
    /// not_a_response but whose P(response) reaches the threshold is queued (and counts for recall).</summary>
    [Fact]
    public void Queue_recall_and_precision_follow_the_queue_decision()
    {
        var truths = new List<LabelledExample> { Truth("statement"), Truth("support"), Truth("investigation"), Truth("not_a_response"), Truth("irrelevant") };
        var predictions = new List<Prediction>
        {
            Queued("statement", 0.9, 0.3), Queued("not_a_response", 0.45, 0.3), Queued("not_a_response", 0.1, 0.3),
            Queued("not_a_response", 0.35, 0.3), Queued("irrelevant", 0.02, 0.3),
        };
        var r = Evaluator.Evaluate(truths, predictions);
        Assert.Equal(Math.Round(2.0 / 3, 4), r.QueueRecall, 4);    // 2 of 3 responses queued
        Assert.Equal(Math.Round(2.0 / 3, 4), r.QueuePrecision, 4); // 3 queued, 2 of them responses
    }

    [Fact]
    public void Queue_threshold_is_the_highest_that_keeps_the_target_recall()
    {
        // Ten responses with P(response) 0.95, 0.9 … 0.5 and then 0.3; two non-responses.
        var truths = Enumerable.Range(0, 10).Select(_ => Truth("statement")).Append(Truth("not_a_response")).Append(Truth("irrelevant")).ToList();
        double[] p = [0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.3, 0.4, 0.05];
        var predictions = p.Select(v => Queued("statement", v, 0.5)).ToList();
        // 90 %: nine of ten responses must be queued → the ninth highest, 0.55, but never above the ceiling (0.3).
        Assert.Equal(Training.QueueThreshold.Highest, Training.QueueThreshold.Choose(truths, predictions, 0.9));
        Assert.Equal(0.3, Training.QueueThreshold.Highest);
        // 100 %: all ten → 0.3 (the tenth highest).
        Assert.Equal(0.3, Training.QueueThreshold.Choose(truths, predictions, 1.0));
        // A target the ninth response meets below the ceiling: 0.25 for 90 % once the scores are lower.
        var lower = p.Select(v => Queued("statement", v / 2, 0.5)).ToList();
        Assert.Equal(0.275, Training.QueueThreshold.Choose(truths, lower, 0.9));
        // A response scored 0.01 would pull the threshold to the floor that keeps the relevance gate meaningful.
        predictions[9] = Queued("statement", 0.01, 0.5);
        Assert.Equal(Training.QueueThreshold.Lowest, Training.QueueThreshold.Choose(truths, predictions, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Training.QueueThreshold.Choose(truths, predictions, 0));
    }

    [Fact]
    public void Macro_f1_averages_the_classes_present_not_all_seven()
    {
        // Five statements, all right: 1.0 (averaging over all seven classes would say 1/7).
        var five = Enumerable.Range(0, 5).Select(_ => Truth("statement")).ToList();
        var r = Evaluator.Evaluate(five, five.Select(_ => Predicted("statement")).ToList());
        Assert.Equal(1.0, r.ResponseMacroF1, 4);
        Assert.Equal(1, r.MacroF1Classes);
        // A class predicted but absent from the truth counts, with F1 0.
        var wrong = Evaluator.Evaluate(five, [.. Enumerable.Repeat(Predicted("statement"), 4), Predicted("support")]);
        Assert.Equal(2, wrong.MacroF1Classes);
        Assert.Equal(Math.Round(2 * 1 * 0.8 / 1.8 / 2, 4), wrong.ResponseMacroF1, 4);
    }

    [Fact]
    public void Mismatched_lengths_are_refused() =>
        Assert.Throws<ArgumentException>(() => Evaluator.Evaluate([Truth("statement")], []));
}
