using Pipeline.Classify.Corpus;
using Pipeline.Classify.Training;

namespace Pipeline.Classify.Tests;

public class TrainingTests
{
    private static readonly string[] Probes =
    [
        "Lithuania expelled two Belarusian diplomats on Friday.",
        "Рада ЕС зацвердзіла новы пакет санкцый супраць беларускіх суддзяў.",
        "Ein Gericht in Minsk hat einen Journalisten zu acht Jahren Haft verurteilt.",
    ];

    [Fact]
    public void Training_is_deterministic_with_the_seed()
    {
        // A small slice of the corpus keeps this quick; the seed and single-threaded trainers make it repeatable.
        var all = CorpusLoader.LoadDirectory(CorpusLoader.DefaultCorpusDirectory);
        var slice = new LoadedCorpus(all.Examples.Where((_, i) => i % 8 == 0).ToList(), []);
        var vocabulary = SharedModel.Vocabulary;
        var a = ModelTrainer.Train(slice, vocabulary, [TrainerKind.SdcaMaximumEntropy]);
        var b = ModelTrainer.Train(slice, vocabulary, [TrainerKind.SdcaMaximumEntropy]);
        var ca = new Classifier(a.ResponseModel, a.ActorTypeModel, vocabulary, "a", stanceModel: a.StanceModel, bindingModel: a.BindingModel);
        var cb = new Classifier(b.ResponseModel, b.ActorTypeModel, vocabulary, "b", stanceModel: b.StanceModel, bindingModel: b.BindingModel);
        foreach (var text in Probes)
        {
            var pa = ca.Predict(null, text);
            var pb = cb.Predict(null, text);
            Assert.Equal(pa.Primary, pb.Primary);
            foreach (var (label, score) in pa.Scores) Assert.Equal(score, pb.Scores[label]);
            Assert.Equal(pa.Stance, pb.Stance);
            Assert.Equal(pa.Binding, pb.Binding);
        }
        Assert.Equal(a.Validation.ResponseMacroF1, b.Validation.ResponseMacroF1);
        Assert.Equal(a.DataFingerprint, b.DataFingerprint);
    }

    /// <summary>
    /// Floors a little below what the shipped corpus measures on the fixed validation split (without the ingest
    /// relevance gate, which lives in Ingest): response_macro_f1 ≈ 0.82, accuracy ≈ 0.80 at the time of writing.
    /// </summary>
    [Fact]
    public void Validation_metrics_stay_above_the_floors()
    {
        var r = SharedModel.Result.Validation;
        Assert.True(r.N >= 300, $"validation n {r.N}");
        Assert.True(r.ResponseMacroF1 >= 0.76, $"response_macro_f1 {r.ResponseMacroF1}");
        Assert.True(r.Accuracy >= 0.74, $"accuracy {r.Accuracy}");
        Assert.True(r.RelevanceF1 >= 0.93, $"relevance_f1 {r.RelevanceF1}");
        Assert.True(r.ActorAccuracy >= 0.70, $"actor_accuracy {r.ActorAccuracy}");
        Assert.True(r.ActorTypeAccuracy >= 0.75, $"actor_type_accuracy {r.ActorTypeAccuracy}");
    }

    [Fact]
    public void Predictions_carry_all_labels_stance_and_binding()
    {
        var p = SharedModel.Classifier.Predict("EU adds 25 Belarusian judges to sanctions list",
            "The Council of the EU today imposed travel bans and asset freezes on 25 Belarusian judges and prosecutors responsible for political trials.");
        Assert.Equal("targeted_sanctions", p.Primary);
        Assert.Equal("Council of the EU", p.Actor);
        Assert.Equal(Taxonomy.Labels.Length, p.Scores.Count);
        Assert.Equal(1.0, p.Scores.Values.Sum(), 3);
        Assert.Equal("critical", p.Stance);
        Assert.True(p.Binding);

        var easing = SharedModel.Classifier.Predict(null,
            "The United States lifted sanctions on the Belarusian state airline Belavia after the release of 52 political prisoners.");
        Assert.Equal("easing", easing.Stance);

        var domestic = SharedModel.Classifier.Predict(null, "A court in Minsk sentenced a journalist to eight years in a penal colony for her reporting.");
        Assert.Equal("not_a_response", domestic.Primary);
        Assert.Null(domestic.Stance);
        Assert.Equal("none", domestic.Actor);
    }

