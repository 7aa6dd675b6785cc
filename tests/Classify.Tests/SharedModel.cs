using Pipeline.Classify;
using Pipeline.Classify.Actors;
using Pipeline.Classify.Corpus;
using Pipeline.Classify.Training;

namespace Pipeline.Classify.Tests;

/// <summary>One model trained on the shipped corpus, shared by every test that needs it (training takes a while).</summary>
public static class SharedModel
{
    private static readonly Lazy<(LoadedCorpus Corpus, ActorVocabulary Vocabulary, TrainingResult Result, Classifier Classifier)> Model = new(() =>
    {
        var vocabulary = ActorVocabulary.Load();
        var corpus = CorpusLoader.LoadDirectory(CorpusLoader.DefaultCorpusDirectory);
        // The trainer that wins the comparison (see ModelTrainer.DefaultTrainers); the comparison itself runs in the Worker.
        var result = ModelTrainer.Train(corpus, vocabulary, [ModelTrainer.DefaultTrainers[0]]);
        var classifier = result.ToClassifier(vocabulary, "test", relevanceGate: null);
        SaveForTheWorkerTests(result);
        return (corpus, vocabulary, result, classifier);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The Worker tests' shared model folder (<c>TestPipeline.ModelDirectory</c>). The Worker tests train the same
    /// models on the same corpus (without the raw-text companion, as here) and adopt a saved version whose data
    /// fingerprint and feature version match, so saving this one there spares CI a second training of several minutes
    /// when the Classify tests run first. The only difference is the queue threshold in the manifest, chosen here without
    /// the relevance gate (which the Worker passes: ClassifierProvider.AboutBelarus).
    /// </summary>
    public static readonly string WorkerTestModelDirectory = Path.Combine(Path.GetTempPath(), "pipeline-tests", "models");

    private static void SaveForTheWorkerTests(TrainingResult result)
    {
        try
        {
            var store = new ModelStore(WorkerTestModelDirectory);
            var now = DateTimeOffset.UtcNow;
            store.Save(result, ModelStore.NewVersion(now, result.DataFingerprint), now);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another test process saving at the same moment: the Worker tests train their own.
        }
    }

    public static LoadedCorpus Corpus => Model.Value.Corpus;
    public static ActorVocabulary Vocabulary => Model.Value.Vocabulary;
    public static TrainingResult Result => Model.Value.Result;
    public static Classifier Classifier => Model.Value.Classifier;

    /// <summary>The repository root: the folder with Pipeline.sln above the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException($"no Pipeline.sln above {AppContext.BaseDirectory}");
        }
    }
}
