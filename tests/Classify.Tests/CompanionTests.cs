using Pipeline.Classify.Corpus;
using Pipeline.Classify.Training;

namespace Pipeline.Classify.Tests;

/// <summary>The raw-text companion: trained beside the feature-text response model, averaged with it, saved with the
/// version, and reported as the plain baseline.</summary>
public class CompanionTests
{
    private static readonly Lazy<TrainingResult> Trained = new(() =>
    {
        // A slice of the corpus keeps this quick (the shipped model trains on all of it).
        var all = CorpusLoader.LoadDirectory(CorpusLoader.DefaultCorpusDirectory);
        var slice = new LoadedCorpus(all.Examples.Where((_, i) => i % 12 == 0).ToList(), []);
        return ModelTrainer.Train(slice, SharedModel.Vocabulary, [ModelTrainer.DefaultTrainers[0]], withCompanion: true);
    });

    private const string Title = "Lithuania expels Belarusian diplomats";
    private const string Text = "Lithuania ordered two Belarusian diplomats to leave the country within five days and closed a border crossing.";

    [Fact]
    public void Scores_are_the_average_of_the_feature_text_model_and_the_raw_text_model()
    {
        var r = Trained.Value;
        Assert.NotNull(r.CompanionModel);
        Assert.Same(r.CompanionModel, r.BaselineModel);   // one model: the companion is the plain baseline
        Assert.NotNull(r.BaselineValidation);

        var vocabulary = SharedModel.Vocabulary;
        var together = r.ToClassifier(vocabulary, "t", relevanceGate: null).Predict(Title, Text);
        var first = r.ResponseModel.Score(FeatureText.Build(Title, Text, vocabulary));
        var second = r.CompanionModel!.Score(Baseline.Raw(Title, Text));
        // Without a relevance gate and with the country named, "irrelevant" keeps a residual share and the rest is moved
        // in proportion; the order of the labels and their ratios are those of the plain average.
        var average = Taxonomy.Labels.ToDictionary(l => l, l => (first.GetValueOrDefault(l) + second.GetValueOrDefault(l)) / 2);
        var responses = Taxonomy.ResponseTypes.ToList();
        Assert.Equal(responses.OrderByDescending(l => average[l]).First(), responses.OrderByDescending(l => together.Scores[l]).First());
        var (a, b) = (responses[0], responses[1]);
        Assert.Equal(average[a] / average[b], together.Scores[a] / together.Scores[b], 6);
        // And it differs from the feature-text model alone (the companion has a say).
        var alone = (r with { CompanionModel = null }).ToClassifier(vocabulary, "t", relevanceGate: null).Predict(Title, Text);
        Assert.NotEqual(alone.Scores[a], together.Scores[a]);
    }

    [Fact]
    public void Saved_and_loaded_versions_keep_the_companion_and_predict_the_same()
    {
        var r = Trained.Value;
        var root = Path.Combine(Path.GetTempPath(), "pipeline-companion-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new ModelStore(root);
            var now = DateTimeOffset.UtcNow;
            store.Save(r, "v-companion", now);
            Assert.True(File.Exists(Path.Combine(root, "v-companion", "companion.zip")));
            Assert.False(File.Exists(Path.Combine(root, "v-companion", "baseline.zip")));   // saved once
            Assert.NotNull(store.LoadBaseline("v-companion"));
            var loaded = store.Load("v-companion", SharedModel.Vocabulary, 0.25).Predict(Title, Text);
            var original = r.ToClassifier(SharedModel.Vocabulary, "v-companion", relevanceGate: null).Predict(Title, Text);
            foreach (var label in Taxonomy.Labels) Assert.Equal(original.Scores[label], loaded.Scores[label], 5);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }
}
