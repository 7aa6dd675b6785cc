using System.Text.Json.Nodes;
using Pipeline.Classify.Facts;
using Pipeline.Store;

namespace Pipeline.Worker.Review.Queue;

/// <summary>
/// The words a date was read from: <see cref="Phrase"/> ("on 9 August 2020") at <see cref="Start"/> (UTF-16 offsets in
/// the text, or in the title when <see cref="InTitle"/>) and the whole sentence around it.
/// </summary>
public sealed record DateEvidence(string Phrase, string Sentence, int Start, int Length, bool InTitle);

/// <summary>
/// The facts of a response as the review API shows them (issue 15): <c>binding</c> (null: unclear), <c>stance</c>,
/// <c>lifecycle</c>, <c>targets</c> (each with its position in the text; start -1 when it has none), <c>date</c> and
/// <c>legal_acts</c> (normalised references),
/// with the evidence of the date. <see cref="Corrected"/> names the facts a reviewer set (effective facts only).
/// </summary>
public sealed record FactsView(
    bool? Binding, string? Stance, string? Lifecycle, IReadOnlyList<TargetMention> Targets, string? Date, DateEvidence? DateEvidence,
    IReadOnlyList<string>? Corrected = null, IReadOnlyList<string>? LegalActs = null)
{
    /// <summary>
    /// The view of <paramref name="facts"/> of candidate <paramref name="c"/>: a target's position is kept only where it
    /// lies inside the text; the date has evidence when <paramref name="found"/> (the date read from the title and lead)
    /// is the same day.
    /// </summary>
    public static FactsView Of(ReviewCandidate c, ResponseFacts facts, ActDate? found, IReadOnlyList<string>? corrected = null)
    {
        var targets = facts.Targets
            .Select(t => t.Start >= 0 && t.Length > 0 && t.Start + t.Length <= c.Text.Length ? t : t with { Start = -1, Length = 0 })
            .ToList();
        DateEvidence? evidence = null;
        if (found is not null && facts.ActDate == found.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            evidence = Evidence(c.Title, c.Text, found);
        return new FactsView(facts.Binding, facts.Stance, facts.Lifecycle, targets, facts.ActDate, evidence, corrected, facts.LegalActs ?? []);
    }

    /// <summary>The keys of a <c>reviewed_facts</c> object, in the order of <see cref="ResponseFacts.Keys"/>.</summary>
    public static List<string> ReviewedKeys(string? reviewed)
    {
        if (string.IsNullOrWhiteSpace(reviewed)) return [];
        try
        {
            return JsonNode.Parse(reviewed) is JsonObject o ? ResponseFacts.Keys.Where(o.ContainsKey).ToList() : [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }

    /// <summary>
    /// Maps the date's offsets (in the title, a line break, then the text: what <see cref="ActDates.Find"/> reads) back
    /// to the title or the text, and widens the phrase to its sentence.
    /// </summary>
    private static DateEvidence Evidence(string? title, string text, ActDate found)
    {
        var head = string.IsNullOrWhiteSpace(title) ? "" : title.Trim();
        var inTitle = head.Length > 0 && found.Start < head.Length;
        var source = inTitle ? head : text;
        var start = inTitle || head.Length == 0 ? found.Start : found.Start - head.Length - 1;
        start = Math.Clamp(start, 0, source.Length);
        var length = Math.Clamp(found.Length, 0, source.Length - start);
        var sentence = Queue.Evidence.Sentences(source).FirstOrDefault(s => s.Start <= start && start < s.Start + s.Length);
        var said = sentence.Length > 0 ? source.Substring(sentence.Start, sentence.Length) : found.Evidence;
        if (said.Length > 400) said = said[..400] + "…";
        return new DateEvidence(found.Evidence, said, start, length, inTitle);
    }
}
