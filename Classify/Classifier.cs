using Pipeline.Classify.Actors;
using Pipeline.Classify.Relevance;
using Pipeline.Classify.Training;

namespace Pipeline.Classify;

/// <summary>
/// The loaded classifier: response type (primary + secondary above a threshold, probabilities for all nine
/// labels), actor (vocabulary match, with an ML actor-type model when the text names no known actor), and — when
/// the model version has them — stance and binding. Thread-safe.
/// An optional relevance gate (the Belarus relevance rule) overrules the model: a text the rule finds not about
/// Belarus is <c>irrelevant</c>, with the model's other probabilities scaled down to <see cref="GateResidual"/>.
/// A text the rule finds centrally about Belarus keeps only a residual share for <c>irrelevant</c>; where the rule is
/// undecided (null: Belarus only in passing, or only the Belarusian language) the model decides.
/// The one exception to the first rule is a text in which <see cref="BelarusContext"/> finds specific Belarusian evidence the rule
/// does not know (Akrestsina, Pratasevich, "Minsk" outside the Minsk agreements…): there the model decides.
/// </summary>
public sealed class Classifier(TextModel responseModel, TextModel actorTypeModel, ActorVocabulary vocabulary, string version,
    double secondaryThreshold = 0.25, Func<string?, string, bool?>? relevanceGate = null,
    TextModel? stanceModel = null, TextModel? bindingModel = null)
{
    /// <summary>Probability mass left to the model's labels when the relevance rule says "not about Belarus".</summary>
    public const double GateResidual = 0.1;

    public string Version => version;
    public ActorVocabulary Vocabulary => vocabulary;

    /// <summary>The probability mass of all response types below which an item does not go to the review queue.</summary>
    public const double DefaultQueueThreshold = 0.5;

    /// <summary>
    /// The queue decision: an item goes to review when P(any response type) — the sum of the seven response classes —
    /// reaches this threshold, whatever the single most likely label is. A text the model splits between "statement"
    /// and "investigation" is a response even when "not_a_response" edges out each of them alone. Chosen on validation
    /// for recall when the model is trained (<see cref="Training.QueueThreshold"/>); a setting can override it.
    /// </summary>
    public double QueueThreshold { get; init; } = DefaultQueueThreshold;

    /// <summary>The learned actor decision (<see cref="ActorModel"/>); null: the resolver's rules (older model versions).</summary>
    public ActorModel? ActorModel { get; init; }

    /// <summary>
    /// A second response-type model whose probabilities are averaged with the first one's (null: the first alone). It
    /// reads the raw title and text (<see cref="Baseline.Raw"/>) when <see cref="CompanionReadsRawText"/>, else the
    /// same feature text.
    /// </summary>
    public TextModel? CompanionModel { get; init; }
    public bool CompanionReadsRawText { get; init; }

    /// <param name="aboutBelarus">The source publishes only about Belarus (<c>Sources[].AboutBelarus</c>: exile media,
    /// a Belarus country page): the relevance gate does not apply, as if the rule had found Belarus central.</param>
    /// <param name="focus">The relevance rule's focus when the caller has already applied the rule to this title and text
    /// (the ingest path stores its result): the gate's answer is taken from it (<see cref="BelarusRelevance.Gate"/>)
    /// instead of running the rule again. The gate must then be the rule's (<c>ClassifierProvider.AboutBelarus</c>).</param>
    public Prediction Predict(string? title, string text, string? actorHint = null, bool aboutBelarus = false, BelarusFocus? focus = null)
    {
        // One vocabulary scan serves the features and the actor decision.
        var source = FeatureText.Source(title, text);
        var found = vocabulary.FindMentions(source);
        var features = FeatureText.Build(source, found);
        var scores = responseModel.Score(features);
        if (CompanionModel is not null)
            scores = Average(scores, CompanionModel.Score(CompanionReadsRawText ? Baseline.Raw(title, text) : features));
        return Combine(title, text, actorHint, scores, features, found, aboutBelarus, focus);
    }

    public List<Prediction> PredictBatch(IReadOnlyList<(string? Title, string Text, string? ActorHint)> items)
    {
        var sources = items.Select(i => FeatureText.Source(i.Title, i.Text)).ToList();
        var found = sources.Select(vocabulary.FindMentions).ToList();
        var features = sources.Select((source, k) => FeatureText.Build(source, found[k])).ToList();
        var scores = responseModel.ScoreBatch(features);
        if (CompanionModel is not null)
        {
            var second = CompanionModel.ScoreBatch(CompanionReadsRawText ? items.Select(i => Baseline.Raw(i.Title, i.Text)).ToList() : features);
            scores = scores.Select((s, k) => Average(s, second[k])).ToList();
        }
        return items.Select((item, k) => Combine(item.Title, item.Text, item.ActorHint, scores[k], features[k], found[k], sourceAboutBelarus: false)).ToList();
    }

    private static Dictionary<string, double> Average(Dictionary<string, double> a, Dictionary<string, double> b) =>
        a.Keys.Union(b.Keys).ToDictionary(k => k, k => (a.GetValueOrDefault(k) + b.GetValueOrDefault(k)) / 2);

    private Prediction Combine(string? title, string text, string? actorHint, Dictionary<string, double> scores, string features,
        IReadOnlyList<ActorMention> found, bool sourceAboutBelarus, BelarusFocus? focus = null)
    {
        // Every taxonomy label gets a probability, even one missing from the training data.
        foreach (var label in Taxonomy.Labels) scores.TryAdd(label, 0);
        bool? aboutBelarus = sourceAboutBelarus ? true
            : relevanceGate is null ? null
            : focus is { } known ? BelarusRelevance.Gate(known) : relevanceGate(title, text);
        bool gated = aboutBelarus == false && !SpecificBelarusEvidence(features);
        if (gated)
        {
            foreach (var label in Taxonomy.Labels) scores[label] *= GateResidual;
            scores[Taxonomy.Irrelevant] += 1 - GateResidual;
        }
        else if (aboutBelarus == true || (relevanceGate is null && features.Contains(" zzbystrong", StringComparison.Ordinal)))
        {
            // Named as about Belarus (by the rule, or without a rule by the country's own names): "irrelevant" — not about
            // Belarus at all — keeps only a residual share, the rest goes to the other labels in proportion.
            var moved = scores[Taxonomy.Irrelevant] * (1 - GateResidual);
            var rest = 1 - scores[Taxonomy.Irrelevant];
            scores[Taxonomy.Irrelevant] -= moved;
            if (rest > 0)
                foreach (var label in Taxonomy.Labels.Where(l => l != Taxonomy.Irrelevant)) scores[label] += moved * scores[label] / rest;
        }
        var ranked = scores.OrderByDescending(kv => kv.Value).ToList();
        var primary = ranked[0].Key;
        double pResponse = Math.Min(1, Taxonomy.ResponseTypes.Sum(t => scores[t]));
        // A text the relevance rule finds not about Belarus (and that shows no specific Belarusian evidence) is never
        // queued, whatever threshold a setting chooses.
        bool queue = !gated && pResponse >= QueueThreshold;
        var types = new List<string> { primary };
        if (Taxonomy.IsResponse(primary))
            types.AddRange(ranked.Skip(1).Where(kv => Taxonomy.IsResponse(kv.Key) && kv.Value >= secondaryThreshold).Select(kv => kv.Key));

        if (!Taxonomy.IsResponse(primary) && !queue)
            return new Prediction(primary, types, scores, "none", "none", [], ranked[0].Value, version, PResponse: pResponse, Queue: false);

        // A queued item whose single most likely label is not a response still gets the actor and fields of its most
        // likely response type: the reviewer sees a complete proposal.
        var responseType = Taxonomy.IsResponse(primary) ? primary : ranked.First(kv => Taxonomy.IsResponse(kv.Key)).Key;
        var actor = ActorModel is not null
            ? ActorModel.Resolve(vocabulary, title, text, actorHint, responseType, found)
            : ActorResolver.Resolve(vocabulary, title, text, actorHint, responseType, found);
        var actorType = actor.ActorType ?? BestActorType(features);
        var withType = features + " zztype" + responseType;
        string? stance = stanceModel is null ? null : Best(stanceModel.Score(withType), "critical");
        bool? binding = bindingModel is null ? null : Best(bindingModel.Score(withType), "null") switch { "true" => true, "false" => false, _ => null };
        return new Prediction(primary, types, scores, actor.Actor, actorType, actor.CoActors, ranked[0].Value, version, stance, binding,
            pResponse, queue, responseType);
    }

    /// <summary>The feature text carries the <see cref="BelarusContext"/> marker; "specific" and "strong" overrule the gate.</summary>
    private static bool SpecificBelarusEvidence(string features) =>
        features.Contains(" zzbyspecific", StringComparison.Ordinal) || features.Contains(" zzbystrong", StringComparison.Ordinal);

    private static string Best(Dictionary<string, double> scores, string fallback) =>
        scores.Count == 0 ? fallback : scores.MaxBy(kv => kv.Value).Key;

    private string BestActorType(string features) =>
        actorTypeModel.Score(features).Where(kv => kv.Key != "none").MaxBy(kv => kv.Value).Key ?? "state";
}
