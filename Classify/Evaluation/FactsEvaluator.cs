using System.Globalization;
using System.Text.Json.Serialization;
using Pipeline.Classify.Corpus;
using Pipeline.Classify.Facts;

namespace Pipeline.Classify.Evaluation;

/// <summary>How one fact scores: right answers over the labelled items that carry the fact.</summary>
public sealed record FactAccuracy(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("correct")] int Correct,
    [property: JsonPropertyName("accuracy")] double Accuracy);

/// <summary>One lifecycle class: how often it is the truth, how often predicted, and how often both.</summary>
public sealed record LifecycleClassCounts(
    [property: JsonPropertyName("truth")] int Truth,
    [property: JsonPropertyName("predicted")] int Predicted,
    [property: JsonPropertyName("correct")] int Correct);

/// <summary>Targets scored as sets of canonical names per item, summed over the items annotated with them.</summary>
public sealed record TargetScores(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("true_positives")] int TruePositives,
    [property: JsonPropertyName("predicted")] int Predicted,
    [property: JsonPropertyName("truth")] int Truth,
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall);

/// <summary>
/// The act's date (issue 15's <c>date</c>) against the items annotated with it. <c>exact_accuracy</c> is the share of the
/// items labelled with a date that got that very day; of the rest, <c>missed</c> answered null and <c>wrong_day</c> gave
/// another day (<c>off_by_one_day</c> and <c>wrong_year</c> — same month and day, another year — are among them). On the
/// items labelled null (the text does not make the date certain) <c>wrong_guess</c> gave a date anyway.
/// <c>accuracy</c> counts both kinds: the right day, or null where null is right.
/// </summary>
public sealed record DateScores(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("accuracy")] double Accuracy,
    [property: JsonPropertyName("dated")] int Dated,
    [property: JsonPropertyName("exact")] int Exact,
    [property: JsonPropertyName("exact_accuracy")] double ExactAccuracy,
    [property: JsonPropertyName("missed")] int Missed,
    [property: JsonPropertyName("wrong_day")] int WrongDay,
    [property: JsonPropertyName("off_by_one_day")] int OffByOneDay,
    [property: JsonPropertyName("wrong_year")] int WrongYear,
    [property: JsonPropertyName("undated")] int Undated,
    [property: JsonPropertyName("wrong_guess")] int WrongGuess)
{
    public static readonly DateScores Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// The facts of issue 15 against labelled data: <c>binding</c> (items labelled true or false; a null prediction is
/// wrong), <c>lifecycle</c> (items annotated with it; "none" stands for a null prediction in the counts) and
/// <c>targets</c> (items annotated with a list, possibly empty). Each counts only the items that carry the field.
/// </summary>
public sealed record FactsReport
{
    [JsonPropertyName("n")] public int N { get; init; }
    [JsonPropertyName("binding")] public FactAccuracy Binding { get; init; } = new(0, 0, 0);
    /// <summary>Stance on the items labelled with one (a null prediction is wrong).</summary>
    [JsonPropertyName("stance")] public FactAccuracy Stance { get; init; } = new(0, 0, 0);
    /// <summary>Stance on the items labelled <c>supportive</c> or <c>easing</c> alone: the rare acts "critical" would hide.</summary>
    [JsonPropertyName("stance_not_critical")] public FactAccuracy StanceNotCritical { get; init; } = new(0, 0, 0);
    [JsonPropertyName("lifecycle")] public FactAccuracy Lifecycle { get; init; } = new(0, 0, 0);
    /// <summary>Per lifecycle class (and <c>none</c> for a null prediction): truth, predicted and correct counts.</summary>
    [JsonPropertyName("lifecycle_per_class")] public Dictionary<string, LifecycleClassCounts> LifecyclePerClass { get; init; } = [];
    [JsonPropertyName("targets")] public TargetScores Targets { get; init; } = new(0, 0, 0, 0, 0, 0);
    /// <summary>The act's date on the items annotated with it (<see cref="LabelledExample.DateLabelled"/>).</summary>
    [JsonPropertyName("date")] public DateScores Date { get; init; } = DateScores.Empty;
    /// <summary>The same per language of the annotated items.</summary>
    [JsonPropertyName("date_per_language")] public Dictionary<string, DateScores> DatePerLanguage { get; init; } = [];
}

/// <summary>Scores the facts the pipeline predicts against labelled examples. Pure but for the cue and target data files.</summary>
public static class FactsEvaluator
{
    public const string None = "none";

    /// <summary>Scores each example's facts: binding from the prediction; lifecycle and targets read from the text with the
    /// predicted type and stance, as <c>classify</c> and ingest read them.</summary>
    public static FactsReport Evaluate(IReadOnlyList<LabelledExample> truths, IReadOnlyList<Prediction> predictions,
        TargetVocabulary? vocabulary = null)
    {
        if (truths.Count != predictions.Count) throw new ArgumentException("one prediction per example is needed");
        var lifecycles = new List<string?>(truths.Count);
        var targets = new List<IReadOnlyList<string>>(truths.Count);
        for (int i = 0; i < truths.Count; i++)
        {
            var e = truths[i];
            var p = predictions[i];
            var type = p.FactsType;
            lifecycles.Add(e.Lifecycle is null ? null : Facts.Lifecycle.Find(e.Title, e.Text, type, p.Stance)?.Value);
            targets.Add(e.Targets is null ? [] : Facts.Targets.Find(e.Text, type, vocabulary).Select(x => x.Name).ToList());
        }
        var (date, perLanguage) = EvaluateDates(truths);
        return Score(truths, predictions.Select(p => p.Binding).ToList(), lifecycles, targets, predictions.Select(p => p.Stance).ToList()) with
        {
            Date = date, DatePerLanguage = perLanguage,
        };
    }

    /// <summary>The facts that need no model, alone (<c>evaluate --facts-only</c>): the act's date of each annotated
    /// example, read by <see cref="ActDates"/> from its title and text with its <c>published</c> date as the page's.</summary>
    public static FactsReport EvaluateWithoutModel(IReadOnlyList<LabelledExample> truths)
    {
        var (date, perLanguage) = EvaluateDates(truths);
        return new FactsReport { N = truths.Count, Date = date, DatePerLanguage = perLanguage };
    }

    /// <summary>Reads each annotated example's date with <see cref="ActDates.Find"/> and scores them.</summary>
    public static (DateScores All, Dictionary<string, DateScores> PerLanguage) EvaluateDates(IReadOnlyList<LabelledExample> truths)
    {
        var found = truths.Select(e => e.DateLabelled ? ActDates.Find(e.Title, e.Text, PageDate(e.Published))?.Date : null).ToList();
        return ScoreDates(truths, found);
    }

    /// <summary>Scores given dates (one per example, null for "none") on the examples annotated with a date.</summary>
    public static (DateScores All, Dictionary<string, DateScores> PerLanguage) ScoreDates(IReadOnlyList<LabelledExample> truths,
        IReadOnlyList<DateOnly?> found)
    {
        if (truths.Count != found.Count) throw new ArgumentException("one date (or null) per example is needed");
        var annotated = Enumerable.Range(0, truths.Count).Where(i => truths[i].DateLabelled).ToList();
        var perLanguage = annotated.GroupBy(i => truths[i].Language ?? "?")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Count(g.ToList()));
        return (Count(annotated), perLanguage);

        DateScores Count(List<int> items)
        {
            int dated = 0, exact = 0, missed = 0, wrongDay = 0, offByOne = 0, wrongYear = 0, undated = 0, wrongGuess = 0;
            foreach (var i in items)
            {
                var got = found[i];
                if (LabelDate(truths[i].Date) is not { } want)
                {
                    undated++;
                    if (got is not null) wrongGuess++;
                    continue;
                }
                dated++;
                if (got is not { } g) missed++;
                else if (g == want) exact++;
                else
                {
                    wrongDay++;
                    if (Math.Abs(g.DayNumber - want.DayNumber) == 1) offByOne++;
                    if (g.Year != want.Year && g.Month == want.Month && g.Day == want.Day) wrongYear++;
                }
            }
            return new DateScores(items.Count, Ratio(exact + undated - wrongGuess, items.Count), dated, exact, Ratio(exact, dated),
                missed, wrongDay, offByOne, wrongYear, undated, wrongGuess);
        }
    }

    /// <summary>A date label (yyyy-MM-dd), or null.</summary>
    public static DateOnly? LabelDate(string? label) =>
        DateOnly.TryParseExact(label, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The page's date from a <c>published</c> value (a date or an ISO 8601 time, read as UTC), or null.</summary>
    public static DateOnly? PageDate(string? published) =>
        DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? DateOnly.FromDateTime(at.UtcDateTime)
            : null;

    /// <summary>Scores given predictions of each fact (one per example).</summary>
    public static FactsReport Score(IReadOnlyList<LabelledExample> truths, IReadOnlyList<bool?> binding,
        IReadOnlyList<string?> lifecycle, IReadOnlyList<IReadOnlyList<string>> targets, IReadOnlyList<string?>? stance = null)
    {
        int bindingN = 0, bindingOk = 0, lifecycleN = 0, lifecycleOk = 0, targetN = 0, tp = 0, predicted = 0, truth = 0;
        int stanceN = 0, stanceOk = 0, rareN = 0, rareOk = 0;
        var perClass = Taxonomy.Lifecycles.Append(None).ToDictionary(c => c, _ => (Truth: 0, Predicted: 0, Correct: 0));
        for (int i = 0; i < truths.Count; i++)
        {
            var e = truths[i];
            if (e.Binding is { } b)
            {
                bindingN++;
                if (binding[i] == b) bindingOk++;
            }
            if (stance is not null && e.Stance is { } s)
            {
                bool ok = stance[i] == s;
                stanceN++;
                if (ok) stanceOk++;
                if (s != "critical")
                {
                    rareN++;
                    if (ok) rareOk++;
                }
            }
            if (e.Lifecycle is { } l)
            {
                lifecycleN++;
                var got = lifecycle[i] ?? None;
                var t = perClass[l];
                perClass[l] = t with { Truth = t.Truth + 1 };
                var pc = perClass.GetValueOrDefault(got);
                perClass[got] = pc with { Predicted = pc.Predicted + 1 };
                if (got == l)
                {
                    lifecycleOk++;
                    perClass[l] = perClass[l] with { Correct = perClass[l].Correct + 1 };
                }
            }
            if (e.Targets is { } names)
            {
                targetN++;
                var want = names.ToHashSet(StringComparer.OrdinalIgnoreCase);
                var have = targets[i].ToHashSet(StringComparer.OrdinalIgnoreCase);
                truth += want.Count;
                predicted += have.Count;
                tp += have.Count(want.Contains);
            }
        }
        return new FactsReport
        {
            N = truths.Count,
            Binding = new FactAccuracy(bindingN, bindingOk, Ratio(bindingOk, bindingN)),
            Stance = new FactAccuracy(stanceN, stanceOk, Ratio(stanceOk, stanceN)),
            StanceNotCritical = new FactAccuracy(rareN, rareOk, Ratio(rareOk, rareN)),
            Lifecycle = new FactAccuracy(lifecycleN, lifecycleOk, Ratio(lifecycleOk, lifecycleN)),
            LifecyclePerClass = perClass.ToDictionary(kv => kv.Key,
                kv => new LifecycleClassCounts(kv.Value.Truth, kv.Value.Predicted, kv.Value.Correct)),
            // No predicted target is perfect precision; no true target is perfect recall (nothing to find, nothing missed).
            Targets = new TargetScores(targetN, tp, predicted, truth,
                predicted == 0 ? 1 : Ratio(tp, predicted), truth == 0 ? 1 : Ratio(tp, truth)),
        };
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : Math.Round((double)a / b, 4);
}
