using System.Text.RegularExpressions;
using Pipeline.Classify;
using Pipeline.Classify.Actors;
using Pipeline.Classify.Lexicon;
using Pipeline.Classify.Relevance;

namespace Pipeline.Worker.Review.Queue;

/// <summary>A highlighted span of the text: a Belarus mention, an actor alias or a cue word of a response type.</summary>
public sealed record Mark(int Start, int Length, string Kind, string Label);

/// <summary>A sentence that drives the prediction: without it the model's probability for the label drops by <see cref="Weight"/>.</summary>
public sealed record Driver(int Start, int Length, double Weight);

/// <summary>
/// Why the candidate is in the queue, as spans over the stored text (UTF-16 offsets, the same in C# and in the
/// browser). Marks never overlap (Belarus mentions win over actor aliases, which win over cue words). Drivers are
/// found by occlusion: each sentence is left out in turn and the text scored again; the sentences whose absence
/// lowers the probability of the predicted label most are the ones that drove it.
/// </summary>
public static partial class Evidence
{
    public const int MaxMarks = 600;
    public const int MaxSentences = 80;
    public const double MinDriverWeight = 0.02;
    /// <summary>A sentence also drives the prediction when leaving it out lowers the label's log-odds this much.</summary>
    public const double MinDriverLogOdds = 0.1;

    private static double Logit(double p)
    {
        p = Math.Clamp(p, 1e-6, 1 - 1e-6);
        return Math.Log(p / (1 - p));
    }

    public static List<Mark> Marks(string text, ActorVocabulary vocabulary, IReadOnlyCollection<string> predictedTypes)
    {
        var candidates = new List<Mark>();
        foreach (var (start, length) in BelarusRelevance.Mentions(text)) candidates.Add(new Mark(start, length, "belarus", "about Belarus"));
        foreach (var m in vocabulary.FindMentions(text)) candidates.Add(new Mark(m.Start, m.Length, "actor", $"{m.Actor.Name} ({m.Actor.Type})"));
        // The cue words are the model's own (ResponseLexicon), labelled with the response type their group speaks for.
        foreach (var (start, length, group) in ResponseLexicon.Find(text))
            if (ResponseLexicon.ResponseTypesOf.TryGetValue(group, out var types))
            {
                var kind = types.Any(predictedTypes.Contains) ? "cue-predicted" : "cue";
                candidates.Add(new Mark(start, length, kind, types.Length == 1 ? types[0] : group));
            }

        var taken = new List<Mark>();
        foreach (var m in candidates.OrderBy(Rank).ThenBy(m => m.Start).ThenByDescending(m => m.Length))
        {
            if (taken.Count >= MaxMarks) break;
            if (m.Length <= 0 || m.Start < 0 || m.Start + m.Length > text.Length) continue;
            if (taken.Any(t => m.Start < t.Start + t.Length && t.Start < m.Start + m.Length)) continue;
            taken.Add(m);
        }
        return taken.OrderBy(m => m.Start).ToList();
    }

    private static int Rank(Mark m) => m.Kind switch { "belarus" => 0, "actor" => 1, "cue-predicted" => 2, _ => 3 };

    [GeneratedRegex(@"[^\n.!?…]+(?:[.!?…]+[""'»”)]*|\n|$)")]
    private static partial Regex SentencePattern();

    /// <summary>Sentence spans of the text (a sentence ends at . ! ? … or a line break).</summary>
    public static List<(int Start, int Length)> Sentences(string text) =>
        SentencePattern().Matches(text).Where(m => m.Value.Trim().Length > 0)
            .Select(m => (m.Index + (m.Value.Length - m.Value.TrimStart().Length), m.Value.Trim().Length)).ToList();

    /// <summary>The sentences whose removal lowers the probability of <paramref name="label"/> most (at most three).</summary>
    public static List<Driver> Drivers(string? title, string text, string label, Classifier classifier)
    {
        var sentences = Sentences(text).Take(MaxSentences).ToList();
        if (sentences.Count < 2) return [];
        var inputs = new List<(string?, string, string?)> { (title, text, null) };
        inputs.AddRange(sentences.Select(s => (title, text.Remove(s.Start, s.Length), (string?)null)));
        var predictions = classifier.PredictBatch(inputs);
        double full = predictions[0].Scores.GetValueOrDefault(label);
        // Ranked by the loss in log-odds, which stays readable when the model is sure (0.995 → 0.990 is half a point of
        // probability but a clear drop in confidence); shown as the loss in probability.
        return sentences.Select((s, i) =>
            {
                var without = predictions[i + 1].Scores.GetValueOrDefault(label);
                return (Driver: new Driver(s.Start, s.Length, Math.Round(full - without, 4)), LogOdds: Logit(full) - Logit(without));
            })
            .Where(d => d.Driver.Weight > 0 && (d.Driver.Weight >= MinDriverWeight || d.LogOdds >= MinDriverLogOdds))
            .OrderByDescending(d => d.LogOdds).Take(3)
            .Select(d => d.Driver)
            .OrderBy(d => d.Start).ToList();
    }
}
