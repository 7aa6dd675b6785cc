using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Pipeline.Store;

/// <summary>A target of a measure named in an item's text: its name (the canonical name when the target vocabulary
/// knows it) and where it stands in the text; <see cref="Start"/> is -1 for a target a reviewer added by name.</summary>
public sealed record TargetMention(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("start")] int Start = -1,
    [property: JsonPropertyName("length")] int Length = 0);

/// <summary>
/// The facts of a response beside its type and actor (issue 15, migration 7): whether it binds (null: unclear), its
/// stance, its lifecycle (<c>called_for</c>, <c>announced</c>, <c>adopted</c>, <c>extended</c>, <c>lifted</c>), the
/// targets it names and the date of the act (<c>yyyy-MM-dd</c>). Stored on the candidate as predicted; a reviewer's
/// corrections are a JSON object of the same keys in <c>reviewed_facts</c>, and <see cref="Effective"/> applies them.
/// <see cref="LegalActs"/> (the ids of the legal instruments the text names) is not stored: readers take it from the text
/// (null: not read), and a reviewer's list replaces it.
/// </summary>
public sealed record ResponseFacts(bool? Binding, string? Stance, string? Lifecycle, IReadOnlyList<TargetMention> Targets, string? ActDate,
    IReadOnlyList<string>? LegalActs = null)
{
    public static readonly ResponseFacts None = new(null, null, null, [], null);

    /// <summary>The keys of <c>reviewed_facts</c>, which are also the names of the facts in exports and the API.</summary>
    public static readonly string[] Keys = ["binding", "stance", "lifecycle", "targets", "date", "legal_acts"];

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>The <c>targets</c> column: a JSON array of mentions; null for no targets.</summary>
    public static string? TargetsToJson(IReadOnlyList<TargetMention> targets) =>
        targets.Count == 0 ? null : JsonSerializer.Serialize(targets, Json);

    /// <summary>Reads the <c>targets</c> column (or a reviewer's list); an empty list for null or unreadable JSON.</summary>
    public static IReadOnlyList<TargetMention> TargetsFromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try { return JsonSerializer.Deserialize<List<TargetMention>>(json, Json) ?? []; }
        catch (JsonException) { return []; }
    }

    /// <summary>
    /// These facts with a reviewer's corrections applied: each key present in <paramref name="reviewedJson"/> replaces
    /// the predicted value, also when it is null (the reviewer said "unclear" or "none"). Unreadable JSON changes nothing.
    /// </summary>
    public ResponseFacts Effective(string? reviewedJson)
    {
        if (string.IsNullOrWhiteSpace(reviewedJson)) return this;
        JsonObject? reviewed;
        try { reviewed = JsonNode.Parse(reviewedJson) as JsonObject; }
        catch (JsonException) { return this; }
        if (reviewed is null) return this;
        var facts = this;
        if (reviewed.TryGetPropertyValue("binding", out var binding))
            facts = facts with { Binding = binding is JsonValue b && b.TryGetValue<bool>(out var value) ? value : null };
        if (reviewed.TryGetPropertyValue("stance", out var stance)) facts = facts with { Stance = Text(stance) };
        if (reviewed.TryGetPropertyValue("lifecycle", out var lifecycle)) facts = facts with { Lifecycle = Text(lifecycle) };
        if (reviewed.TryGetPropertyValue("date", out var date)) facts = facts with { ActDate = Text(date) };
        if (reviewed.TryGetPropertyValue("targets", out var targets))
            facts = facts with { Targets = targets is null ? [] : TargetsFromJson(targets.ToJsonString()) };
        if (reviewed.TryGetPropertyValue("legal_acts", out var acts))
            facts = facts with { LegalActs = acts is JsonArray list ? list.Select(Text).OfType<string>().ToList() : [] };
        return facts;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
