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
        return (corpus, vocabulary, result, classifier);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

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
