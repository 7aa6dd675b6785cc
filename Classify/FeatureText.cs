using System.Text;
using Pipeline.Classify.Actors;
using Pipeline.Classify.Lexicon;
using Pipeline.Classify.Relevance;

namespace Pipeline.Classify;

/// <summary>
/// The text the models see: title and body (capped), folded (lower case, no diacritics) with Cyrillic written
/// in Latin letters, followed by language-independent marker words:
/// <list type="bullet">
/// <item>"zzkw{group}" / "zzlead{group}" for each group of <see cref="ResponseLexicon"/> found in the text / in its
/// title and lead (the first sentences, where the main news is), so "Sanktionsliste", "санкцыйны спіс" and
/// "sankciju saraksts" all look like "zzkwtarget";</item>
/// <item>"zzactor{type}" for the kinds of actors the vocabulary finds, "zzfirstactor{type}" for the first one;</item>
/// <item>"zzby…" for how strongly the text points at Belarus (<see cref="BelarusContext"/>), and
/// "zzbelarusianlanguage" for a text written in Belarusian.</item>
/// </list>
/// </summary>
public static class FeatureText
{
    public const int MaxChars = 12_000;
    public const int LeadChars = 320;

    public static string Build(string? title, string text, ActorVocabulary? vocabulary)
    {
        var source = Source(title, text);
        return Build(source, vocabulary?.FindMentions(source));
    }

    /// <summary>What the models and the actor decision read: the title (unless the text starts with it) and the first
    /// <see cref="MaxChars"/> characters of the text — the news is in the first paragraphs, and long pages end in
    /// navigation, related articles and background that would outvote the lead.</summary>
    public static string Source(string? title, string text)
    {
        var body = TextFold.Head(text, MaxChars);
        return string.IsNullOrWhiteSpace(title) || body.StartsWith(title.Trim(), StringComparison.Ordinal) ? body : title.Trim() + ".\n" + body;
    }

    /// <summary>The feature text of a <see cref="Source"/> whose vocabulary mentions are already known (null: no vocabulary),
    /// so a prediction scans the vocabulary once for the features and the actor.</summary>
    public static string Build(string source, IReadOnlyList<ActorMention>? mentions)
    {
        var folded = TextFold.Fold(source);

        var sb = new StringBuilder(folded.Length * 2);
        sb.Append(TextFold.Transliterate(folded));
        sb.Append(" .\n");

        var all = ResponseLexicon.Count(folded);
        var lead = ResponseLexicon.Count(Lead(folded));
        foreach (var (group, n) in all)
        {
            sb.Append(" zzkw").Append(group);
            if (n >= 3) sb.Append(" zzkw").Append(group).Append("many");
        }
        foreach (var group in lead.Keys) sb.Append(" zzlead").Append(group);
        if (lead.Count == 0) sb.Append(" zzleadnone");

        sb.Append(" zzby").Append(BelarusContext.Evaluate(folded).ToString().ToLowerInvariant());
        if (BelarusContext.MentionsMinskAgreements(folded)) sb.Append(" zzminskagreements");
        // Belarusian media rarely name their own country; the language itself points at Belarus.
        if (BelarusRelevance.WrittenInBelarusian(source)) sb.Append(" zzbelarusianlanguage");

        if (mentions is not null)
        {
            foreach (var t in mentions.Select(m => m.Actor.Type).Distinct()) sb.Append(" zzactor").Append(t);
            if (mentions.Count > 0) sb.Append(" zzfirstactor").Append(mentions[0].Actor.Type);
            else sb.Append(" zznoactor");
        }
        sb.Append(source.Length < 200 ? " zzshort" : source.Length > 1500 ? " zzlong" : " zzmedium");
        return sb.ToString();
    }

    /// <summary>The title and first sentences: the first <see cref="LeadChars"/> characters, extended to the end of a word.</summary>
    internal static string Lead(string folded)
    {
        if (folded.Length <= LeadChars) return folded;
        int end = LeadChars;
        while (end < folded.Length && !char.IsWhiteSpace(folded[end])) end++;
        return folded[..end];
    }
}
