using Pipeline.Classify.Lexicon;
using System.Runtime.CompilerServices;

namespace Pipeline.Classify.Actors;

/// <summary>Who acts in a text: the canonical actor, its type, and co-actors.</summary>
public sealed record ResolvedActor(string Actor, string? ActorType, IReadOnlyList<string> CoActors, bool FromVocabulary);

/// <summary>
/// Picks the acting actor from the vocabulary mentions, following the taxonomy: the first actor named acts,
/// the others named with it in the same sentence are co-actors. Rules, each measured on the corpus:
/// <list type="number">
/// <item>the subject is looked for in the title and lead (first sentences) before the rest of the body;</item>
/// <item>a mention that is the object of the response is skipped while a better one exists: one right after
/// "against", "on", "with", "против", "супраць", "wobec", "gegen", "contre"…, and actors that are usually the
/// object or background (Russia, Ukraine, Ryanair, the Belarusian democratic forces and NGOs);</item>
/// <item>capitals stand for their states ("Washington", "Вильнюс") unless they are the place of an event ("in Vilnius");</item>
/// <item>"European Union" gives way to the EU body the text names, else to the body that acts for the EU in that kind
/// of response (the Council for sanctions and diplomatic measures, the EEAS for statements, the Commission for
/// support); "United Nations" gives way to the UN body the text names.</item>
/// </list>
/// When the text names no known actor, the source's hint is used, else <c>unknown</c>.
/// </summary>
public static class ActorResolver
{
    public const int LeadChars = 400;

    /// <summary>Actors that are more often the object or the background of a response than its author.</summary>
    public static readonly HashSet<string> Background = new(StringComparer.OrdinalIgnoreCase)
    {
        "Russia", "Ukraine", "Ryanair", "Office of Sviatlana Tsikhanouskaya", "Coordination Council", "United Transitional Cabinet",
        "Viasna", "Belarusian Association of Journalists", "PEN Belarus", "Belarusian Helsinki Committee", "National Anti-Crisis Management",
    };

    internal static readonly HashSet<string> ObjectMarkers = new(StringComparer.Ordinal)
    {
        "against", "on", "with", "to", "from", "towards", "over", "into", "regarding", "by",
        "против", "на", "с", "со", "к", "от", "в", "во", "супраць", "з", "са", "да", "ад", "проти", "із", "до", "від",
        "przeciwko", "wobec", "z", "ze", "do", "od", "gegen", "mit", "gegenuber", "an", "auf", "contre", "avec", "envers", "a", "au", "aux",
        "contra", "con", "com", "contro", "pries", "su", "pret", "ar", "tegen", "met", "mot", "med", "mod", "proti", "s", "se", "voci", "impotriva", "cu",
        "supracj", "suprac",
    };

