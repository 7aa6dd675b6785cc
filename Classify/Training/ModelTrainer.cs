using System.Diagnostics;
using Microsoft.ML;
using Pipeline.Classify.Actors;
using Pipeline.Classify.Corpus;
using Pipeline.Classify.Evaluation;
using Pipeline.Classify.Schema;

namespace Pipeline.Classify.Training;

/// <summary>The outcome of a training run: the models, the trainer that won, and its validation metrics.</summary>
public sealed record TrainingResult(
    TextModel ResponseModel, TextModel ActorTypeModel, TrainerKind Trainer, EvaluationReport Validation,
    IReadOnlyDictionary<string, double> TrainerComparison, int TrainCount, int ValidationCount, string DataFingerprint, TimeSpan Elapsed,
    TextModel? StanceModel = null, TextModel? BindingModel = null, double QueueThreshold = Classifier.DefaultQueueThreshold,
    ActorModel? ActorModel = null, TextModel? BaselineModel = null, EvaluationReport? BaselineValidation = null,
    TextModel? CompanionModel = null);

public static class TrainingResultExtensions
{
    /// <summary>The classifier these models make (as <see cref="ModelStore.Load"/> would give after saving).</summary>
    public static Classifier ToClassifier(this TrainingResult r, ActorVocabulary vocabulary, string version, Func<string?, string, bool?>? relevanceGate,
        double secondaryThreshold = 0.25) =>
        new(r.ResponseModel, r.ActorTypeModel, vocabulary, version, secondaryThreshold, relevanceGate, r.StanceModel, r.BindingModel)
        {
            QueueThreshold = r.QueueThreshold, ActorModel = r.ActorModel, CompanionModel = r.CompanionModel, CompanionReadsRawText = true,
        };
}

/// <summary>
/// Training as numbered steps (ML.NET samples style): 1 load and split, 2 featurize, 3 train each candidate
/// trainer, 4 evaluate on the fixed validation split, 5 keep the better one and refit the actor-type model.
/// Saving is <see cref="ModelStore"/>'s job. Seeded, so the same data gives the same model.
/// </summary>
public static class ModelTrainer
{
    public const int Seed = 20200809; // the day of the 2020 election

    /// <summary>
    /// Version of the feature text (FeatureText, lexicon, folding). Bump it whenever they change: saved models of
    /// another feature version are not loaded (their features would be computed differently) and a new one is trained.
    /// </summary>
    public const string FeatureVersion = "lexicon-7";

