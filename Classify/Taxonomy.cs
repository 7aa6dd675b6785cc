namespace Pipeline.Classify;

/// <summary>The label contract of <c>../shared/taxonomy.md</c>. Ids are stable; never rename them.</summary>
public static class Taxonomy
{
    public const string NotAResponse = "not_a_response";
    public const string Irrelevant = "irrelevant";

    /// <summary>The seven response types, in the taxonomy's order.</summary>
    public static readonly string[] ResponseTypes =
        ["statement", "targeted_sanctions", "economic_measures", "diplomatic_measures", "support", "resolution", "investigation"];

    /// <summary>All nine primary labels.</summary>
    public static readonly string[] Labels = [.. ResponseTypes, NotAResponse, Irrelevant];

    public static readonly string[] ActorTypes = ["state", "igo", "ngo", "business", "other", "none"];

    public static readonly string[] Stances = ["critical", "supportive", "easing"];

    /// <summary>Where a response stands in its life (issue 15): a demand that someone act, an act announced, adopted,
    /// extended (renewed, prolonged) or lifted (suspended, eased).</summary>
    public static readonly string[] Lifecycles = ["called_for", "announced", "adopted", "extended", "lifted"];

    public static bool IsLabel(string? id) => id is not null && Array.IndexOf(Labels, id) >= 0;
    public static bool IsResponse(string? id) => id is not null && Array.IndexOf(ResponseTypes, id) >= 0;
    public static bool IsActorType(string? id) => id is not null && Array.IndexOf(ActorTypes, id) >= 0;
}
