namespace Pipeline.Classify;

/// <summary>What the classifier says about one text.</summary>
/// <param name="Stance"><c>critical</c>, <c>supportive</c> or <c>easing</c> for a response (taxonomy §3); null when the
/// text is not a response or the model version has no stance model.</param>
/// <param name="Binding">Whether the response is a legally binding act; null when unclear, not a response, or the
/// model version has no binding model.</param>
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
    bool? Binding = null)
{
    public bool IsResponse => Taxonomy.IsResponse(Primary);
}
