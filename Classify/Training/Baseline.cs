using Pipeline.Classify.Lexicon;
using Microsoft.ML;
using Pipeline.Classify.Corpus;
using Pipeline.Classify.Evaluation;
using Pipeline.Classify.Schema;

namespace Pipeline.Classify.Training;

/// <summary>
/// The plain baseline every model must beat: TF-IDF over word 1–2-grams and character 1–5-grams of the raw title and
/// text (lower case, no diacritics; no lexicon, no markers, no relevance gate) with a maximum-entropy classifier,
/// trained on the same examples (the 100,000 most frequent n-grams of each kind: the full space of character 5-grams over
/// 30 languages made L-BFGS take minutes; 50 L-BFGS iterations, half the time of 100). Its queue is the top label (a
/// response or not). Reported by <c>train</c> and <c>evaluate</c> next to the shipped model, and averaged with the
/// feature-text model inside it (<see cref="Classifier.CompanionModel"/>).
/// </summary>
public static class Baseline
{
    public static readonly TextModelOptions Options = new()
    {
        Trainer = TrainerKind.LbfgsMaximumEntropy, WordNgram = 2, CharNgram = 5, CharAllLengths = true,
        Weighting = Microsoft.ML.Transforms.Text.NgramExtractingEstimator.WeightingCriteria.TfIdf, L2 = 0.1f,
        MaxNgrams = 100_000, Iterations = 50,
    };

    public static TextModel Train(MLContext ml, IEnumerable<LabelledExample> train) =>
        TextModel.Train(ml, train.Select(e => new TextRow { Label = e.Primary, Text = Raw(e.Title, e.Text), Weight = e.Weight }), Options);

    public static string Raw(string? title, string text)
    {
        var raw = string.IsNullOrWhiteSpace(title) ? text : title.Trim() + ".\n" + text;
        return TextFold.Head(raw, FeatureText.MaxChars);
    }

    public static List<Prediction> Predict(TextModel model, IReadOnlyList<LabelledExample> examples)
    {
        var scored = model.ScoreBatch(examples.Select(e => Raw(e.Title, e.Text)).ToList());
        return scored.Select(scores =>
        {
            foreach (var label in Taxonomy.Labels) scores.TryAdd(label, 0);
            var best = scores.MaxBy(kv => kv.Value);
            var pResponse = Taxonomy.ResponseTypes.Sum(t => scores[t]);
            return new Prediction(best.Key, [best.Key], scores, "none", "none", [], best.Value, "baseline",
                PResponse: pResponse, Queue: Taxonomy.IsResponse(best.Key));
        }).ToList();
    }

    public static EvaluationReport Evaluate(TextModel model, IReadOnlyList<LabelledExample> examples) =>
        Evaluator.Evaluate(examples, Predict(model, examples));
}
