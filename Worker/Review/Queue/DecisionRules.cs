using System.Text.Json.Nodes;
using Pipeline.Classify;
using Pipeline.Classify.Actors;
using Pipeline.Store;

namespace Pipeline.Worker.Review.Queue;

/// <summary>The body of <c>POST /api/candidates/{id}/review</c>; <see cref="Facts"/> corrects facts of the response
/// (<see cref="FactRules"/>).</summary>
public sealed record ReviewRequest(
    string? Decision, List<string>? ResponseTypes, string? Actor, string? ActorType, int? Version, JsonNode? Facts = null);

/// <summary>
/// Turns a reviewer's request into the candidate's next state, or says why it cannot (a 400). Pure: the handler
/// reads the candidate, these rules decide, the store writes under the version check.
/// <list type="bullet">
/// <item><c>approve</c>: the labels shown (reviewed if any, else predicted) unless the request names others; status approved.</item>
/// <item><c>correct</c>: the request's response types (required), actor and actor type; status approved.</item>
/// <item>Both take corrected <c>facts</c>, merged into the facts reviewed before (<see cref="FactRules"/>).</item>
/// <item><c>reject</c>: status rejected; with <c>["not_a_response"]</c> or <c>["irrelevant"]</c> the reviewer's label is kept
/// (actor <c>none</c>) and becomes training data, without it the candidate is only set aside. A rejected candidate is not a
/// response: it has no reviewed facts, and a reject that sends some is refused.</item>
/// </list>
/// Response types must be taxonomy ids (<see cref="Taxonomy"/>); actors are canonicalised through the vocabulary;
/// an actor outside it is accepted only with an explicit actor type.
/// </summary>
public static class DecisionRules
{
    public const string Approve = "approve";
    public const string Correct = "correct";
    public const string Reject = "reject";

    /// <param name="today">The server's day (UTC), the bound of a corrected date.</param>
    public static (ReviewState? Next, string? Error) Apply(
        ReviewRequest request, ReviewCandidate current, ActorVocabulary vocabulary, DateOnly today)
    {
        var requested = request.ResponseTypes?.Select(t => t?.Trim() ?? "").ToList();
        var unknown = requested?.Where(t => !Taxonomy.IsLabel(t)).ToList() ?? [];
        if (unknown.Count > 0)
            return (null, $"not taxonomy labels: {string.Join(", ", unknown.Select(u => $"'{u}'"))} (labels: {string.Join(", ", Taxonomy.Labels)})");
        if (request.ActorType is not null && !Taxonomy.IsActorType(request.ActorType))
            return (null, $"actor_type '{request.ActorType}' is not one of {string.Join(", ", Taxonomy.ActorTypes)}");

        switch (request.Decision)
        {
            case Approve or Correct:
            {
                if (request.Decision == Correct && (requested is null || requested.Count == 0))
                    return (null, "correct needs response_types (the right labels, primary first)");
                var types = (requested is { Count: > 0 } ? requested : [.. current.EffectiveTypes]).Distinct().ToList();
                if (types.Count == 0 || types.Any(t => !Taxonomy.IsResponse(t)))
                    return (null, $"an approved candidate is a response: use response types ({string.Join(", ", Taxonomy.ResponseTypes)}); " +
                                  $"for {Taxonomy.NotAResponse} or {Taxonomy.Irrelevant} use the decision reject");
                var (actor, actorType, error) = ResolveActor(request, current, vocabulary);
                if (error is not null) return (null, error);
                var (facts, factError) = FactRules.Merge(request.Facts, current, today);
                return factError is not null ? (null, factError) : (new ReviewState("approved", types, actor, actorType, facts), null);
            }
            case Reject:
            {
                if (request.Facts is not null) return (null, "facts are corrected with approve or correct: a rejected candidate has none");
                if (requested is null || requested.Count == 0) return (new ReviewState("rejected", null, null, null), null);
                if (requested.Count != 1 || requested[0] is not (Taxonomy.NotAResponse or Taxonomy.Irrelevant))
                    return (null, $"reject takes response_types [\"{Taxonomy.NotAResponse}\"] or [\"{Taxonomy.Irrelevant}\"] (or none)");
                return (new ReviewState("rejected", requested, "none", "none"), null);
            }
            default:
                return (null, $"decision must be {Approve}, {Correct} or {Reject}, not '{request.Decision}'");
        }
    }

    private static (string Actor, string ActorType, string? Error) ResolveActor(ReviewRequest request, ReviewCandidate current, ActorVocabulary vocabulary)
    {
        if (string.IsNullOrWhiteSpace(request.Actor))
        {
            var actor = current.EffectiveActor is null or "none" ? "unknown" : current.EffectiveActor;
            var type = request.ActorType ?? (current.EffectiveActorType is null or "none" ? vocabulary.Resolve(actor)?.Type ?? "other" : current.EffectiveActorType);
            return (actor, type, null);
        }
        var name = request.Actor.Trim();
        if (name.Length > 200) return ("", "", "actor name is too long");
        if (name is "unknown") return (name, request.ActorType ?? "other", null);
        if (vocabulary.Resolve(name) is { } known) return (known.Name, request.ActorType ?? known.Type, null);
        if (request.ActorType is null)
            return ("", "", $"'{name}' is not in the actor vocabulary: pick a known actor or give its actor_type");
        return (name, request.ActorType, null);
    }
}
