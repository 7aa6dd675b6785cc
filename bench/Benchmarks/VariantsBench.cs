using Microsoft.ML;
using Pipeline.Bench.Infrastructure;
using Pipeline.Classify;
using Pipeline.Classify.Actors;
using Pipeline.Classify.Corpus;
using Pipeline.Classify.Evaluation;
using Pipeline.Classify.Schema;
using Pipeline.Classify.Training;
using Pipeline.Worker.Classification;

namespace Pipeline.Bench.Benchmarks;

/// <summary>
/// Response-model variants out of style (issue 11): for each held-out group (by default the two halves of the voice
/// files), three response models are trained on the rest — term frequency over the feature text (the shipped model),
/// TF-IDF over the same feature text, and the plain baseline (TF-IDF over the raw text) — and every single model and
/// average of two or three is scored on the group: macro-F1, accuracy, and the queue at the threshold chosen on
/// in-style validation (as training does). Actors are not trained here (the resolver's rules stand in).
/// </summary>
public static class VariantsBench
{
    public static Task RunAsync(BenchRun bench, IReadOnlyList<string>? named, bool parallel)
    {
        bench.Section("Response-model variants out of style (issue 11)");
        var corpus = ClassifierProvider.ShippedCorpus();
        var vocabulary = ActorVocabulary.Load();
        var groups = named is { Count: > 0 } ? named.Select(OutOfStyle.Named).ToList() : OutOfStyle.DefaultGroups(corpus.Examples).Take(2).ToList();
        var results = new (string Group, int N, List<IReadOnlyList<string>> Rows)[groups.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel ? 2 : 1 };
        Parallel.For(0, groups.Count, options, g =>
        {
            var (name, member) = groups[g];
            var heldOut = corpus.Examples.Where(member).ToList();
            var (train, validation) = CorpusSplit.Split(corpus.Examples.Where(e => !member(e)));
            var ml = new MLContext(ModelTrainer.Seed);
            var rows = train.Select(e => new TextRow { Label = e.Primary, Text = FeatureText.Build(e.Title, e.Text, vocabulary), Weight = e.Weight }).ToList();
            Console.WriteLine($"{name}: training on {train.Count}, {heldOut.Count} held out");
            var tf = TextModel.Train(ml, rows, ModelTrainer.ResponseOptions(TrainerKind.LbfgsMaximumEntropy));
            Console.WriteLine($"{name}: tf done");
            var tfidf = TextModel.Train(ml, rows, ModelTrainer.ResponseOptions(TrainerKind.LbfgsMaximumEntropy) with
            {
                Weighting = Microsoft.ML.Transforms.Text.NgramExtractingEstimator.WeightingCriteria.TfIdf,
            });
            Console.WriteLine($"{name}: tf-idf done");
            var raw = Baseline.Train(ml, train);
            Console.WriteLine($"{name}: baseline done");
            var table = new List<IReadOnlyList<string>>();
            void Score(string label, TextModel main, TextModel? companion, bool companionRaw)
            {
                Classifier Make(double threshold) => new(main, main, vocabulary, label, relevanceGate: ClassifierProvider.AboutBelarus)
                {
                    CompanionModel = companion, CompanionReadsRawText = companionRaw, QueueThreshold = threshold,
                };
                var inStyle = Make(Classifier.DefaultQueueThreshold).PredictBatch(validation.Select(e => (e.Title, e.Text, (string?)null)).ToList());
                var threshold = QueueThreshold.Choose(validation, inStyle);
                var report = ModelTrainer.Evaluate(Make(threshold), heldOut);
                var valReport = Evaluator.Evaluate(validation, inStyle);
                table.Add([label, BenchRun.Inv($"{valReport.ResponseMacroF1:0.000}"), BenchRun.Inv($"{report.ResponseMacroF1:0.000}"),
                    BenchRun.Inv($"{report.Accuracy:0.000}"), BenchRun.Inv($"{threshold:0.00}"), BenchRun.Inv($"{report.QueueRecall:0.000}"),
                    BenchRun.Inv($"{report.QueuePrecision:0.000}")]);
                Console.WriteLine(BenchRun.Inv($"  {name} {label}: macro-F1 {report.ResponseMacroF1:0.000}, queue recall {report.QueueRecall:0.000}"));
            }
            Score("TF (shipped)", tf, null, false);
            Score("TF-IDF", tfidf, null, false);
            Score("TF + TF-IDF", tf, tfidf, false);
            Score("TF + raw baseline", tf, raw, true);
            Score("TF-IDF + raw baseline", tfidf, raw, true);
            var b = Baseline.Evaluate(raw, heldOut);
            table.Add(["raw baseline alone (queue = top label)", "", BenchRun.Inv($"{b.ResponseMacroF1:0.000}"), BenchRun.Inv($"{b.Accuracy:0.000}"), "",
                BenchRun.Inv($"{b.QueueRecall:0.000}"), BenchRun.Inv($"{b.QueuePrecision:0.000}")]);
            results[g] = (name, heldOut.Count, table);
        });
        foreach (var (group, n, rows) in results)
            bench.Table($"{group} held out ({n} examples; {bench.Command("variants")})",
                ["response model", "in-style macro_f1", "macro_f1", "accuracy", "queue threshold", "queue_recall", "queue_precision"], rows);
        return Task.CompletedTask;
    }
}
