using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Classify.Lexicon;

/// <summary>
/// A cross-lingual keyword lexicon: for each kind of response (and for domestic news, easing, support of the
/// authorities, planned measures) word stems in the languages the monitors read. A stem matches at the start of
/// a word (prefix), after <see cref="TextFold"/>; "\w*" and spaces may join words of a phrase. CJK stems match
/// anywhere. The lexicon emits language-independent marker words ("zzkwsanction") into the text the models see,
/// so a sanctions listing in Latvian looks like one in English even if the training data has few Latvian texts.
/// The lists are data: extend them freely (one line per language, stems separated by '|').
/// </summary>
public static class ResponseLexicon
{
    public static readonly IReadOnlyDictionary<string, string[]> Groups = new Dictionary<string, string[]>
    {
        // ── any sanctions / restrictive measures ──────────────────────────────────────────────
        ["sanction"] =
        [
            "sanction|restrictive measure|punitive measure",
            "санкц|ограничительн\\w* мер|рестрикц",
            "санкцы|абмежавальн\\w* мер|sankcy|abmiezavaln\\w* mier|abmezavaln",
            "санкці|обмежувальн\\w* заход",
            "sankcj|srodk\\w* ograniczaj|sankcyj",
            "sankcij|ribojam\\w* priemon|sankcion",
            "sankcij|ierobezojos\\w* pasakum",
            "sanktsioon|piirav\\w* meetm",
            "sanktion|restriktiv\\w* masnahm|strafmasnahm",
            "mesures restrictives|sanction",
            "sancion|medidas restrictivas",
            "sanzion|misure restrittive",
            "sancao|sancoes|sancionad|medidas restritivas",
            "sanctie|beperkende maatregel",
            "sanktion|restriktiva atgard",
            "sanktion|restriktive foranstaltning",
            "sanksjon|restriktive tiltak",
            "pakote|pakott|rajoittav\\w* toimenpite",
            "sankc|omezujici opatren",
            "sankci|obmedzujuc\\w* opatren",
            "sanctiun|masuri restrictive|sanctionat",
            "szankci|korlatozo intezked",
            "yaptirim",
            "სანქცი",
            "制裁",
        ],
        // ── travel bans, asset freezes, listings ──────────────────────────────────────────────
        ["target"] =
        [
            "asset freeze|assets frozen|freez\\w* (?:of )?(?:their |the |his |her )?assets|travel ban|entry ban|visa ban|banned from (?:entering|travel)|blacklist|designat|sanctions list|list of sanctioned|listing|magnitsky|sdn|ofac|individual sanctions|personal sanctions|targeted sanctions|named individuals|officials and entities|individuals and entities|persons and entities|judges|prosecutors|propagandist",
            "замороз\\w* актив|заморозк|запрет\\w* на въезд|запрет\\w* въезда|невъездн|санкционн\\w* спис|черн\\w* спис|персональн\\w* санкц|индивидуальн\\w* санкц|включ\\w* в (?:санкционный )?спис|магнитск|физическ\\w* и юридическ|судь|прокурор|пропагандист",
            "замарож\\w* актыв|забарон\\w* на ўезд|забарон\\w* уезд|санкцыйн\\w* спіс|чорн\\w* спіс|персанальн\\w* санкц|судд|пракурор|прапагандыст",
            "zamaroz\\w* aktyv|zabaron\\w* na ujezd|sankcyjn\\w* spis|piersanaln|persanaln|sudd|prakuror|prapahandyst",
            "заморож\\w* актив|заборон\\w* на в.?їзд|заборон\\w* в.?їзду|персональн\\w* санкц|санкційн\\w* спис|судд|пропагандист",
            "zamroz\\w* (?:aktyw|majat|srodk)|zakaz\\w* wjazdu|list\\w* sankcyjn|czarn\\w* list|sankcj\\w* personaln|sankcj\\w* indywidualn|wpisa\\w* na list|sedzi|prokurator|propagandyst",
            "turto isaldym|isaldyt|isaldym|draudim\\w* atvykti|draudz\\w* atvykti|sankcij\\w* saras|nepageidaujam|asmenin\\w* sankc|teisej|propagandist",
            "aktivu iesald|iesaldet|iesaldes|iecelosanas aizliegum|sankciju sarakst|melnaj\\w* sarakst|tiesnes|propagandist",
            "varade kulmut|kulmutat|sissesoidukeel|riiki sisenemise keel|sanktsiooninimekir|sanktsioonide nimekir|kohtunik|propagandist",
            "eingefroren|einfrieren|vermogenswert|einreiseverbot|einreisesperre|sanktionsliste|schwarze liste|gelistet|listung|personenbezogen\\w* sanktion|individuell\\w* sanktion|richter|staatsanwalt|propagandist",
            "gel des avoirs|gel\\w* des avoirs|avoirs gel|interdiction de (?:voyager|territoire|sejour|visa|entree|penetrer)|liste noire|sur la liste|sanctions individuelles|sanctions ciblees|juges|procureurs|propagandist",
            "congelacion de (?:activos|bienes|fondos)|congela\\w* (?:sus )?(?:activos|bienes)|prohibicion de (?:viaj|entrada)|lista negra|sanciones individuales|sanciones personales|jueces|fiscales|propagandist",
            "congelamento dei beni|congela\\w* (?:i )?beni|divieto di (?:viaggio|ingresso)|lista nera|sanzioni individuali|sanzioni mirate|giudici|procurator|propagandist",
            "congelamento de (?:ativos|bens)|proibicao de (?:viag|entrada)|lista negra|sancoes individuais|juizes|procuradores|propagandist",
            "bevriezing van tegoeden|tegoeden bevroren|bevroren|inreisverbod|reisverbod|sanctielijst|zwarte lijst|rechters|aanklagers|propagandist",
            "frysning av tillgangar|frys\\w* tillgangar|inreseforbud|reseforbud|sanktionslist|svarta list|domare|aklagare|propagandist",
            "indefrysning|indefrys|indrejseforbud|rejseforbud|sanktionslist|dommere|anklagere|propagandist",
            "frysing av eiendel|frys\\w* eiendel|innreiseforbud|reiseforbud|sanksjonslist|dommere|aktorer|propagandist",
            "varojen jaadyt|jaadytt|matkustuskiel|maahantulokiel|pakotelist|tuomar|syyttaj|propagandist",
            "zmrazen\\w* majetk|zmrazi|zakaz vstupu|zakaz cestovan|sankcni seznam|soudc|prokuror|propagandist",
            "zmrazen\\w* majetk|zakaz vstupu|zakaz cestovan|sankcn\\w* zoznam|sudc|prokuror|propagandist",
            "inghetarea activelor|inghet\\w* activ|interdicti\\w* de calatorie|interdicti\\w* de (?:a intra|intrare)|lista neagra|judecator|procuror|propagandist",
            "vagyonbefagyaszt|befagyaszt|beutazasi tilalom|utazasi tilalom|szankcios list|biro|ugyesz|propagandist",
            "აქტივების გაყინვ|შესვლის აკრძალვ",
            "資産凍結|渡航禁止|入国禁止|制裁リスト|资产冻结|入境禁令|旅行禁令",
        ],
        // ── sectoral and economic measures ────────────────────────────────────────────────────
        ["economic"] =
        [
            "export|import|embargo|potash|fertili[sz]er|oil product|petroleum|refined|tobacco|cigarette|timber|steel|cement|tyre|tire|trade|tariff|sectoral|airspace|overflight|airline|flights|airport|capital market|bonds|securities|loan|lending|financing|eib|ebrd|imf|world bank|investment|investor|insurance|swift|goods|transit|cargo|freight|rail|port of|supply|supplies|customs|dual-use|joint project|sponsor|contract|business|compan|potassium|nitrogen|belaruskali|naftan|grodno azot|belavia|belshina|mozyr|belneftekhim",
            "экспорт|импорт|эмбарго|калийн|калий|удобрен|нефт|табач|табак|древесин|стал[ьи]|торгов|пошлин|отраслев|секторальн|воздушн\\w* пространств|авиакомпан|авиасообщ|рейс|аэропорт|кредит|займ|заем|финансирован|инвестиц|инвестор|страхов|ценн\\w* бумаг|облигац|транзит|груз|порт|поставк|контракт|товар|компани|предприят|спонсор|беларуськал|белавиа|нафтан|гродно азот",
            "экспарт|імпарт|эмбарга|калійн|угнаен|нафт|тытун|драўнін|гандл|пошлін|паветран\\w* праст|авіякампан|рэйс|аэрапорт|крэдыт|пазык|інвестыц|страхав|транзіт|груз|партов|пастаўк|тавар|кампані|прадпрыем|спонсар|беларуськал|белавія|нафтан|гродна азот",
            "ekspart|impart|embarha|kalijn|uhnajen|naft|tytun|handl|paviet\\w* prastor|avijakampan|rejs|aeraport|kredyt|inviestyc|investyc|tranzit|hruz|tavar|kampani|pradpryjem|spansar",
            "експорт|імпорт|ембарго|калійн|добрив|нафт|тютюн|деревин|торгів|торгов|мит[оа]|повітрян\\w* прост|авіакомпан|рейс|аеропорт|кредит|позик|інвестиц|страхув|транзит|вантаж|порт|постачан|товар|компані|підприєм|спонсор",
            "eksport|import|embargo|potas|nawoz|rop[ayie]|naft|tyton|drewn|handl|cl[oa] |sektor|przestrzen\\w* powietrzn|lini\\w* lotnicz|lotnisk|lotow|kredyt|pozycz|inwestyc|ubezpiecz|tranzyt|ladun|towar|dostaw|firm|spolk|przedsiebiorstw|sponsor",
            "eksport|import|embarg|kalio|trasu|trasos|naft|tabak|medien|prekyb|muit|sektorin|oro erdv|aviakompanij|skryd|oro uost|paskol|kredit|investic|tranzit|krovin|uost|tiekim|preki|prekes|imon|sponsor",
            "eksport|import|embargo|kalij|meslojum|naft|tabak|koksn|tirdzniec|muit|nozar|gaisa telp|aviokompanij|lidojum|lidost|aizdevum|kredit|investic|tranzit|krav|ostas|piegad|precu|preces|uznemum|sponsor",
            "eksport|import|embargo|kaali|vaeti|nafta|naftaproduk|tubak|puit|kaubandus|tollimaks|sektor|ohuruum|lennufirm|lennuettevot|lennud|lennujaam|laen|krediit|investeer|investeering|kindlustus|transiit|kaup|sadam|tarni|ettevot|sponsor",
            "export|ausfuhr|import|einfuhr|embargo|kali|dunger|dungemittel|erdol|olprodukt|tabak|holz|handel|zoll|sektor|luftraum|fluggesellschaft|flugverbot|flughafen|kredit|darlehen|investition|investor|versicher|anleihe|wertpapier|transit|fracht|hafen|liefer|waren|guter|unternehm|konzern|firma|sponsor",
            "export|import|embargo|potasse|engrais|petrol|tabac|bois|commerc|droits de douane|douan|sectori|espace aerien|compagnie aerienne|vols|aeroport|prets?|credit|financement|investis|assuranc|obligation|transit|fret|livraison|marchandis|entreprise|societe|sponsor",
            "exportac|importac|embargo|potasa|fertilizant|petrole|tabaco|madera|comerci|arancel|sectorial|espacio aereo|aerolinea|vuelo|aeropuerto|prestamo|credito|financiac|inversion|seguro|transito|carga|puerto|suministr|mercancia|empresa|patrocin",
            "esportaz|importaz|embargo|potassa|fertilizzant|petroli|tabacco|legname|commerci|dazi|settorial|spazio aereo|compagnia aerea|voli|aeroport|prestit|credit|finanziament|investiment|assicura|transito|merci|porto|fornitur|aziend|societa|sponsor",
            "exportac|importac|embargo|potassa|fertilizant|petroleo|tabaco|madeira|comerci|tarifa|setorial|espaco aereo|companhia aerea|voos|aeroporto|emprestimo|credito|financiament|investiment|seguro|transito|carga|porto|fornec|mercadoria|empresa|patrocin",
            "export|invoer|uitvoer|import|embargo|kali|kunstmest|olie|tabak|hout|handel|heffing|sector|luchtruim|luchtvaartmaatschappij|vlucht|luchthaven|lening|krediet|investering|verzekering|doorvoer|vracht|haven|lever|goederen|bedrijf|sponsor",
            "export|import|embargo|kali|godsel|godning|olja|tobak|virke|handel|tull|sektor|luftrum|flygbolag|flyg|flygplats|kredit|investering|forsakring|transit|frakt|hamn|leverans|varor|foretag|bolag|sponsor",
            "eksport|import|embargo|kali|godning|olie|tobak|handel|told|sektor|luftrum|flyselskab|lufthavn|kredit|investering|forsikring|transit|fragt|havn|levering|varer|virksomhed|selskab|sponsor",
            "eksport|import|embargo|kali|gjodsel|olje|tobakk|handel|toll|sektor|luftrom|flyselskap|flyplas|kreditt|investering|forsikring|transitt|frakt|havn|leveranse|varer|selskap|bedrift|sponsor",
            "vienti|tuonti|kauppasaarto|kaliu|lannoit|oljy|tupak|kauppa|tulli|sektori|ilmatila|lentoyhtio|lento|lentoasema|laina|luotto|investoin|vakuutu|kauttakulku|rahti|satama|toimitu|tavara|yhtio|yritys|sponsor",
            "vyvoz|dovoz|export|import|embargo|potas|drasl|hnojiv|ropa|ropy|naft|tabak|drev|obchod|cla|clo|sektor|vzdusn\\w* prostor|leteck\\w* spolecnost|letist|uver|pujck|investic|pojist|tranzit|naklad|pristav|dodav|zbozi|firm|spolecnost|sponzor",
            "vyvoz|dovoz|export|import|embargo|potas|hnojiv|ropa|naft|tabak|obchod|clo|sektor|vzdusn\\w* priestor|leteck\\w* spolocnost|letisk|uver|pozick|investic|poist|tranzit|naklad|pristav|dodav|tovar|firm|spolocnost|sponzor",
            "export|import|embargo|potasiu|ingrasamin|petrol|tutun|lemn|comert|taxe vamale|sector|spatiu\\w* aerian|compani\\w* aerian|zbor|aeroport|imprumut|credit|finantar|investit|asigur|tranzit|marf|port|livrar|companii|firm|sponsor",
            "export|import|embargo|kalium|mutragya|olaj|dohany|kereskedel|vam|agazat|legter|legitarsasag|jarat|repuloter|hitel|kolcson|beruhazas|biztosit|tranzit|rakomany|kikoto|szallit|aru|vallalat|ceg|szponzor",
            "ექსპორტ|იმპორტ|ემბარგო|კალიუმ|ნავთობ|ვაჭრობ|საჰაერო სივრც|ავიაკომპანი|სესხ|ინვესტიცი",
            "輸出|輸入|禁輸|カリ|肥料|石油|貿易|関税|領空|航空会社|空港|融資|投資|保険|出口|进口|钾肥|石油|贸易|领空|航空公司|贷款",
        ],
        // ── diplomatic measures ──────────────────────────────────────────────────────────────
        ["diplomatic"] =
        [
            "ambassador|envoy|charge d'affaires|recall|expel|expuls|persona non grata|diplomat|embassy|consulate|consular|downgrad|suspend\\w* (?:cooperation|membership|participation|dialogue|talks|relations|agreement)|sever|exclud|ban\\w* from compet|stripp\\w* (?:of|belarus)|relocat\\w* (?:the )?(?:championship|tournament|game|event|race|congress)|championship|tournament|olympic|federation|border crossing|checkpoint|close\\w* (?:the |its )?border|visa|membership|suspended from|expelled from|observer status|consultations|ties",
            "посол|посл[аоуы] |послов|дипломат|посольств|консульств|консульск|отозва|отзыв|высыл|выслан|выдвор|персон\\w* нон грата|нежелательн|понизи\\w* уров|приостанов|разорва|исключ|отстран|лиши\\w* прав|чемпионат|турнир|олимпи|федерац|пункт\\w* пропуск|границ|виз",
            "пасол|пасла|паслоў|дыпламат|пасольств|консульств|адклік|адазва|высыл|высла|выправад|персон\\w* нон грата|прыпын|разарва|выключ|адхіл|пазбав\\w* прав|чэмпіянат|турнір|алімпі|федэрацы|пункт\\w* пропуск|мяж|віз",
            "pasol|pasla|dyplamat|pasolstv|konsulstv|adklik|adazva|vysyl|vysla|prypyn|vykluc|cempijanat|turnir|alimpi|fiederacy|punkt\\w* propusk|miaz|viz",
            "посол|посла|послів|дипломат|посольств|консульств|відклик|вислал|вислан|висил|видвор|персон\\w* нон грата|призупин|розірва|виключ|відсторон|чемпіонат|турнір|олімпі|федераці|пункт\\w* пропуск|кордон|віз",
            "ambasador|dyplomat|ambasad|konsulat|konsular|odwola|wydal|persona non grata|zawiesz|zawiesi|zerwa|wyklucz|mistrzostw|turniej|olimpij|federacj|przejsc\\w* graniczn|przejscie|granic|wiz",
            "ambasador|pasiuntin|diplomat|ambasad|konsulat|atsauk|isiust|isiunc|isvaryt|persona non grata|sustabd|nutrauk|pasalin|cempionat|turnyr|olimpin|federacij|pasienio punkt|kontroles punkt|sien|viz",
            "vestniek|diplomat|vestniecib|konsulat|atsauc|izraid|persona non grata|aptur|partrauk|izslegt|izslegs|cempionat|turnir|olimpisk|federacij|robezsk|robez|viz",
            "suursaadik|saadik|diplomaat|saatkond|konsul|tagasi kutsu|kutsu\\w* tagasi|valja saat|valjasaat|persona non grata|peata|katkest|valja arva|maailmameistri|turniir|olumpia|foderatsioon|piiripunkt|piiri|viisa",
            "botschafter|diplomat|botschaft|konsulat|abberuf|zuruckberuf|zuruckgerufen|ausweis|ausgewiesen|persona non grata|herabstuf|ausgesetzt|aussetz|suspendier|ausschlus|ausgeschlos|weltmeisterschaft|turnier|olympi|verband|grenzubergang|grenze|visa|visum",
            "ambassadeur|diplomat|ambassade|consulat|rappel|expuls|persona non grata|suspen|rompre|exclu|championnat|tournoi|olympi|federation|point de passage|poste-frontiere|frontier|visa",
            "embajador|diplomat|embajada|consulado|llamad\\w* a consultas|expuls|persona non grata|suspen|romp|exclu|campeonato|torneo|olimpic|federacion|paso fronterizo|fronter|visado|visa",
            "ambasciator|diplomat|ambasciat|consolato|richiam|espuls|espell|persona non grata|sospe|interromp|esclu|campionat|torneo|olimpic|federazione|valico|frontier|visti|visto",
            "embaixador|diplomat|embaixada|consulado|chamad\\w* para consultas|expuls|persona non grata|suspen|romp|exclu|campeonato|torneio|olimpic|federacao|posto fronteiric|fronteira|visto",
            "ambassadeur|diplomat|ambassade|consulaat|teruggeroepen|terugroep|uitgewezen|uitwijz|persona non grata|opgeschort|opschort|verbrek|uitgesloten|uitsluit|kampioenschap|toernooi|olympi|federatie|grensovergang|grens|visum|visa",
            "ambassador|diplomat|ambassad|konsulat|kallar hem|kallade hem|hemkall|utvisa|persona non grata|avbryt|upphav|utesl|masterskap|turnering|olympi|forbund|gransovergang|grans|visum",
            "ambassador|diplomat|ambassade|konsulat|hjemkald|kalder hjem|udvis|persona non grata|suspend|afbryd|udeluk|mesterskab|turnering|olympi|forbund|graenseovergang|graense|visum",
            "ambassador|diplomat|ambassade|konsulat|kaller hjem|kalte hjem|hjemkall|utvis|persona non grata|suspend|avbryt|utestengt|mesterskap|turnering|olympi|forbund|grenseovergang|grense|visum",
            "suurlahettil|diplomaat|suurlahetysto|konsulaat|kutsu\\w* takaisin|karkot|persona non grata|keskeyt|katkais|sulje\\w* pois|sulki pois|mestaruu|mm-kisat|turnau|olympia|liitto|rajanylity|rajan|viisum",
            "velvyslan|diplomat|konzulat|odvola|vyhost|persona non grata|pozastav|preru|vylouc|mistrovstv|turnaj|olympi|federac|hranicni prechod|hranic|viz",
            "velvyslan|diplomat|konzulat|odvola|vyhost|persona non grata|pozastav|preru|vyluc|majstrovstv|turnaj|olympi|federac|hranicn\\w* priechod|hranic|viz",
            "ambasador|diplomat|ambasad|consulat|recheam|rechemat|expulz|persona non grata|suspend|intrerup|exclu|campionat|turneu|olimpic|federati|punct\\w* de trecere|frontier|viz",
            "nagykovet|diplomat|konzulatus|visszahiv|kiutasit|persona non grata|felfuggeszt|megszakit|kizar|vilagbajnoksag|torna|olimpi|szovetseg|hataratkelo|hatar|vizum",
            "ელჩ|დიპლომატ|საელჩო|გაძევ|ჩემპიონატ|საზღვ",
            "大使|外交官|召還|国外追放|追放|選手権|国境|ビザ|査証|大使馆|驱逐",
        ],
        // ── support for civil society, media, victims, exiles, democratic forces ────────────────
        ["support"] =
        [
            "grant|fund|financial support|financial assistance|million|aid|assistance|humanitarian|scholarship|fellowship|relocat|residence permit|shelter|asylum|exile|civil society|independent media|journalists|victims|democratic forces|democratic movement|opposition leader|tsikhanouskaya|tikhanovskaya|met with|meeting with|received|contact group|strategic dialogue|support|programme|program|host\\w*|office|accredit|passport|travel document|universit|students|ngo|human rights defenders|rehabilitation|legal aid",
            "грант|финансир|финансов\\w* помощ|поддерж|помощ|помога|млн|миллион|гуманитарн|стипенди|релокац|переезд|вид на жительств|убежищ|эмигра|гражданск\\w* обществ|независим\\w* (?:сми|медиа)|журналист|жертв|пострадавш|демократическ\\w* сил|тихановск|цихановск|встрет|встреч|принял|контактн\\w* групп|программ|офис|аккредит|паспорт|университет|студент|правозащитник|реабилитац",
            "грант|фінансав|падтрым|дапамаг|дапамог|млн|мільён|гуманітарн|стыпенд|рэлакацы|пераезд|від на жыхарств|прытулак|эміграц|грамадзянск\\w* супольн|незалежн\\w* (?:сми|медыя|сродк)|журналіст|ахвяр|пацярпел|дэмакратычн\\w* сіл|ціханоўск|сустрэ|кантактн\\w* груп|праграм|офіс|акрэдыт|пашпарт|універсітэт|студэнт|праваабаронц|рэабілітац",
            "hrant|finansav|padtrym|dapamoh|dapamah|humanitarn|stypiend|relakacy|hramadzjansk|hramadzian|niezalezn|achviar|demakratycn|cichanousk|sustre|kantaktn|prahram|pasport|universitet|student",
            "грант|фінанс|підтрим|допомаг|допомог|млн|мільйон|гуманітарн|стипенді|релокац|посвідк\\w* на прожив|притулок|еміграц|громадянськ\\w* суспільств|незалежн\\w* (?:медіа|змі)|журналіст|жертв|постраждал|демократичн\\w* сил|тихановськ|ціхановськ|зустр|контактн\\w* груп|програм|офіс|акредит|паспорт|університет|студент|правозахисник|реабілітац",
            "grant|dotacj|finansow|wsparci|wspiera|wsparl|pomoc|mln|milion|humanitarn|stypendi|relokac|karta pobytu|karty pobytu|pobyt|azyl|ochron\\w* miedzynarod|emigra|spoleczenstw\\w* obywatelsk|niezalezn\\w* medi|dziennikarz|ofiar|poszkodowan|sil\\w* demokratyczn|cichanowsk|spotka|grup\\w* kontaktow|program|biur|paszport|uniwersytet|student|obroncy praw|rehabilitac",
            "dotacij|finansav|finansin|param|pagalb|mln|milijon|humanitarin|stipendij|relokac|perkel|leidim\\w* gyventi|leidim\\w* laikinai gyventi|prieglobst|emigr|pilietin\\w* visuomen|nepriklausom\\w* ziniasklaid|zurnalist|auk|nukentejus|demokratin\\w* jeg|cichanousk|tichanovsk|susitik|kontaktin\\w* grup|program|biur|pas|universitet|student|zmogaus teisiu gynej|reabilitac",
            "grant|finans|atbalst|palidz|milj|humanitar|stipendij|relokac|uzturesanas atlauj|patverum|emigr|pilsonisk\\w* sabiedrib|neatkarig\\w* medij|zurnalist|upur|cietus|demokratisk\\w* spek|cihanousk|tihanovsk|tikas|tiksan|kontaktgrup|programm|birojs|pase|universitat|student|cilvektiesibu aizstav",
            "toetus|toeta|rahastu|abi|miljon|humanitaar|stipendium|umberasu|elamislub|varjupaik|emigr|kodanikuuhiskon|soltumatu\\w* meedia|ajakirjanik|ohvr|demokraatlik\\w* jou|tsihhanousk|kohtumi|kohtus|kontaktgrup|programm|buroo|pass|ulikool|tudeng|inimoiguste kaitsj",
            "forder|finanz|unterstutz|hilfe|million|mio|humanitar|stipendi|umsiedl|aufenthaltstitel|aufenthaltserlaubnis|asyl|exil|zivilgesellschaft|unabhangig\\w* medien|journalist|opfer|demokratisch\\w* kraft|demokratiebeweg|tichanowsk|tsichanousk|treffen|traf|getroffen|empfang|kontaktgruppe|programm|buro|pass|universitat|student|menschenrechtsverteidig|rehabilit",
            "subvention|financ|soutien|soutenir|soutient|aide|million|humanitair|bourse|relocalis|reinstall|titre de sejour|asile|exil|societe civile|medias independants|journalist|victime|forces democratiques|tikhanovsk|tsikhanousk|rencontr|recu|groupe de contact|programme|bureau|passeport|universit|etudiant|defenseurs des droits|rehabilit",
            "subvencion|financ|apoy|ayuda|millon|humanitari|beca|reubicac|permiso de residencia|asilo|exilio|sociedad civil|medios independientes|periodista|victima|fuerzas democraticas|tijanovsk|tsijanousk|reuni|recibi|grupo de contacto|programa|oficina|pasaporte|universidad|estudiante|defensores de derechos",
            "sovvenzion|finanzi|sosteg|sosten|aiut|milion|umanitari|borse di studio|ricolloc|permesso di soggiorno|asilo|esilio|societa civile|media indipendenti|giornalist|vittim|forze democratiche|tikhanovsk|tsikhanousk|incontr|ricevut|gruppo di contatto|programma|ufficio|passaport|universit|student|difensori dei diritti",
            "subvenc|subsidio|financ|apoio|apoia|ajuda|milh|humanitari|bolsa|realocac|autorizacao de residencia|asilo|exilio|sociedade civil|media independentes|midia independente|jornalist|vitima|forcas democraticas|tikhanovsk|tsikhanousk|reuniu|reuniao|encontr|recebeu|grupo de contato|programa|escritorio|passaporte|universidade|estudante|defensores dos direitos",
            "subsidie|financier|steun|hulp|miljoen|humanitair|beurs|hervestig|verhuiz|verblijfsvergunning|asiel|balling|maatschappelijk middenveld|onafhankelijke media|journalist|slachtoffer|democratische krachten|tichanovsk|tsichanousk|ontmoet|ontving|sprak met|contactgroep|programma|kantoor|paspoort|universiteit|student|mensenrechtenverdedig",
            "bidrag|finansier|stod|hjalp|miljon|humanitar|stipendi|omplacer|uppehallstillstand|asyl|exil|civilsamhall|oberoende medier|journalist|offer|demokratiska krafter|tichanovsk|tsichanousk|traffa|traffade|mottog|kontaktgrupp|program|kontor|pass|universitet|student|mr-forsvarare|manniskorattsforsvarare",
            "tilskud|finansier|stotte|hjaelp|million|humanitaer|stipendi|opholdstilladelse|asyl|eksil|civilsamfund|uafhaengige medier|journalist|ofre|demokratiske kraefter|tikhanovsk|tsikhanousk|modtes|mode|modte|kontaktgruppe|program|kontor|pas|universitet|studerende|menneskeretsforkaemp",
            "tilskudd|finansier|stotte|hjelp|million|humanitaer|stipend|oppholdstillatelse|asyl|eksil|sivilsamfunn|uavhengige medier|journalist|ofre|demokratiske krefter|tikhanovsk|tsikhanousk|motte|mote|kontaktgruppe|program|kontor|pass|universitet|student|menneskerettighetsforkjemp",
            "avustu|rahoitu|rahoitta|tuki|tuke|tuen|apu|avun|miljoon|humanitaari|stipend|oleskelulupa|turvapaik|maanpako|kansalaisyhteiskun|riippumato\\w* media|toimittaj|uhr|demokraattis|tihanovsk|tsihanousk|tapasi|tapaami|yhteysryhm|ohjelm|toimisto|passi|yliopisto|opiskelij|ihmisoikeuspuolustaj",
            "grant|financ|podpor|pomoc|milion|humanitarn|stipendi|relokac|povoleni k pobytu|pobyt|azyl|exil|obcansk\\w* spolecnost|nezavisl\\w* medi|novinar|obet|demokratick\\w* sil|cichanovsk|tichanovsk|setkal|setkani|prijal|kontaktni skupin|program|kancelar|pas|univerzit|student|obhajc\\w* lidskych prav",
            "grant|financ|podpor|pomoc|milion|humanitarn|stipendi|relokac|povoleni\\w* na pobyt|pobyt|azyl|exil|obciansk\\w* spolocnost|nezavisl\\w* medi|novinar|obet|demokratick\\w* sil|cichanovsk|tichanovsk|stretol|stretnut|prijal|kontaktn\\w* skupin|program|kancelar|pas|univerzit|student|obhajc\\w* ludskych prav",
            "grant|finant|sprijin|ajutor|milioan|milion|umanitar|burse|relocar|permis de sedere|azil|exil|societatea civila|societate civila|media independent|jurnalist|victime|fortele democratice|tihanovsk|tsihanousk|intalni|a primit|grup de contact|program|birou|pasaport|universit|student|aparatori\\w* drepturilor",
            "tamogat|finansz|segitseg|millio|humanitarius|osztondij|athelyez|tartozkodasi engedely|menedek|emigr|civil tarsadalom|fuggetlen media|ujsagir|aldozat|demokratikus erok|tyihanovszk|talalkoz|fogadta|kapcsolattarto csoport|program|iroda|utlevel|egyetem|diak|jogvedo",
            "მხარდაჭერ|დახმარებ|გრანტ|მილიონ|სამოქალაქო საზოგადოებ|შეხვედრ|ტიხანოვსკ",
            "支援|助成|資金|人道|奨学金|市民社会|独立メディア|会談|面会|チハノフスカヤ|援助|资助",
        ],
        // ── resolutions, recommendations, conclusions ─────────────────────────────────────────
        ["resolution"] =
        [
            "resolution|recommendation|conclusions|adopt|motion|voted|votes in favour|vote|plenary|text adopted|parliament|assembly|meps?|lawmakers|senate|house of representatives|congress|bill|rapporteur's report|pace|osce pa|general assembly|human rights council|third committee",
            "резолюц|рекомендац|заключени|выводы|прин[яи]л|принят|постановлени|голосова|пленарн|парламент|ассамбле|депутат|сенат|конгресс|законопроект|пасе|пв обсе|генассамбле|совет по правам человека",
            "рэзалюцы|рэкамендацы|высновы|прыня|пастанов|галасав|пленарн|парламент|асамбле|дэпутат|сенат|кангрэс|законапраект|пасе|рада па правах чалавека",
            "rezaluc|rekamendacy|rekamiendacy|vysnov|prynia|pastanov|halasav|plenarn|parlament|asamble|deputat|sienat|senat|kanhres|zakanapraiekt",
            "резолюці|рекомендаці|висновк|ухвал|постанов|голосува|пленарн|парламент|асамбле|депутат|верховн\\w* рад|сенат|конгрес|законопроєкт|паре|рада оон з прав людини",
            "rezolucj|uchwal|rekomendacj|zaleceni|konkluzj|przyje|przyjal|glosowa|glosowal|plenarn|sejm|senat|parlament|zgromadzen|posl|eurodeput|kongres|projekt ustawy|zgpe|rada praw czlowieka",
            "rezoliucij|rekomendacij|isvad|prieme|priimt|balsav|plenarin|seim|parlament|asamble|nari|sinat|kongres|istatymo projekt|zmogaus teisiu taryb",
            "rezolucij|rekomendacij|secinajum|pienem|pienema|balsoj|plenarsed|saeim|parlament|asamblej|deputat|senat|kongres|likumprojekt|cilvektiesibu padom",
            "resolutsioon|soovitus|jareldus|vastu vot|vottis vastu|vastu voetud|haaleta|taiskogu|riigikogu|parlament|assamblee|saadik|senat|kongres|eelnou|inimoiguste noukogu",
            "resolution|entschliesung|empfehlung|schlusfolgerung|angenommen|verabschied|abstimm|stimmte|plenum|bundestag|parlament|versammlung|abgeordnet|senat|kongres|gesetzentwurf|menschenrechtsrat|europarat",
            "resolution|recommandation|conclusions|adopt|vote|pleniere|parlement|assemblee|deputes|eurodeput|senat|congres|projet de loi|conseil des droits de l'homme",
            "resolucion|recomendacion|conclusiones|aprob|adopt|votacion|voto|pleno|parlamento|asamblea|diputad|eurodiputad|senado|congreso|proyecto de ley|consejo de derechos humanos",
            "risoluzion|raccomandazion|conclusion|approv|adott|votazion|voto|plenaria|parlamento|assemblea|deputat|eurodeputat|senato|congresso|disegno di legge|consiglio per i diritti umani",
            "resolucao|recomendacao|conclusoes|aprov|adot|votac|voto|plenario|parlamento|assembleia|deputad|eurodeputad|senado|congresso|projeto de lei|conselho de direitos humanos",
            "resolutie|aanbeveling|conclusies|aangenomen|stemming|stemde|plenaire|parlement|kamer|assemblee|motie|europarlementari|senaat|congres|wetsvoorstel|mensenrechtenraad",
            "resolution|rekommendation|slutsatser|antog|antagit|antogs|rostade|omrostning|plenum|riksdag|parlament|forsamling|ledamot|senat|kongres|lagforslag|rad for manskliga rattigheter",
            "resolution|anbefaling|konklusion|vedtog|vedtaget|stemte|afstemning|folketing|parlament|forsamling|medlem|senat|kongres|lovforslag|menneskerettighedsrad",
            "resolusjon|anbefaling|konklusjon|vedtok|vedtatt|stemte|avstemning|storting|parlament|forsamling|representant|senat|kongres|lovforslag|menneskerettighetsrad",
            "paatoslauselm|suositu|paatelm|hyvaksy|aanest|taysistun|eduskunta|parlamentti|yleiskokou|edustaj|senaatti|kongressi|lakiehdotu|ihmisoikeusneuvosto",
            "rezoluc|usneseni|doporuceni|zaver|prijal|schvalil|schvalen|hlasova|plen|snemovn|senat|parlament|shromazdeni|poslan|europoslan|kongres|navrh zakona|rada pro lidska prava",
            "rezoluci|uznesen|odporucani|zaver|prijal|schvalil|schvalen|hlasova|plen|narodn\\w* rad|parlament|zhromazden|poslan|europoslan|senat|kongres|navrh zakona|rada pre ludske prava",
            "rezoluti|recomandar|concluzii|adopt|aprob|vot|plen|parlament|adunar|deputat|europarlamentar|senat|congres|proiect de lege|consiliul pentru drepturile omului",
            "hatarozat|allasfoglal|ajanlas|kovetkeztetes|elfogad|szavaz|plenaris|orszaggyules|parlament|kozgyules|kepvisel|szenatus|kongresszus|torvenyjavaslat|emberi jogi tanacs",
            "რეზოლუცი|რეკომენდაცი|პარლამენტ|მიიღ",
            "決議|勧告|採択|議会|結論|决议|议会",
        ],
        // ── investigation and accountability ──────────────────────────────────────────────────
        ["investigation"] =
        [
            "investigat|inquiry|probe|mechanism|rapporteur|fact-finding|report|document|evidence|testimon|prosecut|criminal case|criminal proceedings|indict|charges|universal jurisdiction|icc|international criminal court|referral|communication to|accountability|impunity|complaint|lawsuit|tribunal|witness|archive|database|platform|expert|inquest|commission of inquiry|arbitrary|opinion|working group|findings|crimes against humanity|torture|forensic|interviews|trial in|acquitt|convicted|verdict|extradit|arrest warrant",
            "расслед|следств|механизм|докладчик|доклад|документир|доказательств|свидетел|показани|прокурор|обвинени|уголовн\\w* дел|универсальн\\w* юрисдикц|мус|международн\\w* уголовн\\w* суд|ответственност|безнаказанн|жалоб|иск|трибунал|эксперт|платформ|рабоч\\w* групп|преступлени\\w* против человечност|пытк|ордер|экстрадиц",
            "расследаван|следств|механізм|дакладчык|даклад|дакументав|доказ|сведк|пракурор|абвінавач|крымінальн\\w* справ|універсальн\\w* юрысдыкц|мкс|міжнародн\\w* крымінальн\\w* суд|адказнасц|беспакаран|скарг|іск|трыбунал|эксперт|платформ|рабоч\\w* груп|злачынств\\w* супраць чалавечнасц|катаван",
            "rasliedavan|rasledavan|sledstv|mechanizm|dakladcyk|daklad|dakumientav|dakumentav|dokaz|sviedk|prakuror|abvinavac|kryminaln\\w* spraw|universaln\\w* jurysdykc|adkaznasc|biespakaran|bespakaran|skarh|trybunal|ekspiert|ekspert|platform|katavan",
            "розслідуван|слідств|механізм|доповідач|доповід|документу|доказ|свідк|прокурор|обвинувач|кримінальн\\w* провадж|кримінальн\\w* справ|універсальн\\w* юрисдикц|мкс|міжнародн\\w* кримінальн\\w* суд|відповідальн|безкарн|скарг|позов|трибунал|експерт|платформ|робоч\\w* груп|злочин\\w* проти людяност|катуван",
            "sledztw|dochodzeni|mechanizm|sprawozdawc|raport|dokumentuj|udokument|dowod|swiad|zeznan|prokurat|prokurator|oskarz|postepowani|jurysdykcj\\w* uniwersaln|mtk|miedzynarodow\\w* trybunal karn|odpowiedzialnosc|bezkarnosc|skarg|zawiadomieni|pozew|trybunal|ekspert|platform|grup\\w* robocz|zbrodni\\w* przeciwko ludzkosci|tortur",
            "tyrim|mechanizm|pranesej|ataskait|dokument|irodym|liudinink|liudijim|prokuror|kaltinim|baudziam|universali\\w* jurisdikcij|tarptautin\\w* baudziam\\w* teism|atsakomyb|nebaudziamum|skund|iesk|tribunol|ekspert|platform|darbo grup|nusikaltim\\w* zmoniskumui|kankinim",
            "izmeklesan|izmekle|mehanism|referent|zinojum|dokument|pieradijum|liecib|prokuror|apsudz|kriminalliet|kriminalprocess|universal\\w* jurisdikcij|starptautisk\\w* kriminaltiesa|atbildib|nesodamib|sudzib|prasib|tribunal|eksperti|platform|darba grup|noziegum\\w* pret cilvece|spidzin",
            "uurimi|uurib|juurdlus|mehhanism|raportoor|aruan|dokumenteer|toend|tunnist|prokur|suudistus|kriminaalasi|kriminaalmenetlus|universaal\\w* jurisdiktsioon|rahvusvahelin\\w* kriminaalkohus|vastutus|karistamatus|kaebus|hagi|tribunal|ekspert|platvorm|tookogrup|inimsusevastas|piinam",
            "ermittl|untersuch|mechanismus|berichterstatter|bericht|dokumentier|beweis|zeug|staatsanwalt|anklage|strafverfahren|strafanzeige|weltrechtsprinzip|universell\\w* gerichtsbarkeit|istgh|internationale\\w* strafgerichtshof|rechenschaft|straflosigkeit|beschwerde|klage|tribunal|experte|plattform|arbeitsgruppe|verbrechen gegen die menschlichkeit|folter",
            "enquet|mecanisme|rapporteur|rapport|document|preuve|temoign|procureur|parquet|inculp|poursuite|plainte|competence universelle|cpi|cour penale internationale|responsabilit|impunite|tribunal|expert|plateforme|groupe de travail|crimes contre l'humanite|tortur",
            "investigac|mecanismo|relator|informe|document|prueba|testimoni|fiscal|acusac|proceso penal|causa penal|denuncia|jurisdiccion universal|cpi|corte penal internacional|rendicion de cuentas|impunidad|tribunal|expert|plataforma|grupo de trabajo|crimenes de lesa humanidad|tortur",
            "indagin|inchiesta|meccanismo|relator|rapporto|document|prove|testimon|procura|accus|procediment|denuncia|giurisdizione universale|cpi|corte penale internazionale|responsabilita|impunita|tribunale|espert|piattaforma|gruppo di lavoro|crimini contro l'umanita|tortur",
            "investigac|inquerito|mecanismo|relator|relatorio|document|prova|testemunh|procurador|ministerio publico|acusac|processo penal|denuncia|jurisdicao universal|tpi|tribunal penal internacional|responsabiliz|impunidade|tribunal|especialista|plataforma|grupo de trabalho|crimes contra a humanidade|tortur",
            "onderzoek|mechanisme|rapporteur|rapport|documenteer|bewijs|getuig|aanklager|openbaar ministerie|aanklacht|strafzaak|strafrechtelijk|universele jurisdictie|internationaal strafhof|verantwoording|straffeloosheid|klacht|aangifte|tribunaal|deskundig|platform|werkgroep|misdaden tegen de menselijkheid|marteling",
            "utredning|undersokning|mekanism|rapportor|rapport|dokumenter|bevis|vittne|aklagare|atal|forundersokning|universell jurisdiktion|internationella brottmalsdomstolen|ansvarsutkrav|straffrihet|anmalan|tribunal|expert|plattform|arbetsgrupp|brott mot manskligheten|tortyr",
            "efterforskning|undersogelse|mekanisme|rapportor|rapport|dokumenter|bevis|vidne|anklager|tiltale|straffesag|universel jurisdiktion|den internationale straffedomstol|ansvar|straffrihed|klage|anmeldelse|tribunal|ekspert|platform|arbejdsgruppe|forbrydelser mod menneskeheden|tortur",
            "etterforskning|undersokelse|mekanisme|rapportor|rapport|dokumenter|bevis|vitne|patale|tiltale|straffesak|universell jurisdiksjon|den internasjonale straffedomstolen|ansvar|straffrihet|klage|anmeldelse|tribunal|ekspert|plattform|arbeidsgruppe|forbrytelser mot menneskeheten|tortur",
            "tutkinta|tutkimu|esitutkin|mekanism|raportoij|raportt|dokumentoi|todist|syyttaj|syyte|rikosasi|universaal\\w* tuomiovalta|kansainvalin\\w* rikostuomioistuin|vastuu|rankaisemattomuu|kantelu|rikosilmoitu|tuomioistuin|asiantuntij|alusta|tyoryhm|rikokset ihmisyytta vastaan|kidutu",
            "vysetrov|setren|mechanism|zpravodaj|zprav|dokument|dukaz|svedk|svedect|prokurat|zalobc|obvinen|trestni stihan|trestni rizen|trestni oznamen|univerzalni jurisdikc|mezinarodni trestni soud|odpovednost|beztrestnost|stiznost|zalob|tribunal|expert|platform|pracovni skupin|zlocin\\w* proti lidskosti|muceni",
            "vysetrov|mechanizm|spravodaj|sprav|dokument|dokaz|svedk|svedect|prokurat|obvinen|trestn\\w* stihan|trestn\\w* konan|trestn\\w* oznamen|univerzaln\\w* jurisdikci|medzinarodn\\w* trestn\\w* sud|zodpovednost|beztrestnost|staznost|zalob|tribunal|expert|platform|pracovn\\w* skupin|zlocin\\w* proti ludskosti|mucen",
            "ancheta|investigat|mecanism|raportor|raport|document|dovez|martor|procuror|acuzat|dosar penal|urmarire penala|jurisdicti\\w* universala|curtea penala internationala|cpi|responsabil|impunitat|plangere|tribunal|expert|platforma|grup de lucru|crime impotriva umanitatii|tortur",
            "vizsgalat|nyomoz|mechanizmus|jelentesttevo|jelentes|dokument|bizonyitek|tanu|ugyesz|vadat|buntetoeljaras|feljelentes|univerzalis joghatosag|nemzetkozi buntetobirosag|elszamoltat|buntetlenseg|panasz|kereset|torvenyszek|szakert|platform|munkacsoport|emberiesseg elleni|kinz",
            "გამოძიებ|მოხსენებ|პროკურორ|მექანიზმ|მტკიცებულ|სისხლის სამართლის",
            "調査|捜査|メカニズム|報告者|報告書|証拠|検察|国際刑事裁判所|普遍的管轄権|責任追及|不処罰|调查|国际刑事法院",
        ],
        // ── statements, condemnations, calls ──────────────────────────────────────────────────
        ["statement"] =
        [
            "condemn|call\\w* on|call\\w* for|urge|deplor|concern|statement|declaration|does not recogni|do not recogni|not recogni|non-recognition|refuse\\w* to recogni|demand|solidarity|spokesperson|spokesman|tweet|express|appeal|denounc|critici|regret|alarm|shock|unacceptable|outrage|must|release|said|says|warn",
            "осужда|осудил|призв|призыва|требу|обеспокоен|озабоч|заявлен|заяви|деклараци|не призна|непризнан|солидарн|выраз|возмущ|неприемлем|освобод|критик|сожале|официальн\\w* представител|пресс-секретар|заявил|отметил",
            "асуджа|асудзі|заклік|патраб|занепакоен|заяв|дэкларацы|не прызна|непрызнан|салідарн|выказ|абурэн|недапушчальн|вызвал|крытык|шкадав|афіцыйн\\w* прадстаўнік|прэс-сакратар|заявіў|адзначы",
            "asudza|asudzi|zaklik|patrab|zaniepakojen|zanepakojen|zajav|deklaracy|nie pryzna|ne pryzna|niepryznan|salidarn|vykaz|niedapuscaln|vyzval|krytyk|zajaviu",
            "засуджу|засудил|закли|вимага|стурбован|занепокоен|заяв|деклараці|не визна|невизнан|солідарн|висловил|обурен|неприйнятн|звільн|критик|шкоду|речник|заявив|зазначи",
            "potepi|potepia|wezwa|wzywa|domaga|zada|zaniepokoj|oswiadczen|deklaracj|nie uzna|nieuznan|solidarn|wyrazi|oburz|niedopuszczaln|niedopuszczaln|uwolni|krytyk|ubolewa|rzecznik|oswiadczyl|powiedzial",
            "pasmerk|ragin|paragin|reikalau|susirupin|pareiskim|pareiske|deklaracij|nepripaz|solidar|issreisk|isreisk|pasipiktin|nepriimtin|paleist|kritik|apgailest|atstov\\w* spaudai|pareiske",
            "noso|aicin|pieprasa|bazas|pazinojum|pazinoja|deklaracij|neatzist|solidar|paust|pauda|sasut|nepienemam|atbrivo|kritiz|nozel|preses sekretar",
            "moistab hukka|hukka|kutsub|nouab|noudis|mure|murelik|avaldus|teatas|deklaratsioon|ei tunnista|ei tunnusta|solidaar|valjendas|vastuvoetamatu|vabasta|kritis|kahetse|pressiesindaja|utles",
            "verurteil|forder|aufgeforder|ruft|besorg|erklarung|stellungnahme|nicht anerkenn|anerkennung|solidar|zeigte sich|inakzeptabel|empor|freilas|kritisi|bedauer|appell|sprecher|sagte|erklarte",
            "condamn|appel|exhort|demand|preoccup|inquiet|declaration|communique|ne reconnait pas|non-reconnaissance|ne reconnaissent pas|solidarit|exprim|inacceptable|indign|liberation|liberer|critiqu|deplor|denonc|porte-parole|a declare|a dit",
            "conden|llama|insta|exig|preocupa|declaracion|comunicado|no reconoce|no reconocimiento|solidaridad|expres|inaceptable|indign|liberacion|liberar|critic|deplor|denunci|portavoz|declaro|dijo",
            "condann|chiede|invita|esorta|preoccupaz|dichiarazion|comunicato|non riconosc|solidariet|esprim|inaccettabil|indign|liberazione|rilascio|critic|deplor|denunci|portavoce|ha dichiarato|ha detto",
            "conden|apela|insta|exig|preocupa|declaracao|comunicado|nao reconhece|solidariedade|express|inaceitavel|indign|libertacao|libertar|critic|deplor|denunci|porta-voz|declarou|disse",
            "veroordeel|roept op|oproep|eist|bezorgd|verklaring|erkent niet|niet erkennen|solidariteit|uitte|onaanvaardbaar|verontwaardig|vrijlating|vrij te laten|kritiek|betreur|woordvoerder|zei|verklaarde",
            "fordom|uppmanar|kraver|oro|oroad|uttalande|deklaration|erkanner inte|solidaritet|uttryck|oacceptabel|uppror|frigivning|frislapp|kritiser|beklag|talesperson|sade|sa att",
            "fordom|opfordrer|kraever|bekymr|erklaering|udtalelse|anerkender ikke|solidaritet|udtryk|uacceptabel|forarg|losladelse|kritiser|beklag|talsperson|sagde",
            "fordom|oppfordrer|krever|bekymr|uttalelse|erklaering|anerkjenner ikke|solidaritet|uttryk|uakseptabel|forarg|loslatelse|kritiser|beklag|talsperson|sa at|sier",
            "tuomitse|tuomits|kehotta|vaati|huolissa|huoli|lausun|julkilausum|ei tunnusta|solidaarisuu|ilmais|hyvaksymato|vapautta|arvostel|pahoittel|tiedottaj|sanoi|totesi",
            "odsuzuj|odsoudil|vyzyva|vyzval|pozaduj|znepokojen|prohlasen|deklarac|neuznava|solidarit|vyjadril|neprijateln|pobouren|propusten|kritiz|lituj|mluvc|uvedl|rekl",
            "odsudzuj|odsudil|vyzyva|vyzval|poziad|ziada|znepokojen|vyhlasen|deklarac|neuznava|solidarit|vyjadril|neprijateln|pobuuren|prepusten|kritiz|lutuj|hovorc|uviedol|povedal",
            "condamn|cheama|solicita|indeamna|ingrijor|declarati|comunicat|nu recunoa|solidaritat|exprim|inacceptabil|indign|eliberar|critic|regret|purtator de cuvant|a declarat|a spus",
            "elitel|felszolit|kovetel|aggodal|aggaszt|nyilatkozat|kozlemeny|nem ismeri el|szolidaritas|kifejez|elfogadhatatlan|felhaborit|szabadon enged|biral|sajnal|szovivo|mondta|kozolte",
            "გმობ|მოუწოდ|განცხადებ|სოლიდარობ|შეშფოთ|ითხოვ",
            "非難|求め|声明|懸念|連帯|承認しない|釈放|谴责|呼吁|声明",
        ],
        // ── domestic news inside Belarus (not a response) ─────────────────────────────────────
        ["domestic"] =
        [
            "court|sentenced|sentence|years in prison|years in a|penal colony|colony|detained|detention|arrested|arrest|searched|search|raid|kgb|police|riot police|omon|militia|trial|verdict|extremist|political prisoner|criminal case|administrative|fined|jail|prison|referendum|election commission|factory|plant|gdp|economy|rouble|ruble|inflation|harvest|concert|festival|metro|football|hockey|club|league|match|exports rose|wages|pension|minsk court|regional court|district court|investigative committee|interior ministry|state tv|propaganda|pardon|hunger strike|died in custody|funeral",
            "суд|приговор|лишени\\w* свобод|колони|задерж|арест|обыск|кгб|милиц|омон|процесс|экстремист|политзаключ|уголовн\\w* дел|административн|штраф|тюрьм|сизо|референдум|цик|завод|ввп|экономик|рубл|инфляц|урожа|концерт|фестивал|метро|футбол|хоккей|матч|зарплат|пенси|следственн\\w* комитет|мвд|помилова|голодовк",
            "суд|прысуд|пазбаўлен|калоні|затрыма|арышт|ператрус|кдб|міліцы|амон|працэс|экстрэміст|палітвязн|палітвязьн|крымінальн\\w* справ|адміністрацыйн|штраф|турм|сізо|рэферэндум|цвк|завод|ввп|эканомік|рубл|інфляцы|ураджа|канцэрт|фестываль|метро|футбол|хакей|матч|заробк|пенсі|следч\\w* камітэт|мус|памілава|галадоўк",
            "sud|prysud|pazbaulen|kaloni|zatryma|aryst|pieratrus|peratrus|kdb|milicy|amon|praces|ekstremist|palitviazn|palitvjazn|kryminaln\\w* sprav|administracyjn|straf|turm|zavod|ekanomik|rubl|kancert|fiestyval|festyval|futbol|chakiej|pamilav|haladouk",
            "суд|вирок|засуджен|позбавлен\\w* волі|колоні|затрима|арешт|обшук|кдб|міліці|омон|процес|екстреміст|політв.?язн|кримінальн\\w* справ|адміністративн|штраф|в.?язниц|референдум|цвк|завод|ввп|економік|рубл|інфляці|врожа|концерт|фестивал|метро|футбол|хокей|матч|зарплат|пенсі|слідч\\w* комітет|мвс|помилува|голодуван",
            "sad |sadu|sadzie|wyrok|skazan|lat wiezienia|lat kolonii|koloni|zatrzyma|aresztow|areszt|przeszuk|rewizj|kgb|milicj|omon|proces|ekstremist|wiezni\\w* polityczn|wiezn\\w* polityczn|sprawa karna|administracyjn|grzywn|wiezieni|referendum|fabryk|zaklad|pkb|gospodark|rubl|inflacj|zbior|koncert|festiwal|metro|pilk\\w* nozn|hokej|mecz|pensj|emerytur|komitet sledczy|ulaskawi|glodowk",
            "teism|nuosprend|nuteist|laisves atemim|kolonij|sulaik|arest|krat|kgb|milicij|omon|proces|ekstremist|politini\\w* kalin|baudziam\\w* byl|administracin|baud|kalejim|referendum|gamykl|bvp|ekonomik|rubl|infliacij|derli|koncert|festival|metro|futbol|ledo ritul|rungtyn|atlygin|pension|tyrimo komitet|malon|bado streik",
            "tiesa|tiesas|tiesu|spriedum|notiesa|brivibas atnemsan|kolonij|aiztur|arest|kratisan|vdk|kgb|milicij|omon|prava|ekstremist|politieslodzit|politisk\\w* ieslodzit|kriminallieta|administrativ|sodu|naudas sod|cietum|referendum|rupnic|ikp|ekonomik|rubl|inflacij|raz|koncert|festival|metro|futbol|hokej|spele|algas|pensij|izmeklesanas komitej|apzel|badastreik",
            "kohus|kohtuotsus|otsus|suudi|vangistus|vangla|vanglas|koloonia|peeti kinni|kinni peet|vahistat|labiotsi|kgb|militsei|omon|protsess|ekstremist|poliitvang|kriminaalasi|haldus|trahv|referendum|tehas|skp|majandus|rubla|inflatsioon|saak|kontsert|festival|metroo|jalgpall|hoki|palk|pension|uurimiskomitee|armu|naljastreik",
            "gericht|urteil|verurteilt|haft|lagerhaft|straflager|kolonie|festgenommen|festnahme|verhaft|durchsuch|kgb|miliz|omon|prozes|extremist|politisch\\w* gefangen|strafverfahren|ordnungswidrig|geldstrafe|gefangnis|referendum|wahlkommission|werk|fabrik|bip|wirtschaft|rubel|inflation|ernte|konzert|festival|metro|fusball|eishockey|spiel|lohn|rente|ermittlungskomitee|begnadig|hungerstreik",
            "tribunal|condamne\\w* a|ans de prison|ans de colonie|colonie penitentiaire|interpell|arret|perquisition|kgb|milice|omon|proces|extremist|prisonnier\\w* politique|affaire penale|amende|prison|referendum|commission electorale|usine|pib|economie|rouble|inflation|recolte|concert|festival|metro|football|hockey|match|salaire|retraite|comite d'enquete|gracie|greve de la faim",
            "tribunal|condenad|anos de prision|anos de carcel|detenid|arrest|registr|kgb|policia|proceso|extremist|presos politicos|preso politico|causa penal|multa|prision|carcel|referendum|fabrica|pib|economia|rublo|inflacion|cosecha|concierto|festival|metro|futbol|hockey|partido|salario|pension|comite de investigacion|indult|huelga de hambre",
            "tribunale|condannat|anni di carcere|anni di colonia|arrestat|fermat|perquisiz|kgb|polizia|processo|estremist|prigionieri politici|prigioniero politico|procedimento penale|multa|carcere|prigione|referendum|fabbrica|pil|economia|rublo|inflazione|raccolto|concerto|festival|metro|calcio|hockey|partita|stipend|pension|comitato investigativo|graziat|sciopero della fame",
            "tribunal|condenad|anos de prisao|detid|pres[oa]s? |busca|kgb|policia|processo|extremist|presos politicos|preso politico|processo penal|multa|prisao|cadeia|referendo|fabrica|pib|economia|rublo|inflacao|colheita|concerto|festival|metro|futebol|hoquei|jogo|salario|pensao|comite de investigacao|indult|greve de fome",
            "rechtbank|rechter|veroordeeld tot|jaar cel|jaar gevangenis|strafkamp|gearresteerd|aangehouden|huiszoeking|kgb|politie|proces|extremist|politieke gevangen|strafzaak|boete|gevangenis|referendum|fabriek|bbp|economie|roebel|inflatie|oogst|concert|festival|metro|voetbal|ijshockey|wedstrijd|loon|pensioen|onderzoekscomite|gratie|hongerstaking",
            "domstol|domdes|ars fangelse|fangelse|strafkoloni|gripen|grep|anhall|husrannsakan|kgb|polis|rattegang|extremist|politisk\\w* fang|brottmal|boter|folkomrostning|fabrik|bnp|ekonomi|rubel|inflation|skord|konsert|festival|tunnelbana|fotboll|ishockey|match|lon|pension|utredningskommitt|benad|hungerstrejk",
            "domstol|idomt|ars faengsel|faengsel|anholdt|arresteret|ransagning|kgb|politi|retssag|ekstremist|politiske fanger|straffesag|bode|folkeafstemning|fabrik|bnp|okonomi|rubel|inflation|host|koncert|festival|metro|fodbold|ishockey|kamp|lon|pension|benad|sultestrejke",
            "domstol|domt|ars fengsel|fengsel|arrestert|pagrepet|ransaking|kgb|politi|rettssak|ekstremist|politiske fanger|straffesak|bot|folkeavstemning|fabrikk|bnp|okonomi|rubel|inflasjon|avling|konsert|festival|t-bane|fotball|ishockey|kamp|lonn|pensjon|benad|sultestreik",
            "tuomioistuin|oikeus|tuomittiin|tuomio|vuoden vankeu|vankila|vankileiri|pidatet|pidatt|kotietsinta|kgb|poliisi|oikeudenkaynti|ekstremist|poliittis\\w* vang|rikosasia|sakko|kansanaanestys|tehdas|bkt|talous|rupla|inflaatio|sato|konsertti|festivaali|metro|jalkapallo|jaakiekko|ottelu|palkka|elake|tutkintakomitea|armah|nalkalakko",
            "soud|odsouzen|let vezeni|trestni kolonie|zadrzen|zatcen|domovni prohlid|kgb|policie|proces|extremist|politick\\w* vezn|trestni rizeni|pokut|vezeni|referend|tovarn|hdp|ekonomik|rubl|inflac|sklizen|koncert|festival|metro|fotbal|hokej|zapas|mzd|duchod|vysetrovaci vybor|milost|hladovk",
            "sud |sudu|odsuden|rokov vazenia|vazeni|zadrzan|zatknut|domova prehliadk|kgb|polici|proces|extremist|politick\\w* vazn|trestn\\w* konan|pokut|referend|tovarn|hdp|ekonomik|rubl|inflac|zatva|koncert|festival|metro|futbal|hokej|zapas|mzd|dochod|vysetrovaci vybor|milost|hladovk",
            "instanta|condamnat la|ani de inchisoare|inchisoare|colonie|retinut|arestat|perchezit|kgb|politi|proces|extremist|detinut\\w* politic|dosar penal|amend|referendum|fabric|pib|economi|rubl|inflati|recolt|concert|festival|metrou|fotbal|hochei|meci|salari|pensi|comitetul de anchet|grati|greva foamei",
            "birosag|elitelt|ev borton|borton|bortonbuntetes|letartoztat|orizetbe|hazkutat|kgb|rendor|per |szelsosege|politikai fogoly|politikai foglyok|buntetoeljaras|birsag|nepszavazas|gyar|gdp|gazdasag|rubel|inflacio|termes|koncert|fesztival|metro|labdarug|jegkorong|merkozes|fizetes|nyugdij|nyomozo bizottsag|kegyelm|ehsegsztrajk",
            "სასამართლო|დააკავ|დაკავებ|პატიმ|ციხე|ეკონომიკ|ფესტივალ|ფეხბურთ",
            "裁判所|判決|懲役|拘束|逮捕|政治犯|刑務所|法院|判处|逮捕",
        ],
        // ── lifting or relaxing earlier measures ──────────────────────────────────────────────
        ["easing"] =
        [
            "lift|eased|easing|ease |remov\\w* (?:\\w+ )?from (?:the |its )?(?:\\w+ )?list|delist|de-list|unfreez|relax|waive|general licen|exemption|allowed to resume|restor|reopen|resum|normali[sz]|suspend\\w* (?:the )?sanctions|roll\\w* back|thaw|reward",
            "снят|снял|сняли|снима|исключ\\w* из\\w* спис|ослаб|смягч|возобнов|восстанов|разморож|отмен|приостанов\\w* санкц|нормализ|разрешил|исключени",
            "зня|знял|выключ\\w* са спіс|аслаб|паслаб|змякч|аднав|аднаул|размарож|адмен|нармаліз|дазвол",
            "znia|zniaty|zniali|aslab|paslab|zmiakc|adnav|adnaul|razmaroz|admien|admen|narmaliz|dazvol",
            "зня|знят|виключ\\w* зі спис|послаб|пом.?якш|відновл|віднов|розморож|скасува|нормаліз|дозвол",
            "znies|zniosl|zniesl|uchyl|zlagodz|wykresl|przywroc|przywraca|wznow|wznawia|odmroz|normaliz|zezwol|wyjatk",
            "panaik|svelnin|isbrauk|atnauj|atkurt|atsald|normaliz|leid|isimt",
            "atcel|mikstin|svitro|atjauno|atjaunot|atsald|normaliz|atlauj|iznemum",
            "tuhist|leevend|eemaldat|taast|kulmutamise lopp|normaliseer|luba|erand",
            "aufgehoben|aufheb|gelockert|lockerung|gestrichen|wieder aufgenommen|wiederaufnahm|wiederherstell|aufgetaut|normalisier|ausnahme|genehmig",
            "leve|levee|lever|assoupl|retir\\w* de la liste|raye|reprise|repris|retabl|degel|normalis|derogation|autoris",
            "levant|levanta|suaviz|flexibiliz|retir\\w* de la lista|reanud|restablec|descongel|normaliz|exencion|autoriz",
            "revoca|revocat|allent|rimoss\\w* dalla lista|ripres|ripristin|scongel|normalizz|deroga|autorizz",
            "levant|levanta|alivi|flexibiliz|retir\\w* da lista|retom|restabelec|descongel|normaliz|isencao|autoriz",
            "opgeheven|opheffing|opheft|versoepel|geschrapt|hervat|hersteld|herstel|ontdooi|normaliseer|uitzondering|toegestaan",
            "haver|havde|havs|lattnad|lattar|stryk|aterupptag|aterstall|normaliser|undantag|tillat",
            "ophaev|lemp|fjernet fra|genopt|genopret|normaliser|undtagelse|tillad",
            "opphev|lemp|fjernet fra|gjenoppt|gjenopprett|normaliser|unntak|tillat",
            "purk|kevent|poist\\w* listalta|jatka|palaut|normalis|poikkeu|salli",
            "zrus|zmirn|vyskrt|obnov|normaliz|vyjimk|povol",
            "zrus|zmier|vyciark|obnov|normaliz|vynimk|povol",
            "ridic|relax|elimin\\w* de pe lista|relu|restabil|normaliz|exceptie|autoriz",
            "feloldot|feloldas|feloldj|enyhit|torol|helyreall|ujraindit|normaliz|kivetel|engedely",
            "მოხსნ|შემსუბუქ|აღდგენ",
            "解除|緩和|再開|取り消|解除制裁",
        ],
        // ── acts that favour the authorities ──────────────────────────────────────────────────
        ["supportive"] =
        [
            "congratulat|strategic partner|union state|ally|allies|brotherly|legitimate president|interference|meddling|unlawful sanctions|illegal sanctions|recogni\\w* (?:the )?(?:results|victory|outcome)|welcomed the (?:results|outcome|vote)|free and transparent|observed no violations|friendly|stand by|close ties|cooperation agreement|joint exercises|loan to|refinanc",
            "поздрав|стратегическ\\w* партн|союзн\\w* государств|союзник|братск|законн\\w* президент|вмешательств|незаконн\\w* санкц|нелегитимн\\w* санкц|признал\\w* (?:итоги|результат|победу)|дружеств|дружествен|поддерж\\w* (?:минск|лукашенк|белорусск\\w* власт)|рефинансир|кредит (?:минску|белоруссии)",
            "вінша|павінша|стратэгічн\\w* партн|саюзн\\w* дзярж|саюзнік|братэрск|умяшальн|незаконн\\w* санкц|прызна\\w* (?:вынік|перамог)|сяброўск",
            "vinsa|pavinsa|stratehicn|sajuzn\\w* dziarz|sajuznik|bratersk|umiasaln|niezakonn\\w* sankc|pryzna\\w* (?:vynik|pieramoh)|siabrousk",
            "привіта|вітав|стратегічн\\w* партн|союзн\\w* держав|союзник|братн|втручан|незаконн\\w* санкц|визна\\w* (?:підсумк|результат|перемог)",
            "gratul|pogratul|partner\\w* strategiczn|panstw\\w* zwiazkow|sojusznik|braterski|ingerencj|nielegaln\\w* sankc|uzna\\w* (?:wynik|zwyciestw)",
            "pasveikin|sveikin|strategin\\w* partner|sajungin|brolisk|kisimasi|neteiset\\w* sankc|pripazin\\w* (?:rezultat|pergal)",
            "apsveic|strategisk\\w* partner|savienib\\w* valst|sabiedrot|bralig|iejauksan|nelikumig\\w* sankc|atzin\\w* (?:rezultat|uzvar)",
            "onnitl|onnesoov|strateegili\\w* partner|liitriik|liitlane|vennalik|sekkumi|ebaseaduslik\\w* sanktsioon|tunnistas (?:tulemus|voit)",
            "gratulier|gluckwunsch|beglückwunsch|beglukwunsch|strategisch\\w* partner|unionsstaat|verbundet|bruderlich|einmischung|illegal\\w* sanktion|rechtswidrig\\w* sanktion|anerkann\\w* (?:das )?(?:ergebnis|wahlsieg)",
            "felicit|partenaire strategique|etat de l'union|allie|fraternel|ingerence|sanctions illegales|reconn\\w* (?:les resultats|la victoire)",
            "felicit|socio estrategico|estado de la union|aliado|fraternal|injerencia|sanciones ilegales|reconoc\\w* (?:los resultados|la victoria)",
            "congratul|felicit|partner strategico|stato dell'unione|alleato|fraterno|ingerenza|sanzioni illegali|riconosc\\w* (?:i risultati|la vittoria)",
            "felicit|parceiro estrategico|estado da uniao|aliado|fraterno|ingerencia|sancoes ilegais|reconhec\\w* (?:os resultados|a vitoria)",
            "feliciteer|gefeliciteerd|strategische partner|bondgenoot|broederlijk|inmenging|illegale sancties|erkend\\w* (?:de uitslag|de overwinning)",
            "gratuler|lyckonsk|strategisk partner|allierad|broderlig|inblandning|olagliga sanktioner",
            "gratuler|lykonsk|strategisk partner|allieret|broderlig|indblanding|ulovlige sanktioner",
            "gratuler|lykkonsk|strategisk partner|alliert|broderlig|innblanding|ulovlige sanksjoner",
            "onnitt|onnitel|strateginen kumppan|liittolai|veljellin|sekaantu|laittom\\w* pakot",
            "blahopre|gratul|strategick\\w* partner|svazov\\w* stat|spojen|bratrsk|vmesovan|nezakonn\\w* sankc",
            "blahoprial|blahozel|gratul|strategick\\w* partner|zvazov\\w* stat|spojen|bratsk|zasahovan|nezakonn\\w* sankci",
            "felicit|partener strategic|statul unional|aliat|fratesc|ingerint|sanctiuni ilegale",
            "gratulal|udvozol|strategiai partner|szovetseg\\w* allam|szovetseges|testveri|beavatkoz|illegalis szankci",
            "მიულოც|სტრატეგიულ პარტნ|მოკავშირ",
            "祝意|祝電|祝福|祝賀|戦略的パートナー|祝贺|战略伙伴",
        ],
        // ── measures only planned, considered, proposed (a statement until a legal act follows) ─
        ["planned"] =
        [
            "consider|could|would|may |might|propos|plan|prepar|discuss|threaten|ready to|in principle|next package|new package|further measures|on the table|draft|intends|intention|will impose|will consider|is working on|weighs|mulls|looming",
            "рассматрива|рассмотр|может|могут|предлож|планир|готов|обсужда|обсуд|пригроз|угрож|в принципе|следующ\\w* пакет|нов\\w* пакет|проект|намерен|намерева",
            "разгляда|можа|мо(?:гуць|жуць)|прапанав|прапано|плану|рыхту|гатов|абмярко|абмерка|пагроз|наступн\\w* пакет|нов\\w* пакет|праект|намер",
            "razhladaj|moza|prapanav|prapano|planu|rychtu|hatov|abmiark|pahroz|nastupn\\w* pakiet|nov\\w* pakiet|praiekt|namier",
            "розгляда|може|можуть|пропон|пропоз|плану|готу|готов|обговорю|обговор|погроз|наступн\\w* пакет|нов\\w* пакет|проєкт|намір",
            "rozwaz|moze|moga|propon|propozycj|planuj|przygotow|gotow|rozmaw|dyskut|grozi|kolejn\\w* pakiet|now\\w* pakiet|projekt|zamierza",
            "svarst|gali|siul|planuo|rengia|pasireng|diskut|grasin|kit\\w* paket|nauj\\w* paket|projekt|ketin",
            "apsver|varetu|var |piedava|plano|gatavo|apspried|draud|nakam\\w* paket|jaun\\w* paket|projekt|ieceri|gatav",
            "kaalu|voiks|voib|ettepanek|pakub|kavats|valmista|arutle|arutab|ahvarda|jargmi\\w* pakett|uus pakett|eelnou",
            "erwag|prüf|konnte|konnten|vorschlag|vorgeschlagen|plan|vorbereit|bereit|diskut|droh|nachstes paket|neues paket|entwurf|beabsichtig",
            "envisag|pourrait|propos|prepar|pret a|prets a|discut|menac|prochain paquet|nouveau paquet|projet|entend",
            "estudia|considera|podria|propon|propuesta|plane|prepar|dispuest|discut|amenaz|proximo paquete|nuevo paquete|borrador|pretende",
            "valut|considera|potrebbe|propo|propost|pianific|prepar|pront|discut|minacci|prossimo pacchetto|nuovo pacchetto|bozza|intende",
            "estuda|considera|poderia|propo|propost|planej|prepar|pront|discut|ameac|proximo pacote|novo pacote|projeto|pretende",
            "overweeg|zou kunnen|kan |voorstel|plan|voorbereid|bereid|bespre|dreig|volgend\\w* pakket|nieuw\\w* pakket|ontwerp|van plan",
            "overvag|skulle kunna|kan |forslag|foreslar|plan|forbered|beredd|diskuter|hota|nasta paket|nytt paket|utkast|avser",
            "overvej|kunne|forslag|foreslar|plan|forbered|parat|drofter|diskuter|truer|naeste pakke|ny pakke|udkast|agter",
            "vurder|kunne|forslag|foreslar|plan|forbered|beredt|drofter|diskuter|truer|neste pakke|ny pakke|utkast|har til hensikt",
            "harkit|voisi|ehdot|suunnit|valmistel|valmis|keskustel|uhka|seuraava\\w* paketti|uusi paketti|luonnos|aikoo",
            "zvaz|mohl|navrh|planu|priprav|pripraven|diskut|hroz|dalsi balik|novy balik|zamer",
            "zvaz|mohl|navrh|planu|priprav|pripraven|diskut|hroz|dalsi balik|novy balik|zamer",
            "analizeaz|ia in calcul|ar putea|propun|propuner|planific|pregat|dispus|discut|amenint|urmatorul pachet|nou pachet|proiect|intention",
            "fontolgat|merlegel|lehet|javasol|javaslat|tervez|elokeszit|kesz |targyal|fenyeget|kovetkezo csomag|uj csomag|tervezet|szandek",
            "განიხილავ|შეიძლება|გეგმავ|შესთავაზ",
            "検討|可能性|提案|計画|準備|考虑|计划",
        ],
    };

