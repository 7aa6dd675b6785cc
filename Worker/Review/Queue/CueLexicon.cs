using System.Text.RegularExpressions;

namespace Pipeline.Worker.Review.Queue;

/// <summary>
/// Words and phrases that signal each response type (the "typical words" column of the taxonomy, in the languages
/// the monitors read: en, ru, be, uk, pl, lt, lv, et, de, fr). They are shown to the reviewer as the evidence behind
/// a label; the model learns its own weights and does not read this list. Data, not logic: extend the arrays.
/// </summary>
public static class CueLexicon
{
    public static readonly IReadOnlyDictionary<string, string[]> Cues = new Dictionary<string, string[]>
    {
        ["statement"] =
        [
            @"condemn\w*", @"calls? (on|upon|for)", @"urg(e|es|ed|ing)", @"deplor\w*", @"(does|do|will) not recogni[sz]e\w*", @"non-recognition",
            @"joint statement", @"declaration", @"statement", @"deeply concerned", @"demands?",
            @"осужда\w*", @"осудил\w*", @"призыва\w*", @"призвал\w*", @"заявлени\w*", @"не признае\w*", @"асуджа\w*", @"заклікае\w*", @"заява",
            @"засуджу\w*", @"закликає\w*", @"potępi\w*", @"wzywa\w*", @"oświadczeni\w*", @"nie uznaje", @"smerkia\w*", @"pasmerk\w*", @"ragina\w*", @"pareiškim\w*",
            @"nosoda\w*", @"aicina\w*", @"paziņojum\w*", @"mõista\w* hukka", @"kutsub\w*", @"avaldus\w*",
            @"verurteil\w*", @"fordert\w*", @"erklärung", @"erkennt\w* nicht an", @"condamne\w*", @"appelle\w*", @"déclaration", @"ne reconna[iî]t pas",
        ],
        ["targeted_sanctions"] =
        [
            @"asset freezes?", @"travel bans?", @"restrictive measures", @"designat\w*", @"listings?", @"listed", @"sanctions? list\w*", @"magnitsky", @"sdn",
            @"individual sanctions", @"entry bans?", @"freez\w* (of )?(their )?assets",
            @"заморозк\w* активов", @"заморажива\w*", @"запрет\w* на въезд", @"санкционн\w* спис\w*", @"персональн\w* санкци\w*", @"санкци\w*", @"санкцы\w*", @"санкції",
            @"zamrożeni\w* aktywów", @"zakaz\w* wjazdu", @"sankcj\w*", @"sankcij\w*", @"turto įšaldym\w*", @"draudim\w* atvykti", @"sankcijas", @"sanktsioon\w*",
            @"einreiseverbot\w*", @"vermögenssperre\w*", @"sanktion\w*", @"gel des avoirs", @"interdiction de voyager", @"interdictions? de voyager", @"mesures restrictives", @"sanctions?",
        ],
        ["economic_measures"] =
        [
            @"export bans?", @"import bans?", @"sectoral", @"potash", @"petroleum products", @"oil products", @"tobacco", @"airspace", @"airports?",
            @"trade restrictions?", @"embargo\w*", @"transit ban", @"loans?", @"european investment bank", @"eib", @"ebrd", @"capital markets?", @"insurance",
            @"калий\w*", @"калийн\w*", @"калі\w*", @"экспорт\w*", @"импорт\w*", @"эмбарго", @"авиасообщени\w*", @"воздушн\w* пространств\w*", @"транзит\w*",
            @"potas\w*", @"eksport\w*", @"import\w*", @"przestrze\w* powietrzn\w*", @"kalio trąš\w*", @"tranzit\w*", @"eksport\w*", @"oro erdv\w*",
            @"kaliumdünger\w*", @"ausfuhrverbot\w*", @"einfuhrverbot\w*", @"luftraum\w*", @"potasse", @"interdiction d'exporter", @"espace aérien",
        ],
        ["diplomatic_measures"] =
        [
            @"expel\w*", @"expulsion\w*", @"persona non grata", @"recall\w*( its)? ambassador", @"summon\w*", @"downgrad\w*", @"suspend\w* (its )?(cooperation|membership|participation)",
            @"clos\w* (the )?border\w*", @"border crossings?", @"checkpoints?", @"visas?", @"chargé d'affaires", @"diplomats?", @"excluded", @"relocat\w* (the )?championship",
            @"высыла\w*", @"выслал\w*", @"высылк\w*", @"отзыва\w* посла", @"отозвал\w* посла", @"вызвал\w*", @"дипломат\w*", @"пункт\w* пропуска", @"закрыти\w* границ\w*",
            @"высылае\w*", @"wydal\w*", @"dyplomat\w*", @"przejś\w* granic\w*", @"zamknię\w* granic\w*", @"išsiunč\w*", @"diplomat\w*", @"pasienio punkt\w*", @"izraid\w*", @"saatkon\w*",
            @"ausgewiesen", @"ausweis\w*", @"einbestellt", @"grenzübergang\w*", @"expulse\w*", @"convoqu\w*", @"frontière",
        ],
        ["support"] =
        [
            @"fund\w*", @"grants?", @"humanitarian visas?", @"relocat\w*", @"scholarships?", @"support for", @"civil society", @"independent media", @"democratic forces",
            @"contact group", @"exiles?", @"assistance", @"residence permits?", @"legal status",
            @"финансировани\w*", @"гранты?", @"поддержк\w*", @"гуманитарн\w* виз\w*", @"стипенди\w*", @"гражданск\w* обществ\w*", @"независим\w* сми", @"падтрымк\w*", @"стыпенды\w*",
            @"підтримк\w*", @"wsparci\w*", @"stypendi\w*", @"społeczeństw\w* obywatelsk\w*", @"niezależn\w* medi\w*", @"parama", @"paramos", @"stipendij\w*", @"pilietinė\w* visuomenė\w*",
            @"atbalst\w*", @"toetus\w*", @"unterstützung", @"förder\w*", @"stipendi\w*", @"zivilgesellschaft", @"soutien", @"bourses?", @"société civile", @"médias indépendants",
        ],
        ["resolution"] =
        [
            @"resolutions?", @"adopt\w*", @"recommendations?", @"conclusions", @"plenary", @"voted", @"motion",
            @"резолюци\w*", @"приня\w*", @"рекомендаци\w*", @"рэзалюцы\w*", @"резолюці\w*", @"rezolucj\w*", @"przyję\w*", @"rezoliucij\w*", @"priėm\w*", @"rezolūcij\w*", @"resolutsioon\w*",
            @"entschließung\w*", @"resolution\w*", @"angenommen", @"empfehlung\w*", @"adopt\w*", @"recommandation\w*",
        ],
        ["investigation"] =
        [
            @"investigat\w*", @"moscow mechanism", @"special rapporteur", @"rapporteur", @"universal jurisdiction", @"prosecut\w*", @"icc", @"international criminal court",
            @"accountability", @"evidence", @"document\w*", @"fact-finding", @"inquiry", @"criminal complaint", @"crimes against humanity", @"testimon\w*",
            @"расследовани\w*", @"расследу\w*", @"доклад\w*", @"докумениру\w*", @"документир\w*", @"прокурор\w*", @"доказательств\w*", @"привлечени\w* к ответственности", @"расследаван\w*",
            @"розслідуван\w*", @"śledztw\w*", @"prokurat\w*", @"dowod\w*", @"jurysdykcj\w*", @"tyrim\w*", @"prokuror\w*", @"įrodym\w*", @"izmeklēšan\w*", @"uurimis\w*",
            @"ermittlung\w*", @"weltrechtsprinzip", @"staatsanwalt\w*", @"beweis\w*", @"enquête\w*", @"compétence universelle", @"procureur\w*", @"preuves?",
        ],
    };

    private static readonly (string Type, Regex Pattern)[] Compiled = Cues.Select(kv => (kv.Key, new Regex(
        @"(?<![\p{L}\p{N}])(" + string.Join("|", kv.Value) + @")(?![\p{L}\p{N}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled))).ToArray();

    /// <summary>Every cue in the text: its span and the response type it speaks for, in reading order.</summary>
    public static List<(int Start, int Length, string Type)> Find(string text)
    {
        var found = new List<(int, int, string)>();
        foreach (var (type, pattern) in Compiled)
            foreach (Match m in pattern.Matches(text))
                found.Add((m.Index, m.Length, type));
        return found.OrderBy(f => f.Item1).ToList();
    }
}
