using System.Text.Json.Serialization;

namespace Pipeline.Classify.Corpus;

/// <summary>One line of the taxonomy's JSONL form.</summary>
public sealed class LabelledExample
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    [JsonPropertyName("language")] public string? Language { get; set; }
    [JsonPropertyName("response_types")] public List<string> ResponseTypes { get; set; } = [];
    [JsonPropertyName("actor")] public string? Actor { get; set; }
    [JsonPropertyName("actor_type")] public string? ActorType { get; set; }
    [JsonPropertyName("co_actors")] public List<string>? CoActors { get; set; }
    [JsonPropertyName("binding")] public bool? Binding { get; set; }
    [JsonPropertyName("stance")] public string? Stance { get; set; }
    /// <summary>The response's lifecycle (<see cref="Taxonomy.Lifecycles"/>), on the examples annotated with it (issue 15);
    /// null when not annotated (evaluation counts only the annotated ones).</summary>
    [JsonPropertyName("lifecycle")] public string? Lifecycle { get; set; }
    /// <summary>The canonical names (<c>Data/targets.json</c>) of the targets the text names, on the examples annotated with
    /// them; an empty list says "none", null "not annotated".</summary>
    [JsonPropertyName("targets")] public List<string>? Targets { get; set; }
    /// <summary>The page's date (ISO 8601), when known: <c>classify</c> reads days without a year and "yesterday"
    /// against it (<see cref="Facts.ActDates"/>).</summary>
    [JsonPropertyName("published")] public string? Published { get; set; }
    /// <summary>The date of the act (yyyy-MM-dd) on the examples annotated with it: JSON null says the text does not make
    /// the date certain, an absent key "not annotated" (<see cref="DateLabelled"/> tells the two apart). Scored against
    /// <see cref="Facts.ActDates"/> read with <see cref="Published"/> as the page's date.</summary>
    [JsonPropertyName("date")]
    public string? Date
    {
        get => date;
        set { date = value; DateLabelled = true; }
    }
    private string? date;
    /// <summary>True when the line carries a <c>date</c> key, null or not.</summary>
    [JsonIgnore] public bool DateLabelled { get; set; }

    [JsonIgnore] public string Primary => ResponseTypes.Count > 0 ? ResponseTypes[0] : "";
    /// <summary>Extra training data (train --data): never part of the validation split, so models stay comparable.</summary>
    [JsonIgnore] public bool TrainOnly { get; set; }
    /// <summary>How much the example counts in training: 1 for the team's corpus; reviews and <c>train --data</c> files
    /// get <c>Pipeline:Classify:ReviewWeight</c> (real text, judged by a person).</summary>
    [JsonIgnore] public float Weight { get; set; } = 1;
    /// <summary>Where the example came from (file:line), for error messages.</summary>
    [JsonIgnore] public string Origin { get; set; } = "";
}
