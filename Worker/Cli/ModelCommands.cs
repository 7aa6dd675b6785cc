using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Classify;
using Pipeline.Classify.Corpus;
using Pipeline.Classify.Evaluation;
using Pipeline.Classify.Facts;
using Pipeline.Classify.Training;
using Pipeline.Store;
using Pipeline.Worker.Classification;

namespace Pipeline.Worker.Cli;

/// <summary>evaluate, classify, train and models: the maintainers' commands.</summary>
public static class ModelCommands
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The options of <c>evaluate</c>.</summary>
    public sealed record EvaluateArgs(string? Data, bool Validation, string? Json, string? Model, bool OutOfStyle, IReadOnlyList<string> HoldOut,
        bool NoBaseline, bool FactsOnly = false);

    public static async Task<int> EvaluateAsync(EvaluateArgs a, IServiceProvider services, TextWriter stdout, CancellationToken ct)
    {
        if (a.FactsOnly) return await FactsOnlyAsync(a, stdout, ct);
        if (a.OutOfStyle) return await OutOfStyleAsync(a, services, stdout, ct);
        if (a.HoldOut.Count > 0 || a.NoBaseline) throw new UsageException("--hold-out and --no-baseline are for evaluate --out-of-style");
        bool validation = a.Validation;
        var data = a.Data;
        if (validation == (data is not null)) throw new UsageException("evaluate needs --data FILE.jsonl, or --validation for the shipped corpus's fixed validation split");
        OutputPath.EnsureInput(data, "data file");
        OutputPath.EnsureFolder(a.Json, "--json");
        var provider = services.GetRequiredService<ClassifierProvider>();
        var classifier = a.Model is { } version ? LoadOrUsage(provider, version) : await provider.GetAsync(ct);

        LoadedCorpus corpus;
        if (validation)
        {
            // The same split `train` reports on (models trained on the shipped corpus never saw these items).
            var shipped = ClassifierProvider.ShippedCorpus();
            corpus = new LoadedCorpus(CorpusSplit.Split(shipped.Examples).Validation, shipped.Problems);
            data = "the fixed validation split of the shipped corpus";
        }
        else corpus = CorpusLoader.Load([data!]);
        foreach (var p in corpus.Problems) await stdout.WriteLineAsync($"skipped {p.Origin}: {p.Message}");
        if (corpus.Examples.Count == 0) throw new InputException($"{data} has no usable labelled items");

        var predictions = classifier.PredictBatch(corpus.Examples.Select(e => (e.Title, e.Text, (string?)null)).ToList());
        var report = Evaluator.Evaluate(corpus.Examples, predictions);
        var facts = FactsEvaluator.Evaluate(corpus.Examples, predictions);
        await stdout.WriteLineAsync($"model {classifier.Version} on {data}: {report.N} items{(corpus.Problems.Count > 0 ? $", {corpus.Problems.Count} skipped" : "")}");
        await stdout.WriteAsync(Format(report));
        await stdout.WriteAsync(FormatFacts(facts));
        // The plain baseline trained with this version, on the same items: the model must beat it.
        EvaluationReport? baseline = null;
        if (!provider.Models.Exists(classifier.Version) || provider.Models.LoadBaseline(classifier.Version) is not { } baselineModel)
            await stdout.WriteLineAsync($"{Environment.NewLine}no plain baseline was trained with {classifier.Version} (the first start skips it; `train` trains one)");
        else
        {
            baseline = Baseline.Evaluate(baselineModel, corpus.Examples);
            await stdout.WriteLineAsync();
            await stdout.WriteLineAsync("plain baseline (TF-IDF word 1-2 + char 1-5-grams, logistic regression, same training data), same items:");
            await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                "  response_macro_f1 {0:0.0000}  accuracy {1:0.0000}  queue_recall {2:0.0000}  queue_precision {3:0.0000}   (model: {4:0.0000} {5:0.0000} {6:0.0000} {7:0.0000})",
                baseline.ResponseMacroF1, baseline.Accuracy, baseline.QueueRecall, baseline.QueuePrecision,
                report.ResponseMacroF1, report.Accuracy, report.QueueRecall, report.QueuePrecision));
        }
        if (a.Json is { } jsonPath)
        {
            var json = new Dictionary<string, object>
            {
                ["response_macro_f1"] = report.ResponseMacroF1, ["accuracy"] = report.Accuracy, ["relevance_f1"] = report.RelevanceF1,
                ["actor_accuracy"] = report.ActorAccuracy, ["actor_type_accuracy"] = report.ActorTypeAccuracy,
                ["queue_recall"] = report.QueueRecall, ["queue_precision"] = report.QueuePrecision,
                ["queue_threshold"] = classifier.QueueThreshold,
                ["per_class"] = report.PerClass, ["per_language"] = report.PerLanguage, ["n"] = report.N,
                ["facts"] = facts,
            };
            if (baseline is not null)
                json["baseline"] = new Dictionary<string, object>
                {
                    ["response_macro_f1"] = baseline.ResponseMacroF1, ["accuracy"] = baseline.Accuracy, ["relevance_f1"] = baseline.RelevanceF1,
                    ["queue_recall"] = baseline.QueueRecall, ["queue_precision"] = baseline.QueuePrecision,
                };
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(json, Indented), ct);
            await stdout.WriteLineAsync($"metrics written to {Path.GetFullPath(jsonPath)}");
        }
        return 0;
    }

    /// <summary>
    /// evaluate --facts-only: the facts read without a model (the act's date), on the shipped corpus (every annotated
    /// example, or its --validation split) or on --data. Loads no model and trains none: seconds.
    /// </summary>
    private static async Task<int> FactsOnlyAsync(EvaluateArgs a, TextWriter stdout, CancellationToken ct)
    {
        if (a.OutOfStyle || a.Model is not null || a.HoldOut.Count > 0 || a.NoBaseline)
            throw new UsageException("evaluate --facts-only uses no model: it takes --data or --validation and --json only");
        if (a.Validation && a.Data is not null)
            throw new UsageException("evaluate --facts-only takes --data FILE.jsonl or --validation, not both");
        OutputPath.EnsureInput(a.Data, "data file");
        OutputPath.EnsureFolder(a.Json, "--json");
        LoadedCorpus corpus;
        string name;
        if (a.Data is { } data)
        {
            corpus = CorpusLoader.Load([data]);
            name = data;
        }
        else
        {
            var shipped = ClassifierProvider.ShippedCorpus();
            corpus = a.Validation ? new LoadedCorpus(CorpusSplit.Split(shipped.Examples).Validation, shipped.Problems) : shipped;
            name = a.Validation ? "the fixed validation split of the shipped corpus" : "the shipped corpus";
        }
        foreach (var p in corpus.Problems) await stdout.WriteLineAsync($"skipped {p.Origin}: {p.Message}");
        if (corpus.Examples.Count == 0) throw new InputException($"{name} has no usable labelled items");
        var facts = FactsEvaluator.EvaluateWithoutModel(corpus.Examples);
        await stdout.WriteLineAsync($"facts without a model on {name}: {facts.N} items, {facts.Date.N} annotated with the act's date");
        await stdout.WriteAsync(FormatDates(facts));
        if (a.Json is { } jsonPath)
        {
            // Each annotated item the date reader got wrong, with the words it read the date from: what to look at next.
            var errors = new List<Dictionary<string, object?>>();
            foreach (var e in corpus.Examples.Where(e => e.DateLabelled))
            {
                var found = ActDates.Find(e.Title, e.Text, FactsEvaluator.PageDate(e.Published));
                var got = found?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (got == e.Date) continue;
                errors.Add(new()
                {
                    ["id"] = e.Id, ["language"] = e.Language, ["published"] = e.Published, ["date"] = e.Date, ["found"] = got,
                    ["evidence"] = found?.Evidence,
                });
            }
            var json = new Dictionary<string, object>
            {
                ["n"] = facts.N, ["date"] = facts.Date, ["date_per_language"] = facts.DatePerLanguage, ["date_errors"] = errors,
            };
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(json, Indented), ct);
            await stdout.WriteLineAsync($"metrics written to {Path.GetFullPath(jsonPath)}");
        }
        return 0;
    }

    /// <summary>
    /// evaluate --out-of-style: hold out whole groups of the shipped corpus (one voice, long pages, one language), train
    /// on the rest, score the group — model and plain baseline side by side. One training per group (minutes).
    /// </summary>
    private static async Task<int> OutOfStyleAsync(EvaluateArgs a, IServiceProvider services, TextWriter stdout, CancellationToken ct)
    {
        if (a.Data is not null || a.Validation || a.Model is not null)
            throw new UsageException("evaluate --out-of-style trains its own models on the shipped corpus: it takes no --data, --validation or --model");
        OutputPath.EnsureFolder(a.Json, "--json");
        var provider = services.GetRequiredService<ClassifierProvider>();
        var corpus = ClassifierProvider.ShippedCorpus();
        var names = a.HoldOut;
        var groups = names.Count == 0 ? OutOfStyle.DefaultGroups(corpus.Examples) : names.Select(OutOfStyle.Named).ToList();
        var results = await Task.Run(() => OutOfStyle.Run(corpus, provider.Vocabulary, groups, ClassifierProvider.AboutBelarus,
            msg => stdout.WriteLine(msg), withBaseline: !a.NoBaseline,
            withCompanion: services.GetRequiredService<ClassifyOptions>().Companion), ct);
        if (results.Count == 0) throw new InputException("no held-out group has examples (see --hold-out: a file name prefix or lang:xx)");
        var inv = CultureInfo.InvariantCulture;
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"{"held out",-34} {"n",5} {"macro_f1",8} {"accuracy",8} {"q_recall",8} {"q_prec",7} {"actor",6} {"a_type",6} | {"baseline",8} {"b_acc",6} {"b_q_rec",7} | {"ft_only",7} {"ft_q_rec",8}");
        foreach (var r in results)
            await stdout.WriteLineAsync(string.Format(inv, "{0,-34} {1,5} {2,8:0.000} {3,8:0.000} {4,8:0.000} {5,7:0.000} {6,6:0.000} {7,6:0.000} | {8,8} {9,6} {10,7} | {11,7} {12,8}",
                r.Group, r.N, r.Model.ResponseMacroF1, r.Model.Accuracy, r.Model.QueueRecall, r.Model.QueuePrecision, r.Model.ActorAccuracy,
                r.Model.ActorTypeAccuracy, Opt(r.Baseline?.ResponseMacroF1), Opt(r.Baseline?.Accuracy), Opt(r.Baseline?.QueueRecall),
                Opt(r.FeatureTextOnly?.ResponseMacroF1), Opt(r.FeatureTextOnly?.QueueRecall)));
        double Mean(Func<HeldOutResult, double> f) => results.Average(f);
        double? MeanOpt(Func<HeldOutResult, double?> f) => results.All(r => f(r) is not null) ? results.Average(r => f(r)!.Value) : null;
        await stdout.WriteLineAsync(string.Format(inv, "{0,-34} {1,5} {2,8:0.000} {3,8:0.000} {4,8:0.000} {5,7:0.000} {6,6:0.000} {7,6:0.000} | {8,8} {9,6} {10,7}",
            "mean over groups", results.Sum(r => r.N), Mean(r => r.Model.ResponseMacroF1), Mean(r => r.Model.Accuracy), Mean(r => r.Model.QueueRecall),
            Mean(r => r.Model.QueuePrecision), Mean(r => r.Model.ActorAccuracy), Mean(r => r.Model.ActorTypeAccuracy),
            Opt(MeanOpt(r => r.Baseline?.ResponseMacroF1)), Opt(MeanOpt(r => r.Baseline?.Accuracy)), Opt(MeanOpt(r => r.Baseline?.QueueRecall))));
        await stdout.WriteLineAsync();
        // Where the macro-F1 is lost: each class's F1 (and how many held-out items carry it) per group.
        var classes = Taxonomy.Labels;
        await stdout.WriteLineAsync("F1 by primary label on each held-out group (support):");
        await stdout.WriteLineAsync($"{"held out",-34} " +
            string.Join(" ", classes.Select(c => (c.Length > 14 ? c[..14] : c).PadLeft(14))));
        foreach (var r in results)
            await stdout.WriteLineAsync($"{r.Group,-34} " + string.Join(" ", classes.Select(c => (r.Model.PerClass.TryGetValue(c, out var m)
                ? string.Format(inv, "{0:0.000} ({1,4})", m.F1, m.Support) : "n/a").PadLeft(14))));
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync("queue recall / precision on each held-out group by threshold on P(response):");
        await stdout.WriteLineAsync($"{"threshold",-34} " + string.Join(" ", OutOfStyle.CurveThresholds.Select(t => t.ToString("0.00", inv).PadLeft(11))));
        foreach (var r in results)
            await stdout.WriteLineAsync($"{r.Group,-34} " + string.Join(" ", r.QueueCurve.Select(c => $"{c.Recall.ToString("0.000", inv)}/{c.Precision.ToString("0.00", inv)}".PadLeft(11))));
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync("facts on each held-out group (accuracy or precision/recall, and how many items carry the field):");
        await stdout.WriteLineAsync($"{"held out",-34} {"binding",13} {"stance",13} {"supp./easing",13} {"lifecycle",13} {"targets P/R",19}");
        foreach (var r in results.Where(r => r.Facts is not null))
        {
            var f = r.Facts!;
            // A score with nothing to count has none ("n/a", not 0.000): no item carrying the fact, no target predicted
            // (precision) or none labelled (recall).
            string Score(double value, int n, int width) => (n == 0 ? "n/a" : value.ToString("0.000", inv)).PadLeft(width);
            await stdout.WriteLineAsync(string.Format(inv, "{0,-34} {1} ({2,4}) {8} ({9,4}) {10} ({11,4}) {3} ({4,4}) {5}/{6} ({7,4})",
                r.Group, Score(f.Binding.Accuracy, f.Binding.N, 6), f.Binding.N,
                Score(f.Lifecycle.Accuracy, f.Lifecycle.N, 6), f.Lifecycle.N,
                Score(f.Targets.Precision, f.Targets.Predicted, 5), Score(f.Targets.Recall, f.Targets.Truth, 5), f.Targets.N,
                Score(f.Stance.Accuracy, f.Stance.N, 6), f.Stance.N, Score(f.StanceNotCritical.Accuracy, f.StanceNotCritical.N, 6),
                f.StanceNotCritical.N));
        }
        if (a.Json is { } jsonPath)
        {
            var json = results.Select(r => new Dictionary<string, object>
            {
                ["group"] = r.Group, ["n"] = r.N, ["queue_curve"] = r.QueueCurve, ["facts"] = r.Facts!,
                ["model_per_class"] = r.Model.PerClass, ["model_confusion"] = r.Model.Confusion, ["misread"] = r.Misread ?? [],
                ["model"] = new Dictionary<string, double>
                {
                    ["response_macro_f1"] = r.Model.ResponseMacroF1, ["accuracy"] = r.Model.Accuracy, ["queue_recall"] = r.Model.QueueRecall,
                    ["queue_precision"] = r.Model.QueuePrecision, ["actor_accuracy"] = r.Model.ActorAccuracy, ["actor_type_accuracy"] = r.Model.ActorTypeAccuracy,
                },
                ["baseline"] = r.Baseline is null ? null! : new Dictionary<string, double>
                {
                    ["response_macro_f1"] = r.Baseline.ResponseMacroF1, ["accuracy"] = r.Baseline.Accuracy, ["queue_recall"] = r.Baseline.QueueRecall,
                },
                ["feature_text_only"] = r.FeatureTextOnly is null ? null! : new Dictionary<string, double>
                {
                    ["response_macro_f1"] = r.FeatureTextOnly.ResponseMacroF1, ["accuracy"] = r.FeatureTextOnly.Accuracy,
                    ["queue_recall"] = r.FeatureTextOnly.QueueRecall, ["queue_precision"] = r.FeatureTextOnly.QueuePrecision,
                },
            }).ToList();
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(json, Indented), ct);
            await stdout.WriteLineAsync($"metrics written to {Path.GetFullPath(jsonPath)}");
        }
        return 0;
    }

    private static string Opt(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    public static string Format(EvaluationReport r)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine();
        sb.AppendLine($"{"class",-22} {"precision",9} {"recall",7} {"f1",7} {"support",8}");
        foreach (var (label, m) in r.PerClass)
            sb.AppendLine(string.Format(inv, "{0,-22} {1,9:0.000} {2,7:0.000} {3,7:0.000} {4,8}", label, m.Precision, m.Recall, m.F1, m.Support));
        sb.AppendLine();
        sb.AppendLine("confusion matrix (rows: truth, columns: predicted)");
        var labels = Taxonomy.Labels;
        sb.Append($"{"",-22}");
        foreach (var l in labels) sb.Append($" {Abbrev(l),5}");
        sb.AppendLine();
        foreach (var t in labels)
        {
            sb.Append($"{t,-22}");
            foreach (var p in labels) sb.Append($" {r.Confusion[t][p],5}");
            sb.AppendLine();
        }
        sb.AppendLine();
        sb.AppendLine(string.Format(inv, "response_macro_f1   {0:0.0000}   (mean F1 over the {1} of 7 response classes present in the data or the predictions)",
            r.ResponseMacroF1, r.MacroF1Classes));
        sb.AppendLine(string.Format(inv, "accuracy            {0:0.0000}", r.Accuracy));
        sb.AppendLine(string.Format(inv, "relevance_f1        {0:0.0000}", r.RelevanceF1));
        sb.AppendLine(string.Format(inv, "queue_recall        {0:0.0000}   (true responses that reach the review queue)", r.QueueRecall));
        sb.AppendLine(string.Format(inv, "queue_precision     {0:0.0000}   (queued items that are responses)", r.QueuePrecision));
        sb.AppendLine(string.Format(inv, "actor_accuracy      {0:0.0000}", r.ActorAccuracy));
        sb.AppendLine(string.Format(inv, "actor_type_accuracy {0:0.0000}", r.ActorTypeAccuracy));
        sb.AppendLine(string.Format(inv, "n                   {0}", r.N));
        sb.AppendLine();
        sb.AppendLine("accuracy per language");
        foreach (var (lang, m) in r.PerLanguage)
            sb.AppendLine(string.Format(inv, "  {0,-8} {1,6:0.000}  (n={2})", lang, m.Accuracy, m.N));
        return sb.ToString();
    }

    /// <summary>The facts part of the report: each on the items that carry it, and how many those are.</summary>
    public static string FormatFacts(FactsReport f)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine();
        sb.AppendLine("facts (each scored on the labelled items that carry it)");
        sb.AppendLine(string.Format(inv, "binding_accuracy    {0:0.0000}   ({1} of {2} items labelled true/false; a null prediction is wrong)",
            f.Binding.Accuracy, f.Binding.N, f.N));
        sb.AppendLine(string.Format(inv, "stance_accuracy     {0:0.0000}   ({1} of {2} items labelled; supportive or easing alone: {3:0.0000} of {4})",
            f.Stance.Accuracy, f.Stance.N, f.N, f.StanceNotCritical.Accuracy, f.StanceNotCritical.N));
        sb.AppendLine(string.Format(inv, "lifecycle_accuracy  {0:0.0000}   ({1} of {2} items annotated)",
            f.Lifecycle.Accuracy, f.Lifecycle.N, f.N));
        sb.AppendLine($"  {"lifecycle",-12} {"truth",6} {"predicted",9} {"correct",7}");
        foreach (var (label, c) in f.LifecyclePerClass)
            sb.AppendLine(string.Format(inv, "  {0,-12} {1,6} {2,9} {3,7}", label, c.Truth, c.Predicted, c.Correct));
        sb.AppendLine(string.Format(inv, "targets_precision   {0:0.0000}   ({1} of {2} predicted names right)", f.Targets.Precision,
            f.Targets.TruePositives, f.Targets.Predicted));
        sb.AppendLine(string.Format(inv, "targets_recall      {0:0.0000}   ({1} of {2} true names found; {3} of {4} items annotated)",
            f.Targets.Recall, f.Targets.TruePositives, f.Targets.Truth, f.Targets.N, f.N));
        sb.Append(FormatDates(f));
        return sb.ToString();
    }

    /// <summary>The act's date: exact day on the items labelled with a date, misses and wrong guesses, per language.</summary>
    public static string FormatDates(FactsReport f)
    {
        var inv = CultureInfo.InvariantCulture;
        var d = f.Date;
        var sb = new StringBuilder();
        sb.AppendLine(string.Format(inv,
            "date_exact_accuracy {0:0.0000}   ({1} of {2} items labelled with a date; {3} of {4} items annotated)",
            d.ExactAccuracy, d.Exact, d.Dated, d.N, f.N));
        sb.AppendLine(string.Format(inv,
            "  missed {0} (null where a date is labelled), wrong day {1} (of which off by one day {2}, wrong year {3}), " +
            "wrong guess {4} of {5} labelled null; accuracy with nulls {6:0.0000}", d.Missed, d.WrongDay, d.OffByOneDay, d.WrongYear,
            d.WrongGuess, d.Undated, d.Accuracy));
        if (f.DatePerLanguage.Count == 0) return sb.ToString();
        sb.AppendLine($"  {"language",-8} {"n",4} {"dated",5} {"exact",5} {"exact_acc",9} {"missed",6} {"wrong",5} " +
            $"{"off1",4} {"year",4} {"null",4} {"guess",5}");
        foreach (var (lang, l) in f.DatePerLanguage)
            sb.AppendLine(string.Format(inv, "  {0,-8} {1,4} {2,5} {3,5} {4,9:0.000} {5,6} {6,5} {7,4} {8,4} {9,4} {10,5}", lang, l.N,
                l.Dated, l.Exact, l.ExactAccuracy, l.Missed, l.WrongDay, l.OffByOneDay, l.WrongYear, l.Undated, l.WrongGuess));
        return sb.ToString();
    }

    private static string Abbrev(string label) => label switch
    {
        "statement" => "stmt", "targeted_sanctions" => "targ", "economic_measures" => "econ", "diplomatic_measures" => "dipl",
        "support" => "supp", "resolution" => "resol", "investigation" => "invst", "not_a_response" => "notr", "irrelevant" => "irrel", _ => label,
    };

    private static Classifier LoadOrUsage(ClassifierProvider provider, string version)
    {
        try { return provider.Load(version); }
        catch (ModelNotFoundException e) { throw new InputException(e.Message); }
    }

    public static async Task<int> ClassifyAsync(string? inPath, string? outPath, string? model, IServiceProvider services, TextReader stdin,
        TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        inPath ??= "-";
        outPath ??= "-";
        OutputPath.EnsureInput(inPath, "input file");
        OutputPath.EnsureFolder(outPath, "--out");
        var provider = services.GetRequiredService<ClassifierProvider>();
        var classifier = model is { } version ? LoadOrUsage(provider, version) : await provider.GetAsync(ct);
        using var reader = inPath == "-" ? null : new StreamReader(inPath, Encoding.UTF8);
        var input = CorpusLoader.Read(reader ?? stdin, inPath == "-" ? "stdin" : Path.GetFileName(inPath), requireLabels: false);
        await using var file = outPath == "-" ? null : new StreamWriter(outPath, false, new UTF8Encoding(false));
        var output = (TextWriter?)file ?? stdout;
        // Problems go to standard error when predictions go to standard output, so the JSONL stays clean.
        foreach (var p in input.Problems) await (file is null ? stderr : stdout).WriteLineAsync($"skipped {p.Origin}: {p.Message}");
        foreach (var chunk in input.Examples.Chunk(256))
        {
            var predictions = classifier.PredictBatch(chunk.Select(e => (e.Title, e.Text, (string?)null)).ToList());
            for (int i = 0; i < chunk.Length; i++)
                await output.WriteLineAsync(JsonSerializer.Serialize(ToJson(chunk[i], predictions[i]), Compact));
        }
        if (file is not null) await stdout.WriteLineAsync($"classified {input.Examples.Count} item(s) into {Path.GetFullPath(outPath)}");
        return 0;
    }

    private static Dictionary<string, object?> ToJson(LabelledExample e, Prediction p)
    {
        var type = p.FactsType;
        var lifecycle = Lifecycle.Find(e.Title, e.Text, type, p.Stance);
        var json = Predicted(e, p);
        // The lifecycle with the sentence it was read from (start and length in the title when in_title, else in the text).
        json["lifecycle"] = lifecycle?.Value;
        json["lifecycle_evidence"] = lifecycle is null ? null : new Dictionary<string, object?>
        {
            ["start"] = lifecycle.Start, ["length"] = lifecycle.Length, ["in_title"] = lifecycle.InTitle, ["sentence"] = lifecycle.Evidence,
        };
        // The targets of the measure, each at its first mention in the text.
        json["targets"] = Targets.Find(e.Text, type)
            .Select(t => new Dictionary<string, object?>
            {
                ["name"] = t.Name, ["kind"] = t.Kind, ["start"] = t.Start, ["length"] = t.Length,
            })
            .ToList();
        json["model_version"] = p.ModelVersion;
        return json;
    }

    private static Dictionary<string, object?> Predicted(LabelledExample e, Prediction p) => new()
    {
        ["id"] = e.Id,
        ["title"] = e.Title,
        ["response_types"] = p.ResponseTypes,
        ["scores"] = p.Scores.OrderByDescending(kv => kv.Value).ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 4)),
        ["actor"] = p.Actor,
        ["actor_type"] = p.ActorType,
        ["co_actors"] = p.CoActors,
        ["confidence"] = Math.Round(p.Confidence, 4),
        ["stance"] = p.Stance,
        ["binding"] = p.Binding,
        ["relevant"] = p.Primary != Taxonomy.Irrelevant,
        ["p_response"] = Math.Round(p.PResponse, 4),
        ["queue"] = p.Queue,
        ["date"] = ActDates.Find(e.Title, e.Text, FactsEvaluator.PageDate(e.Published))?.Date
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["legal_acts"] = LegalActs.Find(string.IsNullOrWhiteSpace(e.Title) ? e.Text : e.Title + "\n" + e.Text)
            .Select(a => new Dictionary<string, object?> { ["kind"] = a.Kind, ["id"] = a.Id, ["url"] = a.Url }).ToList(),
    };

    /// <summary>The input line's <c>published</c> (a date or a date and time, ISO 8601), or null.</summary>
    public static async Task<int> TrainAsync(IReadOnlyList<string> extra, bool promote, bool noBaseline, IServiceProvider services, TextWriter stdout,
        CancellationToken ct)
    {
        foreach (var f in extra) OutputPath.EnsureInput(f, "data file");
        var provider = services.GetRequiredService<ClassifierProvider>();
        var outcome = await provider.TrainAsync(extra, promote, msg => stdout.WriteLine(msg), ct, withBaseline: !noBaseline);
        var r = outcome.Result;
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"trained on {r.TrainCount} examples, validated on {r.ValidationCount} (fixed split), data fingerprint {r.DataFingerprint}");
        await stdout.WriteLineAsync($"trainers compared (validation response_macro_f1): {string.Join(", ", r.TrainerComparison.Select(kv => $"{kv.Key} {kv.Value:0.000}"))}");
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"{"metric",-22} {"new " + outcome.Version,32} {(outcome.ActiveVersion is null ? "" : "active " + outcome.ActiveVersion),35}");
        foreach (var (name, get) in new (string, Func<EvaluationReport, double>)[]
                 {
                     ("response_macro_f1", m => m.ResponseMacroF1), ("accuracy", m => m.Accuracy), ("relevance_f1", m => m.RelevanceF1),
                     ("actor_accuracy", m => m.ActorAccuracy), ("actor_type_accuracy", m => m.ActorTypeAccuracy),
                 })
            await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-22} {1,32:0.0000} {2,35}", name, get(r.Validation),
                outcome.Active is null ? "" : get(outcome.Active).ToString("0.0000", CultureInfo.InvariantCulture)));
        await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-22} {1,32}", "n", r.Validation.N));
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync(outcome.Promoted ? $"promoted: {outcome.Version} is now the active model"
            : outcome.RefusedBecause is not null ? $"not promoted: {outcome.RefusedBecause}; registered as {outcome.Version} (promote it with: models promote {outcome.Version})"
            : $"registered {outcome.Version}; the active model is unchanged (use --promote, or: models promote {outcome.Version})");
        return 0;
    }

    /// <summary><c>models list</c>, <c>models promote VERSION</c>, <c>models rollback</c>.</summary>
    public static async Task<int> ModelsAsync(string action, string? version, IServiceProvider services, TextWriter stdout, CancellationToken ct)
    {
        var versions = services.GetRequiredService<ModelVersionStore>();
        var provider = services.GetRequiredService<ClassifierProvider>();
        switch (action)
        {
            case "list":
                var rows = await versions.ListAsync(ct);
                if (rows.Count == 0) { await stdout.WriteLineAsync("no model versions registered yet (the first start or `train` creates one)"); return 0; }
                await stdout.WriteLineAsync($"  {"version",-26} {"created",-20} {"macro_f1",8} {"accuracy",8}  data");
                foreach (var row in rows)
                {
                    var m = row.MetricsJson is null ? null : JsonSerializer.Deserialize<EvaluationReport>(row.MetricsJson);
                    await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0} {1,-26} {2,-20:yyyy-MM-dd HH:mm} {3,8:0.0000} {4,8:0.0000}  {5}{6}",
                        row.Active ? "*" : " ", row.Version, row.Created, m?.ResponseMacroF1, m?.Accuracy, row.DataFingerprint,
                        !provider.Models.Exists(row.Version) ? "  (files missing)" : !provider.Models.IsUsable(row.Version) ? "  (other feature version: not loadable)" : ""));
                }
                return 0;
            case "promote":
                if (version is null) throw new UsageException("models promote needs a VERSION (see: models list)");
                if ((await versions.ListAsync(ct)).All(r => r.Version != version)) throw new InputException($"model version '{version}' is not registered (see: models list)");
                if (!await provider.IsUsableAsync(version, ct)) throw new InputException($"model version '{version}' has no files here, at its registered folder or in the database, or was trained with another feature version");
                await versions.ActivateAsync(version, ct);
                await stdout.WriteLineAsync($"promoted: {version} is now the active model");
                return 0;
            case "rollback":
                var previous = await versions.PreviousAsync(ct) ?? throw new InputException("no previously active model to roll back to");
                if (!await provider.IsUsableAsync(previous.Version, ct)) throw new InputException($"previous model {previous.Version} has no files here, at its registered folder or in the database, or was trained with another feature version");
                await versions.ActivateAsync(previous.Version, ct);
                await stdout.WriteLineAsync($"rolled back: {previous.Version} is the active model again");
                return 0;
            default:
                throw new UsageException($"models takes list, promote VERSION or rollback, not '{action}'");
        }
    }
}
