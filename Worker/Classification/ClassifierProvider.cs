using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pipeline.Classify;
using Pipeline.Classify.Actors;
using Pipeline.Classify.Corpus;
using Pipeline.Classify.Evaluation;
using Pipeline.Classify.Relevance;
using Pipeline.Classify.Training;
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

    public ActorVocabulary Vocabulary => ActorVocabulary.Shipped;

    /// <summary>The Belarus relevance rule of the ingest pipeline, applied inside every prediction: true when Belarus is
    /// central, false when it is absent, null (the model decides) for a passing mention or the language alone.</summary>
    public static bool? AboutBelarus(string? title, string text) => BelarusRelevance.Gate(BelarusRelevance.Focus(title, text));

    /// <summary>
    /// The active classifier. Loading never activates a version: a worker fetches the active version's files (from its
    /// folder, the folder the version was registered with, or the database) and, while it cannot, keeps serving the one
    /// it has. Only when no version can be used at all — none active, or the active one made for the features of an
    /// older build, or its files nowhere — does one worker (holding the <c>first-model</c> lease) adopt or train a
    /// model and activate it; the others wait for it.
    /// </summary>
    public async Task<Classifier> GetAsync(CancellationToken ct = default)
    {
        var active = await versions.ActiveAsync(ct);
        if (_current is not null && (active is null || active.Version == _current.Version)) return _current;
        await _gate.WaitAsync(ct);
        try
        {
            for (var waited = false; ; waited = true)
            {
                if (waited) active = await versions.ActiveAsync(ct);
                if (_current is not null && (active is null || active.Version == _current.Version)) return _current;
                var files = active is null ? ModelFiles.None : await FetchAsync(active, ct);
                if (files == ModelFiles.Usable)
                {
                    _current = Load(active!.Version);
                    logger.LogInformation("Loaded classifier {Version}", active.Version);
                    return Ready(_current);
                }
                if (_current is not null)
                {
                    if (_unusable != active!.Version)
                        logger.LogWarning("Active model {Version} cannot be used here ({Why}); this worker keeps {Current}", active.Version, Describe(files), _current.Version);
                    _unusable = active.Version;
                    return _current;
                }
                if (files == ModelFiles.NewerBuild)
                    throw new ModelNotFoundException($"the active model {active!.Version} was made by a newer build (features {active.FeatureVersion}; this build computes {ModelTrainer.FeatureVersion}): update this worker");
                if (files == ModelFiles.Fetching)
                {
                    _status = new ClassifierStatus(false, $"waiting for the files of the active model {active!.Version}");
                    await Task.Delay(LeasePoll, ct);
                    continue;
                }
                if (active is not null)
                    logger.LogWarning("Active model {Version} cannot be used ({Why}); making a usable one", active.Version, Describe(files));
                if (await MakeFirstModelAsync(ct) is { } made) return Ready(_current = made);
                _status = new ClassifierStatus(false, "waiting for another worker to train the first model");
                await Task.Delay(LeasePoll, ct);
            }
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

    private string? _unusable;
    private static readonly TimeSpan LeasePoll = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LeaseTerm = TimeSpan.FromMinutes(2);
    private const string FirstModelLease = "first-model";

    /// <summary>What a worker can do with a registered version's files.</summary>
    private enum ModelFiles { None, Usable, OlderBuild, NewerBuild, Fetching, Nowhere }

    private static string Describe(ModelFiles files) => files switch
    {
        ModelFiles.OlderBuild => $"made for the features of an older build; this one computes {ModelTrainer.FeatureVersion}",
        ModelFiles.NewerBuild => "made for the features of a newer build",
        ModelFiles.Nowhere => "its files are not in this worker's folder, at the folder it was registered with, nor in the database",
        _ => files.ToString(),
    };

    /// <summary>
    /// Brings a version's files into this worker's model folder: already there, copied from the folder it was
    /// registered with (another process on this machine), or written from the database (another machine).
    /// </summary>
    private async Task<ModelFiles> FetchAsync(ModelVersionRow row, CancellationToken ct)
    {
        if (row.FeatureVersion is { } made && made != ModelTrainer.FeatureVersion)
            return Generation(made) > Generation(ModelTrainer.FeatureVersion) ? ModelFiles.NewerBuild : ModelFiles.OlderBuild;
        if (!Models.Exists(row.Version))
        {
            var temp = Path.Combine(Models.Root, row.Version + ".fetch");
            if (Directory.Exists(temp)) Directory.Delete(temp, true);
            var registered = Path.GetFullPath(row.Path);
            if (registered != Path.Combine(Models.Root, row.Version) && File.Exists(Path.Combine(registered, "manifest.json")))
            {
                Directory.CreateDirectory(temp);
                foreach (var file in Directory.EnumerateFiles(registered)) File.Copy(file, Path.Combine(temp, Path.GetFileName(file)));
            }
            else if (!versions.KeepsFiles || !await versions.ReadFilesAsync(row.Version, temp, ct))
                return versions.KeepsFiles && await versions.HeldByAnotherAsync(FirstModelLease, _holder, ct) ? ModelFiles.Fetching : ModelFiles.Nowhere;
            Directory.Move(temp, Path.Combine(Models.Root, row.Version));
            logger.LogInformation("Fetched the files of model {Version} into {Dir}", row.Version, Models.Root);
        }
        if (!Models.IsUsable(row.Version))
            return Generation(Models.ReadManifest(row.Version).FeatureVersion) > Generation(ModelTrainer.FeatureVersion) ? ModelFiles.NewerBuild : ModelFiles.OlderBuild;
        if (versions.KeepsFiles && !await versions.HasFilesAsync(row.Version, ct))
            await versions.SaveFilesAsync(row.Version, Path.Combine(Models.Root, row.Version), ct); // registered before files were shared
        return ModelFiles.Usable;
    }

    /// <summary>The number at the end of a feature version ("lexicon-5" → 5): builds only move forward.</summary>
    private static int Generation(string? featureVersion) =>
        int.TryParse(featureVersion?[(featureVersion.LastIndexOf('-') + 1)..], out var n) ? n : 0;

    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>
    /// Under the first-model lease (renewed while it works): adopts a saved model of the shipped corpus, or trains one,
    /// and activates it. Null when another worker holds the lease.
    /// </summary>
    private async Task<Classifier?> MakeFirstModelAsync(CancellationToken ct)
    {
        if (!await versions.TryLeaseAsync(FirstModelLease, _holder, LeaseTerm, ct)) return null;
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = RenewAsync(renewing.Token);
        try
        {
            // Another worker may have finished while this one waited for the lease.
            if (await versions.ActiveAsync(ct) is { } now && await FetchAsync(now, ct) == ModelFiles.Usable) return Load(now.Version);
            if (await AdoptSavedAsync(ct) is { } adopted) return adopted;
            if (_current is null) _status = Training(1);
            var outcome = await TrainAsync([], promote: true, msg =>
            {
                OnTrainingProgress(msg);
                logger.LogInformation("{Message}", msg);
            }, ct);
            return Load(outcome.Version);
        }
        finally
        {
            renewing.Cancel();
            try { await renewal; } catch (OperationCanceledException) { }
            await versions.ReleaseLeaseAsync(FirstModelLease, _holder, CancellationToken.None);
        }
    }

    private async Task RenewAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(LeaseTerm / 4);
        while (await timer.WaitForNextTickAsync(ct)) await versions.TryLeaseAsync(FirstModelLease, _holder, LeaseTerm, ct);
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
        await RegisterAsync(new ModelVersionRow(saved.Version, saved.Created, Path.Combine(Models.Root, saved.Version),
            JsonSerializer.Serialize(saved.Validation), saved.DataFingerprint, Active: false, FeatureVersion: saved.FeatureVersion), ct);
        await versions.ActivateAsync(saved.Version, ct);
        logger.LogInformation("Adopted saved classifier {Version} (trained on the shipped corpus)", saved.Version);
        return Load(saved.Version);
    }

    /// <summary>Registers a saved version and, where the database is shared by several machines, stores its files there.</summary>
    private async Task RegisterAsync(ModelVersionRow row, CancellationToken ct)
    {
        if (versions.KeepsFiles) await versions.SaveFilesAsync(row.Version, row.Path, ct);
        await versions.RegisterAsync(row, ct);
    }

    /// <summary>
    /// Makes a registered version loadable here (for <c>models promote</c> and <c>rollback</c>): its files fetched into
    /// this worker's folder, trained with the features this build computes.
    /// </summary>
    public async Task<bool> IsUsableAsync(string version, CancellationToken ct) =>
        (await versions.ListAsync(ct)).FirstOrDefault(r => r.Version == version) is { } row && await FetchAsync(row, ct) == ModelFiles.Usable;

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
                Actor = r.Actor, ActorType = r.ActorType, Binding = r.Binding, Stance = r.Stance, Origin = $"review of item {r.ItemId}",
                Weight = (float)options.ReviewWeight,
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
        await RegisterAsync(new ModelVersionRow(version, now, path, JsonSerializer.Serialize(result.Validation), result.DataFingerprint, Active: false,
            FeatureVersion: ModelTrainer.FeatureVersion), ct);

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
