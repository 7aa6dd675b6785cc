using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Bench.Corpus;
using Pipeline.Bench.Infrastructure;
using Pipeline.Classify;
using Pipeline.Classify.Actors;
using Pipeline.Classify.Corpus;
using Pipeline.Classify.Training;
using Pipeline.Worker.Classification;

namespace Pipeline.Bench.Benchmarks;

/// <summary>
/// Classifier costs. Training (exactly what <c>train</c>/first start run: <see cref="ModelTrainer.Train"/> with both
/// candidate trainers, the actor-type model and the validation reports) on 1k/5k/20k examples, each size in its own
/// child process so that its peak RSS is its own. The shipped corpus has 1,879 examples: 1k is a fixed sample of it,
/// larger sizes add perturbed copies (sentences dropped or swapped, numbers changed, words dropped, a neutral sentence
/// added; labels kept). Then, with the model trained on the shipped corpus: load time (cold, in a fresh process, and
/// warm), model size on disk, predictions per second one at a time on one thread, on all cores, and batched.
/// </summary>
public static partial class ClassifierBench
{
    public static int[] Sizes(bool quick) => quick ? [500] : [1000, 5000, 20000];

    public static async Task RunAsync(BenchRun bench)
    {
        bench.Section("Classifier");
        var cmd = bench.Command("classifier");
        var trained = await bench.EnsureModelAsync();
        if (trained is { } t) bench.Note(BenchRun.Inv($"trained the shipped-corpus model for the shared model folder ({t.TotalSeconds:0.0} s)"));

        var rows = new List<IReadOnlyList<string>>();
        foreach (var size in Sizes(bench.Quick))
        {
            var dir = bench.Fresh($"train-{size}");
            var run = await Proc.RunAsync("dotnet", [bench.BenchDll, "child-train", "--size", size.ToString(CultureInfo.InvariantCulture), "--out", dir], dir);
            if (run.ExitCode != 0) throw new InvalidOperationException($"child-train {size} failed:\n{run.Stdout}\n{run.Stderr}");
            var r = JsonSerializer.Deserialize<TrainReport>(LastJsonLine(run.Stdout))!;
            rows.Add([size.ToString("N0", CultureInfo.InvariantCulture), r.Perturbed.ToString("N0", CultureInfo.InvariantCulture), BenchRun.Inv($"{r.Seconds:0.0}"),
                BenchRun.Inv($"{r.CpuSeconds:0.0}"), string.Join(", ", r.Steps.Select(s => BenchRun.Inv($"{s.Key} {s.Value:0.0}"))),
                BenchRun.Inv($"{r.BaselineRssMb:0}"), BenchRun.Inv($"{run.PeakRssBytes / 1048576.0:0}"), BenchRun.Inv($"{r.AllocatedMb:N0}"), BenchRun.Inv($"{r.ModelKb / 1024:0.0}"), r.Trainer]);
            bench.Add("classifier", $"training on {size:N0} examples", BenchRun.Inv($"{r.Seconds:0.0} s ({r.CpuSeconds:0.0} s CPU), peak RSS {run.PeakRssBytes / 1048576.0:0} MB (process before training {r.BaselineRssMb:0} MB), model {r.ModelKb / 1024:0.0} MB"),
                cmd, headline: size == Sizes(bench.Quick)[0] || size == 20000);
        }
        bench.Table($"Training time and memory (`{cmd}`; each size in a fresh child process; peak RSS = VmHWM of that process)",
            ["examples", "of which perturbed copies", "wall s", "CPU s", "steps (s)", "RSS before MB", "peak RSS MB", "allocated MB", "model MB", "chosen trainer"], rows);

        // Predictions and load time with the shipped-corpus model, in a fresh process.
        var version = Directory.EnumerateDirectories(bench.ModelDirectory).Select(Path.GetFileName).Where(v => v is not null && !v.EndsWith(".tmp"))
            .Where(v => File.Exists(Path.Combine(bench.ModelDirectory, v!, "manifest.json"))).Order().Last()!;
        var pdir = bench.Fresh("predict");
        var prun = await Proc.RunAsync("dotnet", [bench.BenchDll, "child-predict", "--models", bench.ModelDirectory, "--version", version, bench.Quick ? "--quick" : "--full"], pdir);
        if (prun.ExitCode != 0) throw new InvalidOperationException($"child-predict failed:\n{prun.Stdout}\n{prun.Stderr}");
        var p = JsonSerializer.Deserialize<PredictReport>(LastJsonLine(prun.Stdout))!;
        bench.Add("classifier", "model load time", BenchRun.Inv($"{p.ColdLoadMs:0} ms cold (first load in a fresh process), {p.WarmLoadMs:0} ms warm"), cmd, headline: true);
        bench.Add("classifier", "memory of a process holding the model (workstation GC)", BenchRun.Inv($"RSS {p.RssStartMb:0} MB at start, {p.RssLoadedMb:0} MB with the model loaded, {p.RssAfterMb:0} MB after the predictions; managed heap {p.ManagedHeapMb:0} MB"), cmd);
        bench.Add("classifier", "managed memory each part holds once loaded",
            BenchRun.Inv($"actor vocabulary {p.VocabularyRetainedMb:0} MB; ") +
            string.Join(", ", p.ModelRetainedMb.Select(kv => BenchRun.Inv($"{kv.Key} {kv.Value:0} MB"))), cmd);
        bench.Add("classifier", "model size on disk", BenchRun.Inv($"{p.ModelKb / 1024:0.0} MB (response.zip + actor-type.zip + manifest, shipped corpus)"), cmd);
        foreach (var set in p.Sets)
        {
            bench.Add("classifier", $"predictions, {set.Name} (avg {set.AvgChars:N0} chars)",
                BenchRun.Inv($"{set.SinglePerSecond:N0}/s one at a time on 1 thread ({1000 / set.SinglePerSecond:0.00} ms each, {set.SingleCpuMs:0.00} ms CPU); {set.ParallelPerSecond:N0}/s on {Environment.ProcessorCount} threads; {set.BatchPerSecond:N0}/s batched (PredictBatch of {set.Count})"),
                cmd, headline: set.Name.StartsWith("article", StringComparison.Ordinal));
        }
    }