    internal static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal)
    {
        "in", "at", "from", "to", "в", "во", "у", "из", "з", "w", "we", "z", "ze", "im", "in", "nach", "aus", "a", "à", "en", "de", "da", "i", "fra", "till", "nella", "nel",
    };

    private static readonly string[] EuBodies = ["Council of the EU", "European Council", "European Commission", "European Parliament", "EEAS"];

    /// <summary>Capitals (and a few other metonyms) for their states, in the languages of the corpus.</summary>
    private static readonly Dictionary<string, string[]> Metonyms = new()
    {
        ["United States"] = ["Washington", "Вашингтон", "Вашынгтон", "Вашингтона", "Vašynhton", "Vašynhtonie", "Waszyngton", "Waszyngtonu", "Vašingtonas", "Vašingtonas", "Vašingtona", "Washingtonin", "Treasury Department", "US Treasury Department"],
        ["United Kingdom"] = ["London", "Лондон", "Лондана", "Лондона", "Londyn", "Londynu", "Londonas", "Londres", "Londra", "Lontoo"],
        ["Norway"] = ["Oslo", "Осло"],
        ["Japan"] = ["Tokyo", "Токио", "Токіо", "Tokio", "Tōkyō"],
        ["Switzerland"] = ["Bern", "Berne", "Берн", "Берна", "Bundesrat", "Federal Council", "Conseil fédéral"],
        ["Germany"] = ["Berlin", "Берлин", "Берлін", "Berlyn", "Berlynas", "Berlīne"],
        ["France"] = ["Paris", "Париж", "Paryż", "Paryżu", "Quai d'Orsay", "Elysée", "Élysée"],
        ["Poland"] = ["Warsaw", "Варшава", "Варшавы", "Варшаві", "Warszawa", "Warszawy", "Varšuva", "Varšava", "Warschau", "Varsovie", "Varsovia"],
        ["Lithuania"] = ["Vilnius", "Вильнюс", "Вільнюс", "Вільня", "Wilno", "Wilna", "Viļņa"],
        ["Latvia"] = ["Riga", "Rīga", "Рига", "Рыга", "Ryga"],
        ["Estonia"] = ["Tallinn", "Таллин", "Таллінн", "Талін", "Tallin", "Tallinas"],
        ["Ukraine"] = ["Kyiv", "Kiev", "Киев", "Кіеў", "Київ", "Kijów", "Kyjiv", "Kijev", "Kyjev"],
        ["Canada"] = ["Ottawa", "Оттава"],
        ["Czech Republic"] = ["Prague", "Прага", "Praha", "Praga", "Prag"],
        ["Sweden"] = ["Stockholm", "Стокгольм", "Sztokholm"],
        ["Denmark"] = ["Copenhagen", "Копенгаген", "Kopenhaga", "København"],
        ["Finland"] = ["Helsinki", "Хельсинки", "Хельсінкі"],
        ["China"] = ["Beijing", "Пекин", "Пекін", "Pekin", "Peking"],
        ["Russia"] = ["Moscow", "Москва", "Масква", "Moskwa", "Maskva", "Moskau", "Moscou"],
        ["Ireland"] = ["Dublin"],
        ["Australia"] = ["Canberra"],
        ["Italy"] = ["Rome", "Roma", "Rom"],
        ["Spain"] = ["Madrid"],
        ["Slovakia"] = ["Bratislava"],
        ["Romania"] = ["Bucharest", "București", "Bukarest"],
        ["Hungary"] = ["Budapest"],
        ["Georgia"] = ["Tbilisi"],
        ["European Union"] = ["Brussels", "Bruxelles", "Brüssel", "Брюссель", "Брусель", "Brukselа", "Bruksela", "Briuselis", "Brisele", "Brüssel", "Bruselas"],
    };

    private static readonly ConditionalWeakTable<ActorVocabulary, ActorVocabulary> MetonymVocabularies = new();

    private static ActorVocabulary MetonymsFor(ActorVocabulary vocabulary) => MetonymVocabularies.GetValue(vocabulary, v =>
        new ActorVocabulary(Metonyms.Select(kv => v.Resolve(kv.Key)).OfType<ActorEntry>()
            .Select(e => new ActorEntry { Name = e.Name, Type = e.Type, Country = e.Country, Aliases = [.. Metonyms[e.Name]] })));

    public static ResolvedActor Resolve(ActorVocabulary vocabulary, string? title, string text, string? actorHint) =>
        Resolve(vocabulary, title, text, actorHint, null);

    /// <param name="primary">The predicted response type, when known: decides which EU body acts for "the EU".</param>
    /// <param name="found">The vocabulary's mentions in <see cref="FeatureText.Source"/>, when the caller has them.</param>
    public static ResolvedActor Resolve(ActorVocabulary vocabulary, string? title, string text, string? actorHint, string? primary,
        IReadOnlyList<ActorMention>? found = null)
    {
        var (source, mentions) = Candidates(vocabulary, title, text, found);

        if (mentions.Count == 0)
        {
            var hint = vocabulary.Resolve(actorHint);
            return hint is not null
                ? new ResolvedActor(hint.Name, hint.Type, [], true)
                : new ResolvedActor("unknown", null, [], false);
        }

        int lead = LeadEnd(source);
        var good = mentions.Where(m => !IsObject(source, m)).ToList();
        var chosen = good.FirstOrDefault(m => m.Start < lead) ?? good.FirstOrDefault() ?? mentions[0];
        var actor = Specialise(chosen.Actor, mentions, primary, vocabulary);

        // Co-actors: other actors named in the same sentence as the chosen actor's mention (not its objects).
        var (from, to) = SentenceAround(source, chosen.Start);
        var co = good.Where(m => m.Start >= from && m.Start < to && m.Actor.Name != actor.Name && m.Actor.Name != chosen.Actor.Name)
            .Select(m => m.Actor.Name).Distinct().ToList();
        return new ResolvedActor(actor.Name, actor.Type, co, true);
    }

    /// <summary>The text the actor is looked for in (title + capped body) and every candidate mention in it.</summary>
    /// <param name="found">The vocabulary's mentions in that text, when the caller has them (null: scanned here).</param>
    internal static (string Source, List<ActorMention> Mentions) Candidates(ActorVocabulary vocabulary, string? title, string text,
        IReadOnlyList<ActorMention>? found = null)
    {
        var source = FeatureText.Source(title, text);
        return (source, Mentions(vocabulary, source, found ?? vocabulary.FindMentions(source)));
    }

    /// <summary>Co-actors: other actors named in the same sentence as the chosen actor's mention (not its objects).</summary>
    internal static List<string> CoActors(string source, List<ActorMention> mentions, ActorMention chosen, ActorEntry actor)
    {
        var (from, to) = SentenceAround(source, chosen.Start);
        return mentions.Where(m => !IsObject(source, m))
            .Where(m => m.Start >= from && m.Start < to && m.Actor.Name != actor.Name && m.Actor.Name != chosen.Actor.Name)
            .Select(m => m.Actor.Name).Distinct().ToList();
    }

    /// <summary>Vocabulary mentions plus capitals standing for states (not where a capital is the place of an event).</summary>
    private static List<ActorMention> Mentions(ActorVocabulary vocabulary, string source, IReadOnlyList<ActorMention> found)
    {
        var metonyms = MetonymsFor(vocabulary).FindMentions(source)
            .Where(m => !PlacePrepositions.Contains(PreviousWord(source, m.Start)))
            .Where(m => !found.Any(f => m.Start < f.Start + f.Length && f.Start < m.Start + m.Length))
            .Select(m => new ActorMention(vocabulary.Resolve(m.Actor.Name) ?? m.Actor, m.Token, m.Start, m.Length));
        return [.. found.Concat(metonyms).OrderBy(m => m.Start)];
    }

    internal static bool IsObject(string source, ActorMention m) =>
        Background.Contains(m.Actor.Name) || ObjectMarkers.Contains(PreviousWord(source, m.Start));

    internal static ActorEntry Specialise(ActorEntry chosen, List<ActorMention> mentions, string? primary, ActorVocabulary vocabulary)
    {
        if (chosen.Name.Equals("European Union", StringComparison.OrdinalIgnoreCase))
        {
            var body = mentions.FirstOrDefault(m => EuBodies.Contains(m.Actor.Name, StringComparer.OrdinalIgnoreCase));
            if (body is not null) return body.Actor;
            var acting = primary switch
            {
                "targeted_sanctions" or "economic_measures" or "diplomatic_measures" => "Council of the EU",
                "statement" => "EEAS",
                "support" => "European Commission",
                _ => null,
            };
            return acting is not null && vocabulary.Resolve(acting) is { } entry ? entry : chosen;
        }
        if (chosen.Name.Equals("United Nations", StringComparison.OrdinalIgnoreCase))
        {
            var body = mentions.FirstOrDefault(m => m.Actor.Type == "igo" && m.Actor != chosen && IsUnBody(m.Actor.Name));
            if (body is not null) return body.Actor;
        }
        return chosen;
    }

    private static bool IsUnBody(string name) =>
        name.StartsWith("UN ", StringComparison.Ordinal) || name is "OHCHR" or "UNHCR" or "UNESCO" or "UNICEF" or "ILO" or "ICAO" or "Group of Independent Experts on Belarus";

    internal static string PreviousWord(string text, int position)
    {
        int end = position;
        while (end > 0 && !char.IsLetterOrDigit(text[end - 1])) { if (text[end - 1] is '.' or '\n' or ':' or ';') return ""; end--; }
        int start = end;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        return start == end ? "" : ActorVocabulary.Fold(text.AsSpan(start, end - start));
    }

    /// <summary>End of the lead: the title and first sentences, at least <see cref="LeadChars"/> characters.</summary>
    internal static int LeadEnd(string source)
    {
        if (source.Length <= LeadChars) return source.Length;
        int i = LeadChars;
        while (i < source.Length && !IsSentenceEnd(source, i)) i++;
        return i;
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
