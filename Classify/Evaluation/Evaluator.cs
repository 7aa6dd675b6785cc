using Pipeline.Classify.Corpus;

namespace Pipeline.Classify.Evaluation;

/// <summary>Computes the evaluation metrics from truths and predictions. Pure.</summary>
public static class Evaluator
{
    public static EvaluationReport Evaluate(IReadOnlyList<LabelledExample> truths, IReadOnlyList<Prediction> predictions)
    {
        if (truths.Count != predictions.Count) throw new ArgumentException("one prediction per example is needed");
        int n = truths.Count;
        var confusion = Taxonomy.Labels.ToDictionary(t => t, _ => Taxonomy.Labels.ToDictionary(p => p, _ => 0));
        int correct = 0, actorN = 0, actorOk = 0, actorTypeOk = 0;
        int relTp = 0, relFp = 0, relFn = 0;
        int responses = 0, queuedResponses = 0, queued = 0;
        var perLanguage = new Dictionary<string, (int N, int Ok)>();
        for (int i = 0; i < n; i++)
        {
            var truth = truths[i].Primary;
            var predicted = predictions[i].Primary;
            confusion[truth][predicted]++;
            bool ok = truth == predicted;
            if (ok) correct++;
            var lang = string.IsNullOrWhiteSpace(truths[i].Language) ? "unknown" : truths[i].Language!;
            var l = perLanguage.GetValueOrDefault(lang);
            perLanguage[lang] = (l.N + 1, l.Ok + (ok ? 1 : 0));

            bool truthRelevant = truth != Taxonomy.Irrelevant, predRelevant = predicted != Taxonomy.Irrelevant;
            if (truthRelevant && predRelevant) relTp++;
            else if (!truthRelevant && predRelevant) relFp++;
            else if (truthRelevant && !predRelevant) relFn++;

            if (predictions[i].Queue) queued++;
            if (Taxonomy.IsResponse(truth))
            {
                responses++;
                if (predictions[i].Queue) queuedResponses++;
                actorN++;
                if (string.Equals(truths[i].Actor?.Trim(), predictions[i].Actor.Trim(), StringComparison.OrdinalIgnoreCase)) actorOk++;
                if (string.Equals(truths[i].ActorType, predictions[i].ActorType, StringComparison.OrdinalIgnoreCase)) actorTypeOk++;
            }
        }

        var perClass = new Dictionary<string, ClassMetrics>();
        foreach (var label in Taxonomy.Labels)
        {
            int tp = confusion[label][label];
            int support = confusion[label].Values.Sum();
            int predictedCount = Taxonomy.Labels.Sum(t => confusion[t][label]);
            double p = predictedCount == 0 ? 0 : (double)tp / predictedCount;
            double r = support == 0 ? 0 : (double)tp / support;
            perClass[label] = new ClassMetrics(Round(p), Round(r), Round(F1(p, r)), support);
        }
        // Macro-F1 over the response classes present in the data or the predictions (scikit-learn's convention): five
        // correctly predicted statements score 1.0, not 1/7; a class predicted but absent from the truth counts as 0.
        var present = Taxonomy.ResponseTypes.Where(t => perClass[t].Support > 0 || Taxonomy.Labels.Any(u => confusion[u][t] > 0)).ToList();
        double relP = relTp + relFp == 0 ? 0 : (double)relTp / (relTp + relFp);
        double relR = relTp + relFn == 0 ? 0 : (double)relTp / (relTp + relFn);
        return new EvaluationReport
        {
            N = n,
            Accuracy = Round(n == 0 ? 0 : (double)correct / n),
            ResponseMacroF1 = Round(present.Count == 0 ? 0 : present.Average(t => perClass[t].F1)),
            MacroF1Classes = present.Count,
            RelevanceF1 = Round(F1(relP, relR)),
            ActorAccuracy = Round(actorN == 0 ? 0 : (double)actorOk / actorN),
            ActorTypeAccuracy = Round(actorN == 0 ? 0 : (double)actorTypeOk / actorN),
            QueueRecall = Round(responses == 0 ? 0 : (double)queuedResponses / responses),
            QueuePrecision = Round(queued == 0 ? 0 : (double)queuedResponses / queued),
            PerClass = perClass,
            PerLanguage = perLanguage.OrderBy(kv => kv.Key).ToDictionary(kv => kv.Key, kv => new LanguageMetrics(kv.Value.N, Round((double)kv.Value.Ok / kv.Value.N))),
            Confusion = confusion,
        };
    }

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
    private static double Round(double x) => Math.Round(x, 4);
}
