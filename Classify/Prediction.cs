namespace Pipeline.Classify;

/// <summary>What the classifier says about one text.</summary>
public sealed record Prediction(
    string Primary,
    IReadOnlyList<string> ResponseTypes,
    IReadOnlyDictionary<string, double> Scores,
    string Actor,
    string ActorType,
    IReadOnlyList<string> CoActors,
    double Confidence,
    string ModelVersion)
{
    public bool IsResponse => Taxonomy.IsResponse(Primary);
}
