using System.Text.RegularExpressions;
using Pipeline.Classify.Lexicon;

namespace Pipeline.Classify.Relevance;

/// <summary>How strongly a text points at Belarus.</summary>
public enum BelarusEvidence { None, Weak, Specific, Strong }

/// <summary>
/// The classifier's Belarus evidence (on folded text), wider than the relevance rule (<see cref="BelarusRelevance"/>):
/// besides the country and its leaders it knows people, places and institutions that only occur in Belarusian news
/// (Akrestsina, Pratasevich, Poczobut, Belsat, Viasna, Ryanair FR4978…) and "Minsk" when it is not the Minsk agreements.
/// Used as a model feature and to let the model overrule a relevance rule that missed such a text; the model still
/// decides <c>irrelevant</c> on its own. The term lists are data: <c>Data/belarus/evidence-*.txt</c> and
/// <c>minsk-agreements-*.txt</c>. Whether a text is written in Belarusian is the rule's
/// <see cref="BelarusRelevance.WrittenInBelarusian"/>.
/// </summary>
public static class BelarusContext
{
    private static readonly string[] StrongTerms = TermList.Load("evidence-strong.txt");

    /// <summary>Names in scripts that attach prefixes (Arabic, Persian, Hebrew) or write without spaces (Chinese,
    /// Japanese, Thai): matched without a word boundary on the left.</summary>
    private static readonly string[] AffixedTerms = TermList.Load("evidence-affixed.txt");

    private static readonly string[] SpecificTerms = TermList.Load("evidence-specific.txt");

    private static readonly Regex Strong = Build(StrongTerms, AffixedTerms);
    private static readonly Regex Specific = Build(SpecificTerms, []);
    // The text is a page's. Minsk and the term lists need a lookbehind, which the non-backtracking engine lacks: a match
    // timeout guards them. The agreements have none: on the backtracking engine "\w*\s+" after every mention rescans the
    // rest of the word, quadratic over one long word of mentions.
    private static readonly Regex Minsk = new(
        @"(?<![\p{L}\p{N}])(?:" + Alternatives("evidence-minsk.txt") + @")\w*",
        RegexOptions.CultureInvariant | RegexOptions.Compiled, ResponseLexicon.MatchTimeout);
    private static readonly Regex MinskAgreements = new(
        @"(?:minsk|минск|мінськ|мінск|mińsk)\w*\s+(?:" + Alternatives("minsk-agreements-after.txt") + ")"
            + "|(?:" + Alternatives("minsk-agreements-before.txt") + @")\s+(?:of |de |von |di |z )?"
            + "(?:minsk|минск|мінськ|mińsk)",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static string Alternatives(string file) => string.Join("|", TermList.Load(file));

    private static Regex Build(string[] terms, string[] affixed) =>
        new(@"(?<![\p{L}\p{N}])(?:" + string.Join("|", terms.Select(t => TextFold.Fold(t)).Select(Escape)) + ")"
            + (affixed.Length == 0 ? "" : "|(?:" + string.Join("|", affixed.Select(t => Plain(TextFold.Fold(t)))) + ")"),
            RegexOptions.CultureInvariant | RegexOptions.Compiled, ResponseLexicon.MatchTimeout);

    /// <summary>A term with a backslash is a regex fragment; any other is a plain string.</summary>
    private static string Escape(string folded) => folded.Contains('\\') ? folded : Plain(folded);

    private static string Plain(string folded) => Regex.Escape(folded).Replace("\\ ", " ");

    /// <summary>Evidence on an already folded text.</summary>
    public static BelarusEvidence Evaluate(string folded)
    {
        if (Strong.IsMatch(folded)) return BelarusEvidence.Strong;
        if (Specific.IsMatch(folded)) return BelarusEvidence.Specific;
        var minsk = Minsk.Matches(folded).Count;
        var agreements = MinskAgreements.Matches(folded).Count;
        if (minsk > agreements) return BelarusEvidence.Specific;
        return minsk > 0 ? BelarusEvidence.Weak : BelarusEvidence.None;
    }

    public static bool MentionsMinskAgreements(string folded) => MinskAgreements.IsMatch(folded);
}
