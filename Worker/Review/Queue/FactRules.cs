using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Classify;
using Pipeline.Store;

namespace Pipeline.Worker.Review.Queue;

/// <summary>
/// A reviewer's corrections of the facts of a response (the <c>facts</c> of a decision's body), checked strictly and
/// merged into the candidate's <c>reviewed_facts</c>. The body names only the facts it corrects; each key present
/// replaces the prediction, also with null ("unclear", "no date", "no targets"); keys corrected before stay.
/// <list type="bullet">
/// <item><c>binding</c>: true, false or null.</item>
/// <item><c>stance</c>: one of <see cref="Taxonomy.Stances"/> or null;
/// <c>lifecycle</c>: one of <see cref="Taxonomy.Lifecycles"/> or null.</item>
/// <item><c>date</c>: a real day <c>yyyy-MM-dd</c> from <see cref="EarliestDate"/> to tomorrow, or null.</item>
/// <item><c>targets</c>: at most <see cref="MaxTargets"/> names (strings or <c>{"name": …}</c>), each trimmed, not empty,
/// at most <see cref="MaxTargetLength"/> characters; a name the prediction found keeps its position in the text, another
/// is looked up in the text (first occurrence, ignoring case), else it has none (start -1).</item>
/// <item><c>legal_acts</c>: at most <see cref="MaxLegalActs"/> references (strings), each trimmed, not empty, at most
/// <see cref="MaxLegalActLength"/> characters; one in which the reader of legal acts finds exactly one act becomes that act's
/// normalised id ("Council Verordnung (EU) Nr. 2021/1648" → "Regulation (EU) 2021/1648"), another is kept as written.</item>
/// </list>
/// Pure, like <see cref="DecisionRules"/>: the error names the field, and nothing is stored when there is one.
/// </summary>
public static class FactRules
{
    public const int MaxTargets = 20;
    public const int MaxTargetLength = 200;
    public const int MaxLegalActs = 20;
    public const int MaxLegalActLength = 120;
    public static readonly DateOnly EarliestDate = new(2020, 1, 1);

    /// <summary>The candidate's next <c>reviewed_facts</c> (null: none), or why the request's facts are refused.</summary>
    /// <param name="facts">The request's <c>facts</c>; null leaves the reviewed facts as they are.</param>
    /// <param name="today">The server's day (UTC): a date may be at most one day after it (time zones).</param>
    public static (string? ReviewedFacts, string? Error) Merge(JsonNode? facts, ReviewCandidate current, DateOnly today)
    {
        var merged = Parse(current.ReviewedFacts);
        if (facts is null) return (Canonical(merged), null);
        if (facts is not JsonObject request)
            return (null, $"facts must be an object of {string.Join(", ", ResponseFacts.Keys)} (each optional)");
        foreach (var (key, value) in request)
        {
            var (node, error) = key switch
            {
                "binding" => Binding(value),
                "stance" => OneOf(value, "stance", Taxonomy.Stances),
                "lifecycle" => OneOf(value, "lifecycle", Taxonomy.Lifecycles),
                "date" => Date(value, today),
                "targets" => Targets(value, current),
                "legal_acts" => LegalActs(value),
                _ => (null, $"facts.{key} is not a fact: the facts are {string.Join(", ", ResponseFacts.Keys)}"),
            };
            if (error is not null) return (null, error);
            merged[key] = node;
        }
        return (Canonical(merged), null);
    }

    private static (JsonNode?, string?) Binding(JsonNode? value) =>
        value is null ? (null, null)
        : value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? (JsonValue.Create(value.GetValue<bool>()), null)
        : (null, "facts.binding must be true, false or null (unclear)");

    private static (JsonNode?, string?) OneOf(JsonNode? value, string field, string[] allowed)
    {
        if (value is null) return (null, null);
        if (value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Trim() is var id && allowed.Contains(id))
            return (JsonValue.Create(id), null);
        return (null, $"facts.{field} must be one of {string.Join(", ", allowed)} or null, not {Shown(value)}");
    }

