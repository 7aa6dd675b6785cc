namespace Pipeline.Classify.Actors;

/// <summary>Who acts in a text: the canonical actor, its type, and co-actors.</summary>
public sealed record ResolvedActor(string Actor, string? ActorType, IReadOnlyList<string> CoActors, bool FromVocabulary);

/// <summary>
/// Picks the acting actor from the vocabulary mentions, following the taxonomy: the first actor named acts,
/// the others named with it in the same sentence are co-actors. A name in the title beats one in the body.
/// When the text names no known actor, the source's hint is used, else <c>unknown</c>.
/// </summary>
public static class ActorResolver
{
    public static ResolvedActor Resolve(ActorVocabulary vocabulary, string? title, string text, string? actorHint)
    {
        var body = text.Length > FeatureText.MaxChars ? text[..FeatureText.MaxChars] : text;
        var titleMentions = string.IsNullOrWhiteSpace(title) ? [] : vocabulary.FindMentions(title);
        var bodyMentions = vocabulary.FindMentions(body);

        ActorMention? chosen = titleMentions.FirstOrDefault() ?? bodyMentions.FirstOrDefault();
        if (chosen is null)
        {
            var hint = vocabulary.Resolve(actorHint);
            return hint is not null
                ? new ResolvedActor(hint.Name, hint.Type, [], true)
                : new ResolvedActor("unknown", null, [], false);
        }

        // Co-actors: other actors named in the same sentence as the chosen actor's first mention.
        var source = titleMentions.Count > 0 && titleMentions[0] == chosen ? title! : body;
        var mentions = titleMentions.Count > 0 && titleMentions[0] == chosen ? titleMentions : bodyMentions;
        var (from, to) = SentenceAround(source, chosen.Start);
        var co = mentions.Where(m => m.Start >= from && m.Start < to && m.Actor != chosen.Actor)
            .Select(m => m.Actor.Name).Distinct().ToList();
        return new ResolvedActor(chosen.Actor.Name, chosen.Actor.Type, co, true);
    }

    private static (int From, int To) SentenceAround(string text, int position)
    {
        int from = position;
        while (from > 0 && !IsSentenceEnd(text, from - 1)) from--;
        int to = position;
        while (to < text.Length && !IsSentenceEnd(text, to)) to++;
        return (from, to);
    }

    private static bool IsSentenceEnd(string text, int i) =>
        text[i] is '\n' or '!' or '?' or ';' || (text[i] == '.' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1])));
}
