using Pipeline.Classify.Actors;
using Pipeline.Classify.Training;

namespace Pipeline.Classify;

/// <summary>
/// The loaded classifier: response type (primary + secondary above a threshold, probabilities for all nine
/// labels), actor (vocabulary match, with an ML actor-type model when the text names no known actor).
/// Thread-safe.
/// An optional relevance gate (the Belarus relevance rule) overrules the model: a text the rule finds not about
/// Belarus is <c>irrelevant</c>, with the model's other probabilities scaled down to <see cref="GateResidual"/>.
/// </summary>
public sealed class Classifier(TextModel responseModel, TextModel actorTypeModel, ActorVocabulary vocabulary, string version,
    double secondaryThreshold = 0.25, Func<string?, string, bool>? relevanceGate = null)
{
    /// <summary>Probability mass left to the model's labels when the relevance rule says "not about Belarus".</summary>
    public const double GateResidual = 0.1;

    public string Version => version;
    public ActorVocabulary Vocabulary => vocabulary;

    public Prediction Predict(string? title, string text, string? actorHint = null)
    {
        var features = FeatureText.Build(title, text, vocabulary);
        return Combine(title, text, actorHint, responseModel.Score(features), features);
    }

    public List<Prediction> PredictBatch(IReadOnlyList<(string? Title, string Text, string? ActorHint)> items)
    {
        var features = items.Select(i => FeatureText.Build(i.Title, i.Text, vocabulary)).ToList();
        var scores = responseModel.ScoreBatch(features);
        return items.Select((item, k) => Combine(item.Title, item.Text, item.ActorHint, scores[k], features[k])).ToList();
    }

    private Prediction Combine(string? title, string text, string? actorHint, Dictionary<string, double> scores, string features)
    {
        // Every taxonomy label gets a probability, even one missing from the training data.
        foreach (var label in Taxonomy.Labels) scores.TryAdd(label, 0);
        if (relevanceGate is not null && !relevanceGate(title, text))
        {
            foreach (var label in Taxonomy.Labels) scores[label] *= GateResidual;
            scores[Taxonomy.Irrelevant] += 1 - GateResidual;
        }
        var ranked = scores.OrderByDescending(kv => kv.Value).ToList();
        var primary = ranked[0].Key;
        var types = new List<string> { primary };
        if (Taxonomy.IsResponse(primary))
            types.AddRange(ranked.Skip(1).Where(kv => Taxonomy.IsResponse(kv.Key) && kv.Value >= secondaryThreshold).Select(kv => kv.Key));

        if (!Taxonomy.IsResponse(primary))
            return new Prediction(primary, types, scores, "none", "none", [], ranked[0].Value, version);

        var actor = ActorResolver.Resolve(vocabulary, title, text, actorHint);
        var actorType = actor.ActorType ?? BestActorType(features);
        return new Prediction(primary, types, scores, actor.Actor, actorType, actor.CoActors, ranked[0].Value, version);
    }

    private string BestActorType(string features) =>
        actorTypeModel.Score(features).Where(kv => kv.Key != "none").MaxBy(kv => kv.Value).Key ?? "state";
}
