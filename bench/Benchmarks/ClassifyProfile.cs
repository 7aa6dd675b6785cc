using System.Diagnostics;
using Microsoft.ML;
using Pipeline.Bench.Corpus;
using Pipeline.Bench.Infrastructure;
using Pipeline.Classify;
using Pipeline.Classify.Actors;
using Pipeline.Classify.Training;
using Pipeline.Ingest.Deduplication;
using Pipeline.Classify.Relevance;
using Pipeline.Worker.Classification;

namespace Pipeline.Bench.Benchmarks;

/// <summary>
/// Where the classify stage's time goes: each step of <see cref="Classifier.Predict"/> timed on its own (thread CPU,
/// warm), over article texts as the pipeline extracts them. Diagnostic, printed as a table.
/// </summary>
public static class ClassifyProfile
{
    public static async Task RunAsync(BenchRun bench)
    {
        bench.Section("Classify stage, step by step");
        await bench.EnsureModelAsync();
        var version = Directory.EnumerateDirectories(bench.ModelDirectory).Select(Path.GetFileName).Where(v => v is not null && !v.EndsWith(".tmp"))
            .Where(v => File.Exists(Path.Combine(bench.ModelDirectory, v!, "manifest.json"))).Order().Last()!;
        var dir = Path.Combine(bench.ModelDirectory, version);
        var ml = new MLContext(ModelTrainer.Seed);
        var response = TextModel.Load(ml, Path.Combine(dir, "response.zip"));
        var actorType = TextModel.Load(ml, Path.Combine(dir, "actor-type.zip"));
        var vocabulary = ActorVocabulary.Load();
        var classifier = new Classifier(response, actorType, vocabulary, version, 0.25, ClassifierProvider.AboutBelarus);
        // The classifier as `classify` and ingest load it: with the raw-text companion, stance, binding and actor models.
        var shipped = new ModelStore(bench.ModelDirectory).Load(version, vocabulary, 0.25, ClassifierProvider.AboutBelarus);
        var stance = TextModel.Load(ml, Path.Combine(dir, "stance.zip"));
        var binding = TextModel.Load(ml, Path.Combine(dir, "binding.zip"));
        var companion = TextModel.Load(ml, Path.Combine(dir, "companion.zip"));
        var actorModel = ActorModel.Load(ml, Path.Combine(dir, "actor.zip"));
        var texts = Enumerable.Range(0, bench.Quick ? 200 : 500).Select(i => TextGenerator.Generate(i % 9, i, 77))
            .Select(a => (Title: a.Title, Text: string.Join("\n", a.Paragraphs))).ToList();
        var features = texts.Select(t => FeatureText.Build(t.Title, t.Text, vocabulary)).ToList();
        var folded = texts.Select(t => Pipeline.Classify.Lexicon.TextFold.Fold(t.Text)).ToList();
        var steps = new (string Name, Action<int> Run)[]
        {
            ("Classifier.Predict, as shipped (all models)", i => shipped.Predict(texts[i].Title, texts[i].Text)),
            ("  companion model: TextModel.Score(raw title and text)", i => companion.Score(Baseline.Raw(texts[i].Title, texts[i].Text))),
            ("  stance model: TextModel.Score(features + type)", i => stance.Score(features[i] + " zztypetargeted_sanctions")),
            ("  binding model: TextModel.Score(features + type)", i => binding.Score(features[i] + " zztypetargeted_sanctions")),
            ("  ActorModel.Resolve (vocabulary scan, trees)", i => actorModel.Resolve(vocabulary, texts[i].Title, texts[i].Text, null, "targeted_sanctions")),
            ("Classifier.Predict, response + actor-type models only", i => classifier.Predict(texts[i].Title, texts[i].Text)),
            ("  FeatureText.Build (vocabulary scan of title+text)", i => FeatureText.Build(texts[i].Title, texts[i].Text, vocabulary)),
            ("    TextFold.Fold", i => Pipeline.Classify.Lexicon.TextFold.Fold(texts[i].Text)),
            ("    TextFold.Transliterate", i => Pipeline.Classify.Lexicon.TextFold.Transliterate(folded[i])),
            ("    ResponseLexicon.Count (regex groups; called on text and lead)", i => Pipeline.Classify.Lexicon.ResponseLexicon.Count(folded[i])),
            ("    BelarusContext.Evaluate", i => BelarusContext.Evaluate(folded[i])),
            ("  ActorVocabulary.FindMentions(text) alone", i => vocabulary.FindMentions(texts[i].Text)),
            ("  response model: TextModel.Score(features)", i => response.Score(features[i])),
            ("  actor-type model: TextModel.Score(features)", i => actorType.Score(features[i])),
            ("  ActorResolver.Resolve (vocabulary scan again)", i => ActorResolver.Resolve(vocabulary, texts[i].Title, texts[i].Text, null)),
            ("  relevance gate: BelarusRelevance.Check", i => BelarusRelevance.Check(texts[i].Title, texts[i].Text)),
            ("fingerprint stage: ContentHash + Words + SimHash", i => { TextFingerprint.ContentHash(texts[i].Text); _ = TextFingerprint.Words(texts[i].Text).Length; TextFingerprint.SimHash(texts[i].Text); }),
            ("  TextFingerprint.Words alone", i => TextFingerprint.Words(texts[i].Text)),
        };
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (name, run) in steps)
        {
            for (int r = 0; r < 3; r++) for (int i = 0; i < Math.Min(60, texts.Count); i++) run(i); // warm-up (tier-1 JIT)
            Thread.Sleep(300);
            GC.Collect();
            var alloc0 = GC.GetAllocatedBytesForCurrentThread();
            var cpu0 = Cpu.Thread();
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < texts.Count; i++) run(i);
            var cpu = (Cpu.Thread() - cpu0).TotalMilliseconds / texts.Count;
            rows.Add([name, BenchRun.Inv($"{cpu:0.00}"), BenchRun.Inv($"{clock.Elapsed.TotalMilliseconds / texts.Count:0.00}"),
                BenchRun.Inv($"{(GC.GetAllocatedBytesForCurrentThread() - alloc0) / 1024.0 / texts.Count:0}")]);
        }
        bench.Table(BenchRun.Inv($"Classify stage step by step, {texts.Count} generated article texts (avg {texts.Average(t => t.Text.Length):0} chars), warm, one thread (`{bench.Command("classifier")}`)"),
            ["step", "CPU ms/text", "wall ms/text", "KB allocated/text"], rows);
    }
}
