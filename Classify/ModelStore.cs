using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.ML;
using Pipeline.Classify.Actors;
using Pipeline.Classify.Evaluation;
using Pipeline.Classify.Training;

namespace Pipeline.Classify;

/// <summary>What is written next to a saved model.</summary>
public sealed record ModelManifest(
    string Version, DateTimeOffset Created, string Trainer, string DataFingerprint, int TrainCount, int ValidationCount,
    EvaluationReport Validation, IReadOnlyDictionary<string, double> TrainerComparison, string? FeatureVersion = null,
    double? QueueThreshold = null, EvaluationReport? BaselineValidation = null)
{
    /// <summary>A model is usable only by code that builds the same features it was trained on.</summary>
    public bool IsCompatible => FeatureVersion == ModelTrainer.FeatureVersion;
}

/// <summary>
/// The only class that reads and writes model files. A version is a folder:
/// <c>{root}/{version}/response.zip</c>, <c>actor-type.zip</c>, <c>stance.zip</c>, <c>binding.zip</c>, <c>actor.zip</c>,
/// <c>companion.zip</c> (the raw-text response model, also the plain baseline) or <c>baseline.zip</c> (the baseline alone)
/// (all but the first two optional: older versions have none), <c>manifest.json</c>.
/// </summary>
public sealed class ModelStore(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public static string NewVersion(DateTimeOffset now, string fingerprint) => $"v{now:yyyyMMdd-HHmmss}-{fingerprint[..6]}";

    public string Save(TrainingResult result, string version, DateTimeOffset now)
    {
        var dir = Path.Combine(Root, version);
        var temp = dir + ".tmp";
        if (Directory.Exists(temp)) Directory.Delete(temp, true);
        Directory.CreateDirectory(temp);
        result.ResponseModel.Save(Path.Combine(temp, "response.zip"));
        result.ActorTypeModel.Save(Path.Combine(temp, "actor-type.zip"));
        result.StanceModel?.Save(Path.Combine(temp, "stance.zip"));
        result.BindingModel?.Save(Path.Combine(temp, "binding.zip"));
        result.ActorModel?.Save(Path.Combine(temp, "actor.zip"));
        // The raw-text companion is also the plain baseline: saved once, as companion.zip.
        if (result.CompanionModel is not null) result.CompanionModel.Save(Path.Combine(temp, "companion.zip"));
        else result.BaselineModel?.Save(Path.Combine(temp, "baseline.zip"));
        var manifest = new ModelManifest(version, now, result.Trainer.ToString(), result.DataFingerprint, result.TrainCount, result.ValidationCount,
            result.Validation, result.TrainerComparison, ModelTrainer.FeatureVersion, result.QueueThreshold,
            result.BaselineValidation);
        File.WriteAllText(Path.Combine(temp, "manifest.json"), JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }));
        // Written to a temporary folder and renamed, so a crash never leaves a half-written version behind.
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        Directory.Move(temp, dir);
        return dir;
    }

    /// <summary>The plain baseline trained with a version (null for versions saved without one).</summary>
    public TextModel? LoadBaseline(string version)
    {
        var path = Path.Combine(Root, version, "baseline.zip");
        if (!File.Exists(path)) path = Path.Combine(Root, version, "companion.zip");
        return File.Exists(path) ? TextModel.Load(new MLContext(ModelTrainer.Seed), path) : null;
    }

    public bool Exists(string version) => File.Exists(Path.Combine(Root, version, "manifest.json"));

    /// <summary>Saved, and trained with the features this build computes (see <see cref="ModelTrainer.FeatureVersion"/>).</summary>
    public bool IsUsable(string version) => Exists(version) && ReadManifest(version).IsCompatible;

    public ModelManifest ReadManifest(string version)
    {
        var path = Path.Combine(Root, version, "manifest.json");
        if (!File.Exists(path)) throw new FileNotFoundException($"model version '{version}' has no manifest at {path}", path);
        return JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path))!;
    }

    /// <param name="queueThreshold">Overrides the queue threshold chosen when the version was trained (null: keep it).</param>
    public Classifier Load(string version, ActorVocabulary vocabulary, double secondaryThreshold, Func<string?, string, bool?>? relevanceGate = null,
        double? queueThreshold = null)
    {
        var dir = Path.Combine(Root, version);
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"model version '{version}' not found in {Root}");
        var models = LoadModels(dir);
        var saved = ReadManifest(version).QueueThreshold;
        return new Classifier(models.Response, models.ActorType, vocabulary, version, secondaryThreshold, relevanceGate, models.Stance,
            models.Binding)
        {
            QueueThreshold = queueThreshold ?? saved ?? Classifier.DefaultQueueThreshold,
            ActorModel = models.Actor,
            CompanionModel = models.Companion,
            CompanionReadsRawText = true,
        };
    }

    /// <summary>The trained models of one version folder, as read from its files (all thread-safe, so shareable).</summary>
    private sealed record LoadedModels(string Stamp, TextModel Response, TextModel ActorType, TextModel? Stance, TextModel? Binding,
        ActorModel? Actor, TextModel? Companion);

    /// <summary>
    /// Versions this process has read, by folder. Reading a version allocates about 300 MB and takes a second or more;
    /// a process that loads the same files again — several hosts in one process (the review app beside the poller, the
    /// test suite's hundreds of throw-away installations), <c>compare</c> after <c>train</c> — shares the models it still
    /// holds. Held weakly, through the response model every classifier of the version keeps: a version nobody uses any
    /// more is collected as before. The stamp (each file's size and write time) makes files rewritten in place load afresh.
    /// </summary>
    private static readonly ConcurrentDictionary<string, WeakReference<TextModel>> Loaded = new(StringComparer.Ordinal);

    /// <summary>The other models of a version, alive as long as its response model is.</summary>
    private static readonly ConditionalWeakTable<TextModel, LoadedModels> Versions = new();

    private static readonly string[] ModelFileNames =
        ["response.zip", "actor-type.zip", "stance.zip", "binding.zip", "actor.zip", "companion.zip"];

    private static string Stamp(string dir) => string.Join(";", ModelFileNames.Select(name =>
    {
        var file = new FileInfo(Path.Combine(dir, name));
        return file.Exists ? $"{name}:{file.Length}:{file.LastWriteTimeUtc.Ticks}" : $"{name}:-";
    }));

    private static LoadedModels LoadModels(string dir)
    {
        var stamp = Stamp(dir);
        if (Loaded.TryGetValue(dir, out var weak) && weak.TryGetTarget(out var response) && Versions.TryGetValue(response, out var held)
            && held.Stamp == stamp) return held;
        var ml = new MLContext(ModelTrainer.Seed);
        TextModel? Optional(string name) => File.Exists(Path.Combine(dir, name)) ? TextModel.Load(ml, Path.Combine(dir, name)) : null;
        // Stance, binding, actor and companion models came later: versions saved before them load without.
        var actorPath = Path.Combine(dir, "actor.zip");
        var models = new LoadedModels(stamp,
            TextModel.Load(ml, Path.Combine(dir, "response.zip")),
            TextModel.Load(ml, Path.Combine(dir, "actor-type.zip")),
            Optional("stance.zip"), Optional("binding.zip"),
            File.Exists(actorPath) ? ActorModel.Load(ml, actorPath) : null,
            Optional("companion.zip"));
        Versions.AddOrUpdate(models.Response, models);
        Loaded[dir] = new WeakReference<TextModel>(models.Response);
        return models;
    }
}
