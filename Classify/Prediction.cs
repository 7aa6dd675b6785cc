namespace Pipeline.Classify;

/// <summary>What the classifier says about one text.</summary>
/// <param name="Stance"><c>critical</c>, <c>supportive</c> or <c>easing</c> for a response (taxonomy §3); null when the
/// text is not a response or the model version has no stance model.</param>
/// <param name="Binding">Whether the response is a legally binding act; null when unclear, not a response, or the
/// model version has no binding model.</param>
/// <param name="PResponse">P(any response type): the sum of the seven response classes' probabilities.</param>
/// <param name="Queue">Whether the item goes to the review queue: <see cref="PResponse"/> reached the model's queue
/// threshold (see <see cref="Classifier.QueueThreshold"/>). Ingest and <c>classify</c> use this same decision.</param>
/// <param name="ResponseType">The most likely response type (the primary when it is one): what a queued item is
/// proposed as, even when <c>not_a_response</c> edges out each response type alone. Null when the primary is not a
/// response and the item is not queued.</param>
public sealed record Prediction(
    string Primary,
    IReadOnlyList<string> ResponseTypes,
    IReadOnlyDictionary<string, double> Scores,
    string Actor,
    string ActorType,
    IReadOnlyList<string> CoActors,
    double Confidence,
    string ModelVersion,
    string? Stance = null,
    bool? Binding = null,
    double PResponse = 0,
    bool Queue = false,
    string? ResponseType = null)
{
    public bool IsResponse => Taxonomy.IsResponse(Primary);

    /// <summary>The type the facts of the text (lifecycle, targets) are read for: the primary of a response, the proposed
    /// type of a queued item, else the primary (which is not a response: no facts).</summary>
    public string FactsType => IsResponse ? Primary : Queue && ResponseType is { } t ? t : Primary;

    /// <summary>The response types a queued candidate is proposed with: the prediction's own list when its primary is a
    /// response, else the most likely response type alone.</summary>
    public IReadOnlyList<string> CandidateTypes =>
        IsResponse || ResponseType is null ? ResponseTypes : [ResponseType];
}
