using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pipeline.Classify;
using Pipeline.Classify.Actors;
using Pipeline.Classify.Corpus;
using Pipeline.Classify.Training;
using Pipeline.Ingest.Sources;
using Pipeline.Store;

namespace Pipeline.Worker.Classification;

/// <summary>
/// Holds the active classifier. At start-up it loads the version the store marks active; on a fresh
/// installation (no version yet) it trains one from the corpus that ships with the program, saves it,
/// registers it and activates it — so the first run needs no separate training step.
/// </summary>
public sealed class ClassifierProvider(ClassifyOptions options, ModelVersionStore versions, ILogger<ClassifierProvider> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Classifier? _current;
    private ActorVocabulary? _vocabulary;

    public ModelStore Models { get; } = new(options.ModelDirectory);

    public ActorVocabulary Vocabulary => _vocabulary ??= ActorVocabulary.Load();

    public async Task<Classifier> GetAsync(CancellationToken ct = default)
    {
        if (_current is not null) return _current;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is not null) return _current;
            var active = await versions.ActiveAsync(ct);
            if (active is not null && Models.Exists(active.Version))
            {
                _current = Models.Load(active.Version, Vocabulary, options.SecondaryThreshold);
                logger.LogInformation("Loaded classifier {Version}", active.Version);
                return _current;
            }
            if (active is not null)
                logger.LogWarning("Active model {Version} has no files in {Dir}; looking for a saved model of the shipped corpus", active.Version, Models.Root);
            if (await AdoptSavedAsync(ct) is { } adopted) return _current = adopted;
            _current = await TrainAndActivateAsync([], msg => logger.LogInformation("{Message}", msg), ct);
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A new store next to an existing model folder (a second database, a reset) reuses the newest saved model
    /// trained on exactly the shipped corpus instead of training again.
    /// </summary>
    private async Task<Classifier?> AdoptSavedAsync(CancellationToken ct)
    {
        if (!Directory.Exists(Models.Root)) return null;
        var fingerprint = ShippedCorpus().Fingerprint();
        var saved = Directory.EnumerateDirectories(Models.Root)
            .Select(Path.GetFileName)
            .Where(v => v is not null && !v.EndsWith(".tmp") && Models.Exists(v))
            .Select(v => Models.ReadManifest(v!))
            .Where(m => m.DataFingerprint == fingerprint)
            .MaxBy(m => m.Created);
        if (saved is null) return null;
        await versions.RegisterAsync(new ModelVersionRow(saved.Version, saved.Created, Path.Combine(Models.Root, saved.Version),
            JsonSerializer.Serialize(saved.Validation), saved.DataFingerprint, Active: true), ct);
        logger.LogInformation("Adopted saved classifier {Version} (trained on the shipped corpus)", saved.Version);
        return Models.Load(saved.Version, Vocabulary, options.SecondaryThreshold);
    }

    private static LoadedCorpus ShippedCorpus() =>
        CorpusLoader.Load(Directory.EnumerateFiles(CorpusLoader.DefaultCorpusDirectory, "*.jsonl").Order());

    /// <summary>Trains on the shipped corpus plus extra files, saves and registers the version; activates it.</summary>
    public async Task<Classifier> TrainAndActivateAsync(IReadOnlyList<string> extraFiles, Action<string>? progress, CancellationToken ct)
    {
        var shipped = ShippedCorpus();
        var extra = extraFiles.Count == 0 ? null : CorpusLoader.Load(extraFiles);
        var corpus = extra is null ? shipped : new LoadedCorpus([.. shipped.Examples, .. extra.Examples], [.. shipped.Problems, .. extra.Problems]);
        foreach (var p in corpus.Problems.Take(10)) logger.LogWarning("Corpus line skipped: {Origin}: {Problem}", p.Origin, p.Message);
        var result = ModelTrainer.Train(corpus, Vocabulary, progress: progress);
        var now = DateTimeOffset.UtcNow;
        var version = ModelStore.NewVersion(now, result.DataFingerprint);
        var path = Models.Save(result, version, now);
        await versions.RegisterAsync(new ModelVersionRow(version, now, path, JsonSerializer.Serialize(result.Validation), result.DataFingerprint, Active: true), ct);
        progress?.Invoke($"model {version}: {result.Trainer}, validation response_macro_f1 {result.Validation.ResponseMacroF1:0.000}, accuracy {result.Validation.Accuracy:0.000} ({result.Elapsed.TotalSeconds:0.0} s)");
        _current = Models.Load(version, Vocabulary, options.SecondaryThreshold);
        return _current;
    }
}
