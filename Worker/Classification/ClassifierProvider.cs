using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pipeline.Classify;
using Pipeline.Classify.Actors;
using Pipeline.Classify.Corpus;
using Pipeline.Classify.Evaluation;
using Pipeline.Classify.Training;
using Pipeline.Ingest.Relevance;
using Pipeline.Ingest.Sources;
using Pipeline.Store;

namespace Pipeline.Worker.Classification;

/// <summary>The outcome of <see cref="ClassifierProvider.TrainAsync"/>: the new version and both models' metrics on the same validation split.</summary>
public sealed record TrainOutcome(string Version, TrainingResult Result, EvaluationReport? Active, string? ActiveVersion, bool Promoted, string? RefusedBecause);

/// <summary>
/// Where the classifier is: loading, training on the first start (step k of n, with what it is doing), ready, or
/// failed. The host answers at once and shows this on <c>/health</c> and the review page while the model is made.
/// </summary>
public sealed record ClassifierStatus(bool Ready, string Message, int Step = 0, int Steps = 0, string? Version = null, bool Failed = false)
{
    /// <summary>Training the first model (minutes), as opposed to loading a saved one (seconds).</summary>
    public bool Training => !Ready && !Failed && Step > 0;

    public static readonly ClassifierStatus Loading = new(false, "loading the classifier");
}