    /// <summary>
    /// The texts are pages' (the first <see cref="FeatureText.MaxChars"/> characters). A bounded stem is tried only where a
    /// word starts and the text there begins with the stem's literal prefix (a trie of all groups' prefixes, one pass over
    /// the text), by its group's stems anchored at that position; a match timeout guards these backtracking regexes. The
    /// stems matched anywhere (CJK) run on the non-backtracking engine.
    /// </summary>
    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>A group's stems: <paramref name="Anchored"/> matches them at the position a search starts from (\G).</summary>
    private sealed record Compiled(string Name, Regex Anchored, Regex? Anywhere);

    /// <summary>A trie node over the stems' literal prefixes: the groups whose prefix ends here (bit i = group i).</summary>
    private sealed class PrefixNode
    {
        public Dictionary<char, PrefixNode>? Next;
        public ulong Groups;

        public PrefixNode Child(char c)
        {
            Next ??= [];
            if (!Next.TryGetValue(c, out var node)) Next[c] = node = new PrefixNode();
            return node;
        }
    }

    private sealed record Matcher(List<Compiled> Groups, PrefixNode Prefixes);

    private static readonly Lazy<Matcher> Matchers = new(Build);

    private static Matcher Build()
    {
        if (Groups.Count > 64) throw new InvalidOperationException("the lexicon's prefix trie holds at most 64 groups");
        var root = new PrefixNode();
        var compiled = new List<Compiled>();
        foreach (var (name, lines) in Groups)
        {
            ulong bit = 1UL << compiled.Count;
            var bounded = new List<string>();
            var anywhere = new List<string>();
            foreach (var line in lines)
                foreach (var raw in SplitTopLevel(line))
                {
                    var stem = TextFold.Fold(raw);
                    if (stem.Length == 0) continue;
                    var isRegex = stem.Contains('\\') || stem.Contains('(') || stem.Contains('[') || stem.Contains('?');
                    if (IsCjk(stem)) { anywhere.Add(isRegex ? stem : Regex.Escape(stem).Replace("\\ ", " ")); continue; }
                    bounded.Add(isRegex ? stem : Regex.Escape(stem).Replace("\\ ", " "));
                    var node = root;
                    foreach (var c in LiteralPrefix(stem)) node = node.Child(c);
                    node.Groups |= bit;
                }
            var anchored = new Regex(@"\G(?:" + string.Join("|", bounded.Distinct().OrderByDescending(s => s.Length)) + ")",
                RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
            var a = anywhere.Count == 0 ? null : new Regex("(?:" + string.Join("|", anywhere.Distinct()) + ")", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            compiled.Add(new Compiled(name, anchored, a));
        }
        return new Matcher(compiled, root);
    }

    /// <summary>The characters every match of a stem begins with: up to its first regex construct, without a character that a
    /// quantifier makes optional ("freez\w* of" → "freez", "mo(?:gut|zut)" → "mo", "e-?mail" → "e").</summary>
    internal static string LiteralPrefix(string stem)
    {
        int i = 0;
        while (i < stem.Length && @"\()[].?*+{}|^$".IndexOf(stem[i]) < 0) i++;
        if (i < stem.Length && i > 0 && stem[i] is '?' or '*' or '{') i--;
        return stem[..i];
    }

    private static bool StartsWord(string text, int i) => i == 0 || !IsLetterOrNumber(text[i - 1]);

    private static bool IsLetterOrNumber(char c) => char.GetUnicodeCategory(c) switch
    {
        >= UnicodeCategory.UppercaseLetter and <= UnicodeCategory.OtherLetter => true,
        >= UnicodeCategory.DecimalDigitNumber and <= UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    /// <summary>
    /// Every bounded match of every group, as <c>Regex.Matches</c> of "(?&lt;![\p{L}\p{N}])(?:stems…)" would give them per group
    /// (left to right, not overlapping within a group), in one pass: <paramref name="onMatch"/>(group, index, length).
    /// </summary>
    private static void ScanBounded<TState>(Matcher m, string folded, ref TState state, MatchSink<TState> onMatch)
    {
        Span<int> resumeAt = stackalloc int[m.Groups.Count];
        for (int p = 0; p < folded.Length; p++)
        {
            if (!StartsWord(folded, p)) continue;
            var node = m.Prefixes;
            ulong groups = node.Groups;
            for (int j = p; j < folded.Length && node.Next is not null && node.Next.TryGetValue(folded[j], out var child); j++)
            {
                node = child;
                groups |= node.Groups;
            }
            while (groups != 0)
            {
                int g = BitOperations.TrailingZeroCount(groups);
                groups &= groups - 1;
                if (p < resumeAt[g]) continue;
                foreach (var match in m.Groups[g].Anchored.EnumerateMatches(folded, p))
                {
                    if (match.Index != p) break;
                    onMatch(ref state, g, p, match.Length);
                    resumeAt[g] = p + Math.Max(match.Length, 1);
                    break;
                }
            }
        }
    }

    private delegate void MatchSink<TState>(ref TState state, int group, int index, int length);

    /// <summary>Splits on '|' outside parentheses and brackets.</summary>
    internal static IEnumerable<string> SplitTopLevel(string line)
    {
        int depth = 0, start = 0;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '\\') { i++; continue; }
            if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth--;
            else if (c == '|' && depth == 0)
            {
                if (i > start) yield return line[start..i];
                start = i + 1;
            }
        }
        if (start < line.Length) yield return line[start..];
    }

    private static bool IsCjk(string s) => s.Any(c => c is >= '\u3040' and <= '\u30ff' or >= '\u3400' and <= '\u9fff');

    /// <summary>Number of matches per group in an already folded text.</summary>
    public static Dictionary<string, int> Count(string folded)
    {
        var m = Matchers.Value;
        var counts = new int[m.Groups.Count];
        ScanBounded(m, folded, ref counts, static (ref int[] c, int g, int _, int _) => c[g]++);
        var result = new Dictionary<string, int>();
        for (int g = 0; g < counts.Length; g++)
        {
            int n = counts[g] + (m.Groups[g].Anywhere?.Count(folded) ?? 0);
            if (n > 0) result[m.Groups[g].Name] = n;
        }
        return result;
    }

    /// <summary>Every match as (group index, index, length, matched anywhere), ordered as the regexes' matches concatenated
    /// group by group and sorted by position would be.</summary>
    private static List<(int Group, int Index, int Length)> AllMatches(Matcher m, string folded)
    {
        var found = new List<(int Group, int Index, int Length, bool Anywhere)>();
        ScanBounded(m, folded, ref found, static (ref List<(int, int, int, bool)> f, int g, int i, int l) => f.Add((g, i, l, false)));
        for (int g = 0; g < m.Groups.Count; g++)
            if (m.Groups[g].Anywhere is { } anywhere)
                foreach (var match in anywhere.EnumerateMatches(folded)) found.Add((g, match.Index, match.Length, true));
        return found.OrderBy(f => f.Index).ThenBy(f => f.Group).ThenBy(f => f.Anywhere).Select(f => (f.Group, f.Index, f.Length)).ToList();
    }

    /// <summary>
    /// The response types each group speaks for, for showing the cues to a reviewer. Generic sanctions speak for both kinds
    /// of sanctions; domestic news, easing, support of the authorities and planned measures speak for none.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> ResponseTypesOf = new Dictionary<string, string[]>
    {
        ["sanction"] = ["targeted_sanctions", "economic_measures"],
        ["target"] = ["targeted_sanctions"],
        ["economic"] = ["economic_measures"],
        ["diplomatic"] = ["diplomatic_measures"],
        ["support"] = ["support"],
        ["resolution"] = ["resolution"],
        ["investigation"] = ["investigation"],
        ["statement"] = ["statement"],
    };

    /// <summary>
    /// Every match of every group as a span of the original text (UTF-16 offsets), in reading order: the words the model
    /// reads, for showing them. A stem's span runs to the end of its word; spaces at its ends are left out. Empty for the
    /// rare text whose folding cannot be mapped back (<see cref="TextFold.FoldWithOffsets"/>).
    /// </summary>
    public static List<(int Start, int Length, string Group)> Find(string text)
    {
        var found = new List<(int Start, int Length, string Group)>();
        if (TextFold.FoldWithOffsets(text) is not var (folded, starts, ends)) return found;
        var m = Matchers.Value;
        foreach (var (group, index, length) in AllMatches(m, folded))
        {
            if (length == 0) continue;
            int from = starts[index], to = ends[index + length - 1];
            while (to < text.Length && char.IsLetterOrDigit(text[to]) && !IsCjk(text[to].ToString())) to++;
            while (to > from && char.IsWhiteSpace(text[to - 1])) to--;
            while (from < to && char.IsWhiteSpace(text[from])) from++;
            if (to > from) found.Add((from, to - from, m.Groups[group].Name));
        }
        return found;
    }

    /// <summary>The matched strings per group (for debugging and tests).</summary>
    public static Dictionary<string, List<string>> Matches(string text)
    {
        var folded = TextFold.Fold(text);
        var m = Matchers.Value;
        var result = new Dictionary<string, List<string>>();
        foreach (var (group, index, length) in AllMatches(m, folded).OrderBy(x => x.Group))
        {
            var name = m.Groups[group].Name;
            if (!result.TryGetValue(name, out var list)) result[name] = list = [];
            list.Add(folded.Substring(index, length));
        }
        return result;
    }
}