    [Fact]
    public void Saved_models_load_with_and_without_stance_and_binding()
    {
        var root = Path.Combine(Path.GetTempPath(), "classify-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new ModelStore(root);
            var now = DateTimeOffset.UtcNow;
            var version = ModelStore.NewVersion(now, SharedModel.Result.DataFingerprint);
            store.Save(SharedModel.Result, version, now);
            Assert.True(store.Exists(version));
            Assert.Equal(SharedModel.Result.Validation.ResponseMacroF1, store.ReadManifest(version).Validation.ResponseMacroF1);

            const string text = "Poland recalled its ambassador from Minsk for consultations.";
            var loaded = store.Load(version, SharedModel.Vocabulary, 0.25).Predict(null, text);
            var original = SharedModel.Classifier.Predict(null, text);
            Assert.Equal(original.Primary, loaded.Primary);
            Assert.Equal(original.Scores[original.Primary], loaded.Scores[loaded.Primary], 5);
            Assert.Equal(original.Stance, loaded.Stance);
            Assert.Equal(original.Binding, loaded.Binding);

            // A second load of the same files shares the models the process already holds (with its own thresholds) …
            var first = store.Load(version, SharedModel.Vocabulary, 0.25);
            var again = store.Load(version, SharedModel.Vocabulary, 0.25, queueThreshold: 0.9);
            Assert.NotNull(first.ActorModel);
            Assert.Same(first.ActorModel, again.ActorModel);
            Assert.Equal(0.9, again.QueueThreshold);
            Assert.NotEqual(0.9, first.QueueThreshold);

            // … and a file rewritten in place is read afresh: the actor model saved again is a new object.
            SharedModel.Result.ActorModel!.Save(Path.Combine(root, version, "actor.zip"));
            File.SetLastWriteTimeUtc(Path.Combine(root, version, "actor.zip"), DateTime.UtcNow.AddMinutes(1));
            Assert.NotSame(first.ActorModel, store.Load(version, SharedModel.Vocabulary, 0.25).ActorModel);

            // A version saved before stance and binding existed has neither file: it still loads.
            File.Delete(Path.Combine(root, version, "stance.zip"));
            File.Delete(Path.Combine(root, version, "binding.zip"));
            var old = store.Load(version, SharedModel.Vocabulary, 0.25).Predict(null, text);
            Assert.Equal(original.Primary, old.Primary);
            Assert.Null(old.Stance);
            Assert.Null(old.Binding);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }

    [Fact]
    public void The_relevance_gate_makes_a_text_irrelevant_unless_it_names_Belarus_specifically()
    {
        var r = SharedModel.Result;
        var gated = new Classifier(r.ResponseModel, r.ActorTypeModel, SharedModel.Vocabulary, "g", relevanceGate: (_, _) => (bool?)false);
        Assert.Equal("irrelevant", gated.Predict(null, "Lithuania expelled two Russian diplomats.").Primary);
        // The rule missed a Minsk court story: the classifier's own Belarus evidence lets the model decide.
        Assert.NotEqual("irrelevant", gated.Predict(null, "Poland demanded the release of Andrzej Poczobut and summoned the chargé d'affaires.").Primary);
    }

    [Fact]
    public void A_source_about_Belarus_is_not_gated()
    {
        var r = SharedModel.Result;
        var gated = new Classifier(r.ResponseModel, r.ActorTypeModel, SharedModel.Vocabulary, "g", relevanceGate: (_, _) => (bool?)false)
        {
            QueueThreshold = 0.3,
        };
        // Exile media rarely write the country's name: "the regime", "the dictator", a court in a town.
        const string text = "The Council today imposed an asset freeze and a travel ban on 25 judges and prosecutors of the regime responsible for political trials.";
        var fromAnySource = gated.Predict(null, text);
        Assert.Equal("irrelevant", fromAnySource.Primary);
        Assert.False(fromAnySource.Queue);
        var fromABelarusSource = gated.Predict(null, text, aboutBelarus: true);
        Assert.NotEqual("irrelevant", fromABelarusSource.Primary);
        Assert.True(fromABelarusSource.Queue);
    }
}

/// <summary>Example weights reach the trainer: reviewed items can outweigh team-written ones.</summary>
public class WeightTests
{
    [Fact]
    public void A_heavier_example_outweighs_more_numerous_light_ones()
    {
        // The same text labelled "statement" four times at weight 1 and "support" once: the model follows the weighted
        // majority, so the single "support" label wins only when it weighs more than the four together.
        const string text = "the ministry condemns the verdict against the journalist";
        Pipeline.Classify.Schema.TextRow Row(string label, float w) => new() { Label = label, Text = text, Weight = w };
        string Train(float weight)
        {
            var rows = Enumerable.Range(0, 4).Select(_ => Row("statement", 1)).Append(Row("support", weight)).ToList();
            var model = TextModel.Train(new Microsoft.ML.MLContext(1), rows, TextModelOptions.For(TrainerKind.LbfgsMaximumEntropy) with { CharNgram = 0 });
            return model.Score(text).MaxBy(kv => kv.Value).Key;
        }
        Assert.Equal("statement", Train(1));
        Assert.Equal("support", Train(8));
    }
}

/// <summary>The plain baseline: raw text, no lexicon or rules; its queue is the top label.</summary>
public class BaselineTests
{
    [Fact]
    public void The_baseline_learns_from_raw_text_and_queues_by_its_top_label()
    {
        var corpus = SharedModel.Corpus.Examples;
        // Every fourth example up to 1,000 (the corpus is many voices in many languages: 400 were too few to learn from
        // once the hardest voices joined it), scored on 200 others.
        var train = corpus.Where((_, i) => i % 4 == 0).Take(1000).ToList();
        var test = corpus.Where((_, i) => i % 10 == 5).Take(200).ToList();
        var model = Baseline.Train(new Microsoft.ML.MLContext(1), train);
        var predictions = Baseline.Predict(model, test);
        Assert.All(predictions, p => Assert.Equal(Taxonomy.IsResponse(p.Primary), p.Queue));
        Assert.All(predictions, p => Assert.InRange(p.PResponse, 0, 1.0001));
        var report = Baseline.Evaluate(model, test);
        // Far above chance (1/9 accuracy) on examples it never saw, from 1,000 training texts.
        Assert.True(report.Accuracy > 0.4, $"baseline accuracy {report.Accuracy}");
    }
}