/// <summary>
/// Holds the active classifier and trains new ones. At start-up it loads the version the store marks active;
/// on a fresh installation it adopts a saved model of the shipped corpus, or trains one (saved, registered,
/// activated) — so the first run needs no separate training step. A version promoted by another process
/// (the <c>models</c> command) is picked up on the next request.
/// </summary>
public sealed class ClassifierProvider(ClassifyOptions options, ModelVersionStore versions, ItemStore items, ILogger<ClassifierProvider> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Classifier? _current;
    private ActorVocabulary? _vocabulary;
    private volatile ClassifierStatus _status = ClassifierStatus.Loading;

    public ModelStore Models { get; } = new(options.ModelDirectory);

    /// <summary>Where the first model is (read without waiting: for <c>/health</c> and the review page).</summary>
    public ClassifierStatus Status => _status;

    /// <summary>The classifier when one is loaded, without waiting; null while the first one loads or trains.</summary>
    public Classifier? Current => _current;

    /// <summary>
    /// The steps of a first-start training as <see cref="ModelTrainer"/> reports them (its progress lines, matched by
    /// their start), each with the words the status shows; step 1 is reading the corpus, before the trainer speaks.
    /// </summary>
    private static readonly (string Line, string What)[] TrainingSteps =
    [
        ("", "reading the labelled corpus"),
        ("training response-type model", "the response-type model"),
        ("training raw-text response model", "the raw-text response model"),
        ("training actor-type model", "the actor-type model"),
        ("training stance and binding models", "the stance and binding models"),
        ("training actor model", "the actor model"),
        ("queue threshold", "choosing the queue threshold and saving the model"),
    ];

    private static ClassifierStatus Training(int step) =>
        new(false, $"training the classifier (step {step} of {TrainingSteps.Length}: {TrainingSteps[step - 1].What})", step, TrainingSteps.Length);

    private void OnTrainingProgress(string line)
    {
        var step = Array.FindIndex(TrainingSteps, 1, s => line.StartsWith(s.Line, StringComparison.Ordinal));
        if (step > 0 && !_status.Ready) _status = Training(step + 1);
    }

    public ActorVocabulary Vocabulary => _vocabulary ??= ActorVocabulary.Load();

    /// <summary>The Belarus relevance rule of the ingest pipeline, applied inside every prediction: true when Belarus is
    /// central, false when it is absent, null (the model decides) for a passing mention or the language alone.</summary>
    public static bool? AboutBelarus(string? title, string text) => BelarusRelevance.Focus(title, text) switch
    {
        BelarusFocus.Central => true,
        BelarusFocus.Absent => false,
        _ => null,
    };

    public async Task<Classifier> GetAsync(CancellationToken ct = default)
    {
        var active = await versions.ActiveAsync(ct);
        if (_current is not null && (active is null || active.Version == _current.Version)) return _current;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is not null && (active is null || active.Version == _current.Version)) return _current;
            if (active is not null && Models.IsUsable(active.Version))
            {
                _current = Load(active.Version);
                logger.LogInformation("Loaded classifier {Version}", active.Version);
                return Ready(_current);
            }
            if (active is not null)
                logger.LogWarning("Active model {Version} is missing from {Dir} or was trained with another feature version; looking for a usable saved model of the shipped corpus", active.Version, Models.Root);
            if (await AdoptSavedAsync(ct) is { } adopted) return Ready(_current = adopted);
            if (_current is null) _status = Training(1);
            var outcome = await TrainAsync([], promote: true, msg =>
            {
                OnTrainingProgress(msg);
                logger.LogInformation("{Message}", msg);
            }, ct);
            _current = Load(outcome.Version);
            return Ready(_current);
        }
        catch (Exception e) when (_current is null && e is not OperationCanceledException)
        {
            _status = new ClassifierStatus(false, $"the classifier could not be loaded or trained: {e.Message}", Failed: true);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private Classifier Ready(Classifier classifier)
    {
        _status = new ClassifierStatus(true, $"ready (model {classifier.Version})", Version: classifier.Version);
        return classifier;
    }

    /// <summary>Loads a saved version (for <c>evaluate --model</c>); clear error when it does not exist.</summary>
    public Classifier Load(string version)
    {
        if (!Models.Exists(version)) throw new ModelNotFoundException($"model version '{version}' not found in {Models.Root}");
        if (!Models.IsUsable(version)) throw new ModelNotFoundException($"model version '{version}' was trained with another feature version ({Models.ReadManifest(version).FeatureVersion ?? "unrecorded"}, this build computes {ModelTrainer.FeatureVersion}); retrain with `train`");
        return Models.Load(version, Vocabulary, options.SecondaryThreshold, AboutBelarus, options.QueueThreshold);
    }

    private async Task<Classifier?> AdoptSavedAsync(CancellationToken ct)
    {
        if (!Directory.Exists(Models.Root)) return null;
        var fingerprint = BaseCorpus().Fingerprint();
        var saved = Directory.EnumerateDirectories(Models.Root)
            .Select(Path.GetFileName)
            .Where(v => v is not null && !v.EndsWith(".tmp") && Models.Exists(v))
            .Select(v => Models.ReadManifest(v!))
            .Where(m => m.DataFingerprint == fingerprint && m.IsCompatible)
            .MaxBy(m => m.Created);
        if (saved is null) return null;
        await versions.RegisterAsync(new ModelVersionRow(saved.Version, saved.Created, Path.Combine(Models.Root, saved.Version),
            JsonSerializer.Serialize(saved.Validation), saved.DataFingerprint, Active: true), ct);
        logger.LogInformation("Adopted saved classifier {Version} (trained on the shipped corpus)", saved.Version);
        return Load(saved.Version);
    }

    public static LoadedCorpus ShippedCorpus() =>
        CorpusLoader.Load(Directory.EnumerateFiles(CorpusLoader.DefaultCorpusDirectory, "*.jsonl").Order());

    /// <summary>The corpus this installation trains on: <c>Classify:CorpusDirectory</c>, or the shipped one.</summary>
    private LoadedCorpus BaseCorpus() => string.IsNullOrWhiteSpace(options.CorpusDirectory) ? ShippedCorpus()
        : CorpusLoader.Load(Directory.EnumerateFiles(options.CorpusDirectory, "*.jsonl").Order());

    /// <summary>
    /// The training data: the shipped corpus, every approved or corrected review (a reviewer's labels are the
    /// truth), and extra files. Reviews get stable ids (<c>review-{item}</c>) so the fixed split holds for them too.
    /// </summary>
    public async Task<LoadedCorpus> TrainingDataAsync(IReadOnlyList<string> extraFiles, CancellationToken ct)
    {
        var shipped = BaseCorpus();
        var reviewed = (await items.ReviewedExamplesAsync(ct))
            .Where(r => r.ResponseTypes.Count > 0 && r.ResponseTypes.All(Taxonomy.IsLabel))
            .Select(r => new LabelledExample
            {
                Id = $"review-{r.ItemId}", Title = r.Title, Text = r.Text, Language = r.Language, ResponseTypes = [.. r.ResponseTypes],
                Actor = r.Actor, ActorType = r.ActorType, Origin = $"review of item {r.ItemId}", Weight = (float)options.ReviewWeight,
            });
        var extra = extraFiles.Count == 0 ? new LoadedCorpus([], []) : CorpusLoader.Load(extraFiles);
        foreach (var e in extra.Examples) { e.TrainOnly = true; e.Weight = (float)options.ReviewWeight; }
        return new LoadedCorpus([.. shipped.Examples, .. reviewed, .. extra.Examples], [.. shipped.Problems, .. extra.Problems]);
    }

    /// <summary>
    /// Trains a new version, evaluates it and the active model on the same validation split, saves and registers
    /// it. With <paramref name="promote"/> it is activated only if its validation response_macro_f1 is not worse
    /// than the active model's.
    /// </summary>
    /// <param name="withBaseline">Also train the plain baseline that <c>evaluate</c> reports next to the model when the
    /// model has no raw-text companion (<c>Classify:Companion</c> false); with one, the companion is the baseline.</param>
    public async Task<TrainOutcome> TrainAsync(IReadOnlyList<string> extraFiles, bool promote, Action<string>? progress, CancellationToken ct,
        bool withBaseline = false)
    {
        var corpus = await TrainingDataAsync(extraFiles, ct);
        foreach (var p in corpus.Problems.Take(20)) progress?.Invoke($"skipped {p.Origin}: {p.Message}");
        var result = ModelTrainer.Train(corpus, Vocabulary, progress: progress, relevanceGate: AboutBelarus, withBaseline: withBaseline,
            withCompanion: options.Companion);

        var activeRow = await versions.ActiveAsync(ct);
        EvaluationReport? activeReport = null;
        if (activeRow is not null && Models.IsUsable(activeRow.Version))
        {
            var (_, validation) = CorpusSplit.Split(corpus.Examples);
            activeReport = ModelTrainer.Evaluate(Load(activeRow.Version), validation);
        }

        var now = DateTimeOffset.UtcNow;
        var version = ModelStore.NewVersion(now, result.DataFingerprint);
        var path = Models.Save(result, version, now);
        await versions.RegisterAsync(new ModelVersionRow(version, now, path, JsonSerializer.Serialize(result.Validation), result.DataFingerprint, Active: false), ct);

        string? refused = null;
        if (promote)
        {
            if (activeReport is not null && result.Validation.ResponseMacroF1 < activeReport.ResponseMacroF1)
                refused = $"validation response_macro_f1 {result.Validation.ResponseMacroF1:0.0000} is worse than the active {activeRow!.Version}'s {activeReport.ResponseMacroF1:0.0000}";
            else
                await versions.ActivateAsync(version, ct);
        }
        progress?.Invoke($"model {version}: {result.Trainer}, validation response_macro_f1 {result.Validation.ResponseMacroF1:0.000}, accuracy {result.Validation.Accuracy:0.000} ({result.Elapsed.TotalSeconds:0.0} s)");
        return new TrainOutcome(version, result, activeReport, activeRow?.Version, promote && refused is null, refused);
    }
}

public sealed class ModelNotFoundException(string message) : Exception(message);
