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
        var ml = new MLContext(ModelTrainer.Seed);
        var response = TextModel.Load(ml, Path.Combine(dir, "response.zip"));
        var actorType = TextModel.Load(ml, Path.Combine(dir, "actor-type.zip"));
        // Stance and binding models came later: versions saved before them load without (null stance and binding).
        var stancePath = Path.Combine(dir, "stance.zip");
        var bindingPath = Path.Combine(dir, "binding.zip");
        var stance = File.Exists(stancePath) ? TextModel.Load(ml, stancePath) : null;
        var binding = File.Exists(bindingPath) ? TextModel.Load(ml, bindingPath) : null;
        var saved = ReadManifest(version).QueueThreshold;
        var actorPath = Path.Combine(dir, "actor.zip");
        var companionPath = Path.Combine(dir, "companion.zip");
        return new Classifier(response, actorType, vocabulary, version, secondaryThreshold, relevanceGate, stance, binding)
        {
            QueueThreshold = queueThreshold ?? saved ?? Classifier.DefaultQueueThreshold,
            ActorModel = File.Exists(actorPath) ? ActorModel.Load(ml, actorPath) : null,
            CompanionModel = File.Exists(companionPath) ? TextModel.Load(ml, companionPath) : null,
            CompanionReadsRawText = true,
        };
    }
}