    private static string LastJsonLine(string stdout) => stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.TrimStart().StartsWith('{'));

    // ---------------------------------------------------------------- child: training one size

    public sealed record TrainReport(int Size, int Perturbed, double Seconds, double CpuSeconds, Dictionary<string, double> Steps, double BaselineRssMb, double AllocatedMb, double ModelKb, string Trainer);

    public static int ChildTrain(int size, string outDir)
    {
        var vocabulary = ActorVocabulary.Load();
        var corpus = Examples(size, out int perturbed);
        GC.Collect();
        var baseline = Proc.Memory(Environment.ProcessId)?.Rss ?? 0;
        var alloc0 = GC.GetTotalAllocatedBytes(false);
        var steps = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        var cpu0 = Cpu.Process();
        double last = 0;
        string? current = null;
        void Progress(string message)
        {
            // Each progress line starts a step; the previous one ends (see ModelTrainer's messages).
            var name = message.StartsWith("training response-type model with ", StringComparison.Ordinal) ? message["training response-type model with ".Length..].Split(' ')[0]
                : message.StartsWith("training actor-type", StringComparison.Ordinal) ? "actor-type" : null;
            if (name is null) return;
            if (current is not null) steps[current] = clock.Elapsed.TotalSeconds - last;
            current = name;
            last = clock.Elapsed.TotalSeconds;
        }
        var result = ModelTrainer.Train(corpus, vocabulary, progress: Progress, relevanceGate: ClassifierProvider.AboutBelarus);
        if (current is not null) steps[current + " + final evaluation"] = clock.Elapsed.TotalSeconds - last;
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = (Cpu.Process() - cpu0).TotalSeconds;
        var allocated = (GC.GetTotalAllocatedBytes(false) - alloc0) / 1048576.0;
        var store = new ModelStore(outDir);
        var path = store.Save(result, ModelStore.NewVersion(DateTimeOffset.UtcNow, result.DataFingerprint), DateTimeOffset.UtcNow);
        var modelKb = Directory.EnumerateFiles(path).Sum(f => new FileInfo(f).Length) / 1024.0;
        Console.WriteLine(JsonSerializer.Serialize(new TrainReport(size, perturbed, seconds, cpu, steps, baseline / 1048576.0, allocated, modelKb, result.Trainer.ToString())));
        return 0;
    }

    /// <summary>A fixed sample of the shipped corpus, or all of it plus perturbed copies (labels unchanged) up to <paramref name="size"/>.</summary>
    public static LoadedCorpus Examples(int size, out int perturbed)
    {
        var shipped = ClassifierProvider.ShippedCorpus().Examples;
        var rng = new Random(7);
        var shuffled = shipped.OrderBy(_ => rng.Next()).ToList();
        perturbed = 0;
        if (size <= shuffled.Count) return new LoadedCorpus(shuffled.Take(size).ToList(), []);
        var list = new List<LabelledExample>(size);
        list.AddRange(shuffled);
        for (int k = 1; list.Count < size; k++)
            foreach (var e in shuffled)
            {
                if (list.Count >= size) break;
                list.Add(Perturb(e, k, rng));
                perturbed++;
            }
        return new LoadedCorpus(list, []);
    }

    private static readonly string[] Fillers =
    [
        "The statement was published on the website.", "Further details are available from the press office.", "The text was also circulated to partners.",
        "Заявление опубликовано на сайте.", "Die Erklärung wurde auf der Website veröffentlicht.", "La déclaration a été publiée sur le site.",
        "Oświadczenie opublikowano na stronie.", "Pareiškimas paskelbtas svetainėje.", "This item was updated later the same day.",
    ];

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    private static LabelledExample Perturb(LabelledExample e, int k, Random rng)
    {
        var sentences = SentenceBreak().Split(e.Text).Where(s => s.Length > 0).ToList();
        if (sentences.Count >= 3 && rng.NextDouble() < 0.5) sentences.RemoveAt(1 + rng.Next(sentences.Count - 1));
        if (sentences.Count >= 3 && rng.NextDouble() < 0.5)
        {
            int i = 1 + rng.Next(sentences.Count - 2);
            (sentences[i], sentences[i + 1]) = (sentences[i + 1], sentences[i]);
        }
        if (rng.NextDouble() < 0.5) sentences.Add(Fillers[rng.Next(Fillers.Length)]);
        var text = string.Join(" ", sentences);
        text = Digits().Replace(text, m => rng.Next(1, 2000).ToString(CultureInfo.InvariantCulture));
        var words = text.Split(' ');
        if (words.Length > 12) text = string.Join(" ", words.Where(_ => rng.NextDouble() > 0.03));
        return new LabelledExample
        {
            Id = $"{e.Id}~{k}", Title = e.Title, Text = text, Language = e.Language, ResponseTypes = [.. e.ResponseTypes],
            Actor = e.Actor, ActorType = e.ActorType, CoActors = e.CoActors, Binding = e.Binding, Stance = e.Stance, Origin = e.Origin + $" (perturbed {k})",
        };
    }

    // ---------------------------------------------------------------- child: load and predictions

    public sealed record PredictSet(string Name, int Count, double AvgChars, double SinglePerSecond, double SingleCpuMs, double ParallelPerSecond, double BatchPerSecond);
    public sealed record PredictReport(double ColdLoadMs, double WarmLoadMs, double ModelKb, List<PredictSet> Sets, double RssStartMb,
        double RssLoadedMb, double RssAfterMb, double ManagedHeapMb, double VocabularyRetainedMb, Dictionary<string, double> ModelRetainedMb);

    public static int ChildPredict(string modelsRoot, string version, bool quick)
    {
        var rssStart = Proc.Memory(Environment.ProcessId)?.Rss ?? 0;
        var heapStart = GC.GetTotalMemory(true);
        var vocabulary = ActorVocabulary.Load();
        var vocabularyMb = (GC.GetTotalMemory(true) - heapStart) / 1048576.0;
        var store = new ModelStore(modelsRoot);
        var clock = Stopwatch.StartNew();
        var classifier = store.Load(version, vocabulary, 0.25, ClassifierProvider.AboutBelarus);
        classifier.Predict("warm", "first prediction");
        var cold = clock.Elapsed.TotalMilliseconds;
        // A process shares a version it already holds (ModelStore): the warm load reads a copy of the folder, so it measures
        // reading the files again with the code already compiled.
        var copy = version + "-reread";
        Directory.CreateDirectory(Path.Combine(modelsRoot, copy));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(modelsRoot, version)))
            File.Copy(file, Path.Combine(modelsRoot, copy, Path.GetFileName(file)), overwrite: true);
        clock.Restart();
        Classifier? again = store.Load(copy, vocabulary, 0.25, ClassifierProvider.AboutBelarus);
        again.Predict("warm", "first prediction");
        var warm = clock.Elapsed.TotalMilliseconds;
        again = null;
        Directory.Delete(Path.Combine(modelsRoot, copy), true);
        // What each model file holds once loaded (managed bytes kept alive by the loaded transformer).
        var retained = new Dictionary<string, double>();
        var held = new List<object>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(modelsRoot, version), "*.zip").Order())
        {
            var before = GC.GetTotalMemory(true);
            using (var stream = File.OpenRead(file)) held.Add(new Microsoft.ML.MLContext(1).Model.Load(stream, out _));
            retained[Path.GetFileName(file)] = (GC.GetTotalMemory(true) - before) / 1048576.0;
        }
        held.Clear();
        var modelKb = Directory.EnumerateFiles(Path.Combine(modelsRoot, version)).Sum(f => new FileInfo(f).Length) / 1024.0;
        again = null;
        GC.Collect();
        var rssLoaded = Proc.Memory(Environment.ProcessId)?.Rss ?? 0;

        var (_, validation) = CorpusSplit.Split(ClassifierProvider.ShippedCorpus().Examples);
        var corpusTexts = validation.Take(quick ? 200 : 1000).Select(e => (e.Title, e.Text)).ToList();
        var articles = Enumerable.Range(0, quick ? 200 : 1000).Select(i => TextGenerator.Generate(i % 7, i, 99))
            .Select(a => ((string?)a.Title, string.Join("\n", a.Paragraphs))).ToList();
        var sets = new List<PredictSet>
        {
            Measure("shipped-corpus validation texts", corpusTexts, classifier),
            Measure("article texts as the pipeline extracts them (generated)", articles, classifier),
        };
        GC.Collect();
        var managed = GC.GetTotalMemory(true);
        Console.WriteLine(JsonSerializer.Serialize(new PredictReport(cold, warm, modelKb, sets, rssStart / 1048576.0, rssLoaded / 1048576.0,
            (Proc.Memory(Environment.ProcessId)?.Rss ?? 0) / 1048576.0, managed / 1048576.0, vocabularyMb, retained)));
        GC.KeepAlive(classifier);
        return 0;
    }

    private static PredictSet Measure(string name, List<(string? Title, string Text)> texts, Classifier classifier)
    {
        foreach (var (title, text) in texts.Take(50)) classifier.Predict(title, text);
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var cpu0 = Cpu.Thread();
        foreach (var (title, text) in texts) classifier.Predict(title, text);
        var single = texts.Count / clock.Elapsed.TotalSeconds;
        var singleCpu = (Cpu.Thread() - cpu0).TotalMilliseconds / texts.Count;
        clock.Restart();
        Parallel.ForEach(texts, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, t => classifier.Predict(t.Title, t.Text));
        var parallel = texts.Count / clock.Elapsed.TotalSeconds;
        var batchInput = texts.Select(t => (t.Title, t.Text, (string?)null)).ToList();
        classifier.PredictBatch(batchInput.Take(20).ToList());
        clock.Restart();
        classifier.PredictBatch(batchInput);
        var batch = texts.Count / clock.Elapsed.TotalSeconds;
        return new PredictSet(name, texts.Count, texts.Average(t => t.Text.Length), single, singleCpu, parallel, batch);
    }
}
