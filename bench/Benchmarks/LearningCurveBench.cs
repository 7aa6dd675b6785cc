using Pipeline.Bench.Infrastructure;
using Pipeline.Classify;
using Pipeline.Classify.Actors;
using Pipeline.Classify.Corpus;
using Pipeline.Classify.Evaluation;
using Pipeline.Classify.Training;
using Pipeline.Worker.Classification;

namespace Pipeline.Bench.Benchmarks;

/// <summary>
/// Reviews teach (issue 11): how much do reviewed items of an unseen style help, and what should they weigh? One voice
/// of the corpus is held out whole (it plays "real text nobody on the team wrote"); half of it is the pool of reviewed
/// items, the other half the test. Models are trained on the rest of the corpus plus 0, 40, 80 or 160 reviewed items
/// at weight 1 and at higher weights (as <c>train --data</c> and approved reviews are), and scored on the test half.
/// </summary>
public static class LearningCurveBench
{
    public static readonly int[] Sizes = [0, 40, 80, 160];
    public static readonly float[] Weights = [1, 3];

    public static Task RunAsync(BenchRun bench, IReadOnlyList<string> groups)
    {
        bench.Section("Learning curve: reviewed items of an unseen voice (issue 11)");
        var corpus = ClassifierProvider.ShippedCorpus();
        var vocabulary = ActorVocabulary.Load();
        var sizes = bench.Quick ? new[] { 0, 80 } : Sizes;
        var weights = bench.Quick ? new float[] { 1, 3 } : Weights;
        foreach (var group in groups)
        {
            var held = corpus.Examples.Where(e => OutOfStyle.FileOf(e).StartsWith(group, StringComparison.Ordinal)).ToList();
            if (held.Count < 2 * sizes.Max()) { bench.Note($"{group}: {held.Count} examples, fewer than {2 * sizes.Max()}: skipped"); continue; }
            // A fixed shuffle, so every run draws the same pool and test.
            var shuffled = held.OrderBy(e => Hash(e.Id ?? e.Text)).ToList();
            var pool = shuffled.Take(held.Count / 2).ToList();
            var test = shuffled.Skip(held.Count / 2).ToList();
            var rest = corpus.Examples.Where(e => !held.Contains(e)).ToList();
            var rows = new List<IReadOnlyList<string>>();
            foreach (var n in sizes)
                foreach (var w in n == 0 ? [1f] : weights)
                {
                    var reviewed = pool.Take(n).Select(e => Copy(e, w)).ToList();
                    var result = ModelTrainer.Train(new LoadedCorpus([.. rest, .. reviewed], []), vocabulary, [ModelTrainer.DefaultTrainers[0]],
                        relevanceGate: ClassifierProvider.AboutBelarus, withBaseline: false);
                    var report = ModelTrainer.Evaluate(result.ToClassifier(vocabulary, "curve", ClassifierProvider.AboutBelarus), test);
                    rows.Add([n.ToString(), w.ToString("0"), BenchRun.Inv($"{report.ResponseMacroF1:0.000}"), BenchRun.Inv($"{report.Accuracy:0.000}"),
                        BenchRun.Inv($"{report.QueueRecall:0.000}"), BenchRun.Inv($"{report.QueuePrecision:0.000}"), BenchRun.Inv($"{report.ActorAccuracy:0.000}")]);
                    Console.WriteLine(BenchRun.Inv($"  {group} n={n} weight={w}: macro-F1 {report.ResponseMacroF1:0.000}, accuracy {report.Accuracy:0.000}"));
                }
            bench.Table($"{group} held out: {pool.Count} reviewed-item pool, {test.Count} test items ({bench.Command("curve", "--groups " + group)})",
                ["reviewed items", "weight", "macro_f1", "accuracy", "queue_recall", "queue_precision", "actor_accuracy"], rows);
        }
        return Task.CompletedTask;
    }

    private static LabelledExample Copy(LabelledExample e, float weight) => new()
    {
        Id = "reviewed-" + e.Id, Title = e.Title, Text = e.Text, Language = e.Language, ResponseTypes = e.ResponseTypes, Actor = e.Actor,
        ActorType = e.ActorType, CoActors = e.CoActors, Binding = e.Binding, Stance = e.Stance, TrainOnly = true, Weight = weight, Origin = e.Origin,
    };

    private static uint Hash(string s)
    {
        uint h = 2166136261;
        foreach (var c in s) h = (h ^ c) * 16777619;
        return h;
    }
}
