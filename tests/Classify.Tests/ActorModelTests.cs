using Microsoft.ML;
using Pipeline.Classify.Actors;
using Pipeline.Classify.Corpus;

namespace Pipeline.Classify.Tests;

/// <summary>The actor as a learned decision over candidate mentions (issue 11).</summary>
public class ActorModelTests
{
    private static readonly string[] TrainStates = ["Lithuania", "Poland", "Latvia", "Estonia", "Germany", "France", "Sweden", "Norway", "Finland", "Denmark"];
    private static readonly string[] TestStates = ["Canada", "Japan", "Ireland", "Austria", "Switzerland", "Czech Republic"];

    /// <summary>A commenting actor named first, the acting one second: "A welcomed the decision by which B …".</summary>
    private static LabelledExample Commented(string first, string acting, int n) => new()
    {
        Id = $"c{n}", Text = $"{first} welcomed the decision by which {acting} imposed an asset freeze on Belarusian judges.",
        ResponseTypes = ["targeted_sanctions"], Actor = acting, ActorType = "state",
    };

    /// <summary>The plain form: the acting actor first, a target after "against".</summary>
    private static LabelledExample Plain(string acting, int n) => new()
    {
        Id = $"p{n}", Text = $"{acting} imposed a travel ban on officials responsible for the crackdown in Belarus.",
        ResponseTypes = ["targeted_sanctions"], Actor = acting, ActorType = "state",
    };

    [Fact]
    public void Learns_from_the_words_around_a_mention_who_acts_and_applies_it_to_unseen_actors()
    {
        var vocabulary = ActorVocabulary.Load();
        var train = new List<LabelledExample>();
        int n = 0;
        foreach (var a in TrainStates)
            foreach (var b in TrainStates.Where(b => b != a).Take(4))
                train.Add(Commented(a, b, n++));
        foreach (var a in TrainStates) train.Add(Plain(a, n++));

        var model = ActorModel.Train(new MLContext(1), train, vocabulary);
        Assert.NotNull(model);

        // Unseen states in both positions: the model follows the context, the first-named rule does not.
        int learned = 0, rules = 0, total = 0;
        foreach (var a in TestStates)
            foreach (var b in TestStates.Where(b => b != a))
            {
                var e = Commented(a, b, n++);
                total++;
                if (model!.Resolve(vocabulary, null, e.Text, null, "targeted_sanctions").Actor == b) learned++;
                if (ActorResolver.Resolve(vocabulary, null, e.Text, null, "targeted_sanctions").Actor == b) rules++;
            }
        Assert.True(learned >= total * 0.9, $"learned model picked the acting state in {learned} of {total}");
        Assert.True(rules < total / 2, $"the first-named rule should fail this form ({rules} of {total})");
        // The plain form still resolves to the first-named actor.
        Assert.Equal("Japan", model!.Resolve(vocabulary, null, Plain("Japan", 0).Text, null, "targeted_sanctions").Actor);
    }

    [Fact]
    public void Without_candidates_it_falls_back_to_the_hint_or_unknown()
    {
        var vocabulary = ActorVocabulary.Load();
        var train = TrainStates.Select((a, i) => Plain(a, i)).Concat(TrainStates.Select((a, i) => Commented(a, TrainStates[(i + 1) % TrainStates.Length], 100 + i))).ToList();
        var model = ActorModel.Train(new MLContext(1), train, vocabulary)!;
        const string text = "New restrictions on Belarusian officials were announced today.";
        Assert.Equal("unknown", model.Resolve(vocabulary, null, text, null, "targeted_sanctions").Actor);
        Assert.Equal("Canada", model.Resolve(vocabulary, null, text, "Canada", "targeted_sanctions").Actor);
    }

    [Fact]
    public void The_shipped_models_actor_decision_is_saved_and_loaded_with_the_version()
    {
        var root = Path.Combine(Path.GetTempPath(), "pipeline-actor-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new ModelStore(root);
            var result = SharedModel.Result;
            store.Save(result, "v-actor", DateTimeOffset.UtcNow);
            Assert.Equal(result.ActorModel is not null, File.Exists(Path.Combine(root, "v-actor", "actor.zip")));
            var loaded = store.Load("v-actor", SharedModel.Vocabulary, 0.25);
            Assert.Equal(result.ActorModel is not null, loaded.ActorModel is not null);
            Assert.Equal(result.QueueThreshold, loaded.QueueThreshold);
            const string text = "The Portuguese presidency announced that the Council of the EU added 78 individuals to its Belarus sanctions list.";
            Assert.Equal(SharedModel.Classifier.Predict(null, text).Actor, loaded.Predict(null, text).Actor);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }
}
