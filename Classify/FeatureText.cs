using System.Text;
using Pipeline.Classify.Actors;

namespace Pipeline.Classify;

/// <summary>
/// The text the models see: title, body (capped), and language-independent marker words for the kinds of
/// actors the vocabulary finds ("zzactor_igo"), so that "Conseil de l'UE" and "Рада ЕС" look alike to the model.
/// </summary>
public static class FeatureText
{
    public const int MaxChars = 12_000;

    public static string Build(string? title, string text, ActorVocabulary? vocabulary)
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(title) && !text.StartsWith(title.Trim(), StringComparison.Ordinal))
            sb.Append(title.Trim()).Append(".\n");
        sb.Append(text.Length > MaxChars ? text[..MaxChars] : text);
        if (vocabulary is not null)
        {
            var types = vocabulary.FindMentions(sb.ToString()).Select(m => m.Actor.Type).Distinct();
            sb.Append('\n');
            foreach (var t in types) sb.Append(" zzactor").Append(t);
        }
        return sb.ToString();
    }
}
