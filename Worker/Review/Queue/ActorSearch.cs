using Pipeline.Classify.Actors;
using Pipeline.Classify.Lexicon;

namespace Pipeline.Worker.Review.Queue;

public sealed record ActorOption(string Name, string Type, string? Matched);

/// <summary>
/// Autocomplete over the actor vocabulary: a query matches a canonical name or any alias, in any script, with
/// case and diacritics folded as the classifier folds them ("eu council", "Conseil de l'UE" and "МИД Литвы" all find
/// their actor). Names that start with the query rank before names that contain it, and names before aliases.
/// </summary>
public static class ActorSearch
{
    public static List<ActorOption> Find(ActorVocabulary vocabulary, string? query, int limit = 10)
    {
        var q = Fold(query ?? "");
        if (q.Length == 0) return vocabulary.Actors.OrderBy(a => a.Name).Take(limit).Select(a => new ActorOption(a.Name, a.Type, null)).ToList();
        var hits = new List<(int Rank, ActorOption Option)>();
        foreach (var a in vocabulary.Actors)
        {
            var name = Fold(a.Name);
            if (name.StartsWith(q, StringComparison.Ordinal)) { hits.Add((0, new(a.Name, a.Type, null))); continue; }
            if (name.Contains(q, StringComparison.Ordinal)) { hits.Add((1, new(a.Name, a.Type, null))); continue; }
            var alias = a.Aliases.FirstOrDefault(x => Fold(x).StartsWith(q, StringComparison.Ordinal))
                        ?? a.Aliases.FirstOrDefault(x => Fold(x).Contains(q, StringComparison.Ordinal));
            if (alias is not null) hits.Add((Fold(alias).StartsWith(q, StringComparison.Ordinal) ? 2 : 3, new(a.Name, a.Type, alias)));
        }
        // Shorter matches are closer to what was typed ("eu coun": "EU Council" before "EU countries").
        return hits.OrderBy(h => h.Rank).ThenBy(h => (h.Option.Matched ?? h.Option.Name).Length).ThenBy(h => h.Option.Name, StringComparer.Ordinal)
            .Take(limit).Select(h => h.Option).ToList();
    }

    /// <summary>The classifier's folding (<see cref="TextFold.Fold"/>), without spaces at the ends: one fold for the
    /// models, the lexicon and the search.</summary>
    public static string Fold(string s) => TextFold.Fold(s).Trim();
}