    public static TrainingResult Train(LoadedCorpus corpus, ActorVocabulary vocabulary, IReadOnlyList<TrainerKind>? trainers = null,
        Action<string>? progress = null, Func<string?, string, bool?>? relevanceGate = null,
        double targetRecall = QueueThreshold.DefaultTargetRecall, bool withBaseline = false, bool withCompanion = false)
    {
        var clock = Stopwatch.StartNew();
        // Each step's line says when it started (seconds since the start): where a training's time goes.
        var say = progress;
        progress = say is null ? null : m => say(m.StartsWith("  ", StringComparison.Ordinal) ? m : $"[{clock.Elapsed.TotalSeconds,4:0} s] {m}");
        trainers ??= DefaultTrainers;
        // Step 1 — split: the fixed validation split is never trained on.
        var (train, validation) = CorpusSplit.Split(corpus.Examples);
        if (train.Count < 20) throw new InvalidOperationException($"only {train.Count} training examples; the corpus is missing or too small");
        // Every head reads the same feature text of an example: built once.
        var featureTexts = train.Distinct().ToDictionary(e => e, e => FeatureText.Build(e.Title, e.Text, vocabulary));
        string Features(LabelledExample e) => featureTexts[e];
        var trainRows = train.Select(e => new TextRow { Label = e.Primary, Text = Features(e), Weight = e.Weight }).ToList();

        // Steps 2–4 — featurize, train and evaluate each candidate trainer.
        var comparison = new Dictionary<string, double>();
        (TextModel Model, TrainerKind Kind, double Score)? best = null;
        var ml = new MLContext(Seed);
        foreach (var kind in trainers)
        {
            progress?.Invoke($"training response-type model with {kind} on {train.Count} examples");
            var model = TextModel.Train(ml, trainRows, ResponseOptions(kind));
            var provisional = new Classifier(model, model, vocabulary, "candidate", relevanceGate: relevanceGate);
            var report = Evaluate(provisional, validation);
            var score = report.ResponseMacroF1 + report.Accuracy;
            comparison[kind.ToString()] = report.ResponseMacroF1;
            progress?.Invoke($"  {kind}: validation response_macro_f1 {report.ResponseMacroF1:0.000}, accuracy {report.Accuracy:0.000}");
            if (best is null || score > best.Value.Score) best = (model, kind, score);
        }

        // Step 4b — the raw-text companion: TF-IDF over the raw title and text (the plain baseline's features), whose
        // probabilities are averaged with the feature-text model's. Two views of the text disagree where one of them has
        // learned our corpus's style; out of style the average scored macro-F1 0.798 and 0.860 on the two held-out halves
        // of the voice files against 0.780 and 0.838 for the feature-text model alone, at the same queue recall
        // (BENCHMARKS.md, "Response-model variants out of style"). It doubles as the plain baseline.
        TextModel? companion = null;
        EvaluationReport? companionReport = null;
        if (withCompanion)
        {
            progress?.Invoke("training raw-text response model (TF-IDF)");
            companion = Baseline.Train(ml, train);
            companionReport = Baseline.Evaluate(companion, validation);
            var together = new Classifier(best!.Value.Model, best.Value.Model, vocabulary, "candidate", relevanceGate: relevanceGate)
            {
                CompanionModel = companion, CompanionReadsRawText = true,
            };
            var report = Evaluate(together, validation);
            progress?.Invoke($"  with the raw-text model: validation response_macro_f1 {report.ResponseMacroF1:0.000}, accuracy {report.Accuracy:0.000}");
        }

        // Step 5 — actor-type model (used when the text names no actor from the vocabulary).
        progress?.Invoke("training actor-type model");
        var actorRows = train.Where(e => Taxonomy.IsResponse(e.Primary) && Taxonomy.IsActorType(e.ActorType) && e.ActorType != "none")
            .Select(e => new TextRow { Label = e.ActorType!, Text = Features(e), Weight = e.Weight }).ToList();
        var actorModel = TextModel.Train(ml, actorRows, HeadOptions(TrainerKind.SdcaMaximumEntropy));

        // Step 6 — stance and binding (taxonomy §3), trained on the responses that carry them; the text gets the
        // response type as a marker word, because binding follows the type (a listing is binding, a statement not).
        progress?.Invoke("training stance and binding models");
        var responses = train.Where(e => Taxonomy.IsResponse(e.Primary)).ToList();
        // Supportive and easing acts are rare (about 6 % of responses): repeated StanceOversampling times, so the model
        // learns them instead of always answering "critical" (measured: 7 of 19 found on validation instead of none).
        var stanceRows = responses.Where(e => Array.IndexOf(Taxonomy.Stances, e.Stance) >= 0)
            .SelectMany(e => Enumerable.Repeat(new TextRow { Label = e.Stance!, Text = Features(e) + " zztype" + e.Primary },
                e.Stance == "critical" ? 1 : StanceOversampling)).ToList();
        var bindingRows = responses
            .Select(e => new TextRow { Label = BindingLabel(e.Binding), Text = Features(e) + " zztype" + e.Primary }).ToList();
        var stanceModel = stanceRows.Select(r => r.Label).Distinct().Count() >= 2 ? TextModel.Train(ml, stanceRows, TrainerKind.LbfgsMaximumEntropy) : null;
        var bindingModel = bindingRows.Select(r => r.Label).Distinct().Count() >= 2 ? TextModel.Train(ml, bindingRows, HeadOptions(TrainerKind.SdcaMaximumEntropy)) : null;

        var final = new Classifier(best!.Value.Model, actorModel, vocabulary, "candidate", relevanceGate: relevanceGate,
            stanceModel: stanceModel, bindingModel: bindingModel) { CompanionModel = companion, CompanionReadsRawText = true };

        // Step 7 — the actor as a learned decision over the candidate mentions; kept when it is not worse than the
        // resolver's rules on validation.
        progress?.Invoke("training actor model");
        var mentionModel = Actors.ActorModel.Train(ml, train, vocabulary);
        if (mentionModel is not null)
        {
            var withModel = new Classifier(best.Value.Model, actorModel, vocabulary, "candidate", relevanceGate: relevanceGate,
                stanceModel: stanceModel, bindingModel: bindingModel) { ActorModel = mentionModel, CompanionModel = companion, CompanionReadsRawText = true };
            var rules = Evaluate(final, validation).ActorAccuracy;
            var learned = Evaluate(withModel, validation).ActorAccuracy;
            progress?.Invoke($"  actor accuracy on validation: rules {rules:0.000}, learned {learned:0.000}");
            if (learned >= rules) final = withModel; else mentionModel = null;
        }

        // Step 8 — the queue threshold on P(any response), chosen on validation for recall.
        var validationPredictions = final.PredictBatch(validation.Select(e => (e.Title, e.Text, (string?)null)).ToList());
        var threshold = QueueThreshold.Choose(validation, validationPredictions, targetRecall);
        progress?.Invoke($"queue threshold on P(response): {threshold:0.000} (target recall {targetRecall:0.000} on validation)");
        final = new Classifier(best.Value.Model, actorModel, vocabulary, "candidate", relevanceGate: relevanceGate,
            stanceModel: stanceModel, bindingModel: bindingModel)
        {
            QueueThreshold = threshold, ActorModel = mentionModel, CompanionModel = companion, CompanionReadsRawText = true,
        };
        var validationReport = Evaluate(final, validation);

        // Step 9 — the plain baseline on the same training data, reported next to the model (it must stay ahead).
        TextModel? baseline = companion;
        EvaluationReport? baselineReport = companionReport;
        if (withBaseline && companion is null)
        {
            progress?.Invoke("training the plain TF-IDF baseline");
            baseline = Baseline.Train(ml, train);
            baselineReport = Baseline.Evaluate(baseline, validation);
            progress?.Invoke($"  baseline: validation response_macro_f1 {baselineReport.ResponseMacroF1:0.000}, queue recall {baselineReport.QueueRecall:0.000}");
        }
        return new TrainingResult(best.Value.Model, actorModel, best.Value.Kind, validationReport, comparison, train.Count, validation.Count,
            corpus.Fingerprint(), clock.Elapsed, stanceModel, bindingModel, threshold, mentionModel, baseline, baselineReport, companion);
    }

