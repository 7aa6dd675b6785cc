using System.Globalization;
using Pipeline.Classify;
using Pipeline.Classify.Facts;
using Pipeline.Store;

namespace Pipeline.Worker.Classification;

/// <summary>
/// The facts of a response (issue 15) as the pipeline predicts them: binding and stance from the classifier, the lifecycle,
/// the targets and the date of the act read from the text. Ingest stores them on the candidate (migration 7); readers of
/// rows stored before it, or with a fact left NULL, fill it from the text the same way (<see cref="Complete"/>).
/// </summary>
public static class PredictedFacts
{

    /// <summary>The facts of a classified text.</summary>
    /// <param name="pageDate">The page's date, for dates without a year and "yesterday".</param>
    public static ResponseFacts Of(string? title, string text, DateOnly? pageDate, Prediction p) =>
        FromText(title, text, pageDate, p.FactsType, p.Stance) with { Binding = p.Binding };

    /// <summary>The facts the text gives (no binding: that is the classifier's; no legal acts: they are never stored).</summary>
    public static ResponseFacts FromText(string? title, string text, DateOnly? pageDate, string? type, string? stance) => new(
        null, stance, Lifecycle.Find(title, text, type, stance)?.Value, Mentions(Targets.Find(text, type)), ActDateOf(title, text, pageDate));

    /// <summary>Stored facts with the ones left NULL read from the text (rows stored before migration 7, and the legal acts,
    /// which are never stored); then the reviewer's corrections applied.</summary>
    public static ResponseFacts Complete(ResponseFacts stored, string? reviewed, string? title, string text, DateOnly pageDate, string? type)
    {
        var filled = stored with
        {
            Lifecycle = stored.Lifecycle ?? Lifecycle.Find(title, text, type, stored.Stance)?.Value,
            Targets = stored.Targets.Count > 0 ? stored.Targets : Mentions(Targets.Find(text, type)),
            ActDate = stored.ActDate ?? ActDateOf(title, text, pageDate),
            LegalActs = stored.LegalActs ?? LegalActIds(title, text),
        };
        return filled.Effective(reviewed);
    }

    public static IReadOnlyList<TargetMention> Mentions(IEnumerable<NamedTarget> targets) =>
        targets.Select(t => new TargetMention(t.Name, t.Start, t.Length)).ToList();

    /// <summary>The normalised ids of the legal instruments the title and text name (<see cref="Classify.Facts.LegalActs"/>,
    /// which gives each once, in reading order). Not stored: ingest leaves them to the readers (<see cref="Complete"/>).</summary>
    public static List<string> LegalActIds(string? title, string text) =>
        Classify.Facts.LegalActs.Find(string.IsNullOrWhiteSpace(title) ? text : title + "\n" + text).Select(a => a.Id).ToList();

    private static string? ActDateOf(string? title, string text, DateOnly? pageDate) =>
        ActDates.Find(title, text, pageDate)?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
