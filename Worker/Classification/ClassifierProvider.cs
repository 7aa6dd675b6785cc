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
                logger.LogWarning("Active model {Version} has no files in {Dir}; training a new one from the shipped corpus", active.Version, Models.Root);
            _current = await TrainAndActivateAsync([], msg => logger.LogInformation("{Message}", msg), ct);
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Trains on the shipped corpus plus extra files, saves and registers the version; activates it.</summary>
    public async Task<Classifier> TrainAndActivateAsync(IReadOnlyList<string> extraFiles, Action<string>? progress, CancellationToken ct)
    {
        var corpus = CorpusLoader.Load(Directory.EnumerateFiles(CorpusLoader.DefaultCorpusDirectory, "*.jsonl").Order().Concat(extraFiles));
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