    private static (JsonNode?, string?) Date(JsonNode? value, DateOnly today)
    {
        if (value is null) return (null, null);
        var latest = today.AddDays(1);
        if (value.GetValueKind() == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetValue<string>().Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var date)
            && date >= EarliestDate && date <= latest)
            return (JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), null);
        return (null,
            $"facts.date must be a day yyyy-MM-dd from {EarliestDate:yyyy-MM-dd} to {latest:yyyy-MM-dd} or null, not {Shown(value)}");
    }

    private static (JsonNode?, string?) Targets(JsonNode? value, ReviewCandidate current)
    {
        if (value is null) return (new JsonArray(), null);
        if (value is not JsonArray items) return (null, "facts.targets must be a list of names (or null for none)");
        if (items.Count > MaxTargets) return (null, $"facts.targets has {items.Count} names: at most {MaxTargets}");
        var predicted = current.PredictedFacts.Targets;
        var list = new List<TargetMention>();
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var nameNode = item is JsonObject o ? o["name"] : item;
            if (nameNode is null || nameNode.GetValueKind() != JsonValueKind.String)
                return (null, $"facts.targets[{i}] must be a name (a string, or an object with a name)");
            var name = nameNode.GetValue<string>().Trim();
            if (name.Length == 0) return (null, $"facts.targets[{i}] is empty");
            if (name.Length > MaxTargetLength) return (null, $"facts.targets[{i}] is longer than {MaxTargetLength} characters");
            if (list.Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))) continue;
            if (predicted.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)) is { } known)
                list.Add(known with { Name = name });
            else
            {
                var at = current.Text.IndexOf(name, StringComparison.OrdinalIgnoreCase);
                list.Add(at < 0 ? new TargetMention(name) : new TargetMention(name, at, name.Length));
            }
        }
        return (JsonNode.Parse(ResponseFacts.TargetsToJson(list) ?? "[]"), null);
    }

    private static (JsonNode?, string?) LegalActs(JsonNode? value)
    {
        if (value is null) return (new JsonArray(), null);
        if (value is not JsonArray items) return (null, "facts.legal_acts must be a list of references (or null for none)");
        if (items.Count > MaxLegalActs) return (null, $"facts.legal_acts has {items.Count} references: at most {MaxLegalActs}");
        var list = new List<string>();
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item || item.GetValueKind() != JsonValueKind.String)
                return (null, $"facts.legal_acts[{i}] must be a reference (a string)");
            var written = item.GetValue<string>().Trim();
            if (written.Length == 0) return (null, $"facts.legal_acts[{i}] is empty");
            if (written.Length > MaxLegalActLength) return (null, $"facts.legal_acts[{i}] is longer than {MaxLegalActLength} characters");
            // A reference the reader recognises is stored as its id, so what a reviewer types and what was read from the
            // text name the same act the same way.
            var found = Classify.Facts.LegalActs.Find(written);
            var id = found.Count == 1 ? found[0].Id : written;
            if (!list.Contains(id, StringComparer.OrdinalIgnoreCase)) list.Add(id);
        }
        return (new JsonArray([.. list.Select(id => (JsonNode?)JsonValue.Create(id))]), null);
    }

    private static string Shown(JsonNode value)
    {
        var text = value.ToJsonString();
        return text.Length > 60 ? text[..60] + "…" : text;
    }

    private static JsonObject Parse(string? reviewed)
    {
        if (string.IsNullOrWhiteSpace(reviewed)) return [];
        try { return JsonNode.Parse(reviewed) is JsonObject o ? o : []; }
        catch (JsonException) { return []; }
    }

    /// <summary>The reviewed facts in the order of <see cref="ResponseFacts.Keys"/>, or null when none is reviewed.</summary>
    private static string? Canonical(JsonObject merged)
    {
        var ordered = new JsonObject();
        foreach (var key in ResponseFacts.Keys)
            if (merged.TryGetPropertyValue(key, out var v)) ordered[key] = v?.DeepClone();
        return ordered.Count == 0 ? null : ordered.ToJsonString();
    }
}
