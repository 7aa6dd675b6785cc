using System.Text.RegularExpressions;

namespace Pipeline.Classify.Relevance;

/// <summary>Why an item was judged about Belarus (or not): the terms that matched.</summary>
public sealed record RelevanceResult(bool IsAboutBelarus, IReadOnlyList<string> Matches);

/// <summary>What the rule tells the classifier: <see cref="Central"/> (Belarus named in the title or lead, or often),
/// <see cref="Absent"/> (no sign of Belarus at all), or <see cref="Undecided"/> (a passing mention, or only the
/// language): then the model decides whether the text is about Belarus.</summary>
public enum BelarusFocus { Absent, Undecided, Central }

/// <summary>The rule applied once to an item: the result stored with it and the focus handed to the classifier.</summary>
public sealed record RelevanceAssessment(RelevanceResult Result, BelarusFocus Focus);

/// <summary>
/// The Belarus relevance rule: does a text talk about Belarus, in any of the languages the monitors read?
/// Strong terms (the country, its ruler, the democratic leader, flagship sanctioned firms) decide alone;
/// place names that also exist elsewhere or appear in other contexts (Minsk agreements, Brest in France)
/// count only in pairs. The term lists are data: <c>Data/belarus/rule-strong.txt</c>, <c>rule-affixed.txt</c>
/// (scripts that attach prefixes or write without spaces) and <c>rule-weak.txt</c>. The classifier's wider evidence
/// on folded text is <see cref="BelarusContext"/>.
/// </summary>
public static class BelarusRelevance
{
    internal static readonly string[] StrongTerms = TermList.Load("rule-strong.txt");

    /// <summary>
    /// Names in scripts that attach prefixes to a word (Arabic, Persian and Hebrew "and", "in", "the"…) or write
    /// without spaces (Chinese, Japanese, Thai): matched anywhere, without the word boundary on their left.
    /// </summary>
    internal static readonly string[] AffixedTerms = TermList.Load("rule-affixed.txt");

    internal static readonly string[] WeakTerms = TermList.Load("rule-weak.txt");

    /// <summary>The text is a page's: the word-boundary lookbehind rules out the non-backtracking engine, and every term
    /// ends in a fixed string or a trailing <c>\w*</c>, so matching is linear; the timeout only guards that. Declared
    /// before the regexes, as static fields are initialised in order.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private static readonly Regex Strong = Build(StrongTerms, AffixedTerms);
    private static readonly Regex Weak = Build(WeakTerms, []);

    private static Regex Build(string[] terms, string[] affixed) =>
        new(@"(?<![\p{L}\p{N}])(" + string.Join("|", terms) + ")"
            + (affixed.Length == 0 ? "" : "|(?:" + string.Join("|", affixed.Select(Regex.Escape)) + ")"),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);

    /// <summary>Marker in <see cref="RelevanceResult.Matches"/> when only the language kept a text.</summary>
    public const string BelarusianLanguage = "(written in Belarusian)";

    /// <summary>How far into a text a mention counts as "in the lead" for <see cref="Focus"/>.</summary>
    public const int LeadChars = 400;

    public static RelevanceResult Check(string? title, string? text) => Evaluate(title, text).Result;

    /// <summary>
    /// The rule as evidence for the classifier. Central: a strong term in the title or the first
    /// <see cref="LeadChars"/> characters, or three or more strong mentions, or two Belarusian place names. Absent:
    /// the rule rejects the text. Undecided: Belarus appears only in passing further down, or only the language says
    /// so — a sanctions story about Russia that lists Belarus once is not thereby about Belarus.
    /// </summary>
    public static BelarusFocus Focus(string? title, string? text) => Assess(title, text).Focus;

    /// <summary><see cref="Check"/> and <see cref="Focus"/> from one pass over the text (the ingest path needs both).</summary>
    public static RelevanceAssessment Assess(string? title, string? text)
    {
        var (result, strong, leadEnd) = Evaluate(title, text);
        return new RelevanceAssessment(result, FocusOf(result, strong, leadEnd));
    }

    private static BelarusFocus FocusOf(RelevanceResult result, MatchCollection strong, int leadEnd)
    {
        if (!result.IsAboutBelarus) return BelarusFocus.Absent;
        if (strong.Count >= 3 || strong.Any(m => m.Index < leadEnd)) return BelarusFocus.Central;
        if (strong.Count == 0 && !result.Matches.Contains(BelarusianLanguage)) return BelarusFocus.Central; // two place names
        return BelarusFocus.Undecided;
    }

    /// <summary>
    /// The rule as the classifier's relevance gate: true when Belarus is central, false when it is absent, null (the
    /// model decides) for a passing mention or the language alone.
    /// </summary>
    public static bool? Gate(BelarusFocus focus) => focus switch
    {
        BelarusFocus.Central => true,
        BelarusFocus.Absent => false,
        _ => null,
    };

    /// <summary>One pass of the rule: the result, the strong matches, and where the lead ends in the matched string.</summary>
    private static (RelevanceResult Result, MatchCollection Strong, int LeadEnd) Evaluate(string? title, string? text)
    {
        var all = (title ?? "") + "\n" + (text ?? "");
        var strong = Strong.Matches(all);
        int leadEnd = (title?.Length ?? 0) + 1 + LeadChars;
        if (strong.Count > 0)
        {
            var terms = strong.Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).Take(20).ToList();
            return (new RelevanceResult(true, terms), strong, leadEnd);
        }
        var weak = Weak.Matches(all).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (weak.Count >= 2) return (new RelevanceResult(true, weak), strong, leadEnd);
        // Belarusian media do not name their own country in every story ("the state television", "Hrodna", "the
        // border"): a text written in Belarusian is kept, and the classifier decides.
        if (WrittenInBelarusian(all)) return (new RelevanceResult(true, [.. weak, BelarusianLanguage]), strong, leadEnd);
        return (new RelevanceResult(false, weak), strong, leadEnd);
    }

    /// <summary>
    /// Belarusian Cyrillic (ў) or Łacinka (ŭ), at least twice: letters no other language of the monitors uses. On the
    /// unfolded text (folding turns ў into у). The rule keeps such a text; the classifier reads it as a feature.
    /// </summary>
    public static bool WrittenInBelarusian(string text)
    {
        int n = 0;
        foreach (var c in text)
            if (c is 'ў' or 'Ў' or 'ŭ' or 'Ŭ' && ++n >= 2) return true;
        return false;
    }

    /// <summary>Character spans of every Belarus mention, for highlighting in the review page.</summary>
    public static IEnumerable<(int Start, int Length)> Mentions(string text)
    {
        foreach (Match m in Strong.Matches(text)) yield return (m.Index, m.Length);
        foreach (Match m in Weak.Matches(text)) yield return (m.Index, m.Length);
    }
}