    /// <summary>The trainers tried by default. L-BFGS maximum entropy only: SDCA was compared on every first start until
    /// December 2026 and lost every time (validation macro-F1 0.759 against 0.829 on 4,221 training examples; BENCHMARKS.md),
    /// so the comparison is a benchmark now, not a cost every new user pays.</summary>
    public static readonly IReadOnlyList<TrainerKind> DefaultTrainers = [TrainerKind.LbfgsMaximumEntropy];

    /// <summary>Settings of the response-type model per trainer, as measured (L2 0.1 for L-BFGS: stronger regularisation
    /// generalises as well on validation and better across languages). The 150,000 most frequent word and character
    /// n-grams: on 5,151 training examples 182 s → 38 s (measured with every core) for the same validation macro-F1
    /// (0.853 → 0.850). One thread, as before: a training that takes both cores starved the timing-sensitive tests
    /// running beside it (a 2-second page timeout in the crash-safety test), and it would starve a host's polls the same way.
    /// Term frequency, not TF-IDF: TF-IDF scored 0.02 higher macro-F1 out of style but pushed some responses of unseen
    /// voices to P(response) below 0.1, so no threshold queued more than 95 % of them (TF: 98 % at 0.2; BENCHMARKS.md,
    /// "Classifier on text not written in our style").</summary>
    public static TextModelOptions ResponseOptions(TrainerKind kind) => kind switch
    {
        TrainerKind.LbfgsMaximumEntropy => TextModelOptions.For(kind) with { L2 = 0.1f, MaxNgrams = 150_000 },
        _ => TextModelOptions.For(kind),
    };

    /// <summary>Settings of the actor-type and binding models: each model keeps its own n-gram dictionaries (≈40 MB held at
    /// 150,000 n-grams per extractor), and these two keep the <see cref="HeadNgrams"/> most frequent instead, at equal quality
    /// out of style (actor type 0.949 and 0.940 either way; binding 0.834 and 0.913 against 0.835 and 0.907). The stance
    /// model keeps 150,000: with 30,000 it found 27 instead of 33 of 65 supportive and easing acts (BENCHMARKS.md).</summary>
    public static TextModelOptions HeadOptions(TrainerKind kind) => TextModelOptions.For(kind) with { MaxNgrams = HeadNgrams };

    public const int HeadNgrams = 30_000;

    public const int StanceOversampling = 5;

    internal static string BindingLabel(bool? binding) => binding switch { true => "true", false => "false", null => "null" };

    public static EvaluationReport Evaluate(Classifier classifier, IReadOnlyList<LabelledExample> examples)
    {
        var predictions = classifier.PredictBatch(examples.Select(e => (e.Title, e.Text, (string?)null)).ToList());
        return Evaluator.Evaluate(examples, predictions);
    }
}
